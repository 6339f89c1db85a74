"""The volunteer editor's admin (issue 14): a dashboard that says what they can do and where
their items are, a Dutch manual, plain words in the edit form, and plain messages in the
moderation flow."""

import re
from html import unescape

import pytest
from wagtail.models import WorkflowState

from news.models import NewsPage

from .admin_forms import add_url, news_form_data

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    return client.get("/beheer/").content.decode()


def submit(client, editor, index, action, **fields):
    client.force_login(editor)
    response = client.post(add_url(index), news_form_data(action=action, **fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsPage.objects.get(slug=fields["slug"])


def test_dashboard_offers_to_write_for_the_editors_own_buurt(client, demo_user, pottenberg_news):
    html = dashboard(client, demo_user("redactie-pottenberg"))
    link = re.search(
        r'<a[^>]+href="([^"]+)"[^>]*>(?:(?!</a>).)*Schrijf een nieuwsbericht voor Pottenberg',
        html,
        re.S,
    )
    assert link and link.group(1) == add_url(pottenberg_news)
    assert "Ter goedkeuring aanbieden" in html  # what happens after writing, in its own words
    assert "Nazareth" not in html  # not a buurt this editor writes for
    assert "/beheer/handleiding/" in html
    assert "guide.wagtail.org" not in html  # Wagtail's English guide left the help menu


def test_trusted_editor_reads_that_they_publish_themselves(client, demo_user):
    html = dashboard(client, demo_user("redactie-wyck"))
    assert "Schrijf een nieuwsbericht voor Wyck" in html
    assert "Je mag in Wyck zelf publiceren" in html


def test_dashboard_lists_drafts_and_submissions_with_their_status(
    client, demo_user, pottenberg_news
):
    editor = demo_user("redactie-pottenberg")
    submit(client, editor, pottenberg_news, None, title="Concept over de markt", slug="markt")
    sent = submit(client, editor, pottenberg_news, "submit", title="Buurtfeest", slug="buurtfeest")
    assert sent.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    html = dashboard(client, editor)
    rows = {
        re.sub(r"<[^>]+>", "", title).strip(): status.strip()
        for title, status in re.findall(
            r'<td class="title">(.*?)</td>\s*<td>(.*?)</td>', html, re.S
        )
    }
    assert rows["Concept over de markt"] == "Concept: nog niet op de site"
    assert rows["Buurtfeest"] == "Wacht op goedkeuring"


def test_manual_is_in_plain_dutch(client, demo_user):
    client.force_login(demo_user("redactie-pottenberg"))
    html = client.get("/beheer/handleiding/").content.decode()
    assert "<title>Handleiding voor buurtredacteuren" in html
    assert "Webadres" in html and "Ter goedkeuring aanbieden" in html


def test_edit_form_speaks_plainly_and_hides_the_example_flag_from_editors(
    client, demo_user, pottenberg_news
):
    client.force_login(demo_user("redactie-pottenberg"))
    html = client.get(add_url(pottenberg_news)).content.decode()
    assert "Ter goedkeuring aanbieden" in html
    assert "Stuur door naar" not in html  # Wagtail's label with the workflow's name
    assert "Webadres" in html and "Titel voor zoekmachines" in html
    assert "Titel tag" not in html and "Titeltag" not in html
    assert 'name="is_demo"' not in html
    assert "b1-hint.js" in html and "b1-hint-messages" in html

    client.force_login(demo_user("moderator"))
    assert 'name="is_demo"' in client.get(add_url(pottenberg_news)).content.decode()


def test_moderator_reads_approved_and_published(client, demo_user, pottenberg_news):
    page = submit(client, demo_user("redactie-pottenberg"), pottenberg_news, "submit",
                  title="Buurtfeest", slug="buurtfeest")  # fmt: skip
    client.force_login(demo_user("moderator"))
    data = news_form_data(title="Buurtfeest", slug="buurtfeest")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(f"/beheer/pages/{page.pk}/edit/", data, follow=True)
    page.refresh_from_db()
    assert page.live
    assert "'Buurtfeest' is goedgekeurd en gepubliceerd." in unescape(response.content.decode())


def test_userbar_only_for_people_who_edit(client, demo_user, news_item):
    item = news_item(title="Koffie")
    assert "wagtail-userbar" not in client.get(item.url).content.decode()
    client.force_login(demo_user("redactie-pottenberg"))
    assert "wagtail-userbar" in client.get(item.url).content.decode()
    client.force_login(demo_user("bewoner"))  # a resident has no admin: no userbar
    assert "wagtail-userbar" not in client.get(item.url).content.decode()

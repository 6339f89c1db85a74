"""The permission matrix for news: role x place x action, both ways (allowed and refused)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from neighbourhoods import roles
from news.models import NewsPage

from .admin_forms import add_url, news_form_data
from .factories import NewsPageFactory

pytestmark = pytest.mark.django_db

ACTIONS = ["add", "open_add_form", "edit", "open_in_admin", "preview", "publish"]
ALL = dict.fromkeys(ACTIONS, True)
NONE = dict.fromkeys(ACTIONS, False)
EDITOR = {**ALL, "publish": False}

# role -> {place -> what the role may do with a draft there and under the place's news index}
MATRIX = {
    "moderator": {"pottenberg": ALL, "nazareth": ALL, "stad": ALL},
    "redactie-pottenberg": {"pottenberg": EDITOR, "nazareth": NONE, "stad": NONE},
    "redactie-nazareth": {"pottenberg": NONE, "nazareth": EDITOR, "stad": NONE},
    "vertrouwd-pottenberg": {"pottenberg": ALL, "nazareth": NONE, "stad": NONE},
    "initiatiefnemer": {"pottenberg": NONE, "nazareth": NONE, "stad": NONE},
    "bewoner": {"pottenberg": NONE, "nazareth": NONE, "stad": NONE},
}


@pytest.fixture
def user_for_role(demo_user, pottenberg):
    def get(role):
        if role == "vertrouwd-pottenberg":
            user = get_user_model().objects.create_user("vertrouwd@example.org", "x")
            user.groups.add(Group.objects.get(name=roles.trusted_editors_group_name(pottenberg)))
            return user
        return demo_user(role)

    return get


@pytest.fixture
def indexes(pottenberg_news, nazareth_news, city_news):
    return {"pottenberg": pottenberg_news, "nazareth": nazareth_news, "stad": city_news}


def draft_in(index, author):
    """A draft someone else wrote there: never published, one revision."""
    page = NewsPageFactory(parent=index, live=False, owner=author)
    page.save_revision(user=author)
    return page


def observed(client, user, index, draft):
    client.force_login(user)
    index_permissions = index.permissions_for_user(user)
    draft_permissions = draft.permissions_for_user(user)
    return {
        "add": index_permissions.can_add_subpage() and NewsPage.can_create_at(index),
        "open_add_form": client.get(add_url(index)).status_code == 200,
        "edit": draft_permissions.can_edit(),
        "open_in_admin": client.get(f"/beheer/pages/{draft.pk}/edit/").status_code == 200,
        "preview": client.get(f"/beheer/pages/{draft.pk}/view_draft/").status_code == 200,
        "publish": draft_permissions.can_publish(),
    }


@pytest.mark.parametrize(
    ("role", "place"), [(role, place) for role in MATRIX for place in MATRIX[role]]
)
def test_permission_matrix_for_news(client, user_for_role, demo_user, indexes, role, place):
    draft = draft_in(indexes[place], demo_user("moderator"))
    assert observed(client, user_for_role(role), indexes[place], draft) == MATRIX[role][place]


def test_editor_cannot_see_other_buurten_in_the_explorer(client, demo_user, nazareth_news):
    draft_in(nazareth_news, demo_user("redactie-nazareth"))
    client.force_login(demo_user("redactie-pottenberg"))
    assert client.get(f"/beheer/pages/{nazareth_news.pk}/").status_code in (302, 403)


def test_editor_publish_button_is_a_submit_for_moderation(client, demo_user, pottenberg_news):
    client.force_login(demo_user("redactie-pottenberg"))
    html = client.get(add_url(pottenberg_news)).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_editor_posting_publish_anyway_does_not_go_live(client, demo_user, pottenberg_news):
    client.force_login(demo_user("redactie-pottenberg"))
    data = news_form_data(title="Stiekem live", slug="stiekem-live", action="publish")
    client.post(add_url(pottenberg_news), data)
    page = NewsPage.objects.get(slug="stiekem-live")
    assert not page.live
    assert client.get(page.url or "/pottenberg/nieuws/stiekem-live/").status_code in (302, 404)


def test_trusted_editor_publishes_directly(client, user_for_role, pottenberg_news):
    client.force_login(user_for_role("vertrouwd-pottenberg"))
    data = news_form_data(title="Direct online", slug="direct-online", action="publish")
    response = client.post(add_url(pottenberg_news), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="direct-online")
    assert page.live and page.first_published_at
    client.logout()
    assert client.get("/pottenberg/nieuws/direct-online/").status_code == 200


def test_editor_cannot_write_in_another_buurt_by_posting(client, demo_user, nazareth_news):
    client.force_login(demo_user("redactie-pottenberg"))
    data = news_form_data(title="Inbreker", slug="inbreker", action="submit")
    response = client.post(add_url(nazareth_news), data)
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.filter(slug="inbreker").exists()

"""Residents launch ideas, the buurt's editors check and answer them, neighbours support them."""

import feedparser
import pytest
from django.core import mail

from notifications import outbox
from participation import services
from participation.choices import IdeaReview, IdeaStatus
from participation.models import Idea, Support
from tim.models import Theme

pytestmark = pytest.mark.django_db


def launch(client, title="Een moestuin bij de school", **extra):
    data = {"title": title, "description": "Samen groente kweken met de kinderen.", **extra}
    return client.post("/pottenberg/ideeen/nieuw/", data, follow=True)


def test_a_launched_idea_waits_for_the_buurt_editors_and_is_then_public(
    client, make_resident, demo_user
):
    anna = make_resident(name="Anna")
    client.force_login(anna)
    response = launch(client, thema=[])
    assert "De redactie van de buurt bekijkt je idee" in response.content.decode()
    idea = Idea.objects.get()
    assert idea.review == IdeaReview.PENDING
    assert "wacht op controle" in client.get(idea.url).content.decode()

    client.logout()
    assert client.get(idea.url).status_code == 404
    assert "Een moestuin bij de school" not in client.get("/pottenberg/ideeen/").content.decode()

    client.force_login(demo_user("redactie-nazareth"))
    client.post(f"/beheer/buurtplein/ideeen/{idea.pk}/check/", {"publish": "1"})
    idea.refresh_from_db()
    assert idea.review == IdeaReview.PENDING  # not their buurt

    client.force_login(demo_user("redactie-pottenberg"))
    assert "Een moestuin bij de school" in client.get("/beheer/buurtplein/ideeen/").content.decode()
    client.post(f"/beheer/buurtplein/ideeen/{idea.pk}/check/", {"publish": "1"})
    client.logout()
    assert "Een moestuin bij de school" in client.get("/pottenberg/ideeen/").content.decode()
    assert "Een moestuin bij de school" in client.get("/ideeen/").content.decode()
    outbox.send_due()
    assert any("online" in m.subject and m.to == [anna.email] for m in mail.outbox)


def test_a_photo_needs_alt_text(client, make_resident):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.news.factories import image_bytes

    client.force_login(make_resident())
    photo = SimpleUploadedFile("plek.jpg", image_bytes(), content_type="image/jpeg")
    response = launch(client, photo=photo)
    assert "Zeg in één zin wat er op de foto staat." in response.content.decode()
    photo = SimpleUploadedFile("plek.jpg", image_bytes(), content_type="image/jpeg")
    launch(client, photo=photo, photo_alt="Een leeg grasveld naast de school.")
    assert Idea.objects.get().photo.description == "Een leeg grasveld naast de school."


def test_support_once_with_an_optional_name_and_stop_supporting(client, make_idea, make_resident):
    idea = make_idea()
    anna, ben = make_resident(name="Anna"), make_resident(name="Ben")
    client.force_login(anna)
    client.post(f"{idea.url}steunen/", {"show_name": "on"})
    client.post(f"{idea.url}steunen/", {"show_name": "on"})
    client.force_login(ben)
    client.post(f"{idea.url}steunen/")
    html = client.get(idea.url).content.decode()
    assert "2 bewoners steunen dit idee." in html
    assert "Anna" in html and "Ben" not in html.split("Waaronder:")[1].split("</p>")[0]
    client.post(f"{idea.url}steunen/", {"steun": "0"})
    assert Support.objects.filter(idea=idea).count() == 1


def test_a_blocked_account_cannot_support(client, make_idea, make_resident):
    from django.utils import timezone

    from participation.models import Participant

    idea = make_idea()
    blocked = make_resident()
    Participant.objects.create(user=blocked, blocked_at=timezone.now(), blocked_reason="Spam")
    client.force_login(blocked)
    response = client.post(f"{idea.url}steunen/", follow=True)
    assert "Je account is geblokkeerd" in response.content.decode()
    assert not Support.objects.exists()


def test_an_answer_with_a_status_is_public_and_reaches_author_and_supporters(
    client, make_idea, make_resident, demo_user
):
    author, fan = make_resident(), make_resident()
    idea = make_idea(author=author)
    services.support_add(user=fan, idea=idea)
    client.force_login(demo_user("redactie-pottenberg"))
    response = client.post(
        f"/beheer/buurtplein/ideeen/{idea.pk}/antwoord/",
        {"status": IdeaStatus.NOT_FEASIBLE, "text": ""},
        follow=True,
    )
    assert "Kies een status en schrijf het antwoord." in response.content.decode()
    client.post(
        f"/beheer/buurtplein/ideeen/{idea.pk}/antwoord/",
        {"status": IdeaStatus.NOT_FEASIBLE, "text": "Het veld is van de woningcorporatie."},
    )
    client.logout()
    html = client.get(idea.url).content.decode()
    assert "Niet haalbaar" in html
    assert "Het veld is van de woningcorporatie." in html
    outbox.send_due()
    told = {m.to[0] for m in mail.outbox if "Niet haalbaar" in m.subject}
    assert told == {author.email, fan.email}


def test_the_city_list_filters_by_buurt_wijk_theme_and_status(client, make_idea, nazareth):
    green = Theme.objects.get(slug="groen-dieren-leefomgeving")
    make_idea(title="Bankjes Pottenberg").themes.set([green])
    make_idea(title="Speeltuin Nazareth", buurt=nazareth, status=IdeaStatus.DONE)
    make_idea(title="Nog niet gecontroleerd", published=False)

    def titles(query):
        html = client.get(f"/ideeen/{query}").content.decode()
        return {t for t in ("Bankjes Pottenberg", "Speeltuin Nazareth") if t in html}

    assert titles("") == {"Bankjes Pottenberg", "Speeltuin Nazareth"}
    assert "Nog niet gecontroleerd" not in client.get("/ideeen/").content.decode()
    assert titles("?buurt=nazareth") == {"Speeltuin Nazareth"}
    assert titles(f"?wijk={nazareth.wijk}") == {"Speeltuin Nazareth"}
    assert titles("?thema=groen-dieren-leefomgeving") == {"Bankjes Pottenberg"}
    assert titles("?status=afgerond") == {"Speeltuin Nazareth"}


def test_rss_lists_published_ideas(client, make_idea):
    idea = make_idea(title="Bloemen op het plein")
    make_idea(title="Verborgen idee", published=False)
    feed = feedparser.parse(client.get("/pottenberg/ideeen/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Bloemen op het plein"]
    assert feed.entries[0].link.endswith(idea.url)


def test_residents_react_on_an_idea(client, make_idea, make_resident):
    idea = make_idea()
    client.force_login(make_resident(trusted=True))
    client.post(f"/reageren/idee/{idea.pk}/", {"text": "Ik help graag mee!"})
    client.logout()
    assert "Ik help graag mee!" in client.get(idea.url).content.decode()


def test_published_ideas_are_in_the_api_without_personal_data(client, make_idea, make_resident):
    idea = make_idea(title="Fietsenstalling", author=make_resident(name="Anna"))
    make_idea(title="Niet gecontroleerd", published=False)
    data = client.get("/api/v2/ideas/?buurt=pottenberg").json()
    assert [item["title"] for item in data["items"]] == ["Fietsenstalling"]
    assert data["items"][0]["html_url"].endswith(idea.url)
    assert "Anna" not in client.get(f"/api/v2/ideas/{idea.pk}/").content.decode()


def test_an_editor_turns_an_idea_into_a_draft_initiative_linked_both_ways(
    client, make_idea, demo_user
):
    idea = make_idea(title="Repair café", description="Samen spullen repareren.")
    client.force_login(demo_user("redactie-pottenberg"))
    response = client.post(f"/beheer/buurtplein/ideeen/{idea.pk}/initiatief/")
    idea.refresh_from_db()
    page = idea.initiative.specific
    assert response.url == f"/beheer/pages/{page.pk}/edit/"
    assert (page.title, page.intro, page.live) == ("Repair café", "Samen spullen repareren.", False)
    assert page.get_parent().get_parent().slug == "pottenberg"

    page.save_revision().publish()
    client.logout()
    assert page.url in client.get(idea.url).content.decode()
    assert idea.url in client.get(page.url).content.decode()

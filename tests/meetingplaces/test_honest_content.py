"""Residents read plain Dutch, not the notes of whoever read the sources; editors keep those.

The demo content is loaded as `make run` loads it, then the public pages are read.
"""

import re

import pytest

from initiatives import demo as initiatives_demo
from meetingplaces import demo as meetingplaces_demo
from meetingplaces.models import MeetingPlacePage, PartnerOrganisation

from .factories import add_place

pytestmark = pytest.mark.django_db

SOURCE_TALK = re.compile(
    r"boekje|staat niet in de bron|staat er niet|bron\b|seed|= ook|± €|,00\b|welke, staat",
    re.IGNORECASE,
)


@pytest.fixture
def demo_places(db):
    meetingplaces_demo.load()
    initiatives_demo.load()
    return MeetingPlacePage.objects.live()


def visible_text(html):
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_no_place_page_shows_source_notes_to_residents(client, demo_places):
    assert demo_places.count() == 11
    for place in demo_places:
        text = visible_text(client.get(place.url).text)
        assert not SOURCE_TALK.search(text), (place.title, SOURCE_TALK.search(text).group(0))
        assert place.source_note  # the editors keep what the source says


def test_the_source_note_is_for_editors_only(client, demo_places):
    beihuis = demo_places.get(slug="beihuis")
    assert "Het boekje zegt: open 4 dagen per week" in beihuis.source_note
    public = client.get(beihuis.url).text
    assert "BeiHuis is 4 dagen per week open. Op welke dagen weten we nog niet." in public
    assert "Het boekje zegt" not in public


def test_partner_organisations_speak_plainly(client, demo_places):
    text = visible_text(client.get("/ontmoetingsplekken/").text)
    assert "Trajekt" in text
    for partner in PartnerOrganisation.objects.all():
        for value in [partner.description, partner.supports, partner.area]:
            assert not SOURCE_TALK.search(value), value
    assert "ongeveer € 90.000" in text


def test_demo_hours_stay_marked_as_example_data(client, demo_places):
    assert all(place.hours_are_example for place in demo_places)
    page = client.get(demo_places.get(slug="werkhuis").url).text
    assert "Voorbeeldgegevens." in page


def test_advice_to_call_or_mail_only_where_there_is_a_phone_or_email(client, pottenberg):
    silent = add_place(pottenberg, "Zonder contact", hours_are_example=True)
    reachable = add_place(pottenberg, "Met telefoon", hours_are_example=True, phone="043 123 45 67")
    assert "Bel of mail voor je gaat" not in client.get(silent.url).text
    assert "Weet je de echte openingstijden? Laat het ons weten." in client.get(silent.url).text
    assert "Bel of mail voor je gaat" in client.get(reachable.url).text


def test_the_privacy_page_names_every_third_party_and_what_organisers_receive(client):
    text = visible_text(client.get("/privacy/").text)
    for named in ["tile.openstreetmap.org", "Google Maps", "Gravatar", "IP-adres"]:
        assert named in text, named
    assert "De organisatoren van de activiteit krijgen je naam en e-mailadres" in text
    assert "De organisatoren krijgen je naam, je e-mailadres en je bericht" in text


def test_the_admin_fetches_no_avatar_from_gravatar(client, demo_user):
    client.force_login(demo_user("initiatiefnemer"))
    assert "gravatar" not in client.get("/beheer/").text.lower()

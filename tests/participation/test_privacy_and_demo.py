"""Reactions and reports are in the data download; the demo puts examples in two buurten."""

import json

import pytest

from participation import services

pytestmark = pytest.mark.django_db


def test_the_data_download_holds_reactions_reports_and_a_block(
    client, article, make_resident, demo_user
):
    anna = make_resident(trusted=True)
    other = services.reaction_create(user=make_resident(trusted=True), target=article, text="Hoi")
    mine = services.reaction_create(user=anna, target=article, text="Mijn woorden")
    services.report_create(user=anna, reaction=other, reason="reclame", explanation="Reclame")
    services.moderate(
        moderator=demo_user("moderator"), reaction=mine, action="block", reason="Test"
    )
    client.force_login(anna)
    data = json.loads(client.post("/mijn-account/mijn-gegevens/").content)
    part = data["participation"]
    assert part["reactions"][0]["text"] == "Mijn woorden"
    assert part["reactions"][0]["on"] == article.title
    assert part["reports"][0]["explanation"] == "Reclame"
    assert part["moderation"]["reason_for_block"] == "Test"


def test_demo_reactions_in_pottenberg_and_nazareth_are_labelled_as_examples(client):
    from news import demo as news_demo
    from participation import demo
    from participation.models import Idea, Reaction

    news_demo.load()
    demo.load()
    demo.load()  # a second run adds nothing
    assert Reaction.objects.filter(is_demo=True).count() == 6
    html = client.get("/pottenberg/nieuws/koffie-op-het-pleintje/").content.decode()
    assert "Ik kom de volgende keer ook, met appeltaart." in html
    assert "voorbeeld" in html
    html = client.get("/nazareth/nieuws/denk-mee-over-de-toekomst-van-nazareth/").content.decode()
    assert "Antwoord van de redactie" in html
    html = client.get("/nazareth/ideeen/").content.decode()
    assert "Taalcafé in het buurthuis" in html and "Voorbeeld" in html
    crossing = Idea.objects.get(title="Veilig oversteken bij de school")
    assert crossing.has_point  # the demo shows an idea on the map
    assert 'data-lat="50.86790"' in client.get(crossing.url).content.decode()
    assert Idea.objects.filter(is_demo=True).count() == 4
    html = client.get("/ideeen/?status=in-gesprek").content.decode()
    assert "Bankjes bij het pleintje" in html
    html = client.get("/denk-mee/").content.decode()
    assert "Wat wil je in het buurthuis van Nazareth?" in html
    assert "Hoe hoor jij van activiteiten in je buurt?" in html


def test_on_deletion_ideas_stay_by_a_deleted_resident_and_supports_and_answers_go(
    client, make_idea, make_resident, make_consultation
):
    from accounts.services import delete_account

    anna = make_resident(name="Anna")
    idea = make_idea(author=anna, title="Bankjes", latitude="50.85100", longitude="5.65700")
    services.support_add(user=anna, idea=idea)
    services.support_add(user=make_resident(), idea=idea)
    consultation = make_consultation()
    services.consultation_answer(
        user=anna, consultation=consultation, choices={consultation.questions[0].id: 1}
    )
    client.force_login(anna)
    data = json.loads(client.post("/mijn-account/mijn-gegevens/").content)["participation"]
    assert data["ideas"][0]["title"] == "Bankjes"
    assert (data["ideas"][0]["latitude"], data["ideas"][0]["longitude"]) == ("50.85100", "5.65700")
    assert data["supports"][0]["idea"] == "Bankjes"
    assert data["consultation_answers"][0]["consultation"] == consultation.title

    delete_account(user=anna)
    client.logout()
    html = client.get(idea.url).content.decode()
    assert "Idee van verwijderde bewoner" in html
    assert "1 bewoner steunt dit idee." in html
    assert consultation.totals()[0]["options"][1]["count"] == 0

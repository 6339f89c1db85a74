"""Residents with a verified account react and reply; the first reactions of a new account wait."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from participation import services
from participation.choices import ReactionStatus
from participation.models import Reaction

pytestmark = pytest.mark.django_db


def react(client, page, text, parent=None):
    data = {"text": text} | ({"parent": parent.pk} if parent else {})
    return client.post(f"/reageren/{page.pk}/", data, follow=True)


def test_a_trusted_resident_reacts_and_everyone_reads_it_with_their_name(
    client, article, make_resident
):
    anna = make_resident(trusted=True, name="Anna uit Pottenberg")
    client.force_login(anna)
    response = react(client, article, "Goed idee, ik kom ook!")
    assert "Bedankt voor je reactie." in response.content.decode()

    client.logout()
    html = client.get(article.url).content.decode()
    assert "Goed idee, ik kom ook!" in html
    assert "Anna uit Pottenberg" in html
    assert "Log in om te reageren" in html


def test_a_new_accounts_first_reaction_is_held_until_a_moderator_approves_it(
    client, article, make_resident, demo_user
):
    new = make_resident()
    client.force_login(new)
    response = react(client, article, "Mijn eerste reactie")
    assert "Een moderator bekijkt je reactie eerst" in response.content.decode()
    assert "Alleen jij ziet deze reactie" in client.get(article.url).content.decode()

    client.logout()
    assert "Mijn eerste reactie" not in client.get(article.url).content.decode()

    reaction = Reaction.objects.get(text="Mijn eerste reactie")
    services.moderate(moderator=demo_user("moderator"), reaction=reaction, action="restore")
    assert "Mijn eerste reactie" in client.get(article.url).content.decode()

    # approved once: the next reaction shows at once
    client.force_login(new)
    react(client, article, "Mijn tweede reactie")
    client.logout()
    assert "Mijn tweede reactie" in client.get(article.url).content.decode()


def test_an_unverified_account_is_told_to_confirm_its_address_first(client, article, make_resident):
    client.force_login(make_resident(verified=False))
    assert "Bevestig eerst je e-mailadres" in client.get(article.url).content.decode()
    response = react(client, article, "Hallo")
    assert "Bevestig eerst je e-mailadres" in response.content.decode()
    assert not Reaction.objects.exists()


def test_one_level_of_replies_shown_under_the_reaction_oldest_first(client, article, make_resident):
    anna, ben = make_resident(trusted=True), make_resident(trusted=True)
    client.force_login(anna)
    react(client, article, "Eerste")
    first = Reaction.objects.get()
    client.force_login(ben)
    react(client, article, "Antwoord op eerste", parent=first)
    reply = Reaction.objects.get(text="Antwoord op eerste")
    assert reply.parent == first

    # replying to a reply is refused: one level
    response = react(client, article, "Antwoord op antwoord", parent=reply)
    assert "alleen reageren op een reactie op deze pagina" in response.content.decode()
    html = client.get(article.url).content.decode()
    assert html.index("Eerste") < html.index("Antwoord op eerste")


def test_the_author_edits_within_15_minutes_and_deletes_their_own(client, article, make_resident):
    anna = make_resident(trusted=True)
    client.force_login(anna)
    react(client, article, "Tikfout hier")
    reaction = Reaction.objects.get()
    client.post(f"/reacties/{reaction.pk}/wijzigen/", {"text": "Geen tikfout meer"})
    assert "Geen tikfout meer" in client.get(article.url).content.decode()

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = client.post(
            f"/reacties/{reaction.pk}/wijzigen/", {"text": "Te laat"}, follow=True
        )
        assert "alleen in de eerste 15 minuten" in response.content.decode()
    reaction.refresh_from_db()
    assert reaction.text == "Geen tikfout meer"

    other = make_resident(trusted=True)
    client.force_login(other)
    assert client.post(f"/reacties/{reaction.pk}/verwijderen/").status_code == 403
    client.force_login(anna)
    client.post(f"/reacties/{reaction.pk}/verwijderen/")
    html = client.get(article.url).content.decode()
    assert "Geen tikfout meer" not in html
    assert "De schrijver heeft deze reactie verwijderd." in html


def test_the_pages_editor_closes_reacting_and_residents_see_it_is_closed(
    client, article, make_resident, demo_user
):
    anna = make_resident(trusted=True)
    client.force_login(anna)
    react(client, article, "Nog net op tijd")
    assert client.post(f"/reageren/{article.pk}/sluiten/", {"closed": "1"}).status_code == 403

    client.force_login(demo_user("redactie-pottenberg"))
    client.post(f"/reageren/{article.pk}/sluiten/", {"closed": "1"})

    client.force_login(anna)
    html = client.get(article.url).content.decode()
    assert "Reageren is gesloten." in html
    assert "Nog net op tijd" in html
    response = react(client, article, "Te laat")
    assert "Reageren is gesloten op deze pagina." in response.content.decode()
    assert Reaction.objects.count() == 1


def test_a_deleted_account_leaves_its_reaction_as_by_a_deleted_resident(
    client, article, make_resident
):
    from accounts.services import delete_account

    anna = make_resident(trusted=True, name="Anna")
    client.force_login(anna)
    react(client, article, "Blijft staan")
    delete_account(user=anna)
    client.logout()
    html = client.get(article.url).content.decode()
    assert "Blijft staan" in html
    assert "verwijderde bewoner" in html
    assert Reaction.objects.get().status == ReactionStatus.VISIBLE

"""Reports hide a reaction at the threshold; moderators act from one queue; blocks hold."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from notifications import outbox
from notifications.models import OutgoingEmail
from participation import services
from participation.choices import ReactionStatus
from participation.models import BuurtModeration, ParticipationSettings, Reaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def reaction(article, make_resident):
    return services.reaction_create(
        user=make_resident(trusted=True, name="Piet"), target=article, text="Dit is mijn mening"
    )


def report(client, reaction, user, reason="kwetsend"):
    client.force_login(user)
    return client.post(f"/reacties/{reaction.pk}/melden/", {"reason": reason}, follow=True)


def test_three_reports_from_different_accounts_hide_it_and_a_moderator_restores_it(
    client, article, reaction, make_resident, demo_user
):
    reporters = [make_resident() for _ in range(3)]
    report(client, reaction, reporters[0])
    report(client, reaction, reporters[0])  # the same person twice counts once
    report(client, reaction, reporters[1])
    client.logout()
    assert "Dit is mijn mening" in client.get(article.url).content.decode()

    response = report(client, reaction, reporters[2])
    assert "Een moderator kijkt naar je melding" in response.content.decode()
    client.logout()
    assert "Dit is mijn mening" not in client.get(article.url).content.decode()

    moderator = demo_user("moderator")
    client.force_login(moderator)
    queue = client.get("/beheer/buurtplein/?toon=gemeld").content.decode()
    assert "Dit is mijn mening" in queue
    assert "3 open meldingen" in queue
    client.post(f"/beheer/buurtplein/{reaction.pk}/actie/", {"action": "restore"})
    client.logout()
    assert "Dit is mijn mening" in client.get(article.url).content.decode()
    assert ModelLogEntry.objects.filter(action="participation.restore").exists()


def test_the_threshold_is_a_setting(client, reaction, make_resident):
    settings = ParticipationSettings.load()
    settings.report_threshold = 1
    settings.save()
    report(client, reaction, make_resident())
    reaction.refresh_from_db()
    assert reaction.status == ReactionStatus.REPORTED


def test_hiding_sends_the_reason_to_the_author_and_is_in_the_audit_log(
    client, article, reaction, demo_user
):
    client.force_login(demo_user("moderator"))
    response = client.post(
        f"/beheer/buurtplein/{reaction.pk}/actie/",
        {"action": "hide", "reason": "Dit gaat over iemands adres.", "next": "/beheer/buurtplein/"},
    )
    assert response.status_code == 302
    reaction.refresh_from_db()
    assert reaction.status == ReactionStatus.HIDDEN
    entry = ModelLogEntry.objects.get(action="participation.hide")
    assert entry.data["reason"] == "Dit gaat over iemands adres."
    assert entry.user_id == demo_user("moderator").pk

    outbox.send_due()
    message = next(m for m in mail.outbox if m.to == [reaction.author.email])
    assert message.subject == "Je reactie is verborgen"
    assert "Dit gaat over iemands adres." in message.body
    assert "Dit gaat over iemands adres." in message.alternatives[0][0]


def test_hiding_without_a_reason_is_refused(client, reaction, demo_user):
    client.force_login(demo_user("moderator"))
    response = client.post(
        f"/beheer/buurtplein/{reaction.pk}/actie/", {"action": "hide"}, follow=True
    )
    assert "Geef een reden" in response.content.decode()
    reaction.refresh_from_db()
    assert reaction.status == ReactionStatus.VISIBLE


def test_a_blocked_account_cannot_react_or_report_and_is_told_why(
    client, article, reaction, make_resident, demo_user
):
    client.force_login(demo_user("moderator"))
    client.post(
        f"/beheer/buurtplein/{reaction.pk}/actie/",
        {"action": "block", "reason": "Steeds scheldwoorden."},
    )
    client.force_login(reaction.author)
    page = client.get(article.url).content.decode()
    assert "Je account is geblokkeerd" in page
    assert "Steeds scheldwoorden." in page
    response = client.post(f"/reageren/{article.pk}/", {"text": "Toch nog iets"}, follow=True)
    assert "Je account is geblokkeerd" in response.content.decode()
    assert not Reaction.objects.filter(text="Toch nog iets").exists()

    other = services.reaction_create(
        user=make_resident(trusted=True), target=article, text="Andere reactie"
    )
    response = report(client, other, reaction.author)
    assert "Je account is geblokkeerd" in response.content.decode()
    assert not other.reports.exists()
    assert OutgoingEmail.objects.filter(
        kind="participation.moderation", address=reaction.author.email
    ).exists()


def test_premoderation_holds_every_reaction_in_that_buurt_only(
    client, article, nazareth_article, make_resident, demo_user, pottenberg
):
    client.force_login(demo_user("moderator"))
    client.post(f"/beheer/buurtplein/voormoderatie/{pottenberg.pk}/", {"on": "1"})
    assert BuurtModeration.objects.get(buurt=pottenberg).premoderation

    trusted = make_resident(trusted=True)
    held = services.reaction_create(user=trusted, target=article, text="In Pottenberg")
    shown = services.reaction_create(user=trusted, target=nazareth_article, text="In Nazareth")
    assert held.status == ReactionStatus.HELD
    assert shown.status == ReactionStatus.VISIBLE
    queue = client.get(f"/beheer/buurtplein/?toon=wacht&buurt={pottenberg.pk}").content.decode()
    assert "In Pottenberg" in queue
    assert "Voormoderatie staat aan in Pottenberg" in queue


def test_buurt_editors_moderate_their_own_buurt_only(
    client, article, nazareth_article, make_resident, demo_user
):
    resident = make_resident(trusted=True)
    here = services.reaction_create(user=resident, target=article, text="Reactie in Pottenberg")
    there = services.reaction_create(
        user=resident, target=nazareth_article, text="Reactie in Nazareth"
    )
    client.force_login(demo_user("redactie-pottenberg"))
    queue = client.get("/beheer/buurtplein/?toon=recent").content.decode()
    assert "Reactie in Pottenberg" in queue
    assert "Reactie in Nazareth" not in queue

    client.post(f"/beheer/buurtplein/{there.pk}/actie/", {"action": "hide", "reason": "x"})
    there.refresh_from_db()
    assert there.status == ReactionStatus.VISIBLE
    client.post(f"/beheer/buurtplein/{here.pk}/actie/", {"action": "hide", "reason": "Spam."})
    here.refresh_from_db()
    assert here.status == ReactionStatus.HIDDEN

    client.force_login(demo_user("initiatiefnemer"))
    assert client.get("/beheer/buurtplein/").status_code in (302, 403)


def test_a_moderator_answers_publicly_and_hides_from_the_page_itself(
    client, article, reaction, demo_user
):
    moderator = demo_user("moderator")
    client.force_login(moderator)
    client.post(
        f"/beheer/buurtplein/{reaction.pk}/antwoord/", {"text": "Dank je, we kijken ernaar."}
    )
    client.logout()
    html = client.get(article.url).content.decode()
    assert "Dank je, we kijken ernaar." in html
    assert "Antwoord van de redactie" in html

    client.force_login(moderator)
    assert "Verbergen" in client.get(article.url).content.decode()
    client.post(f"/reacties/{reaction.pk}/verbergen/", {"reason": "Niet over dit bericht."})
    client.logout()
    assert "Dit is mijn mening" not in client.get(article.url).content.decode()


def test_the_author_of_the_page_hears_of_reactions_in_one_weekly_email(
    article, make_resident, demo_user
):
    author = demo_user("redactie-pottenberg")
    for number in range(3):
        services.reaction_create(
            user=make_resident(trusted=True), target=article, text=f"Reactie {number}"
        )
    rows = OutgoingEmail.objects.filter(kind="participation.reactions_summary", recipient=author)
    assert rows.count() == 1
    send_at = rows.get().next_attempt_at
    assert timezone.localtime(send_at).weekday() == 0  # Monday morning
    assert timezone.localtime(send_at).hour == 7
    outbox.send_due()
    assert not any(m.to == [author.email] for m in mail.outbox)

    with time_machine.travel(send_at + datetime.timedelta(minutes=1)):
        outbox.send_due()
    message = next(m for m in mail.outbox if m.to == [author.email])
    assert message.subject == f"Nieuwe reacties op {article.title}"
    assert all(f"Reactie {number}" in message.body for number in range(3))


def test_the_buurt_editors_hear_of_waiting_reactions_once_the_next_morning(
    article, make_resident, demo_user
):
    for number in range(3):
        services.reaction_create(user=make_resident(), target=article, text=f"Nieuw {number}")
    editor = demo_user("redactie-pottenberg")
    rows = OutgoingEmail.objects.filter(kind="participation.queue")
    assert list(rows.values_list("address", flat=True)) == [editor.email]
    send_at = rows.get().next_attempt_at
    assert timezone.localtime(send_at).hour == 7
    with time_machine.travel(send_at + datetime.timedelta(minutes=1)):
        outbox.send_due()
    message = next(m for m in mail.outbox if m.to == [editor.email])
    assert "Pottenberg" in message.body and "/beheer/buurtplein/" in message.body

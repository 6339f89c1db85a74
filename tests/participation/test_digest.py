"""Followers read reactions, idea statuses and new consultations in their digest, never one
email per reaction; the page's author and the person replied to get their own email instead."""

import datetime as dt
import time
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.db import transaction

from notifications import services as notify
from notifications import tasks
from notifications.models import FanOut, Frequency, OutgoingEmail
from participation import services
from participation.choices import IdeaStatus
from tests.notifications.mailfiles import read_messages

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
TUESDAY_7AM = dt.datetime(2026, 3, 10, 7, 0, tzinfo=AMSTERDAM)
MONDAY_7AM = dt.datetime(2026, 3, 16, 7, 0, tzinfo=AMSTERDAM)
EVENING_BEFORE = TUESDAY_7AM - dt.timedelta(hours=10)


def run_fan_outs():
    """What the worker does after the commit (these tests run inside one transaction)."""
    for key in FanOut.objects.filter(done_at=None).values_list("key", flat=True):
        tasks.fan_out(key)


def follower(make_resident, page, frequency, name):
    person = make_resident(name=name, trusted=True)
    notify.follow_page(user=person, page=page, frequency=frequency)
    return person


def digest_of(person):
    messages = [m for m in mail.outbox if m.to == [person.email]]
    assert len(messages) == 1, [m.subject for m in messages]
    return messages[0]


def test_followers_read_new_reactions_on_a_page_in_one_digest_item(
    make_resident, article, pottenberg
):
    daily = follower(make_resident, pottenberg, Frequency.DAILY, "Dagelijks")
    direct = follower(make_resident, pottenberg, Frequency.DIRECT, "Meteen")
    other_buurt = follower(make_resident, article.get_parent().get_parent(), Frequency.OFF, "Uit")
    writers = [make_resident(trusted=True, name=f"Schrijver {n}") for n in range(4)]
    with time_machine.travel(EVENING_BEFORE, tick=False):
        for number, writer in enumerate(writers):
            services.reaction_create(user=writer, target=article, text=f"Reactie nummer {number}")
        services.reaction_create(
            user=writers[0], target=article, text="<script>alert('x')</script> kijk <b>hier</b>"
        )
        services.reaction_create(user=daily, target=article, text="Mijn eigen reactie")
        run_fan_outs()
        outbox_sent = OutgoingEmail.objects.filter(address=direct.email).count()
    assert outbox_sent == 0  # "right away" does not mean one email per reaction

    with time_machine.travel(TUESDAY_7AM, tick=False):
        tasks.send_digests()

    digest = digest_of(daily)
    assert digest.subject == "Vandaag in je buurt: 1 nieuw bericht"
    assert article.title in digest.body
    assert "5 nieuwe reacties" in digest.body  # the follower's own reaction is not news to them
    assert "Schrijver 0: Reactie nummer 0" in digest.body
    assert "en nog 2" in digest.body
    assert "Mijn eigen reactie" not in digest.body
    assert "6 nieuwe reacties" in digest_of(direct).body  # in the next daily digest
    assert not [m for m in mail.outbox if m.to == [other_buurt.email]]


def test_reaction_text_in_a_digest_is_inert(make_resident, article, pottenberg):
    daily = follower(make_resident, pottenberg, Frequency.DAILY, "Dagelijks")
    writer = make_resident(trusted=True)
    with time_machine.travel(EVENING_BEFORE, tick=False):
        services.reaction_create(
            user=writer, target=article, text="<script>alert('x')</script><a href=x>klik</a>"
        )
        run_fan_outs()
    with time_machine.travel(TUESDAY_7AM, tick=False):
        tasks.send_digests()
    html = digest_of(daily).alternatives[0][0]
    assert "<script>" not in html and "<a href=x>" not in html
    assert "&lt;script&gt;" in html


def test_a_hidden_reaction_is_left_out_and_the_page_author_is_not_told_twice(
    make_resident, article, pottenberg, demo_user
):
    editor = article.owner
    notify.follow_page(user=editor, page=pottenberg, frequency=Frequency.DAILY)
    daily = follower(make_resident, pottenberg, Frequency.DAILY, "Dagelijks")
    writer = make_resident(trusted=True)
    with time_machine.travel(EVENING_BEFORE, tick=False):
        kept = services.reaction_create(user=writer, target=article, text="Mooi initiatief")
        hidden = services.reaction_create(user=writer, target=article, text="Scheldwoord")
        services.moderate(
            moderator=demo_user("moderator"), reaction=hidden, action="hide", reason="Scheldwoord"
        )
        run_fan_outs()
    with time_machine.travel(TUESDAY_7AM, tick=False):
        tasks.send_digests()
    digest = digest_of(daily)
    assert "1 nieuwe reactie" in digest.body and kept.text in digest.body
    assert "Scheldwoord" not in digest.body
    # The editor hears of reactions on their page in their own summary email, not in a digest.
    kinds = set(OutgoingEmail.objects.filter(address=editor.email).values_list("kind", flat=True))
    assert kinds == {"participation.reactions_summary"}


def test_buurt_followers_read_an_ideas_new_status_and_supporters_get_their_own_email(
    make_resident, make_idea, pottenberg, demo_user
):
    weekly = follower(make_resident, pottenberg, Frequency.WEEKLY, "Wekelijks")
    supporter = follower(make_resident, pottenberg, Frequency.WEEKLY, "Steuner")
    idea = make_idea(title="Bankjes bij de vijver")
    services.support_add(user=supporter, idea=idea)
    with time_machine.travel(TUESDAY_7AM, tick=False):
        services.idea_answer(
            moderator=demo_user("moderator"),
            idea=idea,
            status=IdeaStatus.IN_CONVERSATION,
            text="We praten met de <b>gemeente</b>.",
        )
        run_fan_outs()
    with time_machine.travel(MONDAY_7AM, tick=False):
        tasks.send_digests()
    digest = digest_of(weekly)
    assert "Bankjes bij de vijver" in digest.body
    assert "Nieuwe status: In gesprek" in digest.body
    assert "&lt;b&gt;gemeente" in digest.alternatives[0][0]
    supporter_kinds = {m.subject for m in mail.outbox if m.to == [supporter.email]}
    assert len(supporter_kinds) == 1 and "Bankjes bij de vijver" in supporter_kinds.pop()
    assert "Nieuwe status" not in "".join(m.body for m in mail.outbox if m.to == [supporter.email])


def test_a_new_consultation_reaches_the_buurts_followers_and_a_city_wide_one_everyone(
    make_resident, make_consultation, pottenberg, nazareth
):
    in_pottenberg = follower(make_resident, pottenberg, Frequency.DAILY, "Pottenberger")
    in_nazareth = follower(make_resident, nazareth, Frequency.DAILY, "Nazarener")
    with time_machine.travel(EVENING_BEFORE, tick=False):
        buurt_question = make_consultation(title="Wat mist er op het plein?", buurt=pottenberg)
        services.consultation_announce(consultation=buurt_question)
        services.consultation_announce(consultation=buurt_question)  # twice: told once
        city_question = make_consultation(title="Hoe vind je de nieuwe bus?")
        services.consultation_announce(consultation=city_question)
        run_fan_outs()
    with time_machine.travel(TUESDAY_7AM, tick=False):
        tasks.send_digests()
    pottenberg_digest = digest_of(in_pottenberg).body
    assert pottenberg_digest.count("Wat mist er op het plein?") == 1
    assert "Hoe vind je de nieuwe bus?" in pottenberg_digest
    assert "Denk mee: antwoord van" in pottenberg_digest
    nazareth_digest = digest_of(in_nazareth).body
    assert "Hoe vind je de nieuwe bus?" in nazareth_digest
    assert "Wat mist er op het plein?" not in nazareth_digest


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    """Listed before celery_worker_process, so the worker starts with a file mailbox."""
    folder = tmp_path / "mail"
    folder.mkdir()
    monkeypatch.setenv("TIM_TEST_MAIL_DIR", str(folder))
    return folder


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_a_real_worker_a_reaction_reaches_the_daily_digest(
    mail_dir, celery_worker_process, make_resident, article, pottenberg
):
    daily = follower(make_resident, pottenberg, Frequency.DAILY, "Dagelijks")
    writer = make_resident(trusted=True, name="Buurvrouw")
    with transaction.atomic():
        services.reaction_create(user=writer, target=article, text="Ik kom ook helpen!")
    # The worker runs the fan-out after the commit; then the morning's digest task.
    deadline = time.monotonic() + 60
    while FanOut.objects.filter(done_at=None).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not FanOut.objects.filter(done_at=None).exists()
    tasks.send_digests.delay()
    digest = OutgoingEmail.objects.filter(address=daily.email, kind="notifications.digest")
    while not digest.filter(status=OutgoingEmail.Status.SENT).exists():
        assert time.monotonic() < deadline, "the worker sent no digest"
        time.sleep(0.05)
    (message,) = [m for m in read_messages(mail_dir) if m["To"] == daily.email]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Buurvrouw: Ik kom ook helpen!" in body
    assert "1 nieuwe reactie" in body


def test_a_consultation_made_in_the_admin_is_announced_to_the_buurts_followers(
    client, make_resident, pottenberg, demo_user
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from participation.models import Consultation

    follower(make_resident, pottenberg, Frequency.WEEKLY, "Wekelijks")
    options = {"count": "2", **{
        str(n): {"value": text, "deleted": "", "order": str(n), "id": ""}
        for n, text in enumerate(["Ja", "Nee"])
    }}  # fmt: skip
    client.force_login(demo_user("moderator"))
    response = client.post(
        "/beheer/snippets/participation/consultation/add/",
        nested_form_data({
            "title": "Een nieuwe speeltuin?",
            "intro": "Zeg het ons.",
            "buurt": pottenberg.pk,
            "questions": streamfield([("question", {"question": "Wil je?", "options": options})]),
            "opens_at": "2026-03-01 09:00",
            "closes_at": "2026-04-01 09:00",
        }),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    consultation = Consultation.objects.get(title="Een nieuwe speeltuin?")
    assert FanOut.objects.filter(key=f"consultation:{consultation.pk}").exists()

"""Hosts confirm their facts: reminded after three months, out of date after six."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import PageLogEntry

from meetingplaces import services, tasks
from meetingplaces.models import MeetingPlacePage
from notifications import outbox

from .factories import add_place


def age(place, days):
    """Pretend the place was published `days` ago."""
    MeetingPlacePage.objects.filter(pk=place.pk).update(
        first_published_at=timezone.now() - timedelta(days=days)
    )
    place.refresh_from_db()


def confirm_link(text):
    return re.search(r"http://testserver(/ontmoetingsplekken/bevestigen/[^/\s]+/)", text).group(1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_emails_the_host_and_one_click_confirms(
    request, tmp_path, monkeypatch, client, pottenberg
):
    monkeypatch.setenv("TIM_TEST_MAIL_DIR", str(tmp_path))  # read by the worker's settings
    request.getfixturevalue("celery_worker_process")
    place = add_place(pottenberg, "Buurthuis Pottenberg", host_email="gastvrouw@example.org")
    age(place, 100)
    fresh = add_place(pottenberg, "Nieuwe plek", host_email="nieuw@example.org")

    tasks.remind_hosts.delay()
    deadline = time.monotonic() + 30
    mails = []
    while time.monotonic() < deadline and not any(mail.endswith("-" * 79 + "\n") for mail in mails):
        time.sleep(0.3)
        mails = [path.read_text() for path in tmp_path.glob("*.log")]
    mails = [mail for mail in mails if "To: " in mail]
    assert len(mails) == 1 and "To: gastvrouw@example.org" in mails[0]
    assert "Kloppen de gegevens van Buurthuis Pottenberg nog?" in mails[0]
    assert fresh.host_email not in mails[0]

    link = confirm_link(mails[0])
    page = client.get(link)
    assert "Ja, dit klopt nog" in page.text
    place.refresh_from_db()
    assert place.confirmed_at is None  # opening the link alone (a mail scanner) confirms nothing
    response = client.post(link, follow=True)
    assert "Dank je wel! De gegevens van Buurthuis Pottenberg zijn bevestigd." in response.text
    assert "Gecontroleerd op" in response.text
    assert PageLogEntry.objects.filter(page=place, action="meetingplaces.confirm_facts").exists()


@pytest.mark.django_db
def test_one_reminder_per_period_and_none_after_confirming(pottenberg):
    place = add_place(pottenberg, "Buurthuis Pottenberg", host_email="gastvrouw@example.org")
    age(place, 100)
    assert services.places_to_remind() == [place]
    assert services.send_confirmation_reminder(place_id=place.pk) is True
    assert services.send_confirmation_reminder(place_id=place.pk) is False
    assert services.places_to_remind() == []
    services.confirm_facts(place=place)
    assert services.places_to_remind() == []
    assert mail.outbox == []  # written to the outbox, sent by its sender
    outbox.send_due()
    assert [message.to for message in mail.outbox] == [["gastvrouw@example.org"]]


@pytest.mark.django_db
def test_a_forged_link_is_refused_kindly(client, pottenberg):
    response = client.get("/ontmoetingsplekken/bevestigen/nep-token/")
    assert response.status_code == 400
    assert "Deze link werkt niet" in response.text


@pytest.mark.django_db
def test_after_six_months_without_a_check_the_directory_says_possibly_out_of_date(
    client, pottenberg
):
    old = add_place(pottenberg, "Oude plek")
    add_place(pottenberg, "Nieuwe plek")
    age(old, 200)
    response = client.get("/ontmoetingsplekken/?buurt=pottenberg")
    assert response.text.count("Misschien niet meer actueel") == 1
    services.confirm_facts(place=old)
    assert "Misschien niet meer actueel" not in client.get("/ontmoetingsplekken/").text

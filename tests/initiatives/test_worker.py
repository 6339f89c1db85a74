"""A real Celery worker sends the host's email when a resident signs up."""

import datetime
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from initiatives import services

from .conftest import make_activity, make_initiative


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_sign_up_makes_the_hosts_email_appear(
    request, tmp_path, monkeypatch, pottenberg, demo_user
):
    monkeypatch.setenv("TIM_TEST_MAIL_DIR", str(tmp_path))  # read by the worker's settings
    request.getfixturevalue("celery_worker_process")
    now = datetime.datetime.now(ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(now, tick=True):
        initiative = make_initiative(pottenberg, host_email="gastvrouw@example.org")
        activity = make_activity(
            initiative, title="Fietsles", start_date=now.date() + datetime.timedelta(days=2),
            signup_required=True, capacity=6,
        )  # fmt: skip
    services.sign_up(occurrence=activity.occurrences.get(), user=demo_user("bewoner"))
    deadline = time.monotonic() + 30
    mails = []
    while time.monotonic() < deadline and not any("gastvrouw@example.org" in m for m in mails):
        time.sleep(0.3)
        mails = [path.read_text() for path in tmp_path.glob("*.log")]
    host_mail = next(mail for mail in mails if "To: gastvrouw@example.org" in mail)
    assert "Nieuwe aanmelding: Fietsles" in host_mail
    assert "Anna uit Pottenberg heeft zich aangemeld voor:" in host_mail
    assert any("To: bewoner@demo.thuisinmaastricht.nl" in mail for mail in mails)

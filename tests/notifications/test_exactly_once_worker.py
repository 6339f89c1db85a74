"""Nothing lost, nothing doubled: a real Celery worker on the real Redis, SIGKILLed mid fan-out.

The broker keeps the killed worker's task for production's hour, so what rescues the work here
is the outbox: a new worker whose beat runs the sweeper takes the fan-out and the emails whose
lease ran out.
"""

import collections
import os
import signal
import time

import pytest
from django.db import transaction

from notifications import services
from notifications.models import FanOut, Follow, Frequency, OutgoingEmail

from .conftest import publish_under
from .mailfiles import read_messages

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FOLLOWERS = 600


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    """Listed before celery_worker_process, so the worker starts with a file mailbox."""
    folder = tmp_path / "mail"
    folder.mkdir()
    monkeypatch.setenv("TIM_TEST_MAIL_DIR", str(folder))
    return folder


@pytest.fixture
def followers(pottenberg, django_user_model):
    users = django_user_model.objects.bulk_create(
        django_user_model(email=f"volger{number}@example.org", display_name=f"Volger {number}")
        for number in range(FOLLOWERS)
    )
    Follow.objects.bulk_create(
        Follow(user=user, page=pottenberg, frequency=Frequency.DIRECT) for user in users
    )
    return users


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"not within {timeout} s")


def sent():
    return OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT).count()


def test_killed_worker_every_follower_gets_one_email_through_the_sweeper(
    mail_dir, celery_worker_process, followers, pottenberg
):
    with transaction.atomic():
        page = publish_under(pottenberg, "Buurtfeest")
    key = services.page_key(page.pk)
    assert FanOut.objects.filter(key=key).exists()  # the promise was written with the publish

    wait_until(lambda: sent() >= FOLLOWERS // 4, timeout=60)
    worker = celery_worker_process.processes[-1]
    os.kill(worker.pid, signal.SIGKILL)  # the whole worker: solo pool, one process
    worker.wait(timeout=10)
    assert sent() < FOLLOWERS, "the worker finished before it was killed: use more followers"

    started = time.monotonic()
    celery_worker_process(beat=True)
    wait_until(lambda: sent() == FOLLOWERS, timeout=60)
    print(f"\nrest delivered {time.monotonic() - started:.1f} s after the new worker started")

    messages = read_messages(mail_dir)
    per_recipient = collections.Counter(message["To"] for message in messages)
    assert len(per_recipient) == FOLLOWERS  # nobody lost
    # A kill between the mail server's "accepted" and the commit can send that one email twice
    # (at most one per kill, never per recipient), and then with the same Message-ID.
    doubled = [to for to, count in per_recipient.items() if count > 1]
    assert len(doubled) <= 1 and max(per_recipient.values()) <= 2
    for to in doubled:
        assert len({m["Message-ID"] for m in messages if m["To"] == to}) == 1
    rows = OutgoingEmail.objects.filter(cause=key)
    assert rows.count() == FOLLOWERS and rows.values("address").distinct().count() == FOLLOWERS

    with transaction.atomic():
        page.save_revision().publish()  # a second publish tells nobody again
    time.sleep(3)
    assert len(read_messages(mail_dir)) == len(messages)

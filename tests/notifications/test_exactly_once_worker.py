"""Exactly once under failure: a real Celery worker on the real Redis, killed mid fan-out."""

import collections
import os
import signal
import time

import pytest
from django.db import transaction

from notifications.models import Delivery, Follow, Frequency

from .conftest import publish_under
from .mailfiles import read_messages

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FOLLOWERS = 500


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    """Listed before celery_worker_process, so the worker starts with a file outbox."""
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
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout} s")


def sent():
    return Delivery.objects.filter(status=Delivery.Status.SENT).count()


def test_killed_worker_every_follower_gets_exactly_one_email(
    mail_dir, celery_worker_process, followers, pottenberg
):
    with transaction.atomic():
        page = publish_under(pottenberg, "Buurtfeest")

    wait_until(lambda: sent() >= FOLLOWERS // 4, timeout=60)
    worker = celery_worker_process.processes[-1]
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    assert sent() < FOLLOWERS, "the worker finished before it was killed: use more followers"

    celery_worker_process()  # a new worker takes the redelivered task
    wait_until(lambda: sent() == FOLLOWERS, timeout=120)

    per_recipient = collections.Counter(message["To"] for message in read_messages(mail_dir))
    assert len(per_recipient) == FOLLOWERS
    assert set(per_recipient.values()) == {1}
    rows = Delivery.objects.filter(page=page)
    assert rows.count() == FOLLOWERS and rows.values("recipient").distinct().count() == FOLLOWERS

    with transaction.atomic():
        page.save_revision().publish()  # a second publish
    time.sleep(3)
    assert len(read_messages(mail_dir)) == FOLLOWERS

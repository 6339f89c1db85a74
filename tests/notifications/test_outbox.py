"""The outbox keeps its word: written with the change, sent once, retried, sent by no one else."""

import ast
import socket
import threading
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from notifications import outbox
from notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def write(address="anna@example.org", cause="test:1", **kwargs):
    outbox.enqueue(
        kind="test.hello",
        cause=cause,
        to=address,
        template="email/new_page",
        context={"item": {"title": "Buurtfeest", "url": "/"}, "followed": {"title": "Pottenberg"}},
        **kwargs,
    )


def test_a_second_write_of_the_same_email_is_a_no_op():
    write()
    write()
    write(address="bram@example.org")
    assert OutgoingEmail.objects.count() == 2
    assert outbox.send_due() == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@example.org",
        "bram@example.org",
    ]
    assert outbox.send_due() == 0  # sent rows are never sent again


def test_a_row_written_in_a_transaction_that_rolls_back_is_gone():
    with pytest.raises(RuntimeError), transaction.atomic():
        write()
        raise RuntimeError("the change failed")
    assert not OutgoingEmail.objects.exists()


def test_rendered_in_the_recipients_language_with_a_message_id_of_this_installation(settings):
    settings.BASE_URL = "https://thuisinmaastricht.example"
    write(language="en")
    write(address="bram@example.org", language="nl")
    outbox.send_due()
    english, dutch = sorted(mail.outbox, key=lambda message: message.to[0])
    assert english.subject == "New in Pottenberg: Buurtfeest"
    assert dutch.subject == "Nieuw in Pottenberg: Buurtfeest"
    row = OutgoingEmail.objects.get(address="anna@example.org")
    assert english.extra_headers["Message-ID"] == f"<{row.message_id}@thuisinmaastricht.example>"


def test_email_about_something_deleted_in_between_is_cancelled(pottenberg):
    from neighbourhoods.models import StandardPage

    page = pottenberg.add_child(instance=StandardPage(title="Kort leven"))
    outbox.enqueue(
        kind="test.page",
        cause="page",
        to="anna@example.org",
        template="email/new_page",
        context={"item": {"title": "x", "url": "/"}, "page": page},
    )
    page.delete()
    assert outbox.send_due() == 0
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.CANCELLED


def test_failures_are_retried_with_backoff_and_end_as_failed_with_the_reason(settings):
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    write()
    for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
        assert outbox.send_due() == 0
        row = OutgoingEmail.objects.get()
        assert row.attempts == attempt and "ConnectionRefusedError" in row.last_error
        if attempt < outbox.MAX_ATTEMPTS:
            assert row.status == "pending" and row.next_attempt_at > timezone.now()
            wait = row.next_attempt_at - timezone.now()
            assert wait.total_seconds() == pytest.approx(60 * 2 ** (attempt - 1), abs=5)
            OutgoingEmail.objects.update(next_attempt_at=timezone.now())  # time passes
    assert row.status == OutgoingEmail.Status.FAILED
    assert outbox.health()["failed"] == 1


def test_a_hanging_mail_server_is_let_go_after_the_timeout_and_the_batch_waits(settings):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = listener.getsockname()
    settings.EMAIL_TIMEOUT = 1
    for number in range(3):
        write(cause=f"test:{number}")
    started = timezone.now()
    assert outbox.send_due() == 0
    assert (timezone.now() - started).total_seconds() < 5  # one timeout, not one per email
    rows = OutgoingEmail.objects.order_by("pk")
    assert [row.attempts for row in rows] == [1, 0, 0]  # the others were not tried in vain
    assert all(row.leased_until is None for row in rows)
    assert "timed out" in rows[0].last_error
    listener.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_senders_at_once_send_each_email_once():
    for number in range(300):
        write(address=f"p{number}@example.org")
    results = []

    def sender():
        try:
            results.append(outbox.send_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 300
    assert len(mail.outbox) == 300
    assert len({message.to[0] for message in mail.outbox}) == 300


def test_a_killed_senders_lease_runs_out_and_another_sends(settings):
    write()
    assert outbox.claim() != []  # a sender took it, then died without a word
    assert outbox.send_due() == 0  # while its lease holds, nobody else sends it
    OutgoingEmail.objects.update(leased_until=timezone.now())
    assert outbox.send_due() == 1


def test_health_reports_how_long_the_oldest_email_waits(settings):
    write()
    OutgoingEmail.objects.update(created_at=timezone.now() - timezone.timedelta(hours=1))
    settings.OUTBOX_STUCK_AFTER = 15 * 60
    report = outbox.health()
    assert report["ok"] is False and report["oldest_pending_seconds"] >= 3600


def test_healthz_tells_anonymous_callers_only_ok_or_not(client, admin_client):
    write()
    OutgoingEmail.objects.update(created_at=timezone.now() - timezone.timedelta(hours=1))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "fail"}
    staff = admin_client.get("/healthz").json()
    assert "email" in staff["failing"] and staff["checks"]["email"]["oldest_pending_seconds"] > 3000


def test_no_code_outside_the_outbox_sends_email_itself():
    """Only notifications/outbox.py may hand a message to Django's mail machinery."""
    forbidden = {"send_mail", "send_mass_mail", "mail_admins", "mail_managers", "get_connection",
                 "EmailMessage", "EmailMultiAlternatives"}  # fmt: skip
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if (
            relative.startswith((".venv/", "tests/", "var/"))
            or relative == "notifications/outbox.py"
        ):
            continue
        tree = ast.parse(path.read_text(), filename=relative)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "django.core.mail"
            ):
                offenders += [f"{relative}: {alias.name}" for alias in node.names]
            elif isinstance(node, ast.Attribute) and node.attr in forbidden:
                offenders.append(f"{relative}:{node.lineno}: {node.attr}")
    assert offenders == []


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port

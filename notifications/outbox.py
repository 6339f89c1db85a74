"""The one outbox: every email the site sends is a row first, and one sender sends the rows.

Writing. `enqueue()` (our own emails) and `OutboxBackend` (Django's EMAIL_BACKEND, so the mails
allauth and Wagtail send become rows too) insert an `OutgoingEmail` in the caller's transaction:
the email exists exactly when the change that causes it commits. (kind, cause, address) is
unique and inserted with ON CONFLICT DO NOTHING, so a second write of the same email is a no-op.
After the commit a Celery task is asked to send; if that ask is lost (the broker is down, the
worker dies) the sweeper, run by beat every minute, sends what is due. Celery is the engine,
PostgreSQL the record.

Sending. `send_due()` takes a batch of due rows with a lease (SELECT … FOR UPDATE SKIP LOCKED,
then leased_until = now + OUTBOX_LEASE_SECONDS): two senders never take the same row, and a
sender killed with SIGKILL leaves rows whose lease simply runs out, after which the sweeper
takes them again. Each row is marked sent in its own commit right after the mail server
accepted it (asynchronous commit: a commit does not wait for the disk, which is safe because
losing it needs PostgreSQL itself to crash, not the worker). The one window left is a kill
between the mail server's "accepted" and that commit: that one message goes again, with the
same Message-ID (so at most one double per kill, never one per recipient).

Failures are retried with backoff (MAX_ATTEMPTS tries over about four hours), then the row is
"failed" with the reason, for moderators to see in the admin. A mail server that fails or hangs
(EMAIL_TIMEOUT) ends the batch, so one bad server does not hold a worker for every row.

Rendering happens at send time, in the recipient's language, from the row's template and context
(model instances are stored as references and read again). Emails that differ only in a few
personal values (name, unsubscribe link) are rendered once per batch and filled in per row.
"""

import json
import logging
import smtplib
from datetime import date, datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import Model, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.html import escape

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
MAX_ATTEMPTS = 8  # waits of 1, 2, 4 … 64 minutes: about four hours in all
Status = OutgoingEmail.Status


# Writing ---------------------------------------------------------------------------------------


def enqueue(**fields) -> None:
    """Write one email to the outbox (fields as for `row`); a second write of it is a no-op.

    `to` is a user (its email address and language are used) or an address. `context` may hold
    model instances, dates, strings, numbers and lists or dicts of them; a model instance that
    is deleted before sending cancels the email. `personal` holds strings that differ per
    recipient among otherwise equal emails (they are filled into the rendering).
    """
    enqueue_many([row(**fields)])


def row(*, kind, cause, to, template, context=None, language=None, personal=None,
        headers=None) -> OutgoingEmail:  # fmt: skip
    """An unsaved outbox row, for `enqueue_many` (a fan-out writes a thousand at a time)."""
    user = None if isinstance(to, str) else to
    address = to if user is None else user.email
    return OutgoingEmail(
        kind=kind,
        cause=str(cause)[:200],
        address=address.strip(),
        recipient=user,
        language=language or getattr(user, "language", "") or settings.LANGUAGE_CODE,
        template=template,
        context=pack(context or {}),
        personal={
            "recipient_name": (user and (user.display_name or user.email)) or "",
            **(personal or {}),
        },
        headers=headers or {},
    )


def enqueue_many(rows: list[OutgoingEmail], *, ask: bool = True) -> int:
    """Insert rows, skipping those already there; returns how many were offered.

    With `ask`, a worker is asked to send once the transaction commits; a caller that sends
    itself right after (a fan-out task) passes ask=False.
    """
    rows = [r for r in rows if r.address]
    if rows:
        OutgoingEmail.objects.bulk_create(rows, ignore_conflicts=True)
        if ask:
            request_send()
    return len(rows)


def request_send() -> None:
    """Ask a worker to send, once the current transaction commits; a lost ask only delays."""
    from . import tasks

    def ask():
        try:
            tasks.send_outbox.delay()
        except Exception:  # noqa: BLE001 - the broker may be down; the sweeper sends later
            logger.warning("Could not ask a worker to send email now; the sweeper will.")

    transaction.on_commit(ask)


class OutboxBackend(BaseEmailBackend):
    """Django's EMAIL_BACKEND: a message "sent" by any code (allauth, Wagtail) becomes a row.

    It is already rendered, so it is stored as it is; its cause is its own Message-ID, so it is
    never merged with another. It is written in the caller's transaction, like every row.
    """

    def send_messages(self, email_messages):
        rows = []
        for message in email_messages:
            html = next(
                (body for body, mimetype in getattr(message, "alternatives", []) or []
                 if mimetype == "text/html"),
                "",
            )  # fmt: skip
            headers = {k: v for k, v in message.extra_headers.items() if k != "Message-ID"}
            for address in message.recipients():
                email = OutgoingEmail(
                    kind="mail",
                    address=address,
                    language=translation.get_language() or settings.LANGUAGE_CODE,
                    subject=str(message.subject),
                    text=str(message.body),
                    html=str(html),
                    headers={**headers, **({"Reply-To": ", ".join(message.reply_to)}
                                           if message.reply_to else {})},
                )  # fmt: skip
                email.cause = f"message:{email.message_id}"
                rows.append(email)
        return enqueue_many(rows)


# Context: stored as JSON, read again at send time ------------------------------------------------


def pack(value):
    if isinstance(value, Model):
        return {"$model": value._meta.label_lower, "pk": value.pk}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {str(key): pack(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [pack(item) for item in value]
    return value


class Missing(Exception):
    """A model instance the email is about was deleted: the email is no longer needed."""


def unpack(value, instances: dict):
    if isinstance(value, dict):
        if "$model" in value:
            key = (value["$model"], value["pk"])
            if key not in instances:
                model = apps.get_model(value["$model"])
                instances[key] = model._default_manager.filter(pk=value["pk"]).first()
            if instances[key] is None:
                raise Missing(value["$model"])
            return instances[key]
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        return {key: unpack(item, instances) for key, item in value.items()}
    if isinstance(value, list):
        return [unpack(item, instances) for item in value]
    return value


# Sending ---------------------------------------------------------------------------------------


def slot(name: str) -> str:
    """A stand-in for a personal value in a rendering that serves many recipients."""
    return f"\ue000{name}\ue000"


class Renderer:
    """Renders rows, reusing the work between rows that differ only in personal values."""

    def __init__(self):
        self.instances = {}
        self.renderings = {}

    def parts(self, email: OutgoingEmail) -> tuple[str, str, str]:
        if not email.template:
            return email.subject, email.text, email.html
        key = (
            email.template,
            email.language,
            json.dumps(email.context, sort_keys=True),
            tuple(sorted(email.personal)),
        )
        if key not in self.renderings:
            context = unpack(email.context, self.instances)
            context.update({name: slot(name) for name in email.personal})
            with translation.override(email.language):
                self.renderings[key] = tuple(
                    render_to_string(f"{email.template}{suffix}", context)
                    for suffix in ("_subject.txt", ".txt", ".html")
                )
        subject, text, html = self.renderings[key]
        for name, value in email.personal.items():
            subject = subject.replace(slot(name), value)
            text = text.replace(slot(name), value)
            html = html.replace(slot(name), escape(value))
        return " ".join(subject.split()), text, html

    def message(self, email: OutgoingEmail, mail_connection) -> EmailMultiAlternatives:
        subject, text, html = self.parts(email)
        headers = {
            "Message-ID": f"<{email.message_id}@{_domain()}>",
            "Auto-Submitted": "auto-generated",
            **email.headers,
        }
        message = EmailMultiAlternatives(
            subject, text, to=[email.address], headers=headers, connection=mail_connection
        )
        if html:
            message.attach_alternative(html, "text/html")
        return message


def _domain() -> str:
    from tim.urls_helper import mail_domain

    return mail_domain()


def due():
    now = timezone.now()
    return OutgoingEmail.objects.filter(status=Status.PENDING, next_attempt_at__lte=now).filter(
        Q(leased_until=None) | Q(leased_until__lt=now)
    )


def claim(limit: int = BATCH_SIZE) -> list[int]:
    """Take up to `limit` due rows for this sender, until the lease runs out."""
    with transaction.atomic():
        ids = list(
            due()
            .order_by("next_attempt_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        OutgoingEmail.objects.filter(pk__in=ids).update(
            leased_until=timezone.now() + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
        )
    return ids


# Errors of one message; anything else (a refused connection, a timeout) is the server's.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def send_due(*, max_batches: int | None = None) -> int:
    """Send what is due, batch by batch, until nothing is due; returns how many were sent."""
    sent = 0
    batches = 0
    renderer = Renderer()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        while max_batches is None or batches < max_batches:
            ids = claim()
            if not ids:
                break
            batches += 1
            count, server_failed = _send_batch(ids, renderer)
            sent += count
            if server_failed:
                break
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
    return sent


def _send_batch(ids: list[int], renderer: Renderer) -> tuple[int, bool]:
    rows = list(OutgoingEmail.objects.filter(pk__in=ids).order_by("next_attempt_at", "pk"))
    sent = 0
    mail_connection = get_connection(settings.OUTBOX_EMAIL_BACKEND, timeout=settings.EMAIL_TIMEOUT)
    try:
        for position, email in enumerate(rows):
            try:
                message = renderer.message(email, mail_connection)
            except Missing as missing:
                _finish(email, Status.CANCELLED, error=f"{missing} was deleted")
                continue
            except Exception as error:  # noqa: BLE001 - a broken template fails this row only
                logger.exception("Could not render email %s", email.pk)
                _retry(email, error)
                continue
            try:
                message.send()
            except MESSAGE_ERRORS as error:
                _retry(email, error)
            except Exception as error:  # noqa: BLE001 - the mail server is down or hangs
                logger.warning("Mail server failed (%s); the rest of the batch waits.", error)
                _retry(email, error)
                _release(rows[position + 1 :])
                return sent, True
            else:
                _mark_sent(email)
                sent += 1
    finally:
        try:
            mail_connection.close()
        except Exception:  # noqa: BLE001 - closing a broken connection may fail too
            pass
    return sent, False


def _mark_sent(email: OutgoingEmail) -> None:
    """The hot path of a fan-out: one short statement, committed without waiting for the disk."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {OutgoingEmail._meta.db_table} SET status = %s, sent_at = now(),"
            " leased_until = NULL, last_error = '' WHERE id = %s",
            [Status.SENT, email.pk],
        )


def _finish(email: OutgoingEmail, status: str, error: str = "") -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=status,
        sent_at=timezone.now() if status == Status.SENT else None,
        leased_until=None,
        last_error=error,
    )


def _retry(email: OutgoingEmail, error: Exception) -> None:
    attempts = email.attempts + 1
    reason = f"{type(error).__name__}: {error}"[:2000]
    if attempts >= MAX_ATTEMPTS:
        status, next_attempt = Status.FAILED, timezone.now()
        logger.error("Email %s failed for good: %s", email.pk, reason)
    else:
        status = Status.PENDING
        next_attempt = timezone.now() + timedelta(minutes=2 ** (attempts - 1))
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=status,
        attempts=attempts,
        next_attempt_at=next_attempt,
        leased_until=None,
        last_error=reason,
    )


def _release(rows: list[OutgoingEmail]) -> None:
    OutgoingEmail.objects.filter(pk__in=[r.pk for r in rows]).update(leased_until=None)


# Health ----------------------------------------------------------------------------------------


def health() -> dict:
    """The age of the oldest waiting email and the number that failed, for /healthz."""
    oldest = (
        OutgoingEmail.objects.filter(status=Status.PENDING)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    failed = OutgoingEmail.objects.filter(status=Status.FAILED).count()
    return {
        "ok": age <= settings.OUTBOX_STUCK_AFTER,
        "oldest_pending_seconds": round(age),
        "failed": failed,
    }

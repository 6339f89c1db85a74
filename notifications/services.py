"""Follows, and telling followers exactly once.

How a delivery is made exactly once:

1. Rows first. For one item (a published page, a changed occurrence) the followers are read in
   batches ordered by user id (keyset, never all at once) and a `Delivery` row is inserted per
   recipient with ON CONFLICT DO NOTHING. The unique constraint (recipient × item × channel)
   makes a retry, a restarted worker or a second publish insert nothing new.
2. Then sending. Each pending row is claimed in its own short transaction: an UPDATE marks it
   sent (which locks it), the email is handed to the mail backend, and the transaction commits.
   A second worker's UPDATE of the same row waits for the lock and then finds it no longer
   pending; a killed worker's transaction rolls back, so its row is pending again and is sent
   when the task is redelivered (late acknowledgement). A digest claims all of one
   recipient's waiting rows the same way (SELECT … FOR UPDATE SKIP LOCKED).

The window that remains: a worker killed after the mail server accepted a message but before
the commit (a few hundred microseconds) sends that one message again after the restart. Both
copies carry the same Message-ID, so mail clients that de-duplicate show it once. Nothing is
ever dropped: a row only stops being pending when its commit succeeds.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import Truncator
from wagtail.models import Page

from .models import Delivery, Follow, Frequency

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000  # followers read, and rows inserted, per query
SEND_CHUNK = 500  # pending rows read per query while sending
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
MAIL_DOMAIN = "thuisinmaastricht.nl"


def page_key(page_id: int) -> str:
    return f"page:{page_id}"


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Follows -----------------------------------------------------------------------------------


@transaction.atomic
def follow_page(*, user, page, frequency: str = Frequency.WEEKLY) -> Follow:
    """Follow a page, or change how often; switching off also stops what is still waiting."""
    follow, _ = Follow.objects.update_or_create(
        user=user, page=page, defaults={"frequency": frequency}
    )
    if frequency == Frequency.OFF:
        _cancel_pending(Follow.objects.filter(pk=follow.pk))
    return follow


@transaction.atomic
def unfollow_page(*, user, page) -> None:
    follows = Follow.objects.filter(user=user, page=page)
    _cancel_pending(follows)
    follows.delete()


def _cancel_pending(follows) -> None:
    Delivery.objects.filter(follow__in=follows, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.CANCELLED
    )


def unsubscribe_token(*, user_id: int, page_ids: Iterable[int]) -> str:
    """A signed, non-expiring token: an unsubscribe link in an old email must keep working."""
    return signing.dumps([user_id, sorted(set(page_ids))], salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, list[int]]:
    """(user id, page ids); raises signing.BadSignature for a forged or damaged token."""
    try:
        user_id, page_ids = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (TypeError, ValueError) as error:
        raise signing.BadSignature(str(error)) from error
    return int(user_id), [int(page_id) for page_id in page_ids]


@transaction.atomic
def unsubscribe(*, token: str) -> list[Follow]:
    """Switch the follows named in the token off (kept, so they can be switched on again)."""
    user_id, page_ids = read_unsubscribe_token(token)
    follows = Follow.objects.filter(user_id=user_id, page_id__in=page_ids)
    _cancel_pending(follows)
    follows.update(frequency=Frequency.OFF)
    return list(follows.select_related("page"))


# Deliveries ----------------------------------------------------------------------------------


def is_first_publication(page) -> bool:
    """The rule: a page tells its followers once, when it is first published.

    Publishing again (an edit, or after an unpublish) tells nobody, not even people who started
    following in between: an edit is not news.
    """
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def create_page_deliveries(*, page_id: int) -> None:
    """A delivery row for everyone who follows a page above this one (buurt, initiative, place)."""
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return
    followed = list(page.get_ancestors().values_list("pk", flat=True))
    _create_deliveries(key=page_key(page_id), page_id=page_id, followed_page_ids=followed)


def _create_deliveries(*, key, page_id, followed_page_ids, payload=None) -> None:
    last_user_id = 0
    while True:
        batch = list(
            Follow.objects.nearest_per_user(followed_page_ids)
            .filter(user_id__gt=last_user_id)
            .values_list("pk", "user_id", "frequency")[:BATCH_SIZE]
        )
        if not batch:
            return
        last_user_id = batch[-1][1]
        Delivery.objects.bulk_create(
            [
                Delivery(
                    recipient_id=user_id,
                    key=key,
                    page_id=page_id,
                    follow_id=follow_id,
                    frequency=frequency,
                    payload=payload or {},
                )
                for follow_id, user_id, frequency in batch
                if frequency != Frequency.OFF
            ],
            ignore_conflicts=True,
        )


def send_pending(*, key: str) -> int:
    """Send every pending direct delivery of one item; returns how many this call sent."""
    sent = 0
    last_id = 0
    pages = PageCache()
    with get_connection() as connection:
        while True:
            chunk = list(
                Delivery.objects.filter(
                    key=key,
                    status=Delivery.Status.PENDING,
                    frequency=Frequency.DIRECT,
                    pk__gt=last_id,
                )
                .select_related("recipient", "follow")
                .order_by("pk")[:SEND_CHUNK]
            )
            if not chunk:
                return sent
            last_id = chunk[-1].pk
            for delivery in chunk:
                sent += _send_direct(delivery, connection, pages)


def _send_direct(delivery, connection, pages) -> int:
    with transaction.atomic():
        # Claim by marking sent: the row stays locked until the commit, a second worker's same
        # UPDATE waits and then finds it no longer pending. Should the send fail or the worker
        # die, the transaction rolls back and the row is pending again.
        claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.PENDING)
        if not claimed.update(status=Delivery.Status.SENT, sent_at=timezone.now()):
            return 0
        item = pages.item(delivery)
        if item is None:  # the page went offline before we got to it
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.CANCELLED, sent_at=None
            )
            return 0
        followed_id = delivery.follow.page_id if delivery.follow else None
        build_email(
            recipient=delivery.recipient,
            template=item["template"],
            context={"item": item, "followed": followed_id and pages.page(followed_id)},
            unsubscribe_page_ids=[followed_id] if followed_id else [],
            message_id=f"delivery-{delivery.pk}",
            connection=connection,
            rendered=pages.rendered,
            rendered_key=(delivery.key, followed_id),
        ).send()
    return 1


def send_digests(*, frequency: str) -> int:
    """One email per recipient with all that waits for this digest; nothing waits, no email."""
    sent = 0
    last_recipient = 0
    pages = PageCache()
    User = get_user_model()
    with get_connection() as connection:
        while True:
            recipient_ids = list(
                Delivery.objects.filter(
                    status=Delivery.Status.PENDING,
                    frequency=frequency,
                    recipient_id__gt=last_recipient,
                )
                .order_by("recipient_id")
                .values_list("recipient_id", flat=True)
                .distinct()[:SEND_CHUNK]
            )
            if not recipient_ids:
                return sent
            last_recipient = recipient_ids[-1]
            recipients = User.objects.in_bulk(recipient_ids)
            for recipient_id in recipient_ids:
                sent += _send_digest(recipients[recipient_id], frequency, connection, pages)


def _send_digest(recipient, frequency, connection, pages) -> int:
    with transaction.atomic():
        deliveries = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(recipient=recipient, status=Delivery.Status.PENDING, frequency=frequency)
            .select_related("follow")
            .order_by("created_at", "pk")
        )
        items = []
        for delivery in deliveries:
            item = pages.item(delivery)
            if item:
                item["followed"] = pages.page(delivery.follow.page_id) if delivery.follow else None
                items.append(item)
        ids = [delivery.pk for delivery in deliveries]
        if not items:
            Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.CANCELLED)
            return 0
        followed_ids = {d.follow.page_id for d in deliveries if d.follow}
        message = build_email(
            recipient=recipient,
            template="digest",
            context={
                "items": items,
                "frequency": frequency,
                "followed_names": ", ".join(
                    sorted(page["title"] for page in map(pages.page, followed_ids) if page)
                ),
            },
            unsubscribe_page_ids=followed_ids,
            message_id=f"digest-{frequency}-{recipient.pk}-{ids[0]}",
            connection=connection,
        )
        message.send()
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.SENT, sent_at=timezone.now()
        )
    return 1


class PageCache:
    """Pages, their URLs and rendered emails: made once per task rather than once per email."""

    def __init__(self):
        self._pages = {}
        self.rendered = {}

    def page(self, page_id):
        if page_id not in self._pages:
            page = Page.objects.filter(pk=page_id).live().specific().first()
            self._pages[page_id] = page and {
                "title": page.title,
                "url": page.get_full_url(),
                "summary": Truncator(
                    page.search_description or getattr(page, "intro", "") or ""
                ).words(40),
            }
        return self._pages[page_id]

    def item(self, delivery):
        """What an email says about one delivery, or None when there is nothing to tell."""
        page = self.page(delivery.page_id) if delivery.page_id else None
        if delivery.payload.get("change"):
            return {
                **(page or {}),
                "template": "occurrence_change",
                "change": delivery.payload["change"],
                "old_start": datetime.fromisoformat(delivery.payload["old_start"]),
                "new_start": delivery.payload.get("new_start")
                and datetime.fromisoformat(delivery.payload["new_start"]),
                "title": delivery.payload.get("title") or (page or {}).get("title", ""),
            }
        return page and {**page, "template": "new_page"}


# Stand-ins for what differs per recipient, so one rendering serves every recipient of a fan-out
# who reads the same language about the same followed page (rendering is most of the cost).
NAME_SLOT = "\ue000name\ue000"
UNSUBSCRIBE_SLOT = "\ue000unsubscribe\ue000"


def build_email(
    *,
    recipient,
    template,
    context,
    unsubscribe_page_ids,
    message_id,
    connection=None,
    rendered=None,
    rendered_key=None,
) -> EmailMultiAlternatives:
    """An HTML + text email in the recipient's language, with RFC 8058 one-click unsubscribe.

    `rendered` (a dict) with `rendered_key` reuses the rendering of an earlier recipient whose
    email differs only in name and unsubscribe link.
    """
    headers = {"Message-ID": f"<{message_id}@{MAIL_DOMAIN}>", "Auto-Submitted": "auto-generated"}
    unsubscribe_url = ""
    if unsubscribe_page_ids:
        token = unsubscribe_token(user_id=recipient.pk, page_ids=unsubscribe_page_ids)
        unsubscribe_url = absolute_url(reverse("notifications:unsubscribe", args=[token]))
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    key = (template, recipient.language, bool(unsubscribe_url), rendered_key)
    if rendered is None or rendered_key is None or key not in rendered:
        parts = _render(template, recipient.language, context, bool(unsubscribe_url))
        if rendered is not None and rendered_key is not None:
            rendered[key] = parts
    else:
        parts = rendered[key]
    name = recipient.display_name or recipient.email
    subject, text, html = (
        part.replace(NAME_SLOT, escape(name) if is_html else name).replace(
            UNSUBSCRIBE_SLOT, unsubscribe_url
        )
        for part, is_html in zip(parts, (False, False, True), strict=True)
    )
    message = EmailMultiAlternatives(
        subject, text, to=[recipient.email], headers=headers, connection=connection
    )
    message.attach_alternative(html, "text/html")
    return message


def _render(template, language, context, has_unsubscribe) -> tuple[str, str, str]:
    context = {
        **context,
        "recipient_name": NAME_SLOT,
        "unsubscribe_url": UNSUBSCRIBE_SLOT if has_unsubscribe else "",
        "settings_url": absolute_url(reverse("notifications:follows")),
        "site_url": absolute_url("/"),
    }
    with translation.override(language):
        return (
            render_to_string(f"email/{template}_subject.txt", context).strip(),
            render_to_string(f"email/{template}.txt", context),
            render_to_string(f"email/{template}.html", context),
        )


# Changes to activities ---------------------------------------------------------------------


class OccurrenceChange:
    CANCELLED = "cancelled"
    MOVED = "moved"


def notify_occurrence_change(
    *,
    occurrence_id: int,
    activity_page_id: int,
    change: str,
    old_start: datetime,
    new_start: datetime | None = None,
    participant_ids: Iterable[int] = (),
) -> str:
    """Tell the people signed up for one occurrence at once, and followers in their next email.

    Call it inside the transaction that cancels or moves the occurrence: the rows are written
    with it, and the sending task is queued only when it commits. Calling it twice for the same
    change sends nothing twice. Returns the delivery key.
    """
    from . import tasks

    when = (new_start or old_start).isoformat()
    key = f"occurrence:{occurrence_id}:{change}:{when}"
    payload = {
        "change": change,
        "old_start": old_start.isoformat(),
        "new_start": new_start.isoformat() if new_start else None,
    }
    page = Page.objects.get(pk=activity_page_id)
    with transaction.atomic():
        Delivery.objects.bulk_create(
            [
                Delivery(
                    recipient_id=user_id,
                    key=key,
                    page_id=page.pk,
                    frequency=Frequency.DIRECT,
                    payload=payload,
                )
                for user_id in set(participant_ids)
            ],
            ignore_conflicts=True,
        )
        followed = [*page.get_ancestors().values_list("pk", flat=True), page.pk]
        _create_deliveries(key=key, page_id=page.pk, followed_page_ids=followed, payload=payload)
        transaction.on_commit(lambda: tasks.send_deliveries.delay(key), robust=True)
    return key

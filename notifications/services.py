"""Follows, and telling followers: once each, through the outbox.

1. A promise with the change. Publishing a page (or cancelling or moving a date) writes a
   `FanOut` row in that same transaction. After the commit a worker is asked to run it; if that
   ask is lost, the outbox sweeper runs every fan-out not yet done.
2. Rows, not emails. The fan-out reads the followers in batches ordered by user id (keyset,
   never all at once) and writes, per follower, either an outbox email (who wants it right away)
   or a `Delivery` row that waits for the daily or weekly digest. Both are unique per recipient
   and item and inserted with ON CONFLICT DO NOTHING, so running a fan-out twice, or after a
   killed worker, writes nothing twice.
3. The outbox sends (notifications.outbox): with a lease, a retry, and a sweeper.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from wagtail.models import Page

from tim.urls_helper import absolute_url, page_url
from tim.visibility import is_publicly_visible

from . import outbox
from .models import Delivery, FanOut, Follow, Frequency

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000  # followers read, and rows inserted, per query
SEND_CHUNK = 500  # digest recipients read per query
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def page_key(page_id: int) -> str:
    return f"page:{page_id}"


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


# Fan-out ------------------------------------------------------------------------------------


def is_first_publication(page) -> bool:
    """The rule: a page tells its followers once, when it is first published.

    Publishing again (an edit, or after an unpublish) tells nobody, not even people who started
    following in between: an edit is not news.
    """
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def promise_fan_out(*, page_id: int, key: str | None = None, payload=None, participant_ids=()):
    """Write, in the current transaction, that the followers of a page are to be told."""
    from . import tasks

    key = key or page_key(page_id)
    FanOut.objects.bulk_create(
        [
            FanOut(
                key=key,
                page_id=page_id,
                payload=payload or {},
                participant_ids=sorted(set(participant_ids)),
            )
        ],
        ignore_conflicts=True,
    )

    def ask():
        try:
            tasks.fan_out.delay(key)
        except Exception:  # noqa: BLE001 - the broker may be down; the sweeper runs it later
            logger.warning("Could not queue fan-out %s now; the sweeper will.", key)

    transaction.on_commit(ask)
    return key


def run_fan_out(*, key: str) -> int:
    """Write an outbox email or a digest row for every follower; returns how many were written.

    A page followers are told about is the page itself for a changed date, or what is published
    below a followed buurt, initiative or place. Safe to run twice, and after a crash.
    """
    job = FanOut.objects.filter(key=key, done_at=None).first()
    if job is None:
        return 0
    page = Page.objects.filter(pk=job.page_id, live=True).specific().first()
    written = 0
    if page is not None and is_publicly_visible(page):
        followed = list(page.get_ancestors().values_list("pk", flat=True))
        if job.payload:  # a changed date: who follows the activity itself hears of it too
            followed.append(page.pk)
        if job.payload.get("below"):  # a city-wide item: who follows any buurt hears of it
            followed += page.get_children().live().values_list("pk", flat=True)
        writer = _FanOutWriter(job=job, page=page)
        written += writer.write_participants(job.participant_ids)
        last_user_id = 0
        while True:
            batch = list(
                Follow.objects.nearest_per_user(followed)
                .filter(user_id__gt=last_user_id)
                .values_list(
                    "pk", "user_id", "frequency", "page_id",
                    "user__email", "user__language", "user__display_name",
                )[:BATCH_SIZE]
            )  # fmt: skip
            if not batch:
                break
            last_user_id = batch[-1][1]
            written += writer.write_followers(batch)
    FanOut.objects.filter(pk=job.pk).update(done_at=timezone.now())
    return written


class _FanOutWriter:
    """Turns batches of followers into outbox emails and digest rows for one fan-out."""

    def __init__(self, *, job, page):
        self.job = job
        self.pages = PageCache()
        self.item = self.pages.item(page_id=page.pk, payload=job.payload)
        self.template = "email/" + self.item["template"]
        self.kind = "notifications." + self.item["template"]
        # A digest item kind never has an email of its own: "right away" means the daily digest.
        self.digest_only = "kind" in job.payload

    def _email(self, *, user, followed_id):
        personal, headers = {}, {}
        if followed_id:
            url = unsubscribe_url(user_id=user.pk, page_ids=[followed_id])
            personal["unsubscribe_url"] = url
            headers = unsubscribe_headers(url)
        return outbox.row(
            kind=self.kind,
            cause=self.job.key,
            to=user,
            template=self.template,
            context={
                "item": self.item,
                "followed": followed_id and self.pages.page(followed_id),
                **email_links(),
            },
            personal=personal,
            headers=headers,
        )

    def write_participants(self, user_ids) -> int:
        User = get_user_model()
        users = User.objects.filter(pk__in=user_ids, is_active=True)
        rows = [self._email(user=user, followed_id=None) for user in users]
        with transaction.atomic():
            return outbox.enqueue_many(rows, ask=False)

    def write_followers(self, batch) -> int:
        User = get_user_model()
        emails, digest_rows = [], []
        for follow_id, user_id, frequency, followed_id, email, language, name in batch:
            if frequency == Frequency.DIRECT and self.digest_only:
                frequency = Frequency.DAILY
            if frequency == Frequency.DIRECT:
                user = User(pk=user_id, email=email, language=language, display_name=name)
                emails.append(self._email(user=user, followed_id=followed_id))
            elif frequency != Frequency.OFF:
                digest_rows.append(
                    Delivery(
                        recipient_id=user_id,
                        key=self.job.key,
                        page_id=self.job.page_id,
                        follow_id=follow_id,
                        frequency=frequency,
                        payload=self.job.payload,
                    )
                )
        with transaction.atomic():
            Delivery.objects.bulk_create(digest_rows, ignore_conflicts=True)
            return outbox.enqueue_many(emails, ask=False) + len(digest_rows)


def email_links() -> dict:
    return {
        "settings_url": absolute_url(reverse("notifications:follows")),
        "site_url": absolute_url("/"),
    }


def unsubscribe_url(*, user_id, page_ids) -> str:
    token = unsubscribe_token(user_id=user_id, page_ids=page_ids)
    return absolute_url(reverse("notifications:unsubscribe", args=[token]))


def unsubscribe_headers(url: str) -> dict:
    """RFC 8058 one-click unsubscribe: a mail client may POST to the URL without asking."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# Digests -------------------------------------------------------------------------------------


class DigestKind:
    """A kind of digest item another app adds (a reaction, an idea's new status, a question).

    Its Delivery rows carry {"kind": name, ...} in their payload and are written by
    `promise_digest_item`. At digest time `items()` gets one recipient's waiting rows of this
    kind (each with its follow) and returns what the email says about them, grouped as the
    kind likes (five reactions on one page are one item): dicts with title, url, followed,
    optionally summary, and `include`, a template (without .html/.txt) that says the rest.
    It returns nothing for what is gone or what the recipient hears of otherwise.
    """

    name = ""

    def items(self, deliveries, *, recipient, pages) -> list[dict]:
        raise NotImplementedError


DIGEST_KINDS: dict[str, DigestKind] = {}


def register_digest_kind(kind: DigestKind) -> DigestKind:
    DIGEST_KINDS[kind.name] = kind
    return kind


def promise_digest_item(*, page_id: int, key: str, kind: str, below: bool = False, **values):
    """Write, in the current transaction, that followers of a page (and of the pages above it,
    and with `below` of the pages right under it) get an item in their next digest.

    Never an email of its own: who chose "right away" gets it in the next daily digest.
    """
    payload = {"kind": kind, **values, **({"below": True} if below else {})}
    return promise_fan_out(page_id=page_id, key=key, payload=payload)


def write_digests(*, frequency: str) -> int:
    """One outbox email per recipient with all that waits for this digest; nothing, no email."""
    written = 0
    last_recipient = 0
    pages = PageCache()
    User = get_user_model()
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
            return written
        last_recipient = recipient_ids[-1]
        recipients = User.objects.in_bulk(recipient_ids)
        for recipient_id in recipient_ids:
            written += _write_digest(recipients[recipient_id], frequency, pages)


@transaction.atomic
def _write_digest(recipient, frequency, pages) -> int:
    deliveries = list(
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(recipient=recipient, status=Delivery.Status.PENDING, frequency=frequency)
        .select_related("follow")
        .order_by("created_at", "pk")
    )
    items, of_kind = [], {}
    for delivery in deliveries:
        if delivery.payload.get("kind") in DIGEST_KINDS:
            of_kind.setdefault(delivery.payload["kind"], []).append(delivery)
            continue
        item = pages.item(page_id=delivery.page_id, payload=delivery.payload)
        if item:
            item["followed"] = pages.page(delivery.follow.page_id) if delivery.follow else None
            items.append(item)
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        for kind, waiting in of_kind.items():
            items += DIGEST_KINDS[kind].items(waiting, recipient=recipient, pages=pages)
    ids = [delivery.pk for delivery in deliveries]
    if not items:
        Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.CANCELLED)
        return 0
    followed_ids = sorted({d.follow.page_id for d in deliveries if d.follow})
    url = unsubscribe_url(user_id=recipient.pk, page_ids=followed_ids)
    outbox.enqueue(
        kind="notifications.digest",
        cause=f"digest:{frequency}:{ids[0]}",
        to=recipient,
        template="email/digest",
        context={
            "items": items,
            "frequency": frequency,
            "followed_names": ", ".join(
                sorted(page["title"] for page in map(pages.page, followed_ids) if page)
            ),
            **email_links(),
        },
        personal={"unsubscribe_url": url},
        headers=unsubscribe_headers(url),
    )
    Delivery.objects.filter(pk__in=ids).update(status=Delivery.Status.SENT, sent_at=timezone.now())
    return 1


class PageCache:
    """Pages and their URLs: read once per fan-out or digest run rather than once per email."""

    def __init__(self):
        self._pages = {}

    def page(self, page_id):
        if page_id not in self._pages:
            page = Page.objects.filter(pk=page_id).live().specific().first()
            self._pages[page_id] = page and {
                "title": page.title,
                "url": page_url(page),
                "summary": Truncator(
                    page.search_description or getattr(page, "intro", "") or ""
                ).words(40),
            }
        return self._pages[page_id]

    def item(self, *, page_id, payload):
        """What an email says about one page or changed date, or None when nothing is left."""
        page = self.page(page_id) if page_id else None
        if payload.get("change"):
            return {
                **(page or {}),
                "template": "occurrence_change",
                "change": payload["change"],
                "old_start": datetime.fromisoformat(payload["old_start"]),
                "new_start": payload.get("new_start")
                and datetime.fromisoformat(payload["new_start"]),
                "title": payload.get("title") or (page or {}).get("title", ""),
            }
        return page and {**page, "template": "new_page"}


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

    Call it inside the transaction that cancels or moves the occurrence: the promise to tell is
    written with it. Calling it twice for the same change sends nothing twice. Returns the key.
    """
    when = (new_start or old_start).isoformat()
    return promise_fan_out(
        page_id=activity_page_id,
        key=f"occurrence:{occurrence_id}:{change}:{when}",
        payload={
            "change": change,
            "old_start": old_start.isoformat(),
            "new_start": new_start.isoformat() if new_start else None,
        },
        participant_ids=participant_ids,
    )

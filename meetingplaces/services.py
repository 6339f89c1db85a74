"""Writes with side effects: confirming a place's facts, asking its host to do so, a visitor's
correction, and a host's change of this week's hours."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from neighbourhoods.roles import MODERATORS, has_own_host, who_answers
from notifications import outbox
from tim import pagecache
from tim.urls_helper import absolute_url, page_url

from .models import REMIND_AFTER, Correction, FactsCheck, HoursChange, MeetingPlacePage

CONFIRM_SALT = "meetingplaces.confirm"
# A reminder link stays valid long enough for a host on holiday, not forever.
CONFIRM_LINK_MAX_AGE = 60 * 60 * 24 * 60


def confirm_token(place: MeetingPlacePage) -> str:
    return signing.dumps({"place": place.pk}, salt=CONFIRM_SALT, compress=True)


def place_for_token(token: str) -> MeetingPlacePage:
    """The place a confirm link is for; raises signing.BadSignature when forged or expired."""
    data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_LINK_MAX_AGE)
    return MeetingPlacePage.objects.live().get(pk=data["place"])


def confirm_url(place: MeetingPlacePage) -> str:
    return absolute_url(reverse("meetingplaces:confirm", args=[confirm_token(place)]))


@transaction.atomic
def confirm_facts(*, place: MeetingPlacePage, user=None) -> FactsCheck:
    """The host says the facts are still right: record when, and log it in Wagtail's audit log."""
    check, _ = FactsCheck.objects.select_for_update().get_or_create(page=place)
    check.confirmed_at = timezone.now()
    check.save(update_fields=["confirmed_at"])
    log(instance=place, action="meetingplaces.confirm_facts", user=user)
    pagecache.purge_page(place)  # the page says when its facts were last checked
    return check


def places_to_remind(now=None):
    """Live places last checked three months ago or more, and not reminded since."""
    now = now or timezone.now()
    due = []
    for place in MeetingPlacePage.objects.live().select_related("facts_check", "owner"):
        checked = place.checked_at
        check = getattr(place, "facts_check", None)
        reminded = check.reminder_sent_at if check else None
        if checked and now - checked >= REMIND_AFTER and not (reminded and reminded > checked):
            due.append(place)
    return due


@transaction.atomic
def send_confirmation_reminder(*, place_id: int) -> bool:
    """Email the host a one-click confirm link. Idempotent: one reminder per unconfirmed period."""
    place = MeetingPlacePage.objects.live().select_related("owner").get(pk=place_id)
    check, _ = FactsCheck.objects.select_for_update().get_or_create(page=place)
    checked = check.confirmed_at or place.first_published_at
    if check.reminder_sent_at and checked and check.reminder_sent_at > checked:
        return False
    context = {
        "place": place,
        "confirm_url": confirm_url(place),
        "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[place.pk])),
        "checked_at": checked,
    }
    for recipient in who_answers(place):
        outbox.enqueue(
            kind="meetingplaces.confirm_reminder",
            cause=f"place:{place.pk}:checked:{checked:%Y%m%d%H%M%S}",
            to=recipient,
            template="email/meetingplaces/confirm",
            context=context,
        )
    check.reminder_sent_at = timezone.now()
    check.save(update_fields=["reminder_sent_at"])
    return True


def correction_recipients(page) -> list:
    """The host (or, without one, the buurt's editors) and every Moderator, each once."""
    moderators = (
        get_user_model().objects.filter(groups__name=MODERATORS, is_active=True).exclude(email="")
    )
    recipients, seen = [], set()
    for person in [*who_answers(page), *moderators.order_by("pk")]:
        address = (person if isinstance(person, str) else person.email).lower()
        if address not in seen:
            seen.add(address)
            recipients.append(person)
    return recipients


def who_hears_of_corrections(page) -> str:
    """What the visitor reads about who gets their message: the truth, in a few words."""
    if has_own_host(page):
        host = _("the host of %(page)s") % {"page": page.title}
    else:
        host = _("the editors of the buurt")
    return _("%(host)s and the moderators of the municipality") % {"host": host}


@transaction.atomic
def send_correction(*, page, message: str, name: str = "", email: str = "") -> Correction:
    """Store a visitor's correction and email it to everyone who can act on it."""
    recipients = correction_recipients(page)
    correction = Correction.objects.create(
        page=page,
        name=name,
        email=email,
        message=message,
        sent_to=", ".join(p if isinstance(p, str) else p.email for p in recipients),
    )
    context = {
        "page": page,
        "correction": correction,
        "page_url": page_url(page),
        "edit_url": absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }
    for recipient in recipients:
        outbox.enqueue(
            kind="meetingplaces.correction",
            cause=f"correction:{correction.pk}",
            to=recipient,
            template="email/meetingplaces/correction",
            context=context,
        )
    return correction


@transaction.atomic
def change_hours_this_week(
    *, place: MeetingPlacePage, day, user, closed: bool, opens=None, closes=None, reason=""
) -> HoursChange:
    """A host closes the place for a day of this week or sets other hours: live at once.

    One change per day (a new one replaces the last); logged in Wagtail's audit log.
    """
    HoursChange.objects.filter(page=place, start_date=day).delete()
    change = HoursChange.objects.create(
        page=place,
        start_date=day,
        closed=closed,
        opens=None if closed else opens,
        closes=None if closed else closes,
        reason=reason,
        created_by=user,
    )
    log(
        instance=place,
        action="meetingplaces.change_hours",
        user=user,
        data={
            "day": day.isoformat(),
            "closed": closed,
            "opens": opens.isoformat() if opens and not closed else None,
            "closes": closes.isoformat() if closes and not closed else None,
            "reason": reason,
        },
    )
    pagecache.purge_page(place)
    return change


@transaction.atomic
def undo_hours_change(*, change: HoursChange, user) -> None:
    log(
        instance=change.page,
        action="meetingplaces.undo_hours_change",
        user=user,
        data={"day": change.start_date.isoformat()},
    )
    change.delete()
    pagecache.purge_page(change.page)

"""Writes with side effects: confirming a place's facts and asking its host to do so."""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from neighbourhoods.roles import who_answers
from notifications import outbox
from tim.urls_helper import absolute_url

from .models import REMIND_AFTER, FactsCheck, MeetingPlacePage

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

"""Writes with side effects: materialising occurrences, signing up, offering help."""

import datetime

from dateutil.rrule import rrulestr
from django.core import signing
from django.db import transaction
from django.utils import timezone

from notifications import outbox
from notifications.services import OccurrenceChange, notify_occurrence_change
from tim.page_tree import buurt_of

from . import emails
from .models import (
    LOCAL_TZ,
    ActivityPage,
    Occurrence,
    SignUp,
    VolunteerCallPage,
    VolunteerResponse,
)

HORIZON_DAYS = 183
SIGNUP_SALT = "initiatives.signup"


# --- Occurrences -------------------------------------------------------------------------------


def series_starts(activity: ActivityPage, first: datetime.date, last: datetime.date):
    """The local start times of the series (before changes) on the days first..last.

    The rule is expanded by dateutil in naive local time and then placed in Europe/Amsterdam,
    so "every Tuesday 10:00" stays 10:00 on both sides of a daylight-saving change.
    """
    dtstart = datetime.datetime.combine(activity.start_date, activity.start_time)
    window_start = datetime.datetime.combine(first, datetime.time.min)
    window_end = datetime.datetime.combine(last, datetime.time.max)
    if not activity.recurrence:
        starts = [dtstart] if window_start <= dtstart <= window_end else []
    else:
        rule = rrulestr(f"RRULE:{activity.recurrence}", dtstart=dtstart)
        starts = rule.between(window_start, window_end, inc=True)
    return [start.replace(tzinfo=LOCAL_TZ) for start in starts]


def step_free(place_page) -> bool:
    """Whether the meeting place says it has a step-free entrance (False when unknown)."""
    if place_page is None:
        return False
    place = place_page.specific
    return getattr(place, "step_free_entrance", None) is True


@transaction.atomic
def refresh_occurrences(*, activity: ActivityPage, today: datetime.date | None = None) -> int:
    """Make the occurrences of the coming months match the activity; returns how many there are.

    Past occurrences stay as they were. A slot that left the series is deleted, unless someone
    signed up for it: then it is kept as cancelled, so they can see it.
    """
    today = today or timezone.localdate()
    last = today + datetime.timedelta(days=HORIZON_DAYS)
    changes = {change.date: change for change in activity.date_changes.all()}
    duration = activity.duration()
    facts = {
        "buurt": buurt_of(activity),
        "is_free": activity.is_free,
        "signup_required": activity.signup_required,
        "step_free": step_free(activity.place_page),
    }
    existing = {
        occurrence.original_start: occurrence
        for occurrence in activity.occurrences.filter(
            original_start__gte=datetime.datetime.combine(today, datetime.time.min, LOCAL_TZ)
        )
    }
    wanted = set()
    for original in series_starts(activity, today, last):
        change = changes.get(original.date())
        starts_at = original
        if change and change.new_date:
            starts_at = activity.local_start(change.new_date, change.new_start_time)
        values = {
            **facts,
            "starts_at": starts_at,
            "ends_at": starts_at + duration,
            "is_cancelled": bool(change and change.is_cancelled),
            "note": change.note if change else "",
        }
        occurrence, _ = Occurrence.objects.update_or_create(
            activity=activity, original_start=original, defaults=values
        )
        before = existing.get(original)
        if before and occurrence.is_cancelled and not before.is_cancelled:
            _tell_about_change(occurrence, OccurrenceChange.CANCELLED, old_start=before.starts_at)
        elif before and not occurrence.is_cancelled and occurrence.starts_at != before.starts_at:
            _tell_about_change(occurrence, OccurrenceChange.MOVED, old_start=before.starts_at)
        wanted.add(original)
    for original, occurrence in existing.items():
        if original in wanted:
            continue
        if occurrence.signups.exclude(status=SignUp.Status.CANCELLED).exists():
            if not occurrence.is_cancelled:
                occurrence.is_cancelled = True
                occurrence.save(update_fields=["is_cancelled"])
                _tell_about_change(
                    occurrence, OccurrenceChange.CANCELLED, old_start=occurrence.starts_at
                )
        else:
            occurrence.delete()
    return len(wanted)


def _tell_about_change(occurrence: Occurrence, change: str, *, old_start) -> None:
    """A date that is cancelled or moved: the people signed up hear it at once, followers later.

    Sign-ups with an account are told through the notifications app (with the followers);
    someone who signed up with only a name and an email address gets an email of their own.
    """
    signups = occurrence.signups.exclude(status=SignUp.Status.CANCELLED)
    participants = signups.exclude(user=None).values_list("user_id", flat=True)
    for signup in signups.filter(user=None).select_related("occurrence__activity"):
        outbox.enqueue(
            kind="initiatives.date_change",
            cause=f"occurrence:{occurrence.pk}:{change}:{occurrence.starts_at.isoformat()}",
            to=signup.email,
            template="email/initiatives/date_change",
            context={
                **emails.resident_email_context(signup),
                "change": change,
                "old_start": old_start,
            },
        )
    notify_occurrence_change(
        occurrence_id=occurrence.pk,
        activity_page_id=occurrence.activity_id,
        change=change,
        old_start=old_start,
        new_start=occurrence.starts_at if change == OccurrenceChange.MOVED else None,
        participant_ids=list(participants),
    )


def refresh_all_occurrences() -> int:
    """The nightly refresh: moves the horizon on by a day for every live activity."""
    activities = ActivityPage.objects.live().select_related("place_page")
    return sum(refresh_occurrences(activity=activity) for activity in activities)


# --- Sign-ups ----------------------------------------------------------------------------------
#
# Every change of a sign-up's status first locks the occurrence row (SELECT ... FOR UPDATE) and
# then reads the sign-up again: two requests for the same occurrence are served one after the
# other, each seeing what the other did. So a second confirm finds the sign-up confirmed and
# changes nothing, a second cancel finds it cancelled and frees nothing, and the waiting list
# moves up by exactly the places that are free. The database keeps one active sign-up per
# address (in any case) per occurrence, whatever the code does.


class AlreadySignedUp(Exception):
    """This account has a sign-up for this occurrence already."""

    def __init__(self, signup):
        self.signup = signup


def signup_token(signup: SignUp, action: str) -> str:
    return signing.dumps({"id": signup.pk, "action": action}, salt=SIGNUP_SALT)


def signup_from_token(token: str, action: str, max_age_days: int = 60) -> SignUp | None:
    try:
        data = signing.loads(token, salt=SIGNUP_SALT, max_age=max_age_days * 86400)
    except signing.BadSignature:
        return None
    if data.get("action") != action:
        return None
    return SignUp.objects.select_related("occurrence__activity").filter(pk=data["id"]).first()


def _lock(occurrence_id: int) -> Occurrence:
    """Lock the occurrence row for the rest of the transaction; every status change does."""
    return Occurrence.objects.select_for_update().select_related("activity").get(pk=occurrence_id)


def _places_free(occurrence: Occurrence) -> int | None:
    """Places left (None: no limit). Only meaningful while the occurrence is locked."""
    capacity = occurrence.activity.capacity
    if not capacity:
        return None
    taken = occurrence.signups.filter(status=SignUp.Status.CONFIRMED).count()
    return max(capacity - taken, 0)


def _take_place(signup: SignUp, occurrence: Occurrence) -> SignUp:
    """Confirm the sign-up if a place is left, else put it on the waiting list (locked)."""
    free = _places_free(occurrence)
    signup.status = SignUp.Status.WAITING if free == 0 else SignUp.Status.CONFIRMED
    signup.save(update_fields=["status", "updated_at"])
    return signup


def _notify_after_commit(signup: SignUp) -> None:
    emails.signup_emails(signup)


def _resend_link(signup: SignUp) -> None:
    """The same address signed up again: send its link again (at most once an hour)."""
    outbox.enqueue(
        kind="initiatives.signup_resent",
        cause=f"signup:{signup.pk}:resent:{timezone.now():%Y%m%d%H}",
        to=signup.user or signup.email,
        template="email/initiatives/signup_resident",
        context=emails.resident_email_context(signup),
    )


@transaction.atomic
def sign_up(*, occurrence: Occurrence, user=None, name: str = "", email: str = "") -> SignUp:
    """Sign up for an occurrence: at once with an account, else after confirming by email.

    Without an account the answer is the same whether or not the address had signed up before
    (nobody learns who takes part): an address that has a sign-up gets its link again. With an
    account, a sign-up under the same address is theirs, and AlreadySignedUp says so.
    """
    occurrence = _lock(occurrence.pk)
    if user is not None:
        name, email = str(user), user.email
    existing = (
        occurrence.signups.exclude(status=SignUp.Status.CANCELLED)
        .filter(email__iexact=email)
        .select_for_update()
        .first()
    )
    if existing and user is None:
        _resend_link(existing)
        return existing
    if existing and existing.status != SignUp.Status.PENDING:
        raise AlreadySignedUp(existing)
    signup = existing or SignUp(occurrence=occurrence, name=name, email=email)
    signup.user, signup.status = user, SignUp.Status.PENDING
    signup.save()
    if user is not None:  # the account's address is verified: no link needed
        _take_place(signup, occurrence)
    _notify_after_commit(signup)
    return signup


@transaction.atomic
def confirm_signup(*, signup: SignUp) -> SignUp:
    """The button on the emailed link's page: now the sign-up takes a place (or waits for one).

    Only a pending sign-up changes: a second confirm (a double click, two tabs) leaves a
    confirmed one confirmed, a cancelled one cancelled.
    """
    occurrence = _lock(signup.occurrence_id)
    signup = SignUp.objects.select_for_update().get(pk=signup.pk)
    if signup.status != SignUp.Status.PENDING:
        return signup
    _take_place(signup, occurrence)
    _notify_after_commit(signup)
    return signup


@transaction.atomic
def cancel_signup(*, signup: SignUp) -> list[SignUp]:
    """Cancel; the first on the waiting list get the places now free. Returns them.

    The free places are counted, not assumed: a second cancel of the same sign-up frees
    nothing, and however many cancels come at once, no more people move up than there are
    places.
    """
    occurrence = _lock(signup.occurrence_id)
    signup = SignUp.objects.select_for_update().get(pk=signup.pk)
    if signup.status == SignUp.Status.CANCELLED:
        return []
    signup.status = SignUp.Status.CANCELLED
    signup.save(update_fields=["status", "updated_at"])
    return _promote(occurrence)


def _promote(occurrence: Occurrence) -> list[SignUp]:
    """Move the first on the waiting list up into the free places (the occurrence is locked)."""
    free = _places_free(occurrence)
    waiting = occurrence.signups.filter(status=SignUp.Status.WAITING).order_by("created_at", "pk")
    promoted = list(waiting[: free if free is not None else None])
    for person in promoted:
        person.status = SignUp.Status.CONFIRMED
        person.save(update_fields=["status", "updated_at"])
        _notify_after_commit(person)
    return promoted


# --- Volunteer calls ---------------------------------------------------------------------------


@transaction.atomic
def respond_to_call(
    *, call: VolunteerCallPage, name: str, email: str, message: str = "", user=None
) -> VolunteerResponse:
    """Record an "Ik help mee" (the form asked consent) and tell the host with it."""
    response = VolunteerResponse.objects.create(
        call=call,
        user=user if user is not None and user.is_authenticated else None,
        name=name,
        email=email,
        message=message,
        consent_at=timezone.now(),
    )
    emails.volunteer_response_emails(response)
    return response

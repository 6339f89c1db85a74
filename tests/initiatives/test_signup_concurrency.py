"""Capacity under concurrency, with threads on real PostgreSQL (each its own connection).

Every status change locks the occurrence row and reads the sign-up again, so: two confirms of
the last place never demote the person to the waiting list; two cancels of one sign-up free
one place, and the waiting list moves up exactly once per freed place; the same address typed
in two cases at once makes one sign-up, without an error.
"""

import datetime
import threading
from functools import partial
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection

from initiatives import services
from initiatives.models import SignUp

from .conftest import make_activity, make_initiative

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)
ROUNDS = 5
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at_once(*calls):
    """Run the calls in threads released together by a barrier; returns their results."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(number, call):
        try:
            barrier.wait(timeout=10)
            results[number] = call()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


@pytest.fixture
def occurrences(pottenberg):
    """Weekly occurrences of an activity with sign-ups; each round uses one of them."""
    with time_machine.travel(NOW, tick=True):
        initiative = make_initiative(pottenberg, host_email="gastvrouw@example.org")
        activity = make_activity(
            initiative, title="Fietsles", recurrence="FREQ=WEEKLY;BYDAY=TU",
            signup_required=True, capacity=1,
        )  # fmt: skip
        yield list(activity.occurrences.order_by("starts_at")[:ROUNDS])


def person(occurrence, name, status):
    email = f"{name}-{occurrence.pk}@example.org"
    return SignUp.objects.create(occurrence=occurrence, name=name, email=email, status=status)


def statuses(occurrence):
    return dict(occurrence.signups.values_list("name", "status"))


def test_two_confirms_of_the_last_place_never_put_the_person_on_the_waiting_list(occurrences):
    for occurrence in occurrences:
        ria = person(occurrence, "ria", SignUp.Status.PENDING)
        confirm = partial(services.confirm_signup, signup=ria)
        assert [s.status for s in at_once(confirm, confirm)] == [SignUp.Status.CONFIRMED] * 2
        assert statuses(occurrence) == {"ria": SignUp.Status.CONFIRMED}


def test_two_cancels_at_once_free_one_place_and_move_one_person_up(occurrences):
    for occurrence in occurrences:
        ria = person(occurrence, "ria", SignUp.Status.CONFIRMED)
        person(occurrence, "piet", SignUp.Status.WAITING)
        person(occurrence, "anna", SignUp.Status.WAITING)
        cancel = partial(services.cancel_signup, signup=ria)
        moved_up = at_once(cancel, cancel)
        assert sorted(len(people) for people in moved_up) == [0, 1]
        assert statuses(occurrence) == {
            "ria": SignUp.Status.CANCELLED,
            "piet": SignUp.Status.CONFIRMED,  # the first who waited, once
            "anna": SignUp.Status.WAITING,
        }


def test_cancels_of_different_people_at_once_never_overfill(occurrences):
    occurrence = occurrences[0]
    activity = occurrence.activity
    activity.capacity = 2
    activity.save(update_fields=["capacity"])
    going = [person(occurrence, name, SignUp.Status.CONFIRMED) for name in ("ria", "jan")]
    for name in ("piet", "anna", "kees"):
        person(occurrence, name, SignUp.Status.WAITING)
    cancels = [partial(services.cancel_signup, signup=s) for s in going for _twice in (1, 2)]
    at_once(*cancels)
    assert statuses(occurrence) == {
        "ria": SignUp.Status.CANCELLED,
        "jan": SignUp.Status.CANCELLED,
        "piet": SignUp.Status.CONFIRMED,
        "anna": SignUp.Status.CONFIRMED,
        "kees": SignUp.Status.WAITING,
    }


def test_one_address_in_two_cases_at_once_is_one_signup_and_no_error(occurrences):
    for occurrence in occurrences:
        sign_up = partial(services.sign_up, occurrence=occurrence, name="Ria")
        first, second = at_once(
            partial(sign_up, email="ria@example.org"), partial(sign_up, email="RIA@Example.org")
        )
        assert first.pk == second.pk
        assert occurrence.signups.count() == 1

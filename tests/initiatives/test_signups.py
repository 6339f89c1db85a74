"""Signing up: one step with an account, a confirmation link without, a waiting list when full."""

import datetime
import re
import threading
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection

from initiatives import services
from initiatives.models import SignUp
from notifications import outbox

from .conftest import make_activity, make_initiative

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)


@pytest.fixture
def workshop(initiative):
    return make_activity(
        initiative, title="Valpreventie", recurrence="FREQ=WEEKLY;BYDAY=TU",
        signup_required=True, capacity=1,
    )  # fmt: skip


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_a_logged_in_resident_signs_up_in_one_step(client, workshop, demo_user):
    occurrence = workshop.occurrences.order_by("starts_at").first()
    client.force_login(demo_user("bewoner"))
    page = client.get(workshop.url).content.decode()
    assert f'action="/aanmelden/{occurrence.pk}/"' in page
    response = client.post(f"/aanmelden/{occurrence.pk}/")
    assert "Je bent aangemeld" in response.content.decode()
    signup = SignUp.objects.get(occurrence=occurrence)
    assert (
        signup.status == SignUp.Status.CONFIRMED
        and signup.email == "bewoner@demo.thuisinmaastricht.nl"
    )
    # the only place is taken: the page says so, the next person waits
    assert "Vol: je kunt op de wachtlijst" in client.get(workshop.url).content.decode()


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_without_an_account_name_and_email_then_the_confirmation_link(client, workshop):
    occurrence = workshop.occurrences.order_by("starts_at").first()
    empty = client.post(f"/aanmelden/{occurrence.pk}/", {"name": "Ria", "email": "geen-adres"})
    html = empty.content.decode()
    assert "Voer een geldig e-mailadres in." in html and 'value="Ria"' in html
    assert not SignUp.objects.exists()
    response = client.post(
        f"/aanmelden/{occurrence.pk}/", {"name": "Ria", "email": "ria@example.org"}
    )
    assert "Kijk in je mail" in response.content.decode()
    signup = SignUp.objects.get()
    assert signup.status == SignUp.Status.PENDING
    outbox.send_due()  # what the worker does after the commit; test_worker.py runs a real one
    (email,) = mail.outbox  # only the resident: the host hears once it is confirmed
    assert email.to == ["ria@example.org"] and email.alternatives[0].mimetype == "text/html"
    confirm_link = re.search(r"http://testserver(/aanmelden/bevestigen/\S+/)", email.body)[1]
    client.get(confirm_link)  # opening the link shows a button (mail scanners open links too)
    assert "Je bent aangemeld" in client.post(confirm_link).content.decode()
    assert SignUp.objects.get().status == SignUp.Status.CONFIRMED
    outbox.send_due()
    assert mail.outbox[-1].to == ["gastvrouw@example.org"] and "Ria" in mail.outbox[-1].body
    assert client.get("/aanmelden/bevestigen/geknoeid/").status_code == 400


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_cancelling_frees_the_place_for_the_first_on_the_waiting_list(client, workshop, demo_user):
    occurrence = workshop.occurrences.order_by("starts_at").first()
    first = services.sign_up(occurrence=occurrence, user=demo_user("bewoner"))
    second = services.sign_up(occurrence=occurrence, user=demo_user("redactie-nazareth"))
    assert (first.status, second.status) == (SignUp.Status.CONFIRMED, SignUp.Status.WAITING)
    with pytest.raises(services.AlreadySignedUp):
        services.sign_up(occurrence=occurrence, user=demo_user("bewoner"))
    cancel_url = f"/aanmelden/afmelden/{services.signup_token(first, 'cancel')}/"
    assert "Wil je je afmelden?" in client.get(cancel_url).content.decode()
    first.refresh_from_db()
    assert first.status == SignUp.Status.CONFIRMED  # a GET (a link checker) cancels nothing
    client.post(cancel_url)
    second.refresh_from_db()
    assert second.status == SignUp.Status.CONFIRMED


def race(occurrence_id, users):
    """Everyone asks for a place at the same moment, each on their own database connection."""
    from initiatives.models import Occurrence

    barrier = threading.Barrier(len(users))
    results, errors = [], []

    def attempt(user):
        try:
            occurrence = Occurrence.objects.select_related("activity").get(pk=occurrence_id)
            barrier.wait(timeout=10)
            results.append(services.sign_up(occurrence=occurrence, user=user).status)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results, time.perf_counter() - started


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@time_machine.travel(NOW, tick=True)
def test_two_people_for_the_last_place_exactly_one_gets_it(pottenberg, capsys):
    initiative = make_initiative(pottenberg, host_email="gastvrouw@example.org")
    activity = make_activity(
        initiative, title="Fietsles", recurrence="FREQ=WEEKLY;BYDAY=TU",
        signup_required=True, capacity=1,
    )  # fmt: skip
    User = get_user_model()
    rounds, durations = 10, []
    occurrences = list(activity.occurrences.order_by("starts_at")[:rounds])
    for number, occurrence in enumerate(occurrences):
        users = [User.objects.create(email=f"race{number}-{who}@example.org") for who in "ab"]
        results, seconds = race(occurrence.pk, users)
        durations.append(seconds)
        assert sorted(results) == [SignUp.Status.CONFIRMED, SignUp.Status.WAITING]
        assert occurrence.signups.filter(status=SignUp.Status.CONFIRMED).count() == 1
    # twenty people for five places
    activity.capacity = 5
    activity.save_revision().publish()
    crowd = [User.objects.create(email=f"crowd{n}@example.org") for n in range(20)]
    last_week = activity.occurrences.order_by("starts_at")[rounds]
    results, seconds = race(last_week.pk, crowd)
    assert results.count(SignUp.Status.CONFIRMED) == 5
    assert results.count(SignUp.Status.WAITING) == 15
    with capsys.disabled():
        print(
            f"\n[capacity] {rounds} races of 2 for the last place: 1 confirmed + 1 waiting each, "
            f"slowest {max(durations) * 1000:.0f} ms; 20 people for 5 places: 5 confirmed, "
            f"15 waiting in {seconds * 1000:.0f} ms"
        )

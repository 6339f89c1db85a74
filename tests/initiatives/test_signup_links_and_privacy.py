"""Sign-ups that a mail scanner cannot change and a stranger cannot read.

The links in a sign-up email open a page; only its button (a POST) confirms or cancels. The
form answers every address alike, and a second sign-up with the same address only sends the
link again. One address (in any case) has one sign-up per date, and a date has one change, as
the database enforces.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError, transaction

from initiatives.models import ActivityDateChange, SignUp
from notifications import outbox
from notifications.models import OutgoingEmail

from .conftest import make_activity

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime.datetime(2026, 10, 19, 9, 0, tzinfo=AMS)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def a_monday_morning():
    cache.clear()  # the rate limits count in Redis, shared by every test of the run
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def workshop(initiative):
    return make_activity(
        initiative, title="Valpreventie", recurrence="FREQ=WEEKLY;BYDAY=TU",
        signup_required=True, capacity=1,
    )  # fmt: skip


def link(pattern, to="ria@example.org"):
    """The link of that kind in the newest email the outbox sent to the address."""
    outbox.send_due()
    bodies = [message.body for message in mail.outbox if message.to == [to]]
    found = re.search(rf"http://testserver(/aanmelden/{pattern}/\S+/)", bodies[-1])
    assert found, bodies[-1]
    return found[1]


def main_text(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", html[html.index("<main") : html.index("</main>")])


def test_opening_the_links_changes_nothing_only_the_buttons_do(client, workshop):
    occurrence = workshop.occurrences.order_by("starts_at").first()
    client.post(f"/aanmelden/{occurrence.pk}/", {"name": "Ria", "email": "ria@example.org"})
    confirm = link("bevestigen")
    for method in (client.get, client.head):  # a mail scanner, a link preview
        assert method(confirm).status_code == 200
        assert SignUp.objects.get().status == SignUp.Status.PENDING
    page = client.get(confirm).content.decode()
    assert "Ja, bevestig mijn aanmelding" in page and 'method="post"' in page

    assert "Je bent aangemeld" in client.post(confirm).content.decode()
    assert SignUp.objects.get().status == SignUp.Status.CONFIRMED
    assert "Je bent aangemeld" in client.post(confirm).content.decode()  # a second press
    assert SignUp.objects.get().status == SignUp.Status.CONFIRMED

    cancel = link("afmelden")
    for method in (client.get, client.head):
        assert method(cancel).status_code == 200
        assert SignUp.objects.get().status == SignUp.Status.CONFIRMED
    assert "Wil je je afmelden?" in client.get(cancel).content.decode()
    assert "Je bent afgemeld" in client.post(cancel).content.decode()
    assert SignUp.objects.get().status == SignUp.Status.CANCELLED


def test_the_form_does_not_tell_whether_an_address_signed_up_but_sends_the_link_again(
    client, workshop
):
    occurrence = workshop.occurrences.order_by("starts_at").first()
    url = f"/aanmelden/{occurrence.pk}/"
    first = client.post(url, {"name": "Ria", "email": "ria@example.org"})
    assert "Kijk in je mail" in main_text(first)
    first_link = link("bevestigen")
    client.post(first_link)  # Ria confirms: she has the only place now

    # someone else types Ria's address (in another case): the same answer as for anyone
    again = client.post(url, {"name": "Nieuwsgierig", "email": "RIA@Example.org"})
    stranger = client.post(url, {"name": "Piet", "email": "piet@example.org"})
    assert main_text(again).replace("RIA@Example.org", "@") == main_text(stranger).replace(
        "piet@example.org", "@"
    )
    for text in (main_text(again), main_text(stranger)):
        assert "Kijk in je mail" in text
        assert "Je bent aangemeld" not in text and "wachtlijst" not in text, text
    # no second sign-up, no 500: the address got its own email again, with its cancel link
    assert SignUp.objects.filter(email__iexact="ria@example.org").count() == 1
    resent = OutgoingEmail.objects.get(kind="initiatives.signup_resent")
    assert resent.address == "ria@example.org"
    outbox.send_due()
    (email,) = [m for m in mail.outbox if m.to == ["ria@example.org"]][-1:]
    assert "afmelden" in email.body and "Hallo Ria" in email.body


def test_one_signup_per_address_in_any_case_and_one_change_per_date_in_the_database(workshop):
    occurrence = workshop.occurrences.order_by("starts_at").first()
    SignUp.objects.create(occurrence=occurrence, name="Ria", email="ria@example.org",
                          status=SignUp.Status.PENDING)  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        SignUp.objects.create(occurrence=occurrence, name="Ria", email="Ria@Example.ORG",
                              status=SignUp.Status.PENDING)  # fmt: skip
    day = datetime.date(2026, 10, 27)
    ActivityDateChange.objects.create(activity=workshop, date=day)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityDateChange.objects.create(activity=workshop, date=day, new_date=day)


def test_people_without_an_account_hear_of_a_cancelled_and_a_moved_date(client, workshop):
    first, second = workshop.occurrences.order_by("starts_at")[:2]
    for occurrence in (first, second):
        client.post(f"/aanmelden/{occurrence.pk}/", {"name": "Ria", "email": "ria@example.org"})
        client.post(link("bevestigen"))
    workshop.date_changes = [
        ActivityDateChange(date=datetime.date(2026, 10, 20), note="Herfstvakantie"),
        ActivityDateChange(date=datetime.date(2026, 10, 27), new_date=datetime.date(2026, 10, 29)),
    ]
    workshop.save_revision().publish()
    workshop.save_revision().publish()  # publishing again tells nobody twice
    changes = OutgoingEmail.objects.filter(
        kind="initiatives.date_change", address="ria@example.org"
    )
    assert changes.count() == 2
    outbox.send_due()
    bodies = [
        m.body for m in mail.outbox if m.subject.startswith(("Gaat niet door", "Nieuwe tijd"))
    ]
    assert any("gaat niet door" in body for body in bodies), bodies
    assert any("donderdag 29 oktober" in body for body in bodies), bodies


def test_the_admin_says_so_when_a_date_is_changed_twice(client, workshop, demo_user):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.force_login(demo_user("initiatiefnemer"))
    day = {"date": "2026-10-27", "new_date": "", "new_start_time": "", "note": ""}
    data = nested_form_data(
        {
            "title": workshop.title, "slug": workshop.slug, "intro": workshop.intro,
            "start_date": "2026-10-20", "start_time": "10:00", "end_time": "11:00",
            "repeat": "weekly", "weekdays": ["TU"], "week_of_month": "1",
            "place_name": "Buurthuis", "street_address": "Pottenbergsweg 1", "city": "Maastricht",
            "price": "0", "signup_required": "on", "capacity": "1",
            "date_changes": inline_formset([day, {**day, "note": "nog eens"}]),
            "comments": inline_formset([]),
        }
    )  # fmt: skip
    response = client.post(f"/beheer/pages/{workshop.pk}/edit/", data)
    assert response.status_code == 200  # the form again, not a server error
    assert "Corrigeer de dubbele waarden hieronder." in response.content.decode()
    assert not workshop.date_changes.exists()

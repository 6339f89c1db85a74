"""Every kind of email the site sends is an outbox row first, and reaches the person it is for.

One test per way email leaves the site; together they list every path there is. The outbox's
sender is then the only code that hands a message to the mail server (test_outbox.py checks
the source for any other).
"""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from initiatives import services as initiatives
from initiatives.models import VolunteerCallPage
from meetingplaces import services as meetingplaces
from news.models import NewsIndexPage
from notifications import outbox, services, tasks
from notifications.models import Frequency, OutgoingEmail
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.admin_forms import add_url, news_form_data

from .conftest import publish_under

pytestmark = pytest.mark.django_db


def kinds():
    return sorted(OutgoingEmail.objects.values_list("kind", flat=True))


def delivered_to():
    outbox.send_due()
    return sorted(address for message in mail.outbox for address in message.to)


def test_follower_notification_and_digest(pottenberg, resident):
    services.follow_page(user=resident("direct"), page=pottenberg, frequency=Frequency.DIRECT)
    services.follow_page(user=resident("dag"), page=pottenberg, frequency=Frequency.DAILY)
    page = publish_under(pottenberg, "Buurtfeest")
    tasks.fan_out(services.page_key(page.pk))
    services.write_digests(frequency=Frequency.DAILY)
    assert kinds() == ["notifications.digest", "notifications.new_page"]
    assert delivered_to() == ["dag@example.org", "direct@example.org"]


@time_machine.travel(datetime.datetime(2026, 10, 1, 9, tzinfo=datetime.UTC), tick=False)
def test_sign_up_emails_to_the_resident_and_the_host(pottenberg, demo_user):
    initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"),
                                 host_email="gastvrouw@example.org")  # fmt: skip
    occurrence = make_activity(initiative).occurrences.first()
    signup = initiatives.sign_up(occurrence=occurrence, name="Mia", email="mia@example.org")
    assert kinds() == ["initiatives.signup_resident"]  # the link to confirm, nothing to the host
    initiatives.confirm_signup(signup=signup)
    assert kinds() == [
        "initiatives.signup_host",
        "initiatives.signup_resident",
        "initiatives.signup_resident",
    ]
    assert delivered_to() == ["gastvrouw@example.org", "mia@example.org", "mia@example.org"]


def test_an_offer_of_help_without_any_host_address_reaches_the_buurts_editors(
    pottenberg, demo_user
):
    initiative = make_initiative(pottenberg, title="Zonder adres")  # no host email, no owner
    call = VolunteerCallPage(title="Hulp bij koffie", intro="Wie schenkt er koffie?",
                             time_needed="Een uur per week")  # fmt: skip
    initiative.add_child(instance=call)
    call.save_revision().publish()
    initiatives.respond_to_call(call=call, name="Jan", email="jan@example.org", message="Ik!")
    assert kinds() == ["initiatives.volunteer_host"]
    assert delivered_to() == [demo_user("redactie-pottenberg").email]


def test_meeting_place_reminder(pottenberg):
    place = add_place(pottenberg, "Buurthuis", host_email="gastvrouw@example.org")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=100)):
        assert meetingplaces.send_confirmation_reminder(place_id=place.pk)
        assert kinds() == ["meetingplaces.confirm_reminder"]
        assert delivered_to() == ["gastvrouw@example.org"]


def test_wagtails_moderation_email_is_written_in_the_request(client, demo_user, pottenberg):
    client.force_login(demo_user("redactie-pottenberg"))
    index = NewsIndexPage.objects.child_of(pottenberg).get()
    response = client.post(add_url(index), news_form_data(title="Buurtfeest", slug="buurtfeest",
                                                           action="submit"))  # fmt: skip
    assert response.status_code == 302
    assert "mail" in kinds()  # Wagtail's own email, caught by the outbox's email backend
    assert demo_user("moderator").email in delivered_to()


def test_account_verification_and_password_reset(client):
    client.post("/account/signup/", {"email": "nieuw@example.org", "password1": "een-lang-ww-2026",
                                     "password2": "een-lang-ww-2026"})  # fmt: skip
    client.logout()
    client.post("/account/password/reset/", {"email": "nieuw@example.org"})
    assert kinds() == ["account.email_confirmation_signup", "account.password_reset_key"]
    assert delivered_to() == ["nieuw@example.org", "nieuw@example.org"]

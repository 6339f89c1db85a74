"""Download and delete cover every model that holds personal data.

Each app names, in `<app>/privacy.py` (PERSONAL_DATA), what happens to each of its models with a
user link, a name or an email address; a new model that nobody names fails here. Deleting an
account then leaves the person's name and address in no table at all.
"""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast

from accounts.services import privacy_hooks
from initiatives import services as initiatives
from initiatives.models import SignUp, VolunteerCallPage
from notifications import outbox
from notifications import services as notifications
from notifications.models import Frequency
from tests.initiatives.conftest import make_activity, make_initiative

NAME, EMAIL = "Annabel Zonnebloem", "annabel.zonnebloem@example.org"
NOW = datetime.datetime(2026, 10, 19, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))


def personal_fields(model):
    """The model's own fields that link to a user or hold a name or an email address."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for field in model._meta.local_fields:
        if field.is_relation and field.related_model is user_model:
            yield field.name
        elif isinstance(field, models.EmailField) or field.name in ("name", "email"):
            yield field.name
        elif field.name.endswith(("_name", "_email")):
            yield field.name


def test_every_model_with_personal_data_is_covered_by_a_privacy_hook():
    covered = {}
    for label, hook in privacy_hooks().items():
        for model_label in getattr(hook, "PERSONAL_DATA", {}):
            covered[model_label] = label
    missing = [
        f"{model._meta.label_lower} ({', '.join(fields)})"
        for model in apps.get_models()
        if (fields := list(personal_fields(model))) and model._meta.label_lower not in covered
    ]
    assert not missing, (
        "Say in the app's privacy.py (PERSONAL_DATA) what happens to these on download and "
        f"delete: {missing}"
    )


@pytest.fixture
def annabel(db):
    user = get_user_model().objects.create_user(email=EMAIL, password="x", display_name=NAME)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


@pytest.fixture
def her_traces(annabel, pottenberg):
    """Everything Annabel left: sign-ups (one made without logging in), an offer, a follow."""
    with time_machine.travel(NOW, tick=False):
        initiative = make_initiative(pottenberg, host_email="gastvrouw@example.org")
        activity = make_activity(
            initiative, title="Fietsles", recurrence="FREQ=WEEKLY;BYDAY=TU",
            signup_required=True, capacity=1,
        )  # fmt: skip
        first, second = activity.occurrences.order_by("starts_at")[:2]
        initiatives.sign_up(occurrence=first, user=annabel)
        waiting = initiatives.sign_up(occurrence=first, name="Piet", email="piet@example.org")
        initiatives.confirm_signup(signup=waiting)
        initiatives.sign_up(occurrence=second, name="Annabel", email=EMAIL.upper())
        call = initiative.add_child(
            instance=VolunteerCallPage(title="Koffie schenken", slug="koffie",
                                       intro="Schenk koffie.", time_needed="2 uur")
        )  # fmt: skip
        call.save_revision().publish()
        initiatives.respond_to_call(call=call, name=NAME, email=EMAIL, message="Ik kan op dinsdag")
        notifications.follow_page(user=annabel, page=pottenberg, frequency=Frequency.DIRECT)
        outbox.send_due()
        yield {"piet": waiting}


@pytest.mark.django_db
def test_the_download_has_her_signups_and_offers_also_without_logging_in(
    client, annabel, her_traces
):
    client.force_login(annabel)
    data = json.loads(client.post("/mijn-account/mijn-gegevens/").content)
    signups = data["initiatives"]["signups"]
    assert {(s["activity"], s["status"]) for s in signups} == {
        ("Fietsles", SignUp.Status.CONFIRMED),
        ("Fietsles", SignUp.Status.PENDING),
    }
    assert data["initiatives"]["offers_of_help"][0]["message"] == "Ik kan op dinsdag"
    assert data["notifications"]["follows"][0]["page"] == "Pottenberg"


def tables_mentioning(*needles):
    """Every row of every table whose text columns contain one of the needles (any case)."""
    found = []
    for model in apps.get_models():
        text_fields = [
            field.name for field in model._meta.local_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
        ]  # fmt: skip
        for name in text_fields:
            rows = model._default_manager.annotate(_text=Cast(name, models.TextField()))
            for needle in needles:
                if rows.filter(_text__icontains=needle).exists():
                    found.append(f"{model._meta.label_lower}.{name} has {needle!r}")
    return found


@pytest.mark.django_db
def test_deleting_the_account_leaves_her_name_and_address_in_no_table(client, annabel, her_traces):
    assert tables_mentioning(NAME, EMAIL)  # the test sees her data before
    client.force_login(annabel)
    page = client.get("/mijn-account/verwijderen/").text
    assert "Je aanmeldingen voor activiteiten en je aanbod om mee te helpen" in page
    assert "gaat je plek naar de volgende op de wachtlijst" in page
    with time_machine.travel(NOW, tick=False):
        client.post("/mijn-account/verwijderen/", {"confirm": "on"})
    assert tables_mentioning(NAME, EMAIL, "Annabel") == []
    piet = her_traces["piet"]
    piet.refresh_from_db()
    assert piet.status == SignUp.Status.CONFIRMED  # her place went to the waiting list

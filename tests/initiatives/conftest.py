"""Initiatives and activities built the way a host builds them: pages published in the tree."""

import datetime

import pytest
from django.utils.text import slugify

from initiatives.models import ActivityDateChange, ActivityPage, InitiativeIndexPage, InitiativePage


def make_initiative(buurt, title="Buurtkamer Pottenberg", **fields):
    index = InitiativeIndexPage.objects.child_of(buurt).get()
    fields.setdefault("intro", "Koffie, een praatje en samen iets doen.")
    page = index.add_child(instance=InitiativePage(title=title, slug=slugify(title), **fields))
    page.save_revision().publish()
    return page


def make_activity(initiative, title="Qi-gong", changes=(), themes=(), **fields):
    """A published activity; publishing materialises its occurrences (as in the admin)."""
    values = {
        "owner": initiative.owner,  # as when the host adds it in the admin
        "intro": "Rustig bewegen, samen met anderen.",
        "start_date": datetime.date(2026, 10, 20),
        "start_time": datetime.time(10),
        "end_time": datetime.time(11),
        "place_name": "Buurthuis",
        "street_address": "Pottenbergsweg 1",
        "postcode": "6216 AA",
        **fields,
    }
    page = initiative.add_child(instance=ActivityPage(title=title, slug=slugify(title), **values))
    page.date_changes = [ActivityDateChange(**change) for change in changes]
    page.themes = list(themes)
    page.save_revision().publish()
    return ActivityPage.objects.get(pk=page.pk)


@pytest.fixture
def initiative(pottenberg, demo_user):
    return make_initiative(
        pottenberg, owner=demo_user("initiatiefnemer"), host_email="gastvrouw@example.org"
    )

"""Demo content: the activities seed 002 names, and calls where volunteers are the challenge.

The texts are in fixtures/initiatives_demo.json, in plain Dutch (B1). The seed names the
activities but never their days, times or prices: every schedule here is an example, ticked as
`times_are_example`, and the page says so. Volunteer calls are made for the initiatives whose
challenges name volunteers (De Heeg: "Voldoende vrijwilligers"; SMILE043: "vrijwilligersbestand");
what the volunteer does and how much time it takes is an example too. Places link to the
meeting places of the directory when its demo has made them; the activity then shows the
place's own address.
"""

import datetime
import json
from decimal import Decimal

from dateutil import rrule
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from neighbourhoods.models import NeighbourhoodPage
from tim.demo import DEMO_DOMAIN
from tim.models import Theme

from .forms import build_rrule
from .models import (
    ActivityPage,
    InitiativeIndexPage,
    InitiativePage,
    InitiativePlace,
    VolunteerCallPage,
)

FIXTURE = settings.BASE_DIR / "fixtures" / "initiatives_demo.json"


def _place_fields(place, buurt_slug):
    """A meeting place of the directory (its page gives the address), else a name and address."""
    path, name, street, postcode = place
    page = (
        Page.objects.filter(url_path__endswith=f"/{buurt_slug}/{path}/").first() if path else None
    )
    if page is not None:
        return {"place_page": page, "place_name": "", "street_address": "", "postcode": ""}
    return {"place_page": None, "place_name": name, "street_address": street,
            "postcode": postcode}  # fmt: skip


def _first_date(repeat, days, anchor):
    """The first date on or after anchor that fits the rule, so DTSTART is an occurrence."""
    dtstart = datetime.datetime.combine(anchor, datetime.time())
    rule = build_rrule(repeat=repeat, weekdays=days, week_of_month="1", until=None, dtstart=dtstart)
    return rrule.rrulestr(f"RRULE:{rule}", dtstart=dtstart)[0].date(), rule


def _publish(page):
    page.save_revision().publish()


@transaction.atomic
def load() -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    owner = get_user_model().objects.filter(email=f"initiatiefnemer@{DEMO_DOMAIN}").first()
    anchor = timezone.localdate() - datetime.timedelta(days=14)
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for data in fixture["initiatives"]:
        buurt = NeighbourhoodPage.objects.get(slug=data["buurt"])
        index = InitiativeIndexPage.objects.child_of(buurt).get()
        initiative = InitiativePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if initiative is None:
            initiative = index.add_child(
                instance=InitiativePage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data["intro"],
                    owner=owner if data.get("owner") else None,
                )  # fmt: skip
            )
            initiative.themes.set([themes[slug] for slug in data["themes"]])
            if data["place"]:
                initiative.places = [InitiativePlace(**_place_fields(data["place"], data["buurt"]))]
            _publish(initiative)
        for item in data["activities"]:
            if ActivityPage.objects.child_of(initiative).filter(slug=item["slug"]).exists():
                continue
            start_date, rule = _first_date(item["repeat"], item["days"], anchor)
            page = ActivityPage(
                title=item["title"], slug=item["slug"], intro=item["intro"],
                start_date=start_date, start_time=datetime.time.fromisoformat(item["start"]),
                end_time=datetime.time.fromisoformat(item["end"]), recurrence=rule,
                times_are_example=True, price=Decimal(item.get("price", "0")),
                signup_required=item.get("signup_required", False),
                capacity=item.get("capacity"), owner=initiative.owner,
                **_place_fields(item.get("place") or data["place"], data["buurt"]),
            )  # fmt: skip
            initiative.add_child(instance=page)
            page.themes.set([themes[slug] for slug in item["themes"]])
            _publish(page)
        if data.get("call") and not VolunteerCallPage.objects.child_of(initiative).exists():
            call_data = data["call"]
            call = initiative.add_child(
                instance=VolunteerCallPage(
                    title=call_data["title"],
                    intro=f"{call_data['intro']} {fixture['example_note']}",
                    time_needed=call_data["time_needed"],
                    owner=initiative.owner,
                )  # fmt: skip
            )
            call.themes.set([themes["vrijwillige-inzet"]])
            _publish(call)

"""A city-sized data set for benchmarks: news, initiatives, activities, places, residents.

Every item goes under the 44 buurten the site already has (and the city news), made with
`tim.bulk_pages` so Wagtail's tree stays valid, and is in the search index. The same seed gives
the same texts, slugs and numbers; dates are counted back from the day it runs. Generated texts
are nonsense Dutch made from the words below, with the word frequencies of real buurt news: most
items mention "buurt", few mention a given place.
"""

import datetime
import json
import random
import time
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from initiatives.models import (
    ActivityPage,
    InitiativeIndexPage,
    InitiativePage,
    Occurrence,
    VolunteerCallPage,
)
from initiatives.services import HORIZON_DAYS, series_starts
from meetingplaces.models import (
    MeetingPlaceIndexPage,
    MeetingPlacePage,
    OpeningException,
    OpeningHours,
)
from neighbourhoods.models import NeighbourhoodPage
from news.choices import NewsKind
from news.models import CityNewsIndexPage, NewsIndexPage, NewsPage
from notifications.models import Follow, Frequency
from tim.models import Theme

from . import bulk_pages

SUBJECTS = ["Bewoners", "De buurtvereniging", "Het wijkteam", "Vrijwilligers", "De gemeente",
            "Kinderen van de basisschool", "Ouderen uit de buurt", "De jongerenwerker",
            "Het buurtcentrum", "Studenten", "De bibliotheek", "Een groep buren"]  # fmt: skip
VERBS = ["organiseren", "openen", "zoeken", "vieren", "bespreken", "starten", "maken",
         "verbeteren", "plannen", "steunen"]  # fmt: skip
THINGS = ["een buurtfeest", "een moestuin", "een koffieochtend", "een repair café",
          "een wandeling", "nieuwe speeltoestellen", "een taalcafé", "een schoonmaakactie",
          "de herinrichting van het plein", "een kookavond", "een fietsenwerkplaats",
          "een boekenruil", "een spreekuur over geldzaken", "een voorleesmiddag",
          "een beweegochtend", "een muziekavond", "een tuinproject", "een kledingruil"]  # fmt: skip
EXTRAS = ["Iedereen is welkom.", "Aanmelden is niet nodig.", "Kom gerust langs.",
          "De koffie staat klaar.", "Neem je buren mee.", "Het is gratis.",
          "Er zijn nog vrijwilligers nodig.", "Kinderen mogen mee.",
          "Heb je een idee? Laat het weten.", "De toegang is rolstoeltoegankelijk."]  # fmt: skip
STREETS = ["Kerkstraat", "Dorpstraat", "Molenweg", "Schoolplein", "Lindelaan", "Parkweg",
           "Maasboulevard", "Akerstraat", "Brusselsestraat", "Scharnerweg"]  # fmt: skip
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]


@dataclass(frozen=True)
class Sizes:
    news: int = 50_000
    activities: int = 5_000
    places: int = 300
    initiatives: int = 2_000
    calls: int = 1_000
    users: int = 100_000


class Writer:
    """Deterministic texts from one seeded random generator."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def sentence(self, buurt_title: str) -> str:
        rng = self.rng
        where = rng.choice([f"in {buurt_title}", "in de buurt", "op het plein", "in het park"])
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(THINGS)} {where}."

    def paragraph(self, buurt_title: str, sentences: int = 4) -> str:
        parts = [self.sentence(buurt_title) for _ in range(sentences)]
        return " ".join([*parts, self.rng.choice(EXTRAS)])

    def title(self, buurt_title: str) -> str:
        return f"{self.rng.choice(THINGS).capitalize()} in {buurt_title}"

    def body(self, buurt_title: str, paragraphs: int = 3) -> str:
        """Raw StreamField JSON of paragraphs, as Wagtail stores it."""
        blocks = [
            {"type": "paragraph", "value": f"<p>{self.paragraph(buurt_title)}</p>"}
            for _ in range(paragraphs)
        ]
        return json.dumps(blocks)


class Generator:
    def __init__(self, *, seed: int, sizes: Sizes, log=print):
        self.writer = Writer(seed)
        self.rng = self.writer.rng
        self.sizes = sizes
        self.log = log
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()
        self.first_number = Page.objects.count()
        self.buurten = list(NeighbourhoodPage.objects.order_by("path"))
        self.themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
        self.sections = {
            model: {page.get_parent().pk: page for page in model.objects.order_by("path")}
            for model in (NewsIndexPage, InitiativeIndexPage, MeetingPlaceIndexPage)
        }

    def run(self) -> dict[str, float]:
        timings = {}
        for name in ("news", "places", "initiatives", "activities", "calls", "users"):
            started = time.monotonic()
            with transaction.atomic():
                count = getattr(self, f"make_{name}")()
            timings[name] = time.monotonic() - started
            self.log(f"{name}: {count} in {timings[name]:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, for the new sizes
        # Nothing was published through Wagtail, so no purge ran: drop every cached response.
        cache.clear()
        return timings

    # --- helpers ---------------------------------------------------------------------------

    def spread(self, count: int, city_share: float = 0.0) -> list[list[int]]:
        """`count` numbered items spread over the buurten, some buurten busier than others.

        With a city share, the last list holds the numbers of the city-wide items.
        """
        weights = [self.rng.uniform(0.3, 3) for _ in self.buurten]
        city_weight = sum(weights) * city_share / (1 - city_share)
        targets = len(self.buurten) + 1
        chosen = self.rng.choices(range(targets), weights=[*weights, city_weight], k=count)
        per_target = [[] for _ in range(targets)]
        for number, index in enumerate(chosen):
            per_target[index].append(number)
        return per_target if city_share else per_target[:-1]

    def past(self, days: int) -> datetime.datetime:
        return self.now - datetime.timedelta(seconds=self.rng.randrange(days * 86400))

    def with_themes(self, model, pages, most: int = 3) -> None:
        through = model.themes.through
        column = f"{model._meta.model_name}_id"
        rows = []
        for page in pages:
            for theme in self.rng.sample(self.themes, self.rng.randint(1, most)):
                rows.append(through(**{column: page.pk, "theme_id": theme}))
        through.objects.bulk_create(rows, batch_size=5000)

    def slug(self, title: str, number: int) -> str:
        """Unique among siblings, also when the generator runs again on the same database."""
        return f"{slugify(title)[:50]}-{self.first_number + number}"

    # --- content ---------------------------------------------------------------------------

    def make_news(self) -> int:
        writer, made = self.writer, []
        per_target = self.spread(self.sizes.news, city_share=0.05)
        parents = [self.sections[NewsIndexPage][buurt.pk] for buurt in self.buurten]
        parents.append(CityNewsIndexPage.objects.get())
        targets = zip(parents, [*self.buurten, None], per_target, strict=True)
        for parent, buurt, numbers in targets:
            name = buurt.title if buurt else "Maastricht"
            pages = []
            for number in numbers:
                title = writer.title(name)
                pages.append(
                    NewsPage(
                        title=title,
                        slug=self.slug(title, number),
                        kind=self.rng.choice(NewsKind.values),
                        intro=writer.paragraph(name, sentences=1)[:300],
                        body=writer.body(name),
                        author_name=f"Redactie {name}",
                        buurt_id=buurt.pk if buurt else None,
                        reading_time=1,
                        first_published_at=self.past(5 * 365),
                    )
                )
            made += bulk_pages.add_children(parent, pages)
        self.with_themes(NewsPage, made)
        bulk_pages.index(NewsPage, [page.pk for page in made], prefetch=["themes"])
        return len(made)

    def make_places(self) -> int:
        made, self.places = [], {}
        for buurt, numbers in zip(self.buurten, self.spread(self.sizes.places), strict=True):
            pages = []
            for number in numbers:
                title = f"Buurthuis {self.rng.choice(STREETS)}"
                pages.append(
                    MeetingPlacePage(
                        title=title,
                        slug=self.slug(title, number),
                        mission=self.writer.paragraph(buurt.title, sentences=2),
                        what_happens=self.writer.paragraph(buurt.title),
                        street_address=f"{self.rng.choice(STREETS)} {self.rng.randint(1, 200)}",
                        postcode=f"62{self.rng.randint(10, 29)} AB",
                        latitude=buurt.latitude,
                        longitude=buurt.longitude,
                        hours_are_example=True,
                        step_free_entrance=self.rng.choice([True, False, None]),
                        accessible_toilet=self.rng.choice([True, False, None]),
                    )
                )
            made += bulk_pages.add_children(
                self.sections[MeetingPlaceIndexPage][buurt.pk], pages, published_at=self.now
            )
            self.places[buurt.pk] = pages
        hours, exceptions = [], []
        for page in made:
            for weekday in sorted(self.rng.sample(range(7), self.rng.randint(2, 6))):
                opens = datetime.time(self.rng.choice([8, 9, 10, 13]))
                closes = datetime.time(opens.hour + self.rng.choice([3, 4, 8]))
                hours.append(OpeningHours(page=page, weekday=weekday, opens=opens, closes=closes))
            for _ in range(self.rng.randint(1, 3)):
                start = self.today + datetime.timedelta(days=self.rng.randrange(-30, 120))
                exceptions.append(
                    OpeningException(
                        page=page,
                        start_date=start,
                        end_date=start + datetime.timedelta(days=self.rng.choice([0, 0, 6])),
                        reason="Vakantie (voorbeeld)",
                    )
                )
        OpeningHours.objects.bulk_create(hours, batch_size=5000)
        OpeningException.objects.bulk_create(exceptions, batch_size=5000)
        self.with_themes(MeetingPlacePage, made, most=4)
        bulk_pages.index(MeetingPlacePage, [page.pk for page in made], prefetch=["themes"])
        return len(made)

    def make_initiatives(self) -> int:
        made, self.buurt_of = [], {}
        for buurt, numbers in zip(self.buurten, self.spread(self.sizes.initiatives), strict=True):
            pages = []
            for number in numbers:
                title = f"{self.rng.choice(THINGS).capitalize()} {buurt.title}"
                pages.append(
                    InitiativePage(
                        title=title,
                        slug=self.slug(title, number),
                        intro=self.writer.paragraph(buurt.title, sentences=2),
                        body=self.writer.body(buurt.title, paragraphs=2),
                        contact_name=f"Initiatiefnemer {number}",
                    )
                )
            made += bulk_pages.add_children(
                self.sections[InitiativeIndexPage][buurt.pk], pages, published_at=self.now
            )
            self.buurt_of.update((page.pk, buurt) for page in pages)
        self.with_themes(InitiativePage, made)
        bulk_pages.index(InitiativePage, [page.pk for page in made])
        self.initiatives = made
        return len(made)

    def place_fields(self, buurt) -> dict:
        places = self.places.get(buurt.pk)
        if places and self.rng.random() < 0.6:
            place = self.rng.choice(places)
            return {"place_page_id": place.pk, "step_free": place.step_free_entrance is True}
        street = f"{self.rng.choice(STREETS)} {self.rng.randint(1, 200)}"
        return {"place_name": f"Zaal {street}", "street_address": street, "step_free": False}

    def recurrence(self) -> tuple[datetime.date, str]:
        """A start date and rule: mostly weekly, some monthly, some once."""
        day = self.rng.choice(WEEKDAYS)
        kind = self.rng.random()
        rule = (
            f"FREQ=WEEKLY;BYDAY={day}"
            if kind < 0.7
            else f"FREQ=MONTHLY;BYDAY=+1{day}"
            if kind < 0.85
            else ""
        )
        anchor = self.today + datetime.timedelta(days=self.rng.randrange(-60, 60))
        if not rule:
            return anchor, ""
        dtstart = datetime.datetime.combine(anchor, datetime.time())
        return rrulestr(f"RRULE:{rule}", dtstart=dtstart)[0].date(), rule

    def children_of_initiatives(self, count: int, build) -> list:
        made = []
        chosen = self.rng.choices(self.initiatives, k=count)
        by_parent = {}
        for number, initiative in enumerate(chosen):
            by_parent.setdefault(initiative.pk, (initiative, []))[1].append(number)
        for initiative, numbers in by_parent.values():
            buurt = self.buurt_of[initiative.pk]
            pages = [build(buurt, number) for number in numbers]
            made += bulk_pages.add_children(initiative, pages, published_at=self.now)
        return made

    def make_activities(self) -> int:
        facts = {}

        def build(buurt, number):
            start_date, rule = self.recurrence()
            hour = self.rng.choice([9, 10, 13, 14, 19])
            place = self.place_fields(buurt)
            step_free = place.pop("step_free")
            title = self.rng.choice(THINGS).capitalize()
            activity = ActivityPage(
                title=title,
                slug=self.slug(title, number),
                intro=self.writer.paragraph(buurt.title, sentences=2),
                start_date=start_date,
                start_time=datetime.time(hour),
                end_time=datetime.time(hour + 2),
                recurrence=rule,
                times_are_example=True,
                price=self.rng.choice([0, 0, 0, 2, 5]),
                signup_required=self.rng.random() < 0.3,
                capacity=self.rng.choice([None, 12, 20]),
                **place,
            )
            facts[id(activity)] = (buurt.pk, step_free)
            return activity

        made = self.children_of_initiatives(self.sizes.activities, build)
        self.with_themes(ActivityPage, made)
        bulk_pages.index(ActivityPage, [page.pk for page in made])
        last = self.today + datetime.timedelta(days=HORIZON_DAYS)
        occurrences = []
        for activity in made:
            buurt_id, step_free = facts[id(activity)]
            duration = activity.duration()
            for start in series_starts(activity, self.today, last):
                occurrences.append(
                    Occurrence(
                        activity_id=activity.pk,
                        original_start=start,
                        starts_at=start,
                        ends_at=start + duration,
                        buurt_id=buurt_id,
                        is_free=activity.is_free,
                        signup_required=activity.signup_required,
                        step_free=step_free,
                    )
                )
        Occurrence.objects.bulk_create(occurrences, batch_size=5000)
        self.log(f"occurrences: {len(occurrences)}")
        return len(made)

    def make_calls(self) -> int:
        def build(buurt, number):
            title = f"Hulp gezocht: {self.rng.choice(THINGS)}"
            return VolunteerCallPage(
                title=title,
                slug=self.slug(title, number),
                intro=self.writer.paragraph(buurt.title, sentences=2),
                time_needed=self.rng.choice(["2 uur per week", "een middag per maand"]),
                is_open=self.rng.random() < 0.8,
            )

        made = self.children_of_initiatives(self.sizes.calls, build)
        self.with_themes(VolunteerCallPage, made)
        bulk_pages.index(VolunteerCallPage, [page.pk for page in made])
        return len(made)

    def make_users(self) -> int:
        """Residents with a home buurt; each follows it, some a second buurt or an initiative."""
        User = get_user_model()
        password = make_password(None)  # unusable: nobody logs in as a generated resident
        first = User.objects.filter(email__startswith="bewoner-").count()
        users = []
        for number in range(first, first + self.sizes.users):
            buurt = self.rng.choice(self.buurten)
            users.append(
                User(
                    email=f"bewoner-{number}@load.example.org",
                    display_name=f"Bewoner {number}",
                    home_buurt_id=buurt.pk,
                    password=password,
                )
            )
        User.objects.bulk_create(users, batch_size=5000)
        frequencies = [Frequency.DIRECT, Frequency.DAILY, Frequency.WEEKLY, Frequency.WEEKLY]
        follows = []
        for user in users:
            pages = {user.home_buurt_id}
            if self.rng.random() < 0.2:
                pages.add(self.rng.choice(self.buurten).pk)
            if self.initiatives and self.rng.random() < 0.1:
                pages.add(self.rng.choice(self.initiatives).pk)
            follows += [
                Follow(user_id=user.pk, page_id=page, frequency=self.rng.choice(frequencies))
                for page in sorted(pages)
            ]
        Follow.objects.bulk_create(follows, batch_size=5000)
        self.log(f"follows: {len(follows)}")
        return len(users)

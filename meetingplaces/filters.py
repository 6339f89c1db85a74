"""The directory's filter form: a plain GET form, so every filtered list has its own URL."""

import math

from django import forms
from django.utils import timezone
from django.utils.html import json_script
from django.utils.translation import gettext_lazy as _

from neighbourhoods.choices import Wijk
from neighbourhoods.models import NeighbourhoodPage
from tim.filter_summary import QuickFilter
from tim.models import Theme
from tim.pagination import paginate

from . import hours
from .choices import ACCESSIBILITY_FACTS, SortOrder, Weekday

PER_PAGE = 30


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine); plenty precise within one city."""
    lat1, lon1, lat2, lon2 = map(math.radians, map(float, (lat1, lon1, lat2, lon2)))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


class DirectoryFilter(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=80,
        help_text=_("A name, a street or something you want to do, e.g. 'koffie'."),
    )
    thema = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    buurt = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=NeighbourhoodPage.objects.live().order_by("title"),
        to_field_name="slug",
        required=False,
        empty_label=_("All buurten"),
    )
    nu_open = forms.BooleanField(label=_("Open now"), required=False)
    dag = forms.TypedChoiceField(
        label=_("Open on"),
        choices=[("", _("Any day")), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    sorteer = forms.ChoiceField(
        label=_("Sort by"), choices=SortOrder.choices, required=False, initial=SortOrder.NAME
    )
    vanaf = forms.ModelChoiceField(
        label=_("Distance from buurt"),
        queryset=NeighbourhoodPage.objects.live().order_by("title"),
        to_field_name="slug",
        required=False,
        empty_label=_("Choose a buurt"),
        help_text=_("Only needed when you sort by distance."),
    )

    not_filters = ("sorteer", "vanaf")

    def quick_filters(self):
        """The row of links above the results; the other filters wait behind "Filters"."""
        return [
            QuickFilter(_("Open now"), "nu_open"),
            QuickFilter(_("Open today"), "dag", str(hours.localtime().weekday())),
            QuickFilter(_("Wheelchair accessible"), "rolstoel"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("All wijken")), *Wijk.choices]
        for _name, param, label in ACCESSIBILITY_FACTS:
            self.fields[param] = forms.BooleanField(label=label, required=False)
        self.fact_params = {param: name for name, param, _label in ACCESSIBILITY_FACTS}

    def clean(self):
        data = super().clean()
        if data.get("sorteer") == SortOrder.DISTANCE and not data.get("vanaf"):
            self.add_error("vanaf", _("Choose a buurt to sort by distance from it."))
        return data

    @property
    def fact_fields(self):
        return [self[param] for param in self.fact_params]

    @property
    def main_fields(self):
        return [self[name] for name in ("q", "thema", "wijk", "buurt", "dag")]

    def places(self):
        """The places that match: a query, or a list when "open now" or the distance (`distance`
        on each) has to be worked out in Python for every place."""
        from .models import MeetingPlacePage

        places = MeetingPlacePage.objects.live().public().for_listing()
        data = {}
        if self.is_bound:
            self.is_valid()  # an invalid field drops out of cleaned_data; the others still filter
            data = self.cleaned_data
        places = places.matching(data.get("q", "").strip())
        if data.get("thema"):
            places = places.filter(themes=data["thema"])
        if data.get("wijk"):
            places = places.filter(buurt_wijk=data["wijk"])
        if data.get("buurt"):
            places = places.in_buurt(data["buurt"])
        if data.get("dag") is not None:
            places = places.open_on_weekday(data["dag"])
        for param, name in self.fact_params.items():
            if data.get(param):
                places = places.filter(**{name: True})
        places = places.order_by("title")
        if not (data.get("nu_open") or data.get("vanaf")):
            return places  # a query: only the page shown is read in full
        places = list(places)
        if data.get("nu_open"):
            now = timezone.now()
            statuses = [(place, hours.status(place, now)) for place in places]
            places = [place for place, state in statuses if state.is_open]
            # At night nothing is open: then the list says when each place opens again.
            later = [(state.next_opening, place) for place, state in statuses if state.next_opening]
            later.sort(key=lambda pair: pair[0].timestamp())
            self.opening_later = [place for _opens, place in later]
        origin = data.get("vanaf")
        if origin:
            for place in places:
                place.distance = (
                    distance_km(origin.latitude, origin.longitude, place.latitude, place.longitude)
                    if place.has_location
                    else None
                )
            if data.get("sorteer") == SortOrder.DISTANCE:
                places.sort(key=lambda p: (p.distance is None, p.distance or 0, p.title))
        return places

    def context(self, request):
        """The page of places shown (or, when none is open now, of those opening next), how many
        there are in all, and every one of them on the map. A page holds PER_PAGE cards: the
        whole city's 300 places on one page were 370 kB of HTML, too much for a phone."""
        places = self.places()
        page = paginate(request, places, PER_PAGE)
        count = page.paginator.count
        opening_later = getattr(self, "opening_later", [])
        if not count and opening_later:
            page = paginate(request, opening_later, PER_PAGE)
        return {
            "filter_form": self,
            "places_page": page,
            "places": page.object_list if count else [],
            "places_count": count,
            "opening_later": [] if count else page.object_list,
            # As the script element itself: a value worked out later (tim.lazy_context) is no
            # list to json_script.
            "map_data": json_script(map_points(places, request), "plekken-kaart-data"),
            "filtered": self.is_bound and any(self.cleaned_data.get(k) for k in self.cleaned_data),
        }


DIRECTORY_CONTEXT = [
    "filter_form", "places_page", "places", "places_count", "opening_later", "map_data",
    "filtered",
]  # fmt: skip


def map_points(places, request) -> list[dict]:
    """Every matching place with a point, for the map: from the list when it is one, else read
    lightly (four columns, no prefetches) rather than as whole pages."""
    if not isinstance(places, list):
        places = (
            places.select_related(None)
            .prefetch_related(None)
            .only("title", "url_path", "latitude", "longitude")
        )
    return [
        {"name": place.title, "url": place.get_url(request), "lat": float(place.latitude),
         "lon": float(place.longitude)}
        for place in places
        if place.has_location
    ]  # fmt: skip

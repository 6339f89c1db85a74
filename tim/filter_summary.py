"""What a filtered list tells about its filters: quick choices, the active ones, how to undo each.

A list page (the agenda, the meeting-place directory) shows its most used filters as a short row
of links and keeps the rest in a "Filters" disclosure, so the results come first on a phone. An
empty result names the filters that emptied it, each with a link that takes it away. All of it
reads the page's own GET form, so every state has an address and works without JavaScript.

A form takes part as it is; it may have `quick_filters()` (a list of QuickFilter),
`not_filters` (fields that order the list rather than narrow it) and `neutral_values` (values
that mean "no filter", such as "everything coming up").
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.formats import date_format

from tim.pagination import PAGE_PARAMETER


@dataclass(frozen=True)
class QuickFilter:
    label: str
    param: str
    value: str = "on"


@dataclass(frozen=True)
class FilterLink:
    label: str
    url: str
    active: bool = False


def _url(path: str, query: QueryDict) -> str:
    encoded = query.urlencode()
    return f"{path}?{encoded}" if encoded else path


def _query_without(query: QueryDict, *params: str) -> QueryDict:
    query = query.copy()
    for param in (PAGE_PARAMETER, *params):
        query.pop(param, None)
    return query


def quick_links(form, path: str, query: QueryDict) -> list[FilterLink]:
    """Each quick filter as a link that switches it on, or off again when it is on."""
    links = []
    for quick in getattr(form, "quick_filters", list)():
        active = query.get(quick.param) == quick.value
        target = _query_without(query, quick.param)
        if not active:
            target[quick.param] = quick.value
        links.append(FilterLink(str(quick.label), _url(path, target), active))
    return links


def active_filters(form, path: str, query: QueryDict) -> list[FilterLink]:
    """Every filter that narrows the list now, named for a resident, with the link without it."""
    if not form.is_bound:
        return []
    form.is_valid()  # fills cleaned_data with the fields that are valid; the others do not filter
    skip = getattr(form, "not_filters", ())
    neutral = getattr(form, "neutral_values", {})
    found = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name in skip or value in (None, "", False) or value == neutral.get(name):
            continue
        found.append(FilterLink(describe(field, value), _url(path, _query_without(query, name))))
    return found


def describe(field, value) -> str:
    """ "Free", "Theme: Sport and exercise", "From: 3 December 2026", "Search: “koffie”"."""
    if isinstance(field, forms.BooleanField):
        return str(field.label)
    if isinstance(value, datetime.date):
        shown = date_format(value, "j F Y")
    elif isinstance(field, forms.ModelChoiceField):
        shown = getattr(value, "display_name", None) or str(value)
    elif isinstance(field, forms.ChoiceField):
        shown = str(dict(field.choices).get(value, value))
    else:
        shown = f"“{value}”"
    return f"{field.label}: {shown}"

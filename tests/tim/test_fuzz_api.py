"""Property: the read-only API (Wagtail API v2 behind tim.api_params) never answers a server error.

Every parameter of every endpoint (paging, ordering, fields, search and its operator, the tree
filters, field filters such as a decimal latitude, our own `buurt` and `status`) gets valid
values mixed with nasty ones. A case passes with any answer below 500.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participation.choices import IdeaReview, IdeaStatus
from participation.models import Idea
from tests.meetingplaces.factories import add_place
from tests.news.factories import make_image

from .fuzz import FUZZ, query, send, value

pytestmark = pytest.mark.django_db

PAGE_TYPES = (
    "news.NewsPage",
    "meetingplaces.MeetingPlacePage",
    "neighbourhoods.NeighbourhoodPage",
    "initiatives.ActivityPage",
    "wagtailcore.Page",
    "news.NewsPage,meetingplaces.MeetingPlacePage",
)
ORDERS = ("title", "-title", "id", "-id", "random", "first_published_at", "title,-id", "latitude")
FIELDS = ("*", "-title", "title,intro", "_,id", "themes(slug)", "body(*)", "title(", "*,-id")
PAGING = {
    "limit": value("0", "1", "5", "20", "21"),
    "offset": value("0", "1", "10"),
    "order": value(*ORDERS),
    "fields": value(*FIELDS),
}
NUMBERS = ("1", "2", "3", "root")

ENDPOINTS = {
    "/api/v2/pages/": {
        **PAGING,
        "type": value(*PAGE_TYPES),
        "buurt": value("pottenberg", "wyck", "3", "bestaat-niet"),
        "search": value("koffie", "buurthuis", "pottenberg"),
        "search_operator": value("and", "or"),
        "child_of": value(*NUMBERS),
        "descendant_of": value(*NUMBERS),
        "ancestor_of": value(*NUMBERS),
        "id": value(*NUMBERS),
        "slug": value("pottenberg", "nieuws"),
        "title": value("Pottenberg"),
        "show_in_menus": value("true", "false", "1", "0"),
        "latitude": value("50.84512", "50.8", "-0"),
        "longitude": value("5.68", "5.7"),
        "locale": value("nl", "en"),
    },
    "/api/v2/pages/find/": {"html_path": value("/", "/pottenberg/", "/nieuws/", "//"), **PAGING},
    "/api/v2/images/": {
        **PAGING,
        "search": value("koffie"),
        "id": value(*NUMBERS),
        "title": value("Koffie"),
        "width": value("1200", "800"),
    },
    "/api/v2/documents/": {**PAGING, "search": value("verslag"), "id": value(*NUMBERS)},
    "/api/v2/ideas/": {
        **PAGING,
        "buurt": value("pottenberg", "wyck"),
        "status": value(*IdeaStatus.values),
        "id": value(*NUMBERS),
    },
}


@pytest.fixture
def content(pottenberg):
    add_place(pottenberg, "Buurthuis Pottenberg")
    make_image()
    Idea.objects.create(
        buurt=pottenberg, title="Meer bankjes", description="Zitten.", review=IdeaReview.PUBLISHED
    )


@pytest.mark.parametrize("path", ENDPOINTS)
def test_no_api_parameter_gives_a_server_error(client, content, path):
    @FUZZ
    @given(data=query(**ENDPOINTS[path]))
    def case(data):
        send(client, path, path, data)

    case()


def test_no_detail_parameter_gives_a_server_error(client, content, pottenberg):
    @FUZZ
    @given(
        page_id=st.sampled_from([pottenberg.pk, 1, 2]) | st.integers(min_value=0, max_value=2**70),
        data=query(fields=value(*FIELDS), type=value(*PAGE_TYPES)),
    )
    def case(page_id, data):
        send(client, "/api/v2/pages/<id>/", f"/api/v2/pages/{page_id}/", data)

    case()

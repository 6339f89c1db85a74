"""The load-data generator: a valid Wagtail tree, pages that render and are found, one seed one
data set, and never the wrong database."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from initiatives.models import ActivityPage, Occurrence
from meetingplaces.models import MeetingPlacePage
from news.models import NewsPage
from notifications.models import Follow

pytestmark = pytest.mark.django_db

TINY = {"news": 60, "activities": 12, "places": 6, "initiatives": 8, "calls": 4, "users": 30}


def generate(seed=7):
    call_command(
        "generate_load_data",
        seed=seed,
        allow_database=connection.settings_dict["NAME"],
        stdout=open("/dev/null", "w"),  # noqa: SIM115 - the command's progress lines
        **TINY,
    )


def test_refuses_a_database_that_is_not_for_load_tests():
    with pytest.raises(CommandError, match="_load"):
        call_command("generate_load_data", news=1)
    assert not NewsPage.objects.exists()


def test_tree_is_valid_and_every_kind_of_page_renders(client):
    generate()
    assert NewsPage.objects.count() == TINY["news"]
    assert ActivityPage.objects.count() == TINY["activities"]
    assert Follow.objects.filter(user__email__endswith="@load.example.org").count() >= 30
    assert Occurrence.objects.exists()
    assert all(not problems for problems in Page.find_problems())
    for model in (NewsPage, MeetingPlacePage, ActivityPage):
        page = model.objects.live().order_by("pk").last()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    buurt_news = NewsPage.objects.filter(buurt__isnull=False).order_by("pk").first()
    assert client.get(buurt_news.get_parent().url).status_code == 200


def test_generated_items_are_found_by_search(client):
    generate()
    item = NewsPage.objects.filter(buurt__slug="pottenberg").order_by("pk").first()
    if item is None:  # the spread left Pottenberg out: any buurt will do
        item = NewsPage.objects.filter(buurt__isnull=False).order_by("pk").first()
    html = client.get("/zoeken/", {"q": item.title}).content.decode()
    assert item.url in html


def test_same_seed_same_items_and_a_second_run_adds_without_clashing():
    generate(seed=3)
    fields = ("title", "intro", "kind", "buurt_id")
    first = list(NewsPage.objects.order_by("pk").values_list(*fields))
    generate(seed=3)
    assert list(NewsPage.objects.order_by("pk").values_list(*fields)) == first + first
    slugs = NewsPage.objects.values_list("url_path", flat=True)
    assert len(set(slugs)) == 2 * TINY["news"]  # every item keeps its own address
    assert all(not problems for problems in Page.find_problems())

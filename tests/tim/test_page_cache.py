"""The page cache: anonymous visitors get pages from Redis, fresh after every publish, and the
site keeps answering when Redis is gone. Logged-in visitors never share a page."""

import datetime
import gzip
import json
import socket
import time

import pytest
import time_machine
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from initiatives import services
from meetingplaces import services as meetingplaces_services
from news.models import NewsIndexPage, NewsPage
from tests.initiatives.conftest import make_activity, make_initiative
from tests.meetingplaces.factories import add_place
from tests.news.factories import NewsPageFactory, publish_in
from tim import embedded, pagecache
from tim.models import Theme

pytestmark = pytest.mark.django_db

AMSTERDAM = datetime.timezone(datetime.timedelta(hours=1))  # winter time, as on the dates below


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The page cache on (tests elsewhere count the queries of a render), and empty."""
    settings.PAGE_CACHE_ENABLED = True
    pagecache._paused_until.clear()
    pagecache.purge(families=["all"])


def test_an_anonymous_second_visit_is_served_from_redis_without_queries(
    client, pottenberg, django_assert_num_queries
):
    first = client.get("/pottenberg/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/pottenberg/")
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Pottenberg" in second.text


def test_anonymous_pages_say_how_long_browsers_and_a_cdn_may_keep_them(client, pottenberg):
    for response in (client.get("/pottenberg/"), client.get("/pottenberg/")):
        cache_control = response["Cache-Control"]
        assert "public" in cache_control
        assert "max-age=" in cache_control and "s-maxage=" in cache_control
        assert "stale-while-revalidate=" in cache_control
        assert "Cookie" in response["Vary"]  # the language choice lives in a cookie


def test_each_language_has_its_own_cached_page(client, pottenberg):
    dutch = client.get("/pottenberg/")
    client.cookies["tim_language"] = "en"
    english = client.get("/pottenberg/")
    assert english["X-Page-Cache"] == "miss"
    assert 'lang="en"' in english.text and 'lang="nl"' in dutch.text
    assert 'lang="en"' in client.get("/pottenberg/").text


def test_the_htmx_part_of_a_page_and_the_whole_page_are_cached_apart(client, pottenberg):
    htmx = {"HX-Request": "true", "HX-Target": "plekken-resultaten"}
    part = client.get("/ontmoetingsplekken/?nu_open=on", headers=htmx)
    whole = client.get("/ontmoetingsplekken/?nu_open=on")
    assert "<html" not in part.text and "<html" in whole.text
    assert whole["X-Page-Cache"] == "miss"
    assert "<html" not in client.get("/ontmoetingsplekken/?nu_open=on", headers=htmx).text
    assert "HX-Target" in whole["Vary"]


def test_publishing_news_shows_it_at_once_on_the_buurt_its_list_and_the_city_home(
    client, pottenberg, django_capture_on_commit_callbacks
):
    paths = ["/", "/pottenberg/", "/pottenberg/nieuws/", "/nieuws/", "/nieuws/rss/"]
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Nieuw buurtcafé opent in Pottenberg")

    for path in paths:
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss", path
        assert "Nieuw buurtcafé opent in Pottenberg" in response.text, path
    assert client.get(item.url).status_code == 200


def test_unpublishing_removes_the_item_from_every_list_at_once(
    client, pottenberg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Straatfeest op zaterdag")
    assert "Straatfeest op zaterdag" in client.get("/pottenberg/nieuws/").text
    assert client.get(item.url)["X-Page-Cache"] == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()

    assert "Straatfeest op zaterdag" not in client.get("/pottenberg/nieuws/").text
    assert "Straatfeest op zaterdag" not in client.get("/").text
    assert client.get(item.url).status_code == 404


def test_moving_an_item_to_another_buurt_moves_it_in_the_cached_lists(
    client, pottenberg, nazareth, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Wandeling langs de Maas")
    old_url = item.url
    for path in ["/pottenberg/nieuws/", "/nazareth/nieuws/", old_url]:
        client.get(path)

    with django_capture_on_commit_callbacks(execute=True):
        item.move(NewsIndexPage.objects.child_of(nazareth).get(), pos="last-child")

    assert "Wandeling langs de Maas" not in client.get("/pottenberg/nieuws/").text
    assert "Wandeling langs de Maas" in client.get("/nazareth/nieuws/").text
    new_url = NewsPage.objects.get(pk=item.pk).url
    assert client.get(old_url).headers["Location"].endswith(new_url)  # Wagtail's redirect
    assert client.get(new_url).status_code == 200


def test_deleting_an_item_takes_it_out_of_the_cached_lists(
    client, pottenberg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Oproep voor de buurtkrant")
    assert "Oproep voor de buurtkrant" in client.get("/pottenberg/").text
    url = item.url

    with django_capture_on_commit_callbacks(execute=True):
        item.delete()

    assert "Oproep voor de buurtkrant" not in client.get("/pottenberg/").text
    assert client.get(url).status_code == 404


def test_a_page_put_behind_a_login_is_no_longer_served_from_the_cache(
    client, pottenberg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Alleen voor leden")
    assert client.get(item.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(item.url).status_code == 302  # to the login page
    assert "Alleen voor leden" not in client.get("/pottenberg/nieuws/").text


def test_other_news_items_show_the_new_item_under_latest_news(
    client, pottenberg, django_capture_on_commit_callbacks
):
    index = NewsIndexPage.objects.child_of(pottenberg).get()
    older = NewsPageFactory(parent=index, title="Een ouder bericht", slug="ouder-bericht")
    client.get(older.url)
    assert client.get(older.url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Repair café in de bibliotheek")

    assert "Repair café in de bibliotheek" in client.get(older.url).text


def test_a_sign_up_updates_the_places_left_on_the_cached_activity_and_agenda(
    client, pottenberg, demo_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"))
        activity = make_activity(
            initiative,
            start_date=datetime.date.today() + datetime.timedelta(days=2),
            signup_required=True,
            capacity=2,
        )
    for path in [activity.url, "/pottenberg/agenda/"]:
        assert "nog 2 plekken" in client.get(path).text
        assert client.get(path)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up(occurrence=activity.occurrences.first(), user=demo_user("bewoner"))

    for path in [activity.url, "/pottenberg/agenda/"]:
        assert "nog 1 plek" in client.get(path).text, path


def test_a_logged_in_resident_never_gets_the_anonymous_page_nor_leaves_theirs(
    client, pottenberg, demo_user
):
    anonymous = client.get("/pottenberg/")
    assert client.get("/pottenberg/")["X-Page-Cache"] == "hit"

    client.force_login(demo_user("bewoner"))
    mine = client.get("/pottenberg/")
    assert "X-Page-Cache" not in mine
    assert "private" in mine["Cache-Control"] and "no-store" in mine["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in mine.text  # the follow form, for this resident only
    assert mine.content != anonymous.content

    client.logout()
    again = client.get("/pottenberg/")
    assert again["X-Page-Cache"] == "hit"
    assert 'name="csrfmiddlewaretoken"' not in again.text


def test_a_page_with_a_form_for_anonymous_visitors_is_never_stored(client, home_page):
    response = client.get("/account/login/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in client.get("/account/login/")


def test_renaming_a_theme_shows_the_new_name_on_cached_pages_at_once(
    client, pottenberg, django_capture_on_commit_callbacks
):
    theme = Theme.objects.create(name="Samen koken", name_en="Cooking together", slug="koken")
    place = add_place(pottenberg, "Buurthuis De Kring", themes=[theme])
    for path in [place.url, "/ontmoetingsplekken/"]:
        assert "Samen koken" in client.get(path).text
        assert client.get(path)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        theme.name = "Samen eten"
        theme.save()

    for path in [place.url, "/ontmoetingsplekken/"]:
        response = client.get(path)
        assert "Samen eten" in response.text and "Samen koken" not in response.text, path


def test_a_host_confirming_the_facts_updates_the_cached_place_page(
    client, pottenberg, django_capture_on_commit_callbacks
):
    place = add_place(pottenberg, "Buurthuis De Kring")
    before = client.get(place.url)
    assert client.get(place.url)["X-Page-Cache"] == "hit"

    with (
        time_machine.travel(datetime.datetime(2027, 3, 3, 12, 0, tzinfo=AMSTERDAM)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        meetingplaces_services.confirm_facts(place=place)

    after = client.get(place.url)
    assert after["X-Page-Cache"] == "miss"
    assert "3 maart 2027" in after.text and "3 maart 2027" not in before.text


@time_machine.travel(datetime.datetime(2026, 1, 12, 15, 0, tzinfo=AMSTERDAM), tick=False)
def test_open_now_is_never_served_past_the_moment_it_changes(client, pottenberg):
    place = add_place(pottenberg, "Buurthuis De Kring", ranges=[(0, "10:00", "16:00")])  # Monday
    response = client.get(place.url)
    assert response["X-Page-Cache"] == "miss"
    assert "gaat bijna dicht" not in response.text  # "closes soon"
    assert "max-age=60" in response["Cache-Control"]

    with time_machine.travel(
        datetime.datetime(2026, 1, 12, 15, 29, 30, tzinfo=AMSTERDAM), tick=False
    ):
        # Thirty seconds before "closes soon" appears: nobody may keep it longer than that.
        cached = client.get(place.url)
        assert cached["X-Page-Cache"] == "miss"  # the first copy lived until 15:05 at most
        assert "max-age=30" in cached["Cache-Control"]
    with time_machine.travel(
        datetime.datetime(2026, 1, 12, 15, 30, 1, tzinfo=AMSTERDAM), tick=False
    ):
        later = client.get(place.url)
    assert later["X-Page-Cache"] == "miss"
    assert "gaat bijna dicht" in later.text


POLLED = [
    "/nieuws/rss/",
    "/pottenberg/nieuws/atom/",
    "/ical/buurt/pottenberg.ics",
    "/sitemap.xml",
    "/sitemap-nieuws.xml",
    "/ontmoetingsplekken/open-data/hsds.json",
    "/api/v2/pages/?type=news.NewsPage",
]


def test_an_agenda_is_not_served_with_an_activity_that_has_ended(client, pottenberg, demo_user):
    monday = datetime.date(2026, 12, 7)
    with time_machine.travel(
        datetime.datetime(2026, 12, 7, 10, 59, 30, tzinfo=AMSTERDAM), tick=False
    ):
        initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"))
        make_activity(initiative, title="Koffie-ochtend", start_date=monday)
        response = client.get("/pottenberg/agenda/")
        assert "Koffie-ochtend" in response.text
        assert "s-maxage=30" in response["Cache-Control"]  # until it ends at 11:00
    with time_machine.travel(
        datetime.datetime(2026, 12, 7, 11, 0, 1, tzinfo=AMSTERDAM), tick=False
    ):
        later = client.get("/pottenberg/agenda/")
    assert later["X-Page-Cache"] == "miss"
    assert "Koffie-ochtend" not in later.text


def test_a_logged_in_resident_gets_the_shared_pieces_of_a_buurt_home_from_redis(
    client, pottenberg, demo_user, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """The latest news, places, initiatives and ideas of a buurt are the same for everyone: a
    resident's own page is made fresh, but those pieces come from Redis, until content changes."""
    client.force_login(demo_user("bewoner"))
    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Buurtfeest op het plein")
    assert "Buurtfeest op het plein" in client.get("/pottenberg/").text
    with django_assert_max_num_queries(14):
        second = client.get("/pottenberg/")
    assert "Buurtfeest op het plein" in second.text

    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Nieuwe speeltuin geopend")
    assert "Nieuwe speeltuin geopend" in client.get("/pottenberg/").text


def test_a_kept_piece_of_a_page_drops_an_activity_when_it_ends(client, pottenberg, demo_user):
    """ "This week" on a buurt home is kept for logged-in residents too, but never past the end
    of an activity it lists."""
    client.force_login(demo_user("bewoner"))
    monday = datetime.date(2026, 12, 7)
    with time_machine.travel(
        datetime.datetime(2026, 12, 7, 10, 59, 30, tzinfo=AMSTERDAM), tick=False
    ):
        initiative = make_initiative(pottenberg, owner=demo_user("initiatiefnemer"))
        make_activity(initiative, title="Koffie-ochtend", start_date=monday)
        assert "Koffie-ochtend" in client.get("/pottenberg/").text
        assert "Koffie-ochtend" in client.get("/pottenberg/").text
    with time_machine.travel(
        datetime.datetime(2026, 12, 7, 11, 0, 1, tzinfo=AMSTERDAM), tick=False
    ):
        assert "Koffie-ochtend" not in client.get("/pottenberg/").text


def test_feeds_calendars_and_the_sitemap_answer_304_to_a_poll_without_changes(
    client, pottenberg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Bericht voor de feed")
    for path in POLLED:
        first = client.get(path)
        assert first.status_code == 200, path
        assert first["ETag"] and first["Last-Modified"], path
        by_etag = client.get(path, headers={"If-None-Match": first["ETag"]})
        assert by_etag.status_code == 304, path
        assert by_etag.content == b""
        by_date = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
        assert by_date.status_code == 304, path


def test_a_feed_answers_200_again_after_a_publish(
    client, pottenberg, django_capture_on_commit_callbacks
):
    first = client.get("/pottenberg/nieuws/rss/")
    with django_capture_on_commit_callbacks(execute=True):
        publish_in(pottenberg, "Nieuwe speeltuin")
    poll = client.get("/pottenberg/nieuws/rss/", headers={"If-None-Match": first["ETag"]})
    assert poll.status_code == 200
    assert "Nieuwe speeltuin" in poll.text


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(params=["ignore_exceptions", "raises"])
def redis_down(request, settings):
    """The page cache pointed at a Redis that does not answer (a closed port): configured as the
    site's own cache (django-redis, which hides the errors), and as one that raises them."""
    down = {**settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0"}
    if request.param == "raises":
        down = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": down["LOCATION"],
        }
    settings.CACHES = {**settings.CACHES, "down": down}
    settings.PAGE_CACHE_ALIAS = "down"
    if request.param == "raises":
        with pytest.raises(Exception):  # noqa: B017 - whatever redis-py raises: it is down
            caches["down"].get("probe")
    else:
        assert caches["down"].get("probe") is None


def test_with_redis_down_pages_answer_200_uncached(client, pottenberg, redis_down):
    publish_in(pottenberg, "Koffie op het plein")
    for path in [
        "/",
        "/pottenberg/",
        "/nieuws/",
        "/ontmoetingsplekken/",
        "/agenda/",
        "/nieuws/rss/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Page-Cache"] == "error"
        # Sent in one write, not one per XML element of a feed (each a call to the server).
        assert len(list(response)) == 1, path
    assert "Koffie op het plein" in response.text


def test_with_redis_down_publishing_still_works(
    client, pottenberg, redis_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = publish_in(pottenberg, "Bericht tijdens een storing")
    assert item.live
    assert "Bericht tijdens een storing" in client.get("/pottenberg/nieuws/").text


def test_when_redis_stops_while_pages_are_cached_they_are_served_uncached(
    client, pottenberg, settings, tmp_path
):
    """A Redis of its own (tim.embedded), stopped after it has served a page from the cache."""
    url, _started = embedded.start_redis(tmp_path / "redis")
    settings.CACHES = {**settings.CACHES, "own": {**settings.CACHES["default"], "LOCATION": url}}
    settings.PAGE_CACHE_ALIAS = "own"
    try:
        client.get("/pottenberg/")
        assert client.get("/pottenberg/")["X-Page-Cache"] == "hit"
    finally:
        embedded.stop_redis(tmp_path / "redis")
    _wait_until_closed(int(url.rsplit(":", 1)[1].split("/")[0]))

    response = client.get("/pottenberg/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "error"
    assert "Pottenberg" in response.text


def _wait_until_closed(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            return
        time.sleep(0.05)
    raise RuntimeError(f"Redis on port {port} did not stop")


def test_a_stored_page_goes_gzipped_to_who_accepts_it_and_plain_to_who_does_not(client, pottenberg):
    """The open-data export (close to a megabyte at city size) and every other stored page."""
    names = {"Buurthuis De Kaarsenmaker", "Huiskamer Pottenberg", "Koffiepunt Oost"}
    for name in names:
        add_place(pottenberg, name)
    address = "/ontmoetingsplekken/open-data/hsds.json"
    gzipped = {"Accept-Encoding": "gzip, deflate, br"}
    first = client.get(address, headers=gzipped)
    assert first["X-Page-Cache"] == "miss" and first["Content-Encoding"] == "gzip"
    export = json.loads(gzip.decompress(first.content))
    listed = {loc["name"] for org in export["organizations"] for loc in org["locations"]}
    assert listed == names

    hit = client.get(address, headers=gzipped)
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert len(hit.content) < len(json.dumps(export)) / 3
    assert json.loads(gzip.decompress(hit.content)) == export
    assert "Accept-Encoding" in hit["Vary"]  # a CDN keeps the two apart

    plain = client.get(address)  # a client that does not say it takes gzip
    assert plain["X-Page-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert json.loads(plain.content) == export
    assert int(plain["Content-Length"]) == len(plain.content)

    poll = client.get(address, headers={**gzipped, "If-None-Match": hit["ETag"]})
    assert poll.status_code == 304
    page = client.get("/pottenberg/")  # an HTML page, plain as before for who asks nothing
    assert "Pottenberg" in page.text and not page.has_header("Content-Encoding")

"""The bulletin is shared from the page cache, and a place published anywhere in the wijk
shows on the bulletins of all its buurten at once (neighbourhoods' related paths)."""

import pytest

from neighbourhoods.models import NeighbourhoodPage
from tests.meetingplaces.factories import add_place
from tim import pagecache


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    pagecache._paused_until.clear()
    pagecache.purge(families=["all"])


def test_a_new_place_in_the_wijk_reaches_the_cached_bulletin(
    client, pottenberg, django_capture_on_commit_callbacks
):
    assert client.get("/pottenberg/bulletin/")["X-Page-Cache"] == "miss"
    assert client.get("/pottenberg/bulletin/")["X-Page-Cache"] == "hit"

    neighbour = NeighbourhoodPage.objects.filter(wijk=pottenberg.wijk).exclude(pk=pottenberg.pk)[0]
    with django_capture_on_commit_callbacks(execute=True):
        add_place(neighbour, "Huiskamer om de hoek", ranges=[(1, "10:00", "12:00")])

    fresh = client.get("/pottenberg/bulletin/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Huiskamer om de hoek" in fresh.text

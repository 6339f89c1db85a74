"""Pages run the same number of SQL queries whatever the amount of data (asserted, not timed)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from neighbourhoods.models import NeighbourhoodPage, StandardPage

pytestmark = pytest.mark.django_db


def count_queries(client, path):
    client.get(path)  # warm caches that are per process, not per request (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def keep_only(count):
    """Unpublish all but `count` buurten (and Pottenberg): the lists show live buurten only, and
    unpublishing in one UPDATE is quicker than deleting 39 subtrees."""
    keep = NeighbourhoodPage.objects.order_by("pk").values_list("pk", flat=True)[:count]
    NeighbourhoodPage.objects.exclude(pk__in=list(keep)).exclude(slug="pottenberg").update(
        live=False
    )


def add_children(parent, count):
    for number in range(count):
        parent.add_child(instance=StandardPage(title=f"Pagina {number}", slug=f"pagina-{number}"))


@pytest.mark.parametrize("path", ["/", "/pottenberg/"])
def test_same_queries_with_44_buurten_as_with_5_and_with_many_child_pages(client, path):
    with_44 = count_queries(client, path)
    add_children(NeighbourhoodPage.objects.get(slug="pottenberg"), 30)
    with_many_children = count_queries(client, path)
    keep_only(5)
    assert NeighbourhoodPage.objects.live().count() <= 6
    with_5 = count_queries(client, path)
    assert with_44 == with_many_children == with_5

"""Friday's bulletins: one PDF per buurt and per wijk, kept four weeks (beat, settings)."""

from celery import shared_task

from neighbourhoods.choices import Wijk
from neighbourhoods.models import NeighbourhoodPage

from . import services


@shared_task
def make_weekly_bulletins() -> int:
    """Beat, Friday morning: queue one task per buurt and per wijk, and drop the old PDFs."""
    services.prune_weekly()
    buurt_ids = list(NeighbourhoodPage.objects.live().public().values_list("pk", flat=True))
    for buurt_id in buurt_ids:
        make_buurt_bulletin.delay(buurt_id)
    for wijk in Wijk.values:
        make_wijk_bulletin.delay(wijk)
    return len(buurt_ids) + len(Wijk.values)


@shared_task
def make_buurt_bulletin(buurt_id: int) -> None:
    buurt = NeighbourhoodPage.objects.get(pk=buurt_id)
    services.make_weekly(area=services.Area.of_buurt(buurt))


@shared_task
def make_wijk_bulletin(wijk: str) -> None:
    services.make_weekly(area=services.Area.of_wijk(wijk))

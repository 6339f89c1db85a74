from celery import shared_task

from neighbourhoods.models import NeighbourhoodPage

from . import services


@shared_task
def refresh_buurt(buurt_id):
    """After a publish in the buurt: count its figures again."""
    buurt = NeighbourhoodPage.objects.filter(pk=buurt_id).first()
    if buurt is not None:
        services.refresh_summary(buurt=buurt)


@shared_task
def refresh_all():
    """Nightly (beat): count every buurt, so the week and "confirmed lately" move on."""
    services.refresh_all()

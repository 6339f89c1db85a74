"""Celery tasks: they take ids or keys, call a service, and are safe to run twice."""

from celery import shared_task
from django.utils import timezone

from . import services
from .models import Frequency

WEEKLY_DIGEST_WEEKDAY = 0  # Monday: what is new, at the start of the week


@shared_task
def fan_out_page(page_id: int) -> int:
    """Tell the followers of a newly published page: rows first, then each email once."""
    services.create_page_deliveries(page_id=page_id)
    return services.send_pending(key=services.page_key(page_id))


@shared_task
def send_deliveries(key: str) -> int:
    return services.send_pending(key=key)


@shared_task
def send_digests() -> int:
    """Run by beat every morning (Europe/Amsterdam); the weekly digest goes out on Mondays."""
    sent = services.send_digests(frequency=Frequency.DAILY)
    if timezone.localtime().weekday() == WEEKLY_DIGEST_WEEKDAY:
        sent += services.send_digests(frequency=Frequency.WEEKLY)
    return sent

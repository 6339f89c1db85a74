"""Celery tasks: they take keys, call a service, and are safe to run twice or after a crash."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import outbox, services
from .models import FanOut, Frequency

WEEKLY_DIGEST_WEEKDAY = 0  # Monday: what is new, at the start of the week


@shared_task
def fan_out(key: str) -> int:
    """Tell the followers of a published page or changed date: rows first, then send."""
    services.run_fan_out(key=key)
    return outbox.send_due()


@shared_task
def send_outbox() -> int:
    return outbox.send_due()


@shared_task
def sweep_outbox() -> int:
    """Run by beat every minute: finish what a lost task or a killed worker left undone."""
    # A fan-out this old and not done lost its task (broker down, worker killed).
    grace = timedelta(seconds=settings.FAN_OUT_GRACE_SECONDS)
    stale = FanOut.objects.filter(done_at=None, created_at__lt=timezone.now() - grace)
    for key in stale.order_by("created_at").values_list("key", flat=True):
        services.run_fan_out(key=key)
    return outbox.send_due()


@shared_task
def send_digests() -> int:
    """Run by beat every morning (Europe/Amsterdam); the weekly digest goes out on Mondays."""
    written = services.write_digests(frequency=Frequency.DAILY)
    if timezone.localtime().weekday() == WEEKLY_DIGEST_WEEKDAY:
        written += services.write_digests(frequency=Frequency.WEEKLY)
    outbox.send_due()
    return written

"""Celery tasks of the initiatives app: the nightly occurrence refresh.

Emails about sign-ups and offers are not tasks: they are outbox rows written with the change
(initiatives/emails.py), which the notifications app sends.
"""

from celery import shared_task

from . import services


@shared_task
def refresh_occurrences() -> int:
    """Nightly (beat): keep the materialised occurrences a full horizon ahead."""
    return services.refresh_all_occurrences()

from celery import shared_task
from django.db import transaction

from . import services


@shared_task
def remind_hosts():
    """Daily (beat): queue a reminder for every place unconfirmed for three months."""
    for place in services.places_to_remind():
        transaction.on_commit(lambda pk=place.pk: send_reminder.delay(pk))


@shared_task
def send_reminder(place_id):
    services.send_confirmation_reminder(place_id=place_id)

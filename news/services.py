"""Writes with side effects in news.

Wagtail tells the people in a moderation workflow by email: moderators when an item is
submitted, the editor when it is approved or sent back with a comment. Wagtail sends those
emails inside the request; here the same notifiers run in the Celery worker instead, queued
once the transaction that changed the workflow has committed.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.admin import signal_handlers as wagtail_notifiers
from wagtail.models import TaskState, WorkflowState

logger = logging.getLogger(__name__)

# event -> (Wagtail's notifier, the model of the signal's instance)
WORKFLOW_NOTIFIERS = {
    "task_submitted": (wagtail_notifiers.task_submission_email_notifier, TaskState),
    "workflow_submitted": (wagtail_notifiers.workflow_submission_email_notifier, WorkflowState),
    "workflow_approved": (wagtail_notifiers.workflow_approval_email_notifier, WorkflowState),
    "workflow_rejected": (wagtail_notifiers.workflow_rejection_email_notifier, WorkflowState),
}


def queue_workflow_notification(*, event: str, instance, user=None) -> None:
    """Queue the email for a workflow event; the worker sends it after the commit."""
    from .tasks import send_workflow_notification

    state_id, user_id = instance.pk, getattr(user, "pk", None)

    def enqueue():
        try:
            send_workflow_notification.delay(event, state_id, user_id)
        except Exception:  # the moderation itself succeeded; do not turn it into an error page
            logger.exception("Could not queue the %s notification for %s", event, state_id)

    transaction.on_commit(enqueue)


def send_workflow_notification(*, event: str, state_id: int, user_id: int | None) -> bool:
    """Send the email Wagtail would have sent for this event. False when nothing could be sent."""
    notifier, model = WORKFLOW_NOTIFIERS[event]
    instance = model.objects.filter(pk=state_id).first()
    if instance is None:  # deleted in the meantime: nobody to tell about it
        return False
    instance = instance.specific if hasattr(instance, "specific") else instance
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return bool(notifier(instance=instance, user=user))


def update_buurt_after_move(*, page) -> None:
    """A news item moved to another buurt's news (or to the city news) belongs there now."""
    from .models import NewsPage

    item = NewsPage.objects.filter(pk=page.pk).first()
    if item is not None:
        NewsPage.objects.filter(pk=item.pk).update(buurt=item.find_buurt())

"""Signal receivers of the news app, connected in NewsConfig.ready()."""

from wagtail.signals import (
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from . import services

# Wagtail's own receivers send the workflow emails in the request. Ours take over their
# dispatch_uids, so whichever app is ready first, only one of the two is ever connected.
WORKFLOW_SIGNALS = [
    (task_submitted, "task_submitted", "group_approval_task_submitted_email_notification"),
    (workflow_submitted, "workflow_submitted", "workflow_state_submitted_email_notification"),
    (workflow_rejected, "workflow_rejected", "workflow_state_rejected_email_notification"),
    (workflow_approved, "workflow_approved", "workflow_state_approved_email_notification"),
]


def _queue(event):
    def receiver(sender, instance, user=None, **kwargs):
        services.queue_workflow_notification(event=event, instance=instance, user=user)

    receiver.__name__ = f"queue_{event}_notification"
    return receiver


RECEIVERS = {event: _queue(event) for _, event, _ in WORKFLOW_SIGNALS}


def connect():
    from wagtail.models import TaskState, WorkflowState

    for signal, event, dispatch_uid in WORKFLOW_SIGNALS:
        sender = TaskState if event == "task_submitted" else WorkflowState
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(RECEIVERS[event], sender=sender, dispatch_uid=dispatch_uid, weak=False)
    post_page_move.connect(on_page_moved, dispatch_uid="news_update_buurt_after_move")


def on_page_moved(sender, instance, **kwargs):
    from .models import NewsPage

    if isinstance(sender, type) and issubclass(sender, NewsPage):
        services.update_buurt_after_move(page=instance)

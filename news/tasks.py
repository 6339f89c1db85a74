from celery import shared_task

from . import services


@shared_task
def send_workflow_notification(event, state_id, user_id=None):
    """Email the people in a moderation workflow about a submission, approval or rejection."""
    return services.send_workflow_notification(event=event, state_id=state_id, user_id=user_id)

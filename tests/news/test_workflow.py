"""Moderation: an editor submits, a moderator approves or sends back, and the emails about it are
outbox rows written in the request's transaction, sent by the outbox's sender, never inside the
request."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import WorkflowState

from news.models import NewsPage
from notifications import outbox
from notifications.models import OutgoingEmail
from tim.tasks import publish_scheduled

from .admin_forms import add_url, news_form_data

pytestmark = pytest.mark.django_db


def submit(client, editor, index, **fields):
    client.force_login(editor)
    response = client.post(add_url(index), news_form_data(action="submit", **fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsPage.objects.get(slug=fields["slug"])


def act(client, moderator, page, action, comment=""):
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk),
                                      status=WorkflowState.STATUS_IN_PROGRESS)  # fmt: skip
    client.force_login(moderator)
    url = f"/beheer/pages/workflow/action/{page.pk}/{action}/{state.current_task_state_id}/"
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302
    page.refresh_from_db()
    return page


def waiting_to(address):
    """The outbox rows the request wrote for this address, not yet sent."""
    return OutgoingEmail.objects.filter(address=address, status=OutgoingEmail.Status.PENDING)


def send():
    """What the outbox's worker does after the commit: send every due row; returns what left."""
    outbox.send_due()
    sent = list(mail.outbox)
    mail.outbox.clear()
    return sent


def test_submission_tells_the_moderators_through_the_outbox(
    client, demo_user, pottenberg_news, django_capture_on_commit_callbacks
):
    moderator = demo_user("moderator")
    with django_capture_on_commit_callbacks() as after_commit:
        page = submit(client, demo_user("redactie-pottenberg"), pottenberg_news,
                      title="Buurtfeest", slug="buurtfeest")  # fmt: skip
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert mail.outbox == []  # nothing was sent in the request
    assert waiting_to(moderator.email).count() == 1  # but the email to the moderator is written
    # in the request's transaction, and a worker is asked to send only once that commits
    assert any(callback.__qualname__.startswith("request_send") for callback in after_commit)
    to_moderator = [message for message in send() if moderator.email in message.to]
    assert len(to_moderator) == 1
    assert "Buurtfeest" in to_moderator[0].subject
    assert not waiting_to(moderator.email).exists()


def test_approval_publishes_and_the_editor_hears_it_by_email_once(
    client, demo_user, pottenberg_news
):
    editor, moderator = demo_user("redactie-pottenberg"), demo_user("moderator")
    page = submit(client, editor, pottenberg_news, title="Buurtfeest", slug="buurtfeest")
    send()
    page = act(client, moderator, page, "approve")
    assert page.live
    assert mail.outbox == []
    assert [row.address for row in OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING)] == [editor.email]  # fmt: skip
    sent = send()
    assert [message.to for message in sent] == [[editor.email]]
    assert "Buurtfeest" in sent[0].subject
    assert "goedgekeurd" in sent[0].subject  # the editor's language: Dutch
    assert send() == []  # a second run of the sender sends nothing again
    client.logout()
    assert client.get("/pottenberg/nieuws/buurtfeest/").status_code == 200


def test_rejection_keeps_it_offline_and_sends_the_comment_to_the_editor(
    client, demo_user, pottenberg_news
):
    editor, moderator = demo_user("redactie-pottenberg"), demo_user("moderator")
    page = submit(client, editor, pottenberg_news, title="Buurtfeest", slug="buurtfeest")
    send()
    page = act(client, moderator, page, "reject", comment="Graag de datum erbij.")
    assert not page.live
    assert mail.outbox == []
    assert waiting_to(editor.email).count() == 1
    sent = send()
    assert [message.to for message in sent] == [[editor.email]]
    assert "Graag de datum erbij." in sent[0].body
    client.logout()
    assert client.get("/pottenberg/nieuws/buurtfeest/").status_code == 404


def test_an_editor_cannot_approve_and_a_moderator_can_anywhere(
    client, demo_user, pottenberg_news, nazareth_news
):
    page = submit(client, demo_user("redactie-pottenberg"), pottenberg_news,
                  title="Buurtfeest", slug="buurtfeest")  # fmt: skip
    task = page.current_workflow_task
    assert task.get_actions(page, demo_user("redactie-pottenberg")) == []
    assert task.get_actions(page, demo_user("redactie-nazareth")) == []
    assert "approve" in [name for name, *_ in task.get_actions(page, demo_user("moderator"))]
    other = submit(client, demo_user("redactie-nazareth"), nazareth_news,
                   title="Wijkfeest", slug="wijkfeest")  # fmt: skip
    assert "approve" in [
        name for name, *_ in other.current_workflow_task.get_actions(other, demo_user("moderator"))
    ]


def test_scheduled_item_goes_live_when_beat_runs_publish_scheduled(client, news_item):
    page = news_item(title="Later online", live=False)
    go_live = timezone.now() + timedelta(hours=2)
    page.go_live_at = go_live
    page.save_revision().publish(skip_permission_checks=True)  # scheduled, not live yet
    page.refresh_from_db()
    assert not page.live
    assert client.get("/pottenberg/nieuws/").content.decode().count("Later online") == 0
    with time_machine.travel(go_live + timedelta(minutes=1)):
        publish_scheduled()
    page.refresh_from_db()
    assert page.live
    assert "Later online" in client.get("/pottenberg/nieuws/").content.decode()

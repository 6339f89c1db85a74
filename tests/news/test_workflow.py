"""Moderation: an editor submits, a moderator approves or sends back, and the emails about it are
sent by the Celery worker after the commit, never inside the request."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import WorkflowState

from news import tasks
from news.models import NewsPage
from tim.tasks import publish_scheduled

from .admin_forms import add_url, news_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(django_capture_on_commit_callbacks):
    """Run a block as a request would (commit callbacks included) and collect queued tasks."""

    class Queue(list):
        def run(self):
            """What the worker would do: run every queued task, then forget them."""
            for args in self:
                tasks.send_workflow_notification.apply(args=args).get()
            self.clear()

    queue = Queue()

    class Capture:
        def __enter__(self):
            self.patch = mock.patch.object(
                tasks.send_workflow_notification, "delay", side_effect=lambda *a: queue.append(a)
            )
            self.patch.start()
            self.callbacks = django_capture_on_commit_callbacks(execute=True)
            self.callbacks.__enter__()
            return queue

        def __exit__(self, *exc):
            self.callbacks.__exit__(*exc)
            self.patch.stop()

    queue.request = Capture
    return queue


def submit(client, editor, index, queued, **fields):
    client.force_login(editor)
    with queued.request():
        response = client.post(add_url(index), news_form_data(action="submit", **fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsPage.objects.get(slug=fields["slug"])


def act(client, moderator, page, action, queued, comment=""):
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk),
                                      status=WorkflowState.STATUS_IN_PROGRESS)  # fmt: skip
    client.force_login(moderator)
    url = f"/beheer/pages/workflow/action/{page.pk}/{action}/{state.current_task_state_id}/"
    with queued.request():
        response = client.post(url, {"comment": comment})
    assert response.status_code == 302
    page.refresh_from_db()
    return page


def events(queued):
    return [args[0] for args in queued]


def test_submission_tells_the_moderators_through_the_worker(
    client, demo_user, pottenberg_news, queued
):
    page = submit(client, demo_user("redactie-pottenberg"), pottenberg_news, queued,
                  title="Buurtfeest", slug="buurtfeest")  # fmt: skip
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert mail.outbox == []  # nothing was sent in the request
    assert set(events(queued)) == {"workflow_submitted", "task_submitted"}
    queued.run()
    moderator = demo_user("moderator")
    to_moderator = [message for message in mail.outbox if moderator.email in message.to]
    assert len(to_moderator) == 1
    assert "Buurtfeest" in to_moderator[0].subject


def test_approval_publishes_and_the_editor_hears_it_by_email(
    client, demo_user, pottenberg_news, queued
):
    editor, moderator = demo_user("redactie-pottenberg"), demo_user("moderator")
    page = submit(client, editor, pottenberg_news, queued, title="Buurtfeest", slug="buurtfeest")
    queued.clear()
    page = act(client, moderator, page, "approve", queued)
    assert page.live
    assert mail.outbox == []
    assert events(queued) == ["workflow_approved"]
    queued.run()
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Buurtfeest" in mail.outbox[0].subject
    assert "goedgekeurd" in mail.outbox[0].subject  # the editor's language: Dutch
    client.logout()
    assert client.get("/pottenberg/nieuws/buurtfeest/").status_code == 200


def test_rejection_keeps_it_offline_and_sends_the_comment_to_the_editor(
    client, demo_user, pottenberg_news, queued
):
    editor, moderator = demo_user("redactie-pottenberg"), demo_user("moderator")
    page = submit(client, editor, pottenberg_news, queued, title="Buurtfeest", slug="buurtfeest")
    queued.clear()
    page = act(client, moderator, page, "reject", queued, comment="Graag de datum erbij.")
    assert not page.live
    assert events(queued) == ["workflow_rejected"]
    queued.run()
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Graag de datum erbij." in mail.outbox[0].body
    client.logout()
    assert client.get("/pottenberg/nieuws/buurtfeest/").status_code == 404


def test_an_editor_cannot_approve_and_a_moderator_can_anywhere(
    client, demo_user, pottenberg_news, nazareth_news, queued
):
    page = submit(client, demo_user("redactie-pottenberg"), pottenberg_news, queued,
                  title="Buurtfeest", slug="buurtfeest")  # fmt: skip
    task = page.current_workflow_task
    assert task.get_actions(page, demo_user("redactie-pottenberg")) == []
    assert task.get_actions(page, demo_user("redactie-nazareth")) == []
    assert "approve" in [name for name, *_ in task.get_actions(page, demo_user("moderator"))]
    other = submit(client, demo_user("redactie-nazareth"), nazareth_news, queued,
                   title="Wijkfeest", slug="wijkfeest")  # fmt: skip
    assert "approve" in [
        name for name, *_ in other.current_workflow_task.get_actions(other, demo_user("moderator"))
    ]


def test_the_task_does_nothing_for_a_workflow_that_is_gone():
    assert (
        tasks.send_workflow_notification.apply(args=("workflow_approved", 0, None)).get() is False
    )


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

"""The moderation emails really leave through a Celery worker (its own process, real Redis): the
request writes them to the outbox, the worker, asked after the commit, sends them."""

import time
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from django.core import mail

from news.models import NewsIndexPage, NewsPage
from notifications.models import OutgoingEmail

from .admin_forms import add_url, news_form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def mail_dir(tmp_path, monkeypatch):
    """Listed before celery_worker_process, so the worker writes its emails to files here."""
    folder = tmp_path / "mail"
    folder.mkdir()
    monkeypatch.setenv("TIM_TEST_MAIL_DIR", str(folder))
    return folder


def messages_in(folder):
    separator = b"\n" + b"-" * 79 + b"\n"
    return [
        message_from_bytes(chunk, policy=default)
        for path in sorted(Path(folder).glob("*.log"))
        for chunk in path.read_bytes().split(separator)
        if chunk.strip()
    ]


def wait_for_mail(folder, to, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [message for message in messages_in(folder) if to in message["To"]]
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"no email to {to} within {timeout} s")


def test_worker_emails_moderators_on_submission_and_the_editor_on_approval(
    mail_dir, celery_worker_process, client, demo_user, pottenberg
):
    editor, moderator = demo_user("redactie-pottenberg"), demo_user("moderator")
    index = NewsIndexPage.objects.child_of(pottenberg).get()
    client.force_login(editor)
    client.post(add_url(index), news_form_data(title="Buurtfeest", slug="buurtfeest",
                                               action="submit"))  # fmt: skip
    page = NewsPage.objects.get(slug="buurtfeest")
    assert "Buurtfeest" in wait_for_mail(mail_dir, moderator.email)[0]["Subject"]

    task_state = page.current_workflow_state.current_task_state
    client.force_login(moderator)
    client.post(f"/beheer/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    page.refresh_from_db()
    assert page.live
    approved = wait_for_mail(mail_dir, editor.email)
    assert "goedgekeurd" in approved[0]["Subject"]
    assert mail.outbox == []  # the web process itself sent nothing
    to_editor = OutgoingEmail.objects.get(address=editor.email)
    assert to_editor.status == OutgoingEmail.Status.SENT  # the worker marked its outbox row sent

"""Publishing tells followers once, at the frequency each chose (the worker itself: see
test_exactly_once_worker.py; here the task runs in the test process on the locmem outbox)."""

import pytest
from django.core import mail

from notifications import services, tasks
from notifications.models import Delivery, FanOut, Frequency, OutgoingEmail

from .conftest import publish_under

pytestmark = pytest.mark.django_db


def fan_out(page, capture):
    """Publish-time callbacks ran; run the queued fan-out here instead of in a worker."""
    tasks.fan_out(services.page_key(page.pk))


def test_publishing_queues_the_fan_out_only_when_the_transaction_commits(
    pottenberg, resident, django_capture_on_commit_callbacks
):
    services.follow_page(user=resident("anna"), page=pottenberg, frequency=Frequency.DIRECT)
    with django_capture_on_commit_callbacks() as callbacks:
        page = publish_under(pottenberg, "Buurtfeest op het plein")
    key = services.page_key(page.pk)
    assert FanOut.objects.filter(key=key, done_at=None).exists()  # written with the publish
    assert any(callback.__qualname__.startswith("promise_fan_out") for callback in callbacks)
    assert mail.outbox == []  # nothing is sent before the commit

    tasks.fan_out(key)
    assert [message.subject for message in mail.outbox] == [
        "Nieuw in Pottenberg: Buurtfeest op het plein"
    ]


def test_a_second_publish_and_a_republish_after_unpublishing_tell_nobody_again(
    pottenberg, resident, django_capture_on_commit_callbacks
):
    services.follow_page(user=resident("anna"), page=pottenberg, frequency=Frequency.DIRECT)
    page = publish_under(pottenberg, "Nieuwe bankjes")
    tasks.fan_out(services.page_key(page.pk))
    services.follow_page(user=resident("bram"), page=pottenberg, frequency=Frequency.DIRECT)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # an edit
        page.unpublish()
        page.save_revision().publish()  # back online
    assert FanOut.objects.count() == 1  # only the first publication promised anything
    tasks.fan_out(services.page_key(page.pk))  # a stray retry of the done fan-out: nothing
    # Rule: a page tells its followers once, on its first publication. Bram followed later.
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    assert OutgoingEmail.objects.filter(cause=services.page_key(page.pk)).count() == 1


def test_direct_email_in_the_recipients_language_with_one_click_unsubscribe(pottenberg, resident):
    services.follow_page(
        user=resident("sam", language="en"), page=pottenberg, frequency=Frequency.DIRECT
    )
    page = publish_under(pottenberg, "Repair café")
    tasks.fan_out(services.page_key(page.pk))

    (message,) = mail.outbox
    assert message.subject == "New in Pottenberg: Repair café"
    assert "You get this email because you follow Pottenberg" in message.body
    html = message.alternatives[0].content
    assert "Repair café" in html and "You get this email because you follow Pottenberg" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/afmelden/")
    assert page.url in message.body


def test_daily_weekly_and_off_followers_get_no_email_now(pottenberg, resident):
    for name, frequency in [("dag", "dagelijks"), ("week", "wekelijks"), ("uit", "uit")]:
        services.follow_page(user=resident(name), page=pottenberg, frequency=frequency)
    page = publish_under(pottenberg, "Snoeiactie")
    tasks.fan_out(services.page_key(page.pk))

    assert mail.outbox == []
    waiting = Delivery.objects.filter(status="pending").values_list("recipient__email", "frequency")
    assert sorted(waiting) == [("dag@example.org", "dagelijks"), ("week@example.org", "wekelijks")]


def test_the_nearest_follow_decides_and_one_person_gets_one_email(pottenberg, resident):
    anna, bram = resident("anna"), resident("bram")
    initiative = publish_under(pottenberg, "Moestuin Pottenberg")
    services.follow_page(user=anna, page=pottenberg, frequency=Frequency.DIRECT)
    services.follow_page(user=anna, page=initiative, frequency=Frequency.OFF)
    services.follow_page(user=bram, page=pottenberg, frequency=Frequency.WEEKLY)
    services.follow_page(user=bram, page=initiative, frequency=Frequency.DIRECT)

    news = publish_under(initiative, "Oogstdag")
    tasks.fan_out(services.page_key(news.pk))

    assert [message.to for message in mail.outbox] == [["bram@example.org"]]
    assert "Nieuw in Moestuin Pottenberg" in mail.outbox[0].subject


def test_a_page_behind_a_view_restriction_tells_nobody(pottenberg, resident):
    from wagtail.models import PageViewRestriction

    services.follow_page(user=resident("anna"), page=pottenberg, frequency=Frequency.DIRECT)
    services.follow_page(user=resident("bram"), page=pottenberg, frequency=Frequency.WEEKLY)
    section = publish_under(pottenberg, "Alleen voor leden")
    tasks.fan_out(services.page_key(section.pk))
    mail.outbox.clear()
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    news = publish_under(section, "Ledenvergadering")
    tasks.fan_out(services.page_key(news.pk))
    assert mail.outbox == []
    assert not Delivery.objects.filter(page=news).exists()

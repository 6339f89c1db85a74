"""Wagtail's page_published signal is the one place every page type joins in."""

from django.db import transaction

from . import services, tasks


def queue_fan_out(sender, instance, **kwargs):
    """Queue the fan-out of a first publication once the publishing transaction commits.

    A page type that should never notify (an index page, say) sets `notify_followers = False`.
    """
    if not getattr(instance, "notify_followers", True):
        return
    if not services.is_first_publication(instance):
        return
    page_id = instance.pk
    # robust: a broker that is down must not turn a successful publish into an error page.
    transaction.on_commit(lambda: tasks.fan_out_page.delay(page_id), robust=True)

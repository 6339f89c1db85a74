"""Wagtail's page_published signal is the one place every page type joins in."""

from . import services


def promise_fan_out(sender, instance, **kwargs):
    """Write, in the publishing transaction, that the page's followers are to be told.

    A page type that should never notify (an index page, say) sets `notify_followers = False`.
    """
    if not getattr(instance, "notify_followers", True):
        return
    if not services.is_first_publication(instance):
        return
    services.promise_fan_out(page_id=instance.pk)

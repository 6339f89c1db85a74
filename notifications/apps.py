"""Notifications stand alone: follows, deliveries and digests serve every content app alike,
through Wagtail's page-published signal, so no content app needs to know about email."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from wagtail.signals import page_published

        from .handlers import promise_fan_out

        page_published.connect(promise_fan_out, dispatch_uid="notifications.promise_fan_out")

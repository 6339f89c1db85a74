from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialbaseConfig(AppConfig):
    name = "socialbase"
    verbose_name = _("Social base")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import signals

        page_published.connect(signals.refresh_after_change, dispatch_uid="socialbase_published")
        page_unpublished.connect(
            signals.refresh_after_change, dispatch_uid="socialbase_unpublished"
        )

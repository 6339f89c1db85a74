from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from wagtail.signals import page_published

        from .models import ActivityPage

        page_published.connect(refresh_on_publish, sender=ActivityPage)


def refresh_on_publish(sender, instance, **kwargs):
    """A published activity gets its concrete occurrences at once, not only at night."""
    from .services import refresh_occurrences

    refresh_occurrences(activity=instance)

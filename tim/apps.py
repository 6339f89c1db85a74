from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimConfig(AppConfig):
    name = "tim"
    verbose_name = _("Thuis in Maastricht")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimConfig(AppConfig):
    name = "tim"
    verbose_name = _("Thuis in Maastricht")

    def ready(self):
        from . import checks, pagecache  # noqa: F401  (checks registers the deploy checks)

        pagecache.connect()

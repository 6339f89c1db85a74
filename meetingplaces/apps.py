from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingplacesConfig(AppConfig):
    name = "meetingplaces"
    verbose_name = _("Meeting places")

    def ready(self):
        from tim import pagecache

        pagecache.register_related_paths(cached_paths)


def cached_paths(page, buurt, ancestors) -> list[str]:
    """The open-data export lists every place: it is purged with them (tim.pagecache)."""
    from django.urls import reverse

    from .models import MeetingPlacePage

    if not isinstance(page, MeetingPlacePage):
        return []
    return [reverse("meetingplaces:hsds_json"), reverse("meetingplaces:hsds_csv")]

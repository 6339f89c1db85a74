from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from tim import pagecache

        from .models import ActivityPage, SignUp

        page_published.connect(refresh_on_publish, sender=ActivityPage)
        pagecache.register_related_paths(cached_paths)
        post_save.connect(purge_on_signup, sender=SignUp, dispatch_uid="initiatives.signup_saved")
        post_delete.connect(purge_on_signup, sender=SignUp, dispatch_uid="initiatives.signup_gone")


def refresh_on_publish(sender, instance, **kwargs):
    """A published activity gets its concrete occurrences at once, not only at night."""
    from .services import refresh_occurrences

    refresh_occurrences(activity=instance)


def cached_paths(page, buurt, ancestors) -> list[str]:
    """What shows an initiative, activity or place besides its tree: the buurt agenda and the
    calendars (of the buurt, the initiative, the activity and each of its times, the place)."""
    from django.urls import reverse

    from tim import pagecache

    from .models import MEETING_PLACE_PAGE, ActivityPage, InitiativePage

    paths = [reverse("initiatives:ical_agenda")]  # the city's calendar has every activity
    if buurt is not None:
        paths += [
            reverse("initiatives:buurt_agenda", args=[buurt.slug]),
            reverse("initiatives:ical_buurt", args=[buurt.slug]),
        ]
    for initiative in [page, *ancestors]:
        if isinstance(initiative, InitiativePage):
            paths.append(reverse("initiatives:ical_initiative", args=[initiative.pk]))
    if isinstance(page, ActivityPage):
        paths.append(reverse("initiatives:ical_activity", args=[page.pk]))
        paths += [
            reverse("initiatives:ical_occurrence", args=[pk])
            for pk in page.occurrences.values_list("pk", flat=True)
        ]
    # A place page lists the activities held there and has a calendar of them.
    if getattr(page, "place_page_id", None):
        paths += [
            pagecache.path_of(page.place_page),
            reverse("initiatives:ical_place", args=[page.place_page_id]),
        ]
    if page._meta.label == MEETING_PLACE_PAGE:
        paths.append(reverse("initiatives:ical_place", args=[page.pk]))
    return paths


def purge_on_signup(sender, instance, **kwargs):
    """A sign-up changes the places left that the activity and the agendas show."""
    from tim import pagecache

    pagecache.purge_page(instance.occurrence.activity)

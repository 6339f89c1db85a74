"""One answer to "may anyone see this page?": live, and not behind a Wagtail view restriction.

A page behind a restriction (a password, "logged-in users only", certain groups), and every page
below it, stays out of everything the public gets without asking for it: listings, the agenda,
iCal, feeds, the sitemap, search, the API, the HSDS export and follower emails. Pages use
Wagtail's `PageQuerySet.live().public()`; rows that point at a page (an occurrence, a follow)
use `public_q(<field>)`; one page is checked with `is_publicly_visible(page)`.

A page shows several lists, and each asked PostgreSQL for the restrictions again. They are few
and change rarely, so they are read once per request (`view_restrictions()`); outside a request
(tasks, commands) and after any change to them they are read fresh.
"""

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

_this_request = Local()


@receiver(request_started)
def _start_reading_once(**kwargs) -> None:
    _this_request.active, _this_request.restrictions = True, None


@receiver(request_finished)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _forget(**kwargs) -> None:
    _this_request.restrictions = None
    if kwargs.get("signal") is request_finished:
        _this_request.active = False


def view_restrictions() -> list[PageViewRestriction]:
    """Every view restriction, with its page: once per request, fresh outside one."""
    restrictions = getattr(_this_request, "restrictions", None)
    if restrictions is None:
        restrictions = list(PageViewRestriction.objects.select_related("page"))
        if getattr(_this_request, "active", False):
            _this_request.restrictions = restrictions
    return restrictions


def restricted_paths() -> list[str]:
    """The tree paths of the restricted pages: everything starting with one of them is hidden."""
    return [restriction.page.path for restriction in view_restrictions()]


def restrictions_over(page) -> list[PageViewRestriction]:
    """The restrictions on this page and the pages above it (Wagtail's rule, without aliases:
    `is_publicly_visible` and the page types' `get_view_restrictions` use it)."""
    return [r for r in view_restrictions() if page.path.startswith(r.page.path)]


class TimPageQuerySet(PageQuerySet):
    """Wagtail's page queryset; `public()` leaves out the restricted sections read once per
    request rather than once per list. Like Wagtail's, it goes by the tree path."""

    def private_q(self):
        return _restricted_q() or Q(pk__in=[])


def _restricted_q(prefix: str = "") -> Q:
    hidden = Q()
    for path in restricted_paths():
        hidden |= Q(**{f"{prefix}path__startswith": path})
    return hidden


def public_q(field: str) -> Q:
    """A filter for rows whose `field` (a foreign key to a page) points at a public page."""
    hidden = _restricted_q(f"{field}__")
    return ~hidden if hidden else Q()


def is_publicly_visible(page) -> bool:
    """Whether anyone may see this page: it is live and neither it nor a page above it is
    restricted. For the follower fan-out and for forms on a page (sign-up, help, follow)."""
    if page is None or not page.live:
        return False
    return not page.get_view_restrictions().exists()


def public_image_ids():
    """Ids of the images used on a page anyone may see (a subquery, for the images API).

    Wagtail's reference index records what each page's live content uses (its own fields,
    inline children and StreamField blocks); drafts are not in it. An image only on a draft,
    a restricted page, or nowhere, is not listed.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from wagtail.images import get_image_model
    from wagtail.models import Page, ReferenceIndex

    pages = Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    used = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        object_id__in=pages,
    ).values("to_object_id")
    return (
        get_image_model()
        .objects.annotate(key=Cast("pk", CharField()))
        .filter(key__in=used)
        .values("pk")
    )

"""One answer to "may anyone see this page?": live, and not behind a Wagtail view restriction.

A page behind a restriction (a password, "logged-in users only", certain groups), and every page
below it, stays out of everything the public gets without asking for it: listings, the agenda,
iCal, feeds, the sitemap, search, the API, the HSDS export and follower emails. Pages use
Wagtail's `PageQuerySet.live().public()`; rows that point at a page (an occurrence, a follow)
use `public_q(<field>)`; one page is checked with `is_publicly_visible(page)`.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def restricted_paths() -> list[str]:
    """The tree paths of the restricted pages: everything starting with one of them is hidden."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public_q(field: str) -> Q:
    """A filter for rows whose `field` (a foreign key to a page) points at a public page."""
    hidden = Q()
    for path in restricted_paths():
        hidden |= Q(**{f"{field}__path__startswith": path})
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

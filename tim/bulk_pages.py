"""Many live pages at once, for generated data: bulk inserts that keep Wagtail's tree valid.

`Page.add_child` costs a dozen queries per page (tree locks, revisions, signals, the search
index); fifty thousand of them take an hour. Here the treebeard paths are computed in Python,
the `wagtailcore_page` rows go in with `bulk_create`, the rows of the specific model's own table
with one multi-row INSERT per batch, and the search index is filled by Wagtail's own indexer a
batch at a time. No revisions are written: the pages are live as inserted, and an editor's first
save makes the first revision, as for pages imported by other means.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH = 1000


def add_children(parent: Page, pages: list[Page], *, published_at=None) -> list[Page]:
    """Insert `pages` (unsaved instances of one specific Page model) as the last children of
    `parent`, live and published at `published_at` (or each page's own `first_published_at`).

    The caller sets each page's title, slug and own fields; this fills in the tree, URL path,
    content type and publication fields, and gives every page its primary key.
    """
    if not pages:
        return pages
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = last._get_lastpos_in_path() if last else 0
    depth = parent.depth + 1
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or published_at
        page.last_published_at = page.last_published_at or page.first_published_at
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        Page.objects.bulk_create(batch)  # sets page.id on each
        for page in batch:
            page.page_ptr_id = page.id
        _insert_own_rows(model, batch)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def _insert_own_rows(model, pages) -> None:
    """The rows of the model's own table (and of any abstract-free parents between it and Page).

    Django's bulk_create refuses multi-table inheritance; its `_insert` is what `Model.save()`
    itself uses for one table, here with many rows in one statement.
    """
    chain = [cls for cls in reversed(model._meta.get_parent_list()) if cls is not Page]
    for table_model in [*chain, model]:
        fields = table_model._meta.local_concrete_fields
        table_model._base_manager._insert(pages, fields=fields, using=connection.alias)


def index(model, ids, *, prefetch=()) -> None:
    """Fill Wagtail's search index for these pages with its own indexer, one batch at a time."""
    backend = get_search_backend()
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        batch = model.objects.filter(pk__in=ids[start : start + BATCH])
        backend.add_bulk(model, list(batch.prefetch_related(*prefetch)))

"""ETag, Last-Modified and 304 for what feed readers, calendar apps and crawlers poll.

Feeds, calendars, the sitemap, the HSDS export and the API lists are polled far more often than
their content changes. Every change to what they show passes Wagtail's audit log (publish,
unpublish, move, delete of a page; edits of snippets such as themes and partners), so its newest
entry is a change stamp for all of them: one index-only query answers a poll with 304 before
anything is rendered.
"""

import datetime
import hashlib

from django.db import connection
from django.utils.translation import get_language
from django.views.decorators.http import condition
from wagtail.models import ModelLogEntry, PageLogEntry

_UNSET = object()


def last_change(request, *args, **kwargs) -> datetime.datetime | None:
    """The moment of the newest entry in the audit log (read once per request)."""
    stamp = getattr(request, "_tim_last_change", _UNSET)
    if stamp is _UNSET:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT GREATEST((SELECT MAX(timestamp) FROM {PageLogEntry._meta.db_table}),"
                f" (SELECT MAX(timestamp) FROM {ModelLogEntry._meta.db_table}))"
            )
            stamp = cursor.fetchone()[0]
        request._tim_last_change = stamp
    return stamp


def content_etag(request, *args, **kwargs) -> str | None:
    """Changes with the content, the address (filters, page number) and the language."""
    stamp = last_change(request)
    if stamp is None:
        return None
    variant = f"{stamp.isoformat()}|{request.get_full_path()}|{get_language()}"
    return hashlib.md5(variant.encode(), usedforsecurity=False).hexdigest()


conditional_on_content = condition(etag_func=content_etag, last_modified_func=last_change)

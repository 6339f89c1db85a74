"""The page cache for anonymous visitors: whole responses in Redis, purged when content changes.

Django's cache framework holds the responses; this module decides what may be shared. A response
is stored only for a visitor without a session (so never for someone logged in), for a GET or
HEAD that answered 200 without setting a cookie, using a CSRF token or showing a message. The key
is the address (with its query), the language and the htmx target, nothing else of the visitor.

Purging is by generation rather than by key: every path has a generation number in the cache,
and so has each family of pages that list their siblings (every news item shows the latest
news). A stored response remembers the generations it was made under; one MGET fetches the entry
together with the current generations, and a changed number makes it a miss. Purging a path
therefore reaches all its query strings and languages with one SET, and a family with one more.

Pages whose content turns over with time ("open now", today's agenda) tell the cache when with
`valid_until(moment)`; no response outlives the next local midnight ("today", "tomorrow").
A stored body is kept gzipped, and sent so to every client that accepts gzip.

Pieces of a page that cost a lot and are the same for every visitor (the latest news, a buurt's
places and initiatives, the buurt picker) are kept too, by `fragment()`, for logged-in visitors
and on a page-cache miss. Every purge starts a new fragment generation, so a piece is never older
than the last change; what it reports with `valid_until` and `belongs_to` is kept with it.

Every cache call is guarded: with Redis down or slow the site serves uncached pages, never an
error, and each process leaves Redis alone for PAUSE_AFTER_FAILURE seconds before trying again.
"""

import datetime
import gzip
import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from functools import wraps
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

logger = logging.getLogger(__name__)

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
# Seconds a response may stay in Redis; purges make it fresh sooner.
TIMEOUT = getattr(settings, "PAGE_CACHE_TIMEOUT", 300)
# What browsers and a CDN in front may keep without asking (they are not purged by us).
BROWSER_MAX_AGE = getattr(settings, "PAGE_CACHE_BROWSER_MAX_AGE", 60)
SHARED_MAX_AGE = getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 120)
STALE_WHILE_REVALIDATE = getattr(settings, "PAGE_CACHE_STALE_WHILE_REVALIDATE", 30)
# Longer than any response lives, so a stored response never sees its generation vanish first.
GENERATION_TIMEOUT = 24 * 3600
# Addresses that are never shared, whoever asks.
NEVER_CACHED = ("/beheer/", "/account/", "/mijn-account/", "/healthz", "/taal/", "/documenten/")
# The families a page may belong to (see BasePage.cache_family); each adds one key to the MGET.
# Every page belongs to "all": purging it empties the page cache (a deploy, a test).
FAMILIES = ("all", "news", "sitemap")
# Bumped by every purge: the generation every stored fragment was rendered under.
FRAGMENTS = "fragments"
HEADER = "X-Page-Cache"
# Stored bodies from this size on are kept gzipped (smaller ones gain too little).
GZIP_FROM = 1024
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# A Redis that fails, or answers slower than this, is left alone for a while.
SLOW_ANSWER = 0.25
PAUSE_AFTER_FAILURE = 30

_valid_until: ContextVar[datetime.datetime | None] = ContextVar("page_valid_until", default=None)
_families: ContextVar[frozenset] = ContextVar("page_families", default=frozenset())


def _cache():
    return caches[_alias()]


def _fragment_cache():
    return caches[_fragment_alias()]


def valid_until(moment: datetime.datetime | None) -> None:
    """The response being made changes at `moment` (a place opens, an activity ends)."""
    if moment is None:
        return
    current = _valid_until.get()
    if current is None or moment < current:
        _valid_until.set(moment)


def belongs_to(family: str) -> None:
    """The response being made lists pages of `family`, so a purge of that family reaches it."""
    _families.set(_families.get() | {family})


def in_family(family: str) -> Callable:
    """View decorator for `belongs_to` (the sitemap is purged with every published page)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            belongs_to(family)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _path_key(path: str) -> str:
    return "pagecache:path:" + hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()


def _family_key(family: str) -> str:
    return f"pagecache:family:{family}"


def _entry_key(request) -> str:
    """The same for every host a visitor used: pages make every absolute link from BASE_URL."""
    variant = "|".join(
        [
            request.path,
            "&".join(sorted(request.META.get("QUERY_STRING", "").split("&"))),
            getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            request.headers.get("HX-Request", "") and request.headers.get("HX-Target", "-"),
        ]
    )
    return "pagecache:page:" + hashlib.md5(variant.encode(), usedforsecurity=False).hexdigest()


def _is_anonymous(request) -> bool:
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _shareable_request(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and _is_anonymous(request)
        and not request.path.startswith(NEVER_CACHED)
    )


def _shareable_response(request, response) -> bool:
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        and not (messages is not None and messages.used)
        and not (session is not None and session.modified)
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def _next_midnight(now: datetime.datetime) -> datetime.datetime:
    tomorrow = timezone.localtime(now, LOCAL_TZ).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=LOCAL_TZ)


def _lifetime(now: datetime.datetime, changes_at: datetime.datetime | None) -> int:
    """Whole seconds the response stays right: the timeout, midnight, or the reported change."""
    ends = min(filter(None, [_next_midnight(now), changes_at]))
    return max(0, min(TIMEOUT, int((ends - now).total_seconds())))


def _public_headers(response, seconds_left: int) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=min(BROWSER_MAX_AGE, seconds_left),
        s_maxage=min(SHARED_MAX_AGE, seconds_left),
        stale_while_revalidate=min(STALE_WHILE_REVALIDATE, seconds_left),
    )
    patch_vary_headers(response, ["HX-Request", "HX-Target"])


def _private_headers(response) -> None:
    patch_cache_control(response, private=True, no_store=True)


class _Unavailable(Exception):
    """Redis failed or answered too slowly: this process serves uncached pages for a while."""


# Per process and cache alias: a dead Redis costs one timeout per pause, not one per request.
_paused_until: dict[str, float] = {}


def _alias() -> str:
    return getattr(settings, "PAGE_CACHE_ALIAS", "default")


def _fragment_alias() -> str:
    return getattr(settings, "PAGE_CACHE_FRAGMENT_ALIAS", "default")


def _guarded(operation: Callable, alias: str | None = None):
    """Run one cache call. With django-redis's IGNORE_EXCEPTIONS a dead Redis answers "nothing"
    instead of raising; a slow answer or an error pauses that cache in this process."""
    alias = alias or _alias()
    if time.monotonic() < _paused_until.get(alias, 0.0):
        raise _Unavailable
    started = time.monotonic()
    try:
        result = operation()
    except Exception as error:
        _pause("failed", alias)
        raise _Unavailable from error
    if time.monotonic() - started > SLOW_ANSWER:
        _pause("answered slowly", alias)
    return result


def _pause(reason: str, alias: str) -> None:
    _paused_until[alias] = time.monotonic() + PAUSE_AFTER_FAILURE
    logger.warning("Redis %s: pages are served uncached for %d s.", reason, PAUSE_AFTER_FAILURE)


class PageCacheMiddleware:
    """Serves and stores anonymous responses; marks the others private. It sits after the
    language middleware (the key has the language) and outside CSRF, auth and messages, so it
    sees what they add to a response; a hit costs one MGET and no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _shareable_request(request):
            response = self.get_response(request)
            if not _is_anonymous(request) or not _shareable_response(request, response):
                _private_headers(response)
            return _in_one_piece(response)

        entry_key = _entry_key(request)
        generation_keys = [_path_key(request.path), *map(_family_key, FAMILIES)]
        try:
            found = _guarded(lambda: _cache().get_many([entry_key, *generation_keys]))
        except _Unavailable:
            response = self.get_response(request)
            response[HEADER] = "error"
            return _in_one_piece(response)

        entry = found.get(entry_key)
        if entry is not None:
            generations, expires, cached = entry
            seconds_left = int(expires - time.time())
            if seconds_left > 0 and all(found.get(k) == v for k, v in generations.items()):
                cached[HEADER] = "hit"
                _public_headers(cached, seconds_left)
                return _as_accepted(request, cached)

        valid_token, family_token = _valid_until.set(None), _families.set(frozenset())
        try:
            response = self.get_response(request)
            changes_at, families = _valid_until.get(), _families.get()
        finally:
            _valid_until.reset(valid_token)
            _families.reset(family_token)

        _in_one_piece(response)
        if not _shareable_response(request, response):
            if "CSRF_COOKIE_NEEDS_UPDATE" in request.META or response.cookies:
                _private_headers(response)
            return response
        if not response.has_header("ETag"):  # kept with it: a hit hashes nothing
            set_response_etag(response)
        seconds = _lifetime(timezone.now(), changes_at)
        if seconds <= 0:
            return response
        keys = [_path_key(request.path), *map(_family_key, sorted({"all", *families}))]
        try:
            generations = _current_generations(keys, found)
            _gzipped(response)
            entry = (generations, time.time() + seconds, response)
            _guarded(lambda: _cache().set(entry_key, entry, seconds))
        except _Unavailable:
            response[HEADER] = "error"
            return _as_accepted(request, response)
        response[HEADER] = "miss"
        _public_headers(response, seconds)
        return _as_accepted(request, response)


def _in_one_piece(response):
    """Feeds write their body in thousands of small pieces, and the WSGI server sends each piece
    with a call of its own: 5 ms more for a feed of 30 items. Every response leaves in one
    piece (a download, streamed, as it is read), and a stored one is kept so."""
    if not response.streaming:
        response.content = response.content
    return response


def _gzipped(response) -> None:
    """A stored body of some size is kept gzipped: Redis holds less, and a hit sends it as it is
    to the browsers, feed readers and CDNs that accept gzip (nearly all). Only shared responses
    are compressed, never one with a CSRF token or a visitor's own data (no BREACH)."""
    if len(response.content) < GZIP_FROM or response.has_header("Content-Encoding"):
        return
    _set_body(response, gzip.compress(response.content, compresslevel=6, mtime=0))
    response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ["Accept-Encoding"])
    etag = response.get("ETag", "")
    if etag and not etag.startswith("W/"):  # one ETag for both encodings: a weak one
        response["ETag"] = "W/" + etag


def _as_accepted(request, response):
    """The stored response as this client takes it: gzipped, or unpacked for one that does not
    say it accepts gzip."""
    if response.get("Content-Encoding") == "gzip" and not ACCEPTS_GZIP.search(
        request.headers.get("Accept-Encoding", "")
    ):
        _set_body(response, gzip.decompress(response.content))
        del response["Content-Encoding"]
    return response


def _set_body(response, body: bytes) -> None:
    response.content = body
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(body))


def _current_generations(keys: list[str], found: dict, alias: str | None = None) -> dict:
    """The generation of each key, starting one where none exists yet (or it was evicted)."""
    alias = alias or _alias()
    cache = caches[alias]
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            _guarded(lambda key=key: cache.add(key, time.time_ns(), GENERATION_TIMEOUT), alias)
        found = {**found, **_guarded(lambda: cache.get_many(missing), alias)}
        if any(key not in found for key in missing):  # nothing sticks: Redis is not there
            _pause("stores nothing", alias)
            raise _Unavailable
    return {key: found[key] for key in keys}


# --- Fragments ---------------------------------------------------------------------------------


def fragment(name: str, parts: Iterable, render: Callable[[], str]) -> str:
    """`render()`, or what it gave before under the current fragment generation. `parts` are what
    the piece depends on besides the content (a buurt's id); the language is added here. A piece
    is mostly HTML, but may be any value that pickles (the sitemap's list of files)."""
    return fragments(name, [parts], lambda _index: render())[0]


def fragments(name: str, parts_of_each: Sequence[Iterable], render: Callable[[int], str]) -> list:
    """Many pieces of one kind at once (the events of each activity in a calendar): for each
    `parts` in `parts_of_each`, what `render(index)` gave before, or gives now. One MGET for all
    of them and one SET_MANY for the new ones."""
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return [render(index) for index in range(len(parts_of_each))]
    alias, generation_key = _fragment_alias(), _family_key(FRAGMENTS)
    cache = caches[alias]
    language = translation.get_language() or ""
    keys = [_fragment_key("|".join([name, *map(str, parts), language])) for parts in parts_of_each]
    try:
        found = _guarded(lambda: cache.get_many([*keys, generation_key]), alias)
    except _Unavailable:
        return [render(index) for index in range(len(keys))]

    pieces, made, longest = [], {}, 0
    for index, key in enumerate(keys):
        entry = found.get(key)
        if entry is not None:
            generation, expires, piece, changes_at, families = entry
            if generation == found.get(generation_key) and expires > time.time():
                _report(changes_at, families)
                pieces.append(piece)
                continue
        valid_token, family_token = _valid_until.set(None), _families.set(frozenset())
        try:
            piece = render(index)
            changes_at, families = _valid_until.get(), _families.get()
        finally:
            _valid_until.reset(valid_token)
            _families.reset(family_token)
        _report(changes_at, families)
        pieces.append(piece)
        seconds = _lifetime(timezone.now(), changes_at)
        if seconds > 0:  # each entry carries its own end; Redis keeps them for the longest
            made[key] = (time.time() + seconds, piece, changes_at, families)
            longest = max(longest, seconds)
    if made:
        try:
            generation = _current_generations([generation_key], found, alias)[generation_key]
            entries = {key: (generation, *entry) for key, entry in made.items()}
            _guarded(lambda: cache.set_many(entries, longest), alias)
        except _Unavailable:
            pass
    return pieces


def fragments_of(name: str, ids: Sequence, load: Callable[[], Iterable], render: Callable) -> list:
    """A piece for each id (an activity's calendar events, a news item's feed entry): what was
    kept, and for the ids without one, `render(obj)` of the objects that `load()` reads at once.
    The objects are read only when a piece is missing; otherwise the ids are enough. An id whose
    object is gone by then (unpublished in between) gives None."""
    loaded = {}

    def render_one(index: int):
        if not loaded:
            loaded.update((obj.pk, obj) for obj in load())
        obj = loaded.get(ids[index])
        return None if obj is None else render(obj)

    return fragments(name, [[pk] for pk in ids], render_one)


def _fragment_key(variant: str) -> str:
    return "pagecache:fragment:" + hashlib.md5(variant.encode(), usedforsecurity=False).hexdigest()


def _report(changes_at: datetime.datetime | None, families: Iterable[str]) -> None:
    """Tell the page around a fragment what the fragment would have told it while rendering."""
    valid_until(changes_at)
    for family in families:
        belongs_to(family)


# --- Purging -----------------------------------------------------------------------------------

_related_paths: list[Callable] = []


def register_related_paths(function: Callable) -> Callable:
    """Apps add the addresses that show a page besides its own tree (feeds, calendars): the
    function takes the page (specific), its buurt (or None) and its ancestors, returns paths."""
    _related_paths.append(function)
    return function


def purge(*, paths: Iterable[str] = (), families: Iterable[str] = ()) -> None:
    """Make every stored response of these paths (any query, any language) and families stale."""
    keys = [*map(_path_key, set(paths)), *map(_family_key, set(families))]
    if not keys:
        return
    stamp = time.time_ns()
    try:
        _cache().set_many(dict.fromkeys(keys, stamp), GENERATION_TIMEOUT)
        _fragment_cache().set(_family_key(FRAGMENTS), stamp, GENERATION_TIMEOUT)
    except Exception:
        # Stored pages expire on their own within TIMEOUT; a publish must not fail over Redis.
        logger.warning("Redis failed: %d page cache keys not purged.", len(keys))


def purge_on_commit(*, paths: Iterable[str] = (), families: Iterable[str] = ()) -> None:
    """Purge once the change is committed, so no request can store the old state after it."""
    paths, families = set(paths), set(families)
    transaction.on_commit(lambda: purge(paths=paths, families=families))


def paths_showing(page) -> set[str]:
    """Every address whose response shows `page`: itself, the pages above it (the buurt home and
    its lists), the city-level pages (city home, city news, agenda, directory…), search, the API,
    and what the apps register (feeds, calendars)."""
    from wagtail.models import Page

    page = page.specific
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
    city_home = next((a for a in ancestors if a.depth == 2), page if page.depth == 2 else None)
    city_pages = list(Page.objects.child_of(city_home).live()) if city_home else []
    buurt = next((a for a in ancestors if a.depth == 3), page if page.depth == 3 else None)
    paths = {path_of(p) for p in [page, *ancestors, *city_pages]} - {None}
    paths |= {"/zoeken/", "/api/v2/pages/", f"/api/v2/pages/{page.pk}/"}
    for function in _related_paths:
        paths |= set(function(page, buurt, ancestors))
    return paths


def path_of(page) -> str | None:
    """The path of a page's address (Page.url is absolute when there are several sites)."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def purge_page(page) -> None:
    """Purge what shows `page`, after the transaction commits (publish, unpublish, sign-up)."""
    try:
        paths = paths_showing(page)
    except Exception:  # Wagtail's site root paths live in the cache too: Redis may be down
        logger.warning("Could not list what shows page %s; it goes stale on its own.", page.pk)
        return
    family = getattr(page.specific_class, "cache_family", None)
    purge_on_commit(paths=paths, families=["sitemap", *([family] if family else [])])


def _on_publish_or_unpublish(sender, instance, **kwargs):
    purge_page(instance)


def _before_move(sender, instance, **kwargs):
    # Where it was: the old lists and the old address; the new ones follow after the move.
    purge_page(instance)


def _after_move(sender, instance, **kwargs):
    purge_page(instance)


def _before_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live:
        purge_page(instance)


def _restriction_changed(sender, instance, **kwargs):
    # A restriction hides a page and everything below it, wherever it is listed: start afresh.
    purge_on_commit(families=["all"])


def _shared_content_changed(sender, instance, **kwargs):
    # A snippet (a theme, a partner organisation), a setting or a Site (tim.kept_site) shows on
    # pages of any kind; they change a few times a year, so starting afresh costs less than
    # tracking where each shows.
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    if sender in get_snippet_models() or issubclass(
        sender, BaseGenericSetting | BaseSiteSetting | Site
    ):
        purge_on_commit(families=["all"])


def connect() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"pagecache.restriction.{signal is post_save}",
        )
        # Snippets register after this runs (Wagtail defers them), so the receiver checks.
        uid = f"pagecache.shared.{signal is post_save}"
        signal.connect(_shared_content_changed, dispatch_uid=uid)

    page_published.connect(_on_publish_or_unpublish, dispatch_uid="pagecache.published")
    page_unpublished.connect(_on_publish_or_unpublish, dispatch_uid="pagecache.unpublished")
    pre_page_move.connect(_before_move, dispatch_uid="pagecache.pre_move")
    post_page_move.connect(_after_move, dispatch_uid="pagecache.post_move")
    pre_delete.connect(_before_delete, dispatch_uid="pagecache.delete")

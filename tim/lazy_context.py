"""Template context that is worked out only when the template shows it.

A list page keeps its filters and results as one piece (`{% fragment %}`, tim.pagecache): while
that piece is kept, the filter form, the count and the page of results are not needed at all.
`lazily(build, names)` gives each name a stand-in that runs `build()` once, on first use, and
then behaves as the real value. A bad value in the address still answers 400 (or 404 for a page
number past the end): the error comes when the template asks, before anything is kept.
"""

from collections.abc import Callable, Iterable
from functools import cache

from django.utils.functional import SimpleLazyObject


def lazily(build: Callable[[], dict], names: Iterable[str]) -> dict:
    once = cache(build)
    return {name: SimpleLazyObject(lambda name=name: once()[name]) for name in names}

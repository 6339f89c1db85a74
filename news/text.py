"""Plain text out of a StreamField, for reading time and search snippets, without database reads."""

import math
import re

from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200  # a calm pace: many readers read Dutch at B1 level or as a second language
# Keys of block values that hold no words a reader reads: links, chosen pages and images.
NOT_TEXT = {"url", "page", "image", "id", "type"}


def _strings(value):
    if isinstance(value, str):
        yield strip_tags(value)
    elif isinstance(value, dict):
        if "type" in value and "value" in value:  # a block in a stream
            yield from _strings(value["value"])
            return
        for key, item in value.items():
            if key not in NOT_TEXT:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def stream_text(stream) -> str:
    """The words of a StreamField value (or its raw data), one space between blocks."""
    if stream is None:
        return ""
    raw = getattr(stream, "raw_data", stream)
    return re.sub(r"\s+", " ", " ".join(_strings(list(raw)))).strip()


def reading_minutes(*parts) -> int:
    """Whole minutes to read the given texts and StreamFields, never less than one."""
    words = 0
    for part in parts:
        text = part if isinstance(part, str) else stream_text(part)
        words += len(text.split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))

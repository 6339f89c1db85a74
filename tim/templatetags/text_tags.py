"""Long Dutch words in headings: break them where a Dutch reader expects, not anywhere.

Chromium on Linux ships no hyphenation dictionaries, so `hyphens: auto` does nothing there and a
word such as "Ontmoetingsplekken" that is wider than a 320 px screen would break mid-syllable.
Soft hyphens (U+00AD) from pyphen's dictionaries are invisible until the line has to break.
"""

import re
from functools import cache

import pyphen
from django import template
from django.utils.translation import get_language

register = template.Library()

LONG_WORD = re.compile(r"\w{12,}")
SOFT_HYPHEN = "\u00ad"


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB" if language.startswith("en") else "nl_NL")


@register.filter(is_safe=True)
def soft_hyphens(text):
    """'Ontmoetingsplekken' -> 'Ont­moe­tings­plek­ken' with invisible break points."""
    dictionary = _dictionary(get_language() or "nl")
    return LONG_WORD.sub(lambda word: dictionary.inserted(word.group(), SOFT_HYPHEN), str(text))

"""What a resident types, made safe to show: escaped, with web links made clickable.

Nothing a resident types is ever HTML. Django's urlize escapes everything and links only
http(s), www. and email addresses (never javascript:); the links get rel="nofollow ugc", so
search engines know they are user content.
"""

from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe


def resident_html(text: str) -> SafeString:
    linked = urlize(text or "", trim_url_limit=60, nofollow=True, autoescape=True)
    # Every other `rel="nofollow"` in the text was escaped by urlize: only its own links match.
    linked = linked.replace(' rel="nofollow"', ' rel="nofollow ugc"')
    return mark_safe(linebreaksbr(mark_safe(linked), autoescape=False))

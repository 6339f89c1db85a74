"""Template tags every template may use: the language switch and the site navigation."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from tim import pagecache

register = template.Library()


@register.inclusion_tag("navigation/language_switch.html", takes_context=True)
def language_switch(context):
    request = context["request"]
    current = get_language()
    choices = [
        {
            "code": code,
            "name": {"nl": "Nederlands", "en": "English"}[code],
            "url": reverse("switch_language", args=[code])
            + f"?next={quote(request.get_full_path())}",
        }
        for code, _ in settings.LANGUAGES
        if code != current
    ]
    return {"choices": choices}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Previous / next links that keep the filters in the address (the page is `pagina`)."""
    request = context["request"]

    def url_for(number):
        query = request.GET.copy()
        query["pagina"] = number
        return f"?{query.urlencode()}"

    return {
        "page_obj": page_obj,
        "previous_url": url_for(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": url_for(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


@register.simple_tag
def cache_until(moment):
    """Keep the page in the page cache no longer than `moment`: upcoming lists drop an activity
    when it ends, so a page that shows one changes then (tim.pagecache)."""
    pagecache.valid_until(moment)
    return ""

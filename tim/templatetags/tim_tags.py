"""Template tags every template may use: the language switch and the site navigation."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

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

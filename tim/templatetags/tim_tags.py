"""Template tags every template may use: the language switch, the site navigation, form fields."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from tim import pagecache
from tim.pagination import page_links

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


CHOICE_WIDGETS = {"checkbox", "radioselect", "checkboxselectmultiple"}


@register.inclusion_tag("components/form_field.html")
def form_field(field):
    """One form field in the site's look: label, hint, the error next to it, what was typed kept.

    Every form of the site uses it, allauth's too (templates/allauth/elements/fields.html). A
    widget keeps a class its form gave it (a textarea's), others get the site's input class.
    """
    choice = field.widget_type in CHOICE_WIDGETS
    css = field.field.widget.attrs.get("class") or (
        "form-select" if field.widget_type == "select" else "form-input"
    )
    widget = field.as_widget() if choice else field.as_widget(attrs={"class": css})
    return {"field": field, "widget": widget, "choice": choice}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Previous / next links that keep the filters in the address (the page is `pagina`)."""
    return {"page_obj": page_obj, **page_links(context["request"], page_obj)}


@register.simple_tag
def cache_until(moment):
    """Keep the page in the page cache no longer than `moment`: upcoming lists drop an activity
    when it ends, so a page that shows one changes then (tim.pagecache)."""
    pagecache.valid_until(moment)
    return ""


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist, only_anonymous):
        self.name, self.parts, self.nodelist = name, parts, nodelist
        self.only_anonymous = only_anonymous

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        request = context.get("request")
        if any(part in (None, "") for part in parts) or not may_keep(
            request, only_anonymous=self.only_anonymous
        ):
            return self.nodelist.render(context)
        return pagecache.fragment(self.name, parts, lambda: self.nodelist.render(context))


def may_keep(request, *, only_anonymous: bool = False) -> bool:
    """Whether a piece may come from, and go to, the kept pieces: never in an editor's preview
    (it shows a draft), nor for a logged-in visitor when their piece has forms of their own."""
    if request is None or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (only_anonymous and user is not None and user.is_authenticated)


@register.tag
def fragment(parser, token):
    """{% fragment "latest-news" buurt.pk %}…{% endfragment %}: a piece of a page that is the
    same for every visitor, kept until the next change to the site's content (tim.pagecache).
    Never put anything of the visitor inside: their name, a form, a CSRF token. With
    `only_anonymous` last, the piece is kept for visitors who are not logged in, and made fresh
    for the others (it has their forms). A part that is empty (no page) keeps nothing."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    only_anonymous = bits[-1] == "only_anonymous"
    if only_anonymous:
        bits = bits[:-1]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(name, parts, nodelist, only_anonymous)


@register.simple_tag
def lang_nl():
    """` lang="nl"` on content written in Dutch (news, activities, places) when the page is read
    in another language, so a screen reader switches to a Dutch voice (WCAG 3.1.2)."""
    return "" if (get_language() or "nl").startswith("nl") else mark_safe(' lang="nl"')

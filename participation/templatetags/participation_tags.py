"""The reactions block that news, initiative and activity pages include, and its filters."""

from django import template
from django.contrib.messages import get_messages
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tim import pagecache
from tim.pagination import page_links, paginate
from tim.templatetags.tim_tags import may_keep

from .. import permissions
from ..choices import ReactionStatus, ReportReason
from ..forms import ReactionForm
from ..models import IDEAS_SLUG, Idea, Reaction, Thread
from ..text import resident_html

register = template.Library()

PER_PAGE = 20
PAGE_PARAMETER = "reacties"


@register.filter
def resident_text(text):
    """Escaped text with clickable links (rel="nofollow ugc"): never HTML from a resident."""
    return resident_html(text)


@register.filter
def resident_name(user):
    if user is None:
        return _("deleted resident")
    return user.display_name or _("resident")


def _reactions(thread, request):
    top = (
        Reaction.objects.for_reader(request.user)
        .filter(thread=thread, parent=None)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=Reaction.objects.for_reader(request.user).select_related("author"),
            )
        )
    )
    return paginate(request, top, PER_PAGE, parameter=PAGE_PARAMETER)


@register.simple_tag(takes_context=True)
def reactions(context, page):
    """The reactions under a page (news, initiative, activity) or an idea. What an anonymous
    visitor reads is the same for all of them, so it is kept as a fragment (tim.pagecache):
    every change to a thread purges."""
    request = context["request"]
    template = context.template.engine.get_template("components/participation/reactions.html")

    def render() -> str:
        values = context.new(_reactions_context(request, page))
        if "csrf_token" in context:
            values["csrf_token"] = context["csrf_token"]
        return template.render(values)

    if getattr(request, "htmx", False) or not may_keep(request, only_anonymous=True):
        return render()
    parts = [type(page).__name__, page.pk, request.GET.get(PAGE_PARAMETER, "")]
    return mark_safe(pagecache.fragment("reactions", parts, render))


def _reactions_context(request, page) -> dict:
    user = request.user
    is_idea = isinstance(page, Idea)
    if page.pk is None:  # the preview of a page not saved yet: no reactions, no form
        return {"preview": True}
    thread = Thread.objects.filter(**{"idea" if is_idea else "page": page}).first()
    page_obj = _reactions(thread, request) if thread else None

    buurt_id = thread.buurt_id if thread else None
    return {
        "request": request,
        # After an htmx form only this block is new: it shows what happened (else base.html).
        "messages": get_messages(request) if getattr(request, "htmx", False) else (),
        "page": page,
        "thread": thread,
        "page_obj": page_obj,
        **page_links(request, page_obj, parameter=PAGE_PARAMETER, anchor="#reacties"),
        "closed": bool(thread and thread.closed),
        "why_not": permissions.why_cannot_take_part(user),
        "can_moderate": thread is not None and permissions.can_moderate(user, buurt_id),
        "can_close": user.is_authenticated
        and (
            permissions.can_moderate(user, buurt_id)
            or (page.author_id if is_idea else page.owner_id) == user.pk
        ),
        "react_url": reverse("participation:react_idea", args=[page.pk])
        if is_idea
        else reverse("participation:react", args=[page.pk]),
        "close_url": reverse("participation:close_idea", args=[page.pk])
        if is_idea
        else reverse("participation:close", args=[page.pk]),
        "now": timezone.now(),
        "form": ReactionForm(auto_id="reactie-%s"),
        "statuses": ReactionStatus,
        "report_reasons": ReportReason,
    }


@register.simple_tag
def reactions_between(thread, since, until):
    """For the daily or weekly email: the reactions that became visible in the period."""
    return list(
        Reaction.objects.filter(
            thread=thread,
            status=ReactionStatus.VISIBLE,
            created_at__gte=since,
            created_at__lt=until,
        ).select_related("author")
    )


@register.inclusion_tag("components/participation/buurt_ideas.html")
def buurt_ideas(buurt, count=3):
    """The newest ideas on the buurt's home page, with the way to send one in."""
    ideas = Idea.objects.published().filter(buurt=buurt).for_listing()
    return {
        "buurt": buurt,
        "ideas": list(ideas.order_by("-created_at", "-pk")[:count]),
        "index_url": f"{buurt.url}{IDEAS_SLUG}/",
    }


@register.inclusion_tag("components/participation/idea_origin.html")
def idea_origin(page):
    """On an initiative page: the resident's idea it grew from, if any (the other way's link)."""
    return {
        "idea": Idea.objects.published().select_related("buurt").filter(initiative=page).first()
    }

"""The public side of reactions: place, change, delete, report, and a moderator's quick hide.

Every action is a plain form that works without JavaScript and returns to the page, to the
reaction it is about. Reading happens in the page itself (templatetags.participation_tags).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget
from wagtail.models import Page

from tim.params import read_integer

from . import permissions, ratelimits, services
from .choices import IdeaReview, IdeaStatus, ModerationAction, ReactionStatus
from .forms import IdeaForm, ReactionForm, ReportForm
from .models import Consultation, Idea, Reaction, Support

# The page types residents react on (app_label.model).
REACTABLE = {
    "news.newspage",
    "initiatives.initiativepage",
    "initiatives.activitypage",
}


def reactable_page(page_id) -> Page:
    page = get_object_or_404(Page.objects.live().select_related("content_type"), pk=page_id)
    if f"{page.content_type.app_label}.{page.content_type.model}" not in REACTABLE:
        raise Http404
    return page


def published_idea(idea_id) -> Idea:
    return get_object_or_404(Idea.objects.published().select_related("buurt", "author"), pk=idea_id)


def _back(reaction_or_target, anchor="reacties"):
    """To the reaction on its page or idea, or to the reactions of a page or idea."""
    if isinstance(reaction_or_target, Reaction):
        thread = reaction_or_target.thread
        return redirect(f"{thread.url}#reactie-{reaction_or_target.pk}")
    return redirect(f"{reaction_or_target.url}#{anchor}")


def _form(request, *, page, fragment, context, reaction=None):
    """A form of its own page, or (asked by htmx under a reaction) only the form, which then
    posts with htmx; an htmx form with mistakes comes back in the place it was in."""
    if not request.htmx:
        return render(request, page, context)
    response = render(request, f"participation/forms/{fragment}.html", context)
    if request.method == "POST" and reaction is not None:
        retarget(response, f"#reactie-{reaction.pk}-formulier")
        reswap(response, "innerHTML")
    return response


def _own_reaction(request, pk) -> Reaction:
    reaction = get_object_or_404(
        Reaction.objects.select_related("thread__page", "thread__idea__buurt"), pk=pk
    )
    if reaction.author_id != request.user.pk:
        raise PermissionDenied
    return reaction


@login_required
@ratelimits.limit("react", "react-hour")
def react(request, page_id):
    return _react(request, reactable_page(page_id))


@login_required
@ratelimits.limit("react", "react-hour")
def react_on_idea(request, idea_id):
    return _react(request, published_idea(idea_id))


def _react(request, page):
    form = ReactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = Reaction.objects.filter(pk=form.cleaned_data["parent"]).first()
        try:
            reaction = services.reaction_create(
                user=request.user, target=page, text=form.cleaned_data["text"], parent=parent
            )
        except services.NotAllowed as error:
            messages.error(request, str(error))
            return _back(page)
        if reaction.status == ReactionStatus.HELD:
            messages.success(
                request,
                _("Thank you. A moderator checks your reaction first; then everyone sees it."),
            )
        else:
            messages.success(request, _("Thank you for your reaction."))
        return _back(reaction)
    return _form(
        request,
        page="participation/reaction_form.html",
        fragment="reaction",
        context={"target": page, "form": form},
    )


@login_required
def edit(request, pk):
    reaction = _own_reaction(request, pk)
    if not reaction.can_edit(request.user):
        messages.error(request, _("You can change a reaction only in the first 15 minutes."))
        return _back(reaction)
    form = ReactionForm(
        request.POST or None, initial={"text": reaction.text}, auto_id=f"wijzig-{pk}-%s"
    )
    if request.method == "POST" and form.is_valid():
        services.reaction_edit(user=request.user, reaction=reaction, text=form.cleaned_data["text"])
        messages.success(request, _("Your reaction is changed."))
        return _back(reaction)
    return _form(
        request,
        page="participation/reaction_form.html",
        fragment="reaction",
        context={"target": reaction.thread.target, "form": form, "reaction": reaction},
        reaction=reaction,
    )


@login_required
def delete(request, pk):
    reaction = _own_reaction(request, pk)
    if request.method == "POST":
        services.reaction_delete(user=request.user, reaction=reaction)
        messages.success(request, _("Your reaction is deleted."))
        return _back(reaction)
    return _form(
        request,
        page="participation/reaction_delete.html",
        fragment="delete",
        context={"reaction": reaction},
    )


@login_required
@ratelimits.limit("report")
def report(request, pk):
    reaction = get_object_or_404(
        Reaction.objects.select_related("thread__page", "thread__idea__buurt", "author"),
        pk=pk,
        status=ReactionStatus.VISIBLE,
    )
    form = ReportForm(request.POST if request.method == "POST" else None, auto_id=f"melden-{pk}-%s")
    if request.method == "POST" and form.is_valid():
        try:
            new = services.report_create(user=request.user, reaction=reaction, **form.cleaned_data)
        except services.NotAllowed as error:
            messages.error(request, str(error))
            return _back(reaction)
        if new:
            messages.success(request, _("Thank you. A moderator looks at your report."))
        else:
            messages.success(request, _("You reported this reaction before. We look at it."))
        return _back(reaction)
    return _form(
        request,
        page="participation/report_form.html",
        fragment="report",
        context={"reaction": reaction, "form": form},
        reaction=reaction,
    )


@login_required
def hide(request, pk):
    """A moderator hides a reaction straight from the public page, with a reason."""
    reaction = get_object_or_404(
        Reaction.objects.select_related("thread__page", "thread__idea__buurt", "author"), pk=pk
    )
    if not permissions.can_moderate(request.user, reaction.thread.buurt_id):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        try:
            services.moderate(
                moderator=request.user,
                reaction=reaction,
                action=ModerationAction.HIDE,
                reason=request.POST.get("reason", "")[:1000],
            )
        except services.NotAllowed as problem:
            error = str(problem)
        else:
            messages.success(request, _("The reaction is hidden. The author gets your reason."))
            return _back(reaction.thread.target)
    return _form(
        request,
        page="participation/hide_form.html",
        fragment="hide",
        context={"reaction": reaction, "error": error},
        reaction=reaction,
    )


@require_POST
@login_required
def close(request, page_id):
    return _close(request, reactable_page(page_id))


@require_POST
@login_required
def close_idea(request, idea_id):
    return _close(request, published_idea(idea_id))


def _close(request, page):
    closed = request.POST.get("closed") == "1"
    try:
        services.set_closed(user=request.user, target=page, closed=closed)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, _("Reacting is closed.") if closed else _("Reacting is open again."))
    return _back(page)


def rules(request):
    return render(request, "participation/rules.html")


# Ideas: routes of IdeasIndexPage ----------------------------------------------------------------


def launch_idea(request, *, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    why_not = permissions.why_cannot_take_part(request.user)
    form = IdeaForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not why_not and form.is_valid():
        data = form.cleaned_data
        try:
            idea = services.idea_create(
                user=request.user,
                buurt=index.buurt,
                title=data["title"],
                description=data["description"],
                address=data["address"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                themes=data["themes"],
                photo=data["photo"],
                photo_alt=data["photo_alt"],
            )
        except services.NotAllowed as error:
            why_not = str(error)
        else:
            if idea.review == IdeaReview.PUBLISHED:
                messages.success(request, _("Your idea is online."))
                return redirect(idea.url)
            messages.success(
                request,
                _("Thank you! The editors of the buurt check your idea; then everyone sees it."),
            )
            return redirect(index.url)
    return index.render(
        request,
        template="pages/idea_form.html",
        context_overrides={"form": form, "why_not": why_not},
    )


def _idea_or_404(index, idea_id, user):
    idea = get_object_or_404(
        Idea.objects.for_listing().select_related("initiative").filter(buurt=index.buurt),
        pk=idea_id,
    )
    if idea.review != IdeaReview.PUBLISHED and not (
        user.is_authenticated
        and (idea.author_id == user.pk or permissions.can_moderate(user, idea.buurt_id))
    ):
        raise Http404
    return idea


def idea_detail(request, *, index, idea_id):
    idea = _idea_or_404(index, idea_id, request.user)
    supporters = Support.objects.filter(idea=idea, show_name=True).select_related("user")
    return index.render(
        request,
        template=index.htmx_partial(request) or "pages/idea_page.html",
        context_overrides={
            "idea": idea,
            "answers": idea.answers.all(),
            "supporters": [support.user for support in supporters.order_by("created_at")],
            "supported": request.user.is_authenticated
            and Support.objects.filter(idea=idea, user=request.user).exists(),
            "why_not": permissions.why_cannot_take_part(request.user),
            "statuses": IdeaStatus,
        },
    )


def support_idea(request, *, index, idea_id):
    if request.method != "POST":
        return redirect(f"{index.url}{idea_id}/")
    if not request.user.is_authenticated:
        return redirect_to_login(f"{index.url}{idea_id}/")
    idea = _idea_or_404(index, idea_id, request.user)
    try:
        if request.POST.get("steun") == "0":
            services.support_remove(user=request.user, idea=idea)
            messages.success(request, _("You no longer support this idea."))
        else:
            services.support_add(
                user=request.user, idea=idea, show_name=request.POST.get("show_name") == "on"
            )
            messages.success(request, _("Thank you for your support."))
    except services.NotAllowed as error:
        messages.error(request, str(error))
    return redirect(f"{idea.url}#steun")


# Consultations: a route of ConsultationsPage -----------------------------------------------------


def consultation_detail(request, *, page, consultation_id):
    consultation = get_object_or_404(
        Consultation.objects.visible_at(timezone.now()).select_related("buurt"),
        pk=consultation_id,
    )
    answered = (
        request.user.is_authenticated and consultation.answers.filter(user=request.user).exists()
    )
    error = ""
    if request.method == "POST" and not answered:
        if not request.user.is_authenticated:
            return redirect_to_login(consultation.url)
        choices = {}
        for block in consultation.questions:
            option = read_integer(request.POST.get(f"vraag-{block.id}"))
            if option is not None:
                choices[block.id] = option
        try:
            services.consultation_answer(
                user=request.user, consultation=consultation, choices=choices
            )
        except services.NotAllowed as problem:
            error = str(problem)
        else:
            messages.success(request, _("Thank you for thinking along."))
            return redirect(consultation.url)
    is_open = consultation.is_open()
    return page.render(
        request,
        template="pages/consultation.html",
        context_overrides={
            "consultation": consultation,
            "is_open": is_open,
            "answered": answered,
            "results": consultation.totals() if answered or not is_open else None,
            "error": error,
            "why_not": permissions.why_cannot_take_part(request.user),
        },
    )

"""The moderation queue in the Wagtail admin: reported, held and recent reactions in one list.

Each row has its one-click actions (hide, show again, warn, block, answer); the reason typed
above the buttons reaches the author by email, and every action lands in Wagtail's audit log.
Moderatoren see every buurt and the city-wide pages; `Redactie <buurt>` see their own buurten.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from neighbourhoods.models import NeighbourhoodPage
from tim.pagination import paginate
from tim.params import local_target, read_integer

from . import permissions, services
from .choices import IdeaReview, ModerationAction, ReactionStatus
from .forms import AnswerForm, IdeaAnswerForm, ModerationForm
from .models import BuurtModeration, Consultation, Idea, Participant, Reaction, Report

TABS = {
    "gemeld": gettext_lazy("Reported"),
    "wacht": gettext_lazy("Waiting for a check"),
    "recent": gettext_lazy("Recent"),
}
PER_PAGE = 30


def _allowed_buurten(user):
    buurt_ids = permissions.moderated_buurt_ids(user)
    if buurt_ids == set():
        raise PermissionDenied
    buurten = NeighbourhoodPage.objects.order_by("title").only("pk", "title")
    return buurt_ids, buurten if buurt_ids is None else buurten.filter(pk__in=buurt_ids)


def _queue(tab, buurt_ids):
    reactions = Reaction.objects.for_queue().exclude(status=ReactionStatus.DELETED)
    if buurt_ids is not None:
        reactions = reactions.filter(thread__buurt_id__in=buurt_ids)
    reactions = reactions.annotate(
        open_reports=Count("reports", filter=Q(reports__resolved=False))
    ).prefetch_related(
        Prefetch(
            "reports",
            queryset=Report.objects.filter(resolved=False).order_by("created_at"),
            to_attr="open_report_list",
        )
    )
    if tab == "gemeld":
        return reactions.filter(open_reports__gt=0).order_by("-open_reports", "created_at")
    if tab == "wacht":
        return reactions.filter(status=ReactionStatus.HELD).order_by("created_at")
    return reactions.order_by("-created_at")


def queue(request):
    buurt_ids, buurten = _allowed_buurten(request.user)
    tab = request.GET.get("toon") if request.GET.get("toon") in TABS else "gemeld"
    chosen = None
    buurt_id = read_integer(request.GET.get("buurt"))
    if buurt_id is not None:
        chosen = buurten.filter(pk=buurt_id).first()
    scope = {chosen.pk} if chosen else buurt_ids
    page_obj = paginate(request, _queue(tab, scope), PER_PAGE)
    blocked = set(
        Participant.objects.filter(
            user_id__in=[r.author_id for r in page_obj if r.author_id], blocked_at__isnull=False
        ).values_list("user_id", flat=True)
    )
    return TemplateResponse(
        request,
        "participation/admin/queue.html",
        {
            "page_title": _("Reactions"),
            "header_icon": "comment",
            "tabs": [(key, label, key == tab) for key, label in TABS.items()],
            "tab": tab,
            "buurten": buurten,
            "chosen": chosen,
            "premoderation": bool(
                chosen and BuurtModeration.objects.filter(buurt=chosen, premoderation=True).exists()
            ),
            "page_obj": page_obj,
            "blocked": blocked,
            "statuses": ReactionStatus,
            "actions": ModerationAction,
            "waiting": services.waiting_count(buurt_ids=scope),
            "next": request.get_full_path(),
        },
    )


def _back(request):
    return redirect(local_target(request, request.POST.get("next"), reverse("participation_queue")))


DONE = {
    ModerationAction.HIDE: gettext_lazy("Hidden. The author gets your reason by email."),
    ModerationAction.RESTORE: gettext_lazy("Shown again."),
    ModerationAction.WARN: gettext_lazy("Warning sent."),
    ModerationAction.BLOCK: gettext_lazy("Account blocked. The author gets your reason by email."),
    ModerationAction.UNBLOCK: gettext_lazy("Account unblocked."),
}


@require_POST
def act(request, pk):
    reaction = get_object_or_404(Reaction.objects.for_queue(), pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an action."))
        return _back(request)
    action = form.cleaned_data["action"]
    try:
        services.moderate(
            moderator=request.user,
            reaction=reaction,
            action=action,
            reason=form.cleaned_data["reason"],
        )
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, DONE[ModerationAction(action)])
    return _back(request)


@require_POST
def answer(request, pk):
    reaction = get_object_or_404(Reaction.objects.for_queue(), pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the answer first."))
        return _back(request)
    try:
        services.answer(moderator=request.user, reaction=reaction, text=form.cleaned_data["text"])
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your answer is on the page."))
    return _back(request)


@require_POST
def premoderation(request, buurt_id):
    buurt = get_object_or_404(NeighbourhoodPage, pk=buurt_id)
    on = request.POST.get("on") == "1"
    try:
        services.set_premoderation(moderator=request.user, buurt=buurt, on=on)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    if on:
        messages.success(request, _("From now on every reaction in this buurt is checked first."))
    else:
        messages.success(request, _("Reactions in this buurt show at once again."))
    return _back(request)


# Ideas ------------------------------------------------------------------------------------------


def ideas(request):
    """Ideas waiting for their light check first, then the published ones to answer."""
    buurt_ids, buurten = _allowed_buurten(request.user)
    waiting = request.GET.get("toon") != "gepubliceerd"
    chosen = None
    buurt_id = read_integer(request.GET.get("buurt"))
    if buurt_id is not None:
        chosen = buurten.filter(pk=buurt_id).first()
    scope = {chosen.pk} if chosen else buurt_ids
    items = Idea.objects.for_listing().select_related("author")
    if scope is not None:
        items = items.filter(buurt_id__in=scope)
    review = IdeaReview.PENDING if waiting else IdeaReview.PUBLISHED
    items = items.filter(review=review).order_by("created_at" if waiting else "-created_at")
    return TemplateResponse(
        request,
        "participation/admin/ideas.html",
        {
            "page_title": _("Ideas"),
            "header_icon": "pick",
            "waiting": waiting,
            "buurten": buurten,
            "chosen": chosen,
            "page_obj": paginate(request, items, PER_PAGE),
            "answer_form": IdeaAnswerForm(),
            "next": request.get_full_path(),
        },
    )


@require_POST
def review_idea(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("author", "buurt"), pk=pk)
    publish = request.POST.get("publish") == "1"
    try:
        services.idea_review(
            moderator=request.user,
            idea=idea,
            publish=publish,
            reason=request.POST.get("reason", "")[:1000],
        )
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The idea is published.")
            if publish
            else _("The idea is not published. The author gets your reason by email."),
        )
    return _back(request)


@require_POST
def answer_idea(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("author", "buurt"), pk=pk)
    form = IdeaAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status and write the answer."))
        return _back(request)
    try:
        services.idea_answer(moderator=request.user, idea=idea, **form.cleaned_data)
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your answer is on the idea. Supporters hear of it."))
    return _back(request)


def consultation_csv(request, pk):
    """The totals of a consultation as CSV, for staff: questions, options, counts, no people."""
    if not permissions.is_moderator(request.user):
        raise PermissionDenied
    consultation = get_object_or_404(Consultation, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="denk-mee-{consultation.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("question"), _("option"), _("answers")])
    for question in consultation.totals():
        for option in question["options"]:
            writer.writerow([question["question"], option["text"], option["count"]])
    return response


@require_POST
def idea_to_initiative(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("buurt"), pk=pk)
    try:
        page = services.idea_to_initiative(moderator=request.user, idea=idea)
    except services.NotAllowed as error:
        messages.error(request, str(error))
        return _back(request)
    messages.success(request, _("A draft initiative is ready. Complete it and publish it."))
    return redirect("wagtailadmin_pages:edit", page.pk)

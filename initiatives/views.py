"""Views outside the page tree: the buurt agenda, taking part, and the iCal feeds."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from neighbourhoods.models import NeighbourhoodPage
from tim.ratelimits import limit_form_posts

from . import emails, ical, services
from .agenda import agenda_context, agenda_filter_form, filtered_activity_ids
from .forms import SignUpForm, VolunteerResponseForm
from .models import ActivityPage, InitiativePage, Occurrence, SignUp, VolunteerCallPage


def buurt_agenda(request, buurt_slug):
    buurt = get_object_or_404(NeighbourhoodPage.objects.live().public(), slug=buurt_slug)
    template = (
        "components/agenda/results.html"
        if request.htmx and request.htmx.target == "agenda-results"
        else "pages/agenda_page.html"
    )
    return TemplateResponse(request, template, agenda_context(request, buurt=buurt))


def _open_occurrence(occurrence_id):
    """An occurrence of a live, public activity that takes sign-ups (else 404)."""
    return get_object_or_404(
        Occurrence.objects.live().select_related("activity", "activity__place_page"),
        pk=occurrence_id,
        activity__signup_required=True,
    )


@limit_form_posts
def signup(request, occurrence_id):
    """Sign up: one press for a resident who is logged in, else name and email first.

    Without an account the answer is always "check your email", also when the address had
    signed up before (then the link is sent again): the form tells nobody who takes part.
    """
    occurrence = _open_occurrence(occurrence_id)
    closed = occurrence.is_cancelled or occurrence.starts_at < timezone.now()
    user = request.user if request.user.is_authenticated else None
    form = SignUpForm(request.POST if request.method == "POST" and not user else None)
    if request.method == "POST" and not closed and (user or form.is_valid()):
        data = form.cleaned_data if not user else {}
        try:
            signup = services.sign_up(
                occurrence=occurrence,
                user=user,
                name=data.get("name", ""),
                email=data.get("email", ""),
            )
        except services.AlreadySignedUp as error:
            return _result(request, error.signup, "already")
        if user is None:
            return _check_your_email(request, occurrence, data["email"])
        return _result(request, signup, signup.status)
    context = {
        "occurrence": occurrence,
        "activity": occurrence.activity,
        "form": form,
        "closed": closed,
    }
    return TemplateResponse(request, "pages/activity_signup.html", context)


def _check_your_email(request, occurrence, email):
    """The one answer to a sign-up without an account, whatever the address's state."""
    context = {
        "occurrence": occurrence,
        "activity": occurrence.activity,
        "email": email,
        "state": "pending",
    }
    return TemplateResponse(request, "pages/activity_signup_result.html", context)


def _result(request, signup, state):
    context = {
        "signup": signup,
        "occurrence": signup.occurrence,
        "activity": signup.occurrence.activity,
        "state": state,
        "email": signup.email,
    }
    if signup.status in (SignUp.Status.CONFIRMED, SignUp.Status.WAITING):
        context["cancel_token"] = services.signup_token(signup, "cancel")
    return TemplateResponse(request, "pages/activity_signup_result.html", context)


def _invalid_link(request):
    return TemplateResponse(
        request, "pages/activity_signup_result.html", {"state": "invalid"}, status=400
    )


def signup_confirm(request, token):
    """The link in the email opens this page; only its button (a POST) confirms.

    Mail scanners and link previews open links with GET or HEAD: those only show the page.
    """
    signup = services.signup_from_token(token, "confirm")
    if signup is None:
        return _invalid_link(request)
    if signup.status == SignUp.Status.PENDING and request.method == "POST":
        signup = services.confirm_signup(signup=signup)
    if signup.status == SignUp.Status.PENDING:
        return _result(request, signup, "confirm_ask")
    return _result(request, signup, signup.status)


def signup_cancel(request, token):
    """The cancel link: the page asks, its button (a POST) cancels."""
    signup = services.signup_from_token(token, "cancel")
    if signup is None:
        return _invalid_link(request)
    if request.method == "POST" and signup.status != SignUp.Status.CANCELLED:
        services.cancel_signup(signup=signup)
        signup.refresh_from_db()
    if signup.status == SignUp.Status.CANCELLED:
        return _result(request, signup, "cancelled")
    return _result(request, signup, "cancel_ask")


@limit_form_posts
def volunteer_respond(request, call_id):
    """The call's own page posts here (see VolunteerCallPage.serve); a GET goes to that page."""
    call = get_object_or_404(VolunteerCallPage.objects.live().public(), pk=call_id)
    if request.method != "POST":
        return redirect(call.url)
    form = VolunteerResponseForm(request.POST, user=request.user)
    if not call.is_open:
        messages.error(request, _("This call is closed: enough people have offered to help."))
        return redirect(call.url)
    if form.is_valid():
        data = form.cleaned_data
        services.respond_to_call(
            call=call,
            name=data["name"],
            email=data["email"],
            message=data["message"],
            user=request.user,
        )
        messages.success(
            request,
            _("Thank you! We sent your message to %(who)s. They will contact you by email.")
            % {"who": emails.who_is_told(call.get_parent().specific)},
        )
        return redirect(call.url)
    context = {**call.get_context(request), "form": form}
    return TemplateResponse(request, call.get_template(request), context)


# --- iCal ----------------------------------------------------------------------------------------


def _ics(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slugify(name) or "agenda"}.ics"'
    return response


def _activities():
    return (
        ActivityPage.objects.live()
        .public()
        .select_related("place_page", "place_page__meetingplacepage")
        .prefetch_related("date_changes")
    )


def _agenda_ical(request, name, buurt=None):
    """The agenda as a calendar, with the agenda's filters from the address (?gratis=1&wijk=…)."""
    form = agenda_filter_form(request, buurt)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("This calendar filter is not valid."))
    activities = _activities()
    if form.is_bound:
        activities = activities.filter(pk__in=filtered_activity_ids(form.cleaned_data, buurt))
    if buurt is not None:
        activities = activities.descendant_of(buurt)
    return _ics(ical.activities_calendar(activities.order_by("pk"), name, request), name)


def agenda_ical(request):
    """The whole city's agenda: every activity of every buurt (filtered as the agenda is)."""
    return _agenda_ical(request, f"{_('Agenda')} Maastricht")


def buurt_ical(request, buurt_slug):
    buurt = get_object_or_404(NeighbourhoodPage.objects.live().public(), slug=buurt_slug)
    return _agenda_ical(request, f"{_('Agenda')} {buurt.title}", buurt)


def initiative_ical(request, page_id):
    initiative = get_object_or_404(InitiativePage.objects.live().public(), pk=page_id)
    activities = _activities().child_of(initiative)
    return _ics(ical.activities_calendar(activities, initiative.title, request), initiative.title)


def place_ical(request, page_id):
    activities = _activities().filter(place_page_id=page_id)
    place = activities.first()
    if place is None:
        raise Http404
    name = place.location_name
    return _ics(ical.activities_calendar(activities, name, request), name)


def activity_ical(request, page_id):
    activities = _activities().filter(pk=page_id)
    title = activities.values_list("title", flat=True).first()
    if title is None:
        raise Http404
    return _ics(ical.activities_calendar(activities, title, request), title)


def occurrence_ical(request, occurrence_id):
    occurrence = get_object_or_404(
        Occurrence.objects.live().select_related("activity", "activity__place_page"),
        pk=occurrence_id,
    )
    return _ics(ical.occurrence_calendar(occurrence, request), occurrence.activity.title)

"""Celery tasks: emails about sign-ups and offers of help, and the nightly occurrence refresh."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import services
from .models import SignUp, VolunteerResponse


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template: str, context: dict, recipients: list[str]) -> None:
    """One email, HTML and plain text, from templates/email/initiatives/<template>.{txt,html}."""
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"email/initiatives/{template}_subject.txt", context).strip()
        text = render_to_string(f"email/initiatives/{template}.txt", context)
        html = render_to_string(f"email/initiatives/{template}.html", context)
    send_mail(subject, text, None, recipients, html_message=html)


@shared_task
def send_signup_emails(signup_id: int) -> None:
    """Tell the resident where they stand, and the host of each sign-up with or awaiting a place."""
    signup = SignUp.objects.select_related(
        "occurrence__activity", "occurrence__activity__place_page"
    ).get(pk=signup_id)
    activity = signup.occurrence.activity
    initiative = activity.get_parent().specific
    context = {
        "signup": signup,
        "occurrence": signup.occurrence,
        "activity": activity,
        "initiative": initiative,
        "activity_url": absolute(activity.url),
        "confirm_url": absolute(
            reverse("initiatives:signup_confirm", args=[services.signup_token(signup, "confirm")])
        ),
        "cancel_url": absolute(
            reverse("initiatives:signup_cancel", args=[services.signup_token(signup, "cancel")])
        ),
        "admin_url": absolute(reverse("initiatives_admin:signups", args=[activity.pk])),
    }
    send("signup_resident", context, [signup.email])
    if signup.status in (SignUp.Status.CONFIRMED, SignUp.Status.WAITING):
        send("signup_host", context, initiative.notification_recipients())


@shared_task
def send_volunteer_response_email(response_id: int) -> None:
    response = VolunteerResponse.objects.select_related("call").get(pk=response_id)
    initiative = response.call.get_parent().specific
    context = {
        "response": response,
        "call": response.call,
        "initiative": initiative,
        "call_url": absolute(response.call.url),
        "admin_url": absolute(reverse("initiatives_admin:responses", args=[response.call.pk])),
    }
    send("volunteer_host", context, initiative.notification_recipients())


@shared_task
def refresh_occurrences() -> int:
    """Nightly (beat): keep the materialised occurrences a full horizon ahead."""
    return services.refresh_all_occurrences()

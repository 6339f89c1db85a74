"""The emails of sign-ups and offers of help, written to the outbox with the change itself.

Call these inside the transaction that changes the sign-up or records the offer: the email then
exists exactly when the change does (notifications.outbox sends it after the commit).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from neighbourhoods.roles import has_own_host, who_answers
from notifications import outbox
from tim.urls_helper import absolute_url, page_url

from .models import SignUp


def who_is_told(initiative) -> str:
    """What the resident reads about who gets their message: the truth, in a few words."""
    if has_own_host(initiative):
        return _("the organisers of %(initiative)s") % {"initiative": initiative.title}
    return _("the editors of Thuis in Maastricht, who pass it on to the organisers")


def resident_email_context(signup: SignUp) -> dict:
    from .services import signup_token

    activity = signup.occurrence.activity
    return {
        "signup": signup,
        "status": signup.status,
        "occurrence": signup.occurrence,
        "activity": activity,
        "initiative": activity.get_parent().specific,
        "activity_url": page_url(activity),
        "confirm_url": absolute_url(
            reverse("initiatives:signup_confirm", args=[signup_token(signup, "confirm")])
        ),
        "cancel_url": absolute_url(
            reverse("initiatives:signup_cancel", args=[signup_token(signup, "cancel")])
        ),
        "admin_url": absolute_url(reverse("initiatives_admin:signups", args=[activity.pk])),
    }


def signup_emails(signup: SignUp) -> None:
    """Tell the resident where they stand now, and the host of a sign-up with or awaiting a place.

    One email per sign-up and status: a second call for the same status writes nothing.
    """
    context = resident_email_context(signup)
    cause = f"signup:{signup.pk}:{signup.status}"
    outbox.enqueue(
        kind="initiatives.signup_resident",
        cause=cause,
        to=signup.user or signup.email,
        template="email/initiatives/signup_resident",
        context=context,
    )
    if signup.status in (SignUp.Status.CONFIRMED, SignUp.Status.WAITING):
        for host in who_answers(context["initiative"]):
            outbox.enqueue(
                kind="initiatives.signup_host",
                cause=cause,
                to=host,
                template="email/initiatives/signup_host",
                context=context,
            )


def volunteer_response_emails(response) -> None:
    initiative = response.call.get_parent().specific
    context = {
        "response": response,
        "call": response.call,
        "initiative": initiative,
        "call_url": page_url(response.call),
        "admin_url": absolute_url(reverse("initiatives_admin:responses", args=[response.call.pk])),
    }
    for host in who_answers(initiative):
        outbox.enqueue(
            kind="initiatives.volunteer_host",
            cause=f"response:{response.pk}",
            to=host,
            template="email/initiatives/volunteer_host",
            context=context,
        )

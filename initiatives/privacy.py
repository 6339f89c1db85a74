"""What the initiatives app keeps about a person: sign-ups and offers of help.

Both are found by the account and by the person's verified addresses, so what someone did
without logging in, under their own address, is in their download and goes with their account.
"""

from django.db.models import Q
from django.utils import timezone

from accounts.services import with_their_address

from .models import SignUp, VolunteerResponse

PERSONAL_DATA = {
    "initiatives.signup": "deleted; a place for a date still to come goes to the waiting list",
    "initiatives.volunteerresponse": "deleted",
    "initiatives.initiativepage": "not personal: the contact an initiative publishes",
    "initiatives.initiativeplace": "not personal: the name of a place",
    "initiatives.activitypage": "not personal: the name of a place",
    "initiatives.volunteercallpage": "not personal: the name of a place",
}


def _theirs(model, user):
    return model.objects.filter(Q(user=user) | with_their_address(user))


def export_user_data(user) -> dict:
    signups = _theirs(SignUp, user).select_related("occurrence__activity").order_by("pk")
    responses = _theirs(VolunteerResponse, user).select_related("call").order_by("pk")
    return {
        "signups": [
            {
                "activity": signup.occurrence.activity.title,
                "starts_at": signup.occurrence.starts_at,
                "status": signup.status,
                "name": signup.name,
                "email": signup.email,
                "signed_up_at": signup.created_at,
            }
            for signup in signups
        ],
        "offers_of_help": [
            {
                "call": response.call.title,
                "name": response.name,
                "email": response.email,
                "message": response.message,
                "consent_at": response.consent_at,
                "sent_at": response.created_at,
            }
            for response in responses
        ],
    }


def delete_user_data(user) -> None:
    """Cancel the sign-ups for dates to come (the waiting list moves up), then delete all."""
    from .services import cancel_signup

    signups = _theirs(SignUp, user)
    upcoming = signups.filter(occurrence__ends_at__gte=timezone.now())
    for signup in upcoming.exclude(status=SignUp.Status.CANCELLED):
        cancel_signup(signup=signup)
    signups.delete()
    _theirs(VolunteerResponse, user).delete()

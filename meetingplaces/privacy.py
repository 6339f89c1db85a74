"""What the meeting-places app keeps about a person: corrections they sent, and hours they changed.

A correction ("Klopt er iets niet?") needs no account; it is theirs when it was sent from one of
their verified addresses, so it is in their download and goes with their account. A change of
this week's hours is the host's work on the place: it stays, without their name.
"""

from accounts.services import with_their_address

from .models import Correction

PERSONAL_DATA = {
    "meetingplaces.meetingplacepage": (
        "kept: the place's host and contact address belong to the page; editors change them"
    ),
    "meetingplaces.partnerorganisation": "not personal: an organisation's name",
    "meetingplaces.correction": "deleted when sent from one of the person's verified addresses",
    "meetingplaces.hourschange": "kept without the name: the change stays on the place",
}


def _their_corrections(user):
    return Correction.objects.filter(with_their_address(user))


def export_user_data(user) -> dict:
    corrections = _their_corrections(user).select_related("page").order_by("pk")
    return {
        "corrections": [
            {
                "page": correction.page.title,
                "name": correction.name,
                "email": correction.email,
                "message": correction.message,
                "sent_at": correction.created_at,
            }
            for correction in corrections
        ]
    }


def delete_user_data(user) -> None:
    # The hours changes keep no name: their created_by is set to NULL with the account.
    _their_corrections(user).delete()

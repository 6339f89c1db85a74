"""Meeting places keep the contact of the place, not of an account."""

PERSONAL_DATA = {
    "meetingplaces.meetingplacepage": (
        "kept: the place's host and contact address belong to the page; editors change them"
    ),
    "meetingplaces.partnerorganisation": "not personal: an organisation's name",
}

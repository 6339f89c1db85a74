"""How the site reads what a visitor sends: strict form fields, one answer for what it cannot read.

Every public GET filter, form and API parameter goes through a Django form. What no form on the
site produces (a NUL byte, a number in digits `int()` refuses or beyond a database integer, a
date at the edge of the calendar) is not an error of ours: it answers 400 with a short message
in the site's look (`UnreadableInput`, shown by `tim.views.bad_request`), or as a form error
beside the field. A value that is readable but matches nothing (a buurt that was renamed) stays
what each list already made of it: a filter that is left out.
"""

import datetime
import re
import threading
import unicodedata

from django import forms
from django.core.exceptions import BadRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile
from wagtail.images.fields import WagtailImageField

BIGINT_MAX = 2**63 - 1  # PostgreSQL's bigint: an id or an offset beyond it is not a number we hold
ASCII_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")  # before int(): no `²`, no 4,300-digit strings

# The calendar the site works with: far enough for any activity, near enough that date
# arithmetic (a period, a week, "two years on", the day after 'until') never leaves what Python
# and PostgreSQL hold: `tot=9999-12-31` plus one day was an OverflowError.
FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2199, 12, 31)

# Error codes that mean "the value could not be read", as against a value that was read but
# does not fit (an unknown choice, a 'to' date before the 'from' date): those stay form errors.
UNREADABLE_CODES = {
    "invalid",
    "invalid_date",
    "min_value",
    "max_value",
    "max_length",
    "max_digits",
    "max_decimal_places",
    "max_whole_digits",
    "null_characters_not_allowed",
}


class UnreadableInput(BadRequest):
    """A 400 whose message the visitor may read (other BadRequests say only that it was bad)."""


class StrictIntegerField(forms.IntegerField):
    """Whole numbers in ASCII digits within PostgreSQL's bigint (unless narrowed further).

    `str.isdigit()` accepts `²` and `١`, `int()` refuses the first and reads the second, and a
    number of 4,300 digits raises; here all of those are one plain "Enter a whole number."
    """

    def __init__(self, *, min_value=-BIGINT_MAX, max_value=BIGINT_MAX, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not ASCII_INTEGER.fullmatch(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text)


class CalendarDateField(forms.DateField):
    """A date in ISO form (as `<input type="date">` sends it) between FIRST_DAY and LAST_DAY.

    A date that is no date answers 400; a real date outside the calendar (a year typed as 202
    or 9999 in the date picker) is a form error beside the field, as a resident can make it.
    """

    input_formats = ["%Y-%m-%d"]
    default_error_messages = {
        "invalid": _("Enter a date as year-month-day, for example 2027-03-01."),
        "too_early": _("Choose a date from 1900 on."),
        "too_late": _("Choose a date before 2200."),
    }

    def validate(self, value):
        super().validate(value)
        if value is not None and value < FIRST_DAY:
            raise forms.ValidationError(self.error_messages["too_early"], code="too_early")
        if value is not None and value > LAST_DAY:
            raise forms.ValidationError(self.error_messages["too_late"], code="too_late")


_strict_loading = threading.Lock()


def load_whole(picture) -> None:
    """Decode every pixel, and fail on a file that ends too soon.

    WeasyPrint (the bulletin's PDF) switches Pillow to fill in truncated images for the whole
    process, so whether a cut-off upload passed depended on what ran before; here it never does.
    """
    with _strict_loading:
        lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            picture.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient


class ReadableImageField(WagtailImageField):
    """Wagtail's image field (type, file size, pixel count) that also decodes the whole picture.

    A truncated upload or a file that only starts like a photo passes a look at its header, and
    failed later, when its metadata was stripped or its first rendition made: a 500 for the
    resident. Here it is a form error beside the field.
    """

    default_error_messages = {
        "unreadable_image": _(
            "This photo cannot be read: it may be damaged or only partly sent. Try another photo."
        ),
    }

    def to_python(self, data):
        try:
            upload = super().to_python(data)  # Wagtail's look at the header can fail too
            if upload is not None:
                upload.seek(0)
                with Image.open(upload) as picture:
                    load_whole(picture)
                upload.seek(0)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(
                self.error_messages["unreadable_image"], code="unreadable_image"
            ) from error
        return upload


def read_integer(value, *, min_value=0, max_value=BIGINT_MAX) -> int | None:
    """A hidden or hand-written number (an id in a button's value), or None when unreadable."""
    try:
        return StrictIntegerField(min_value=min_value, max_value=max_value).clean(value)
    except forms.ValidationError:
        return None


def local_target(request, target, default: str) -> str:
    """Where a form sends the visitor back to: `target` when it is a path on this site that a
    Location header can carry, else `default`. A `next` of `²` made redirect() look for a view of
    that name, and a line break in it made the header refuse: both were 500s."""
    if (
        target
        and target.startswith("/")
        and not any(unicodedata.category(character)[0] == "C" for character in target)
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    ):
        return target
    return default


def form_errors(form, codes=None) -> list[str]:
    """The messages of the fields in error (only those with one of `codes`), as "Label: message"."""
    if not form.is_bound or form.is_valid():
        return []
    found = []
    for name, errors in form.errors.as_data().items():
        field = form.fields.get(name)
        label = field.label if field is not None and field.label else name
        for error in errors:
            if codes is None or error.code in codes:
                found.extend(f"{label}: {message}" for message in error.messages)
    return found


def _raise_for(errors):
    if errors:
        raise UnreadableInput(
            gettext("These values could not be read: %(errors)s") % {"errors": "; ".join(errors)}
        )


def require_readable(form):
    """A GET filter form, or UnreadableInput when a value in it could not be read at all."""
    _raise_for(form_errors(form, UNREADABLE_CODES))
    return form


def require_valid(form):
    """A form whose every value the site's own page sends: any error means it was made by hand."""
    _raise_for(form_errors(form))
    return form


class RejectNulMiddleware:
    """A NUL byte in the address, its query or a posted form answers 400, before any view.

    No form or link of the site sends one, and PostgreSQL refuses it in text: without this,
    every lookup a value reaches (a slug, a search, a session) would be a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            from .views import bad_request

            return bad_request(
                request, UnreadableInput(gettext("The address or the form contains a NUL byte."))
            )
        return self.get_response(request)


FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(request) -> bool:
    sent = [request.GET]
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        sent.append(request.POST)
    return "\x00" in request.path or any(
        "\x00" in key or any("\x00" in value for value in values)
        for data in sent
        for key, values in data.lists()
    )

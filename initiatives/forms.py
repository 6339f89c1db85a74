"""Forms: the recurrence a host understands, sign-ups, offers of help and the agenda filters."""

import datetime

from dateutil import rrule
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from icalendar.prop import vRecur
from wagtail.admin.forms import WagtailAdminPageForm

from neighbourhoods.choices import Wijk
from tim.filter_summary import QuickFilter
from tim.params import CalendarDateField

WEEKDAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
DATEUTIL_WEEKDAYS = dict(zip([code for code, _label in WEEKDAYS], rrule.weekdays, strict=True))
# Inside a sentence ("Every week on Tuesday", "elke week op dinsdag") each language writes the
# day its own way: English capitalises it, Dutch does not. So the catalogue says it, not .lower().
WEEKDAYS_IN_SENTENCE = {
    "MO": pgettext_lazy("weekday in a sentence", "Monday"),
    "TU": pgettext_lazy("weekday in a sentence", "Tuesday"),
    "WE": pgettext_lazy("weekday in a sentence", "Wednesday"),
    "TH": pgettext_lazy("weekday in a sentence", "Thursday"),
    "FR": pgettext_lazy("weekday in a sentence", "Friday"),
    "SA": pgettext_lazy("weekday in a sentence", "Saturday"),
    "SU": pgettext_lazy("weekday in a sentence", "Sunday"),
}


class Repeat:
    ONCE = "once"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"

    choices = [
        (ONCE, _("Only once")),
        (WEEKLY, _("Every week")),
        (BIWEEKLY, _("Every other week")),
        (MONTHLY, _("Every month, on one day of the week")),
    ]


WEEK_OF_MONTH = [
    ("1", _("first")),
    ("2", _("second")),
    ("3", _("third")),
    ("4", _("fourth")),
    ("-1", _("last")),
]


def build_rrule(*, repeat, weekdays, week_of_month, until, dtstart: datetime.datetime) -> str:
    """The RFC 5545 RRULE value (without "RRULE:") for the host's choices, made by dateutil.

    "elke dinsdag tot 1 juli" is FREQ=WEEKLY;UNTIL=...;BYDAY=TU; "elke eerste maandag van de
    maand" is FREQ=MONTHLY;BYDAY=+1MO. Without a chosen weekday the start date's day is used.
    """
    if repeat == Repeat.ONCE:
        return ""
    days = [DATEUTIL_WEEKDAYS[code] for code in weekdays] or [rrule.weekdays[dtstart.weekday()]]
    if repeat == Repeat.MONTHLY:
        days = [day(int(week_of_month or 1)) for day in days]
    rule = rrule.rrule(
        rrule.MONTHLY if repeat == Repeat.MONTHLY else rrule.WEEKLY,
        interval=2 if repeat == Repeat.BIWEEKLY else 1,
        byweekday=days,
        dtstart=dtstart,
        until=datetime.datetime.combine(until, datetime.time(23, 59, 59)) if until else None,
    )
    return str(rule).splitlines()[-1].removeprefix("RRULE:")


def choices_from_rrule(text: str) -> dict:
    """The form's choices for a stored RRULE (read with icalendar), to edit it again."""
    if not text:
        return {"repeat": Repeat.ONCE}
    rule = vRecur.from_ical(text)
    days = rule.get("BYDAY", [])
    monthly = rule["FREQ"][0] == "MONTHLY"
    until = rule.get("UNTIL", [None])[0]
    return {
        "repeat": Repeat.MONTHLY
        if monthly
        else Repeat.BIWEEKLY
        if rule.get("INTERVAL", [1])[0] == 2
        else Repeat.WEEKLY,
        "weekdays": [day[-2:] for day in days],
        "week_of_month": days[0][:-2].lstrip("+") if monthly and days else "1",
        "repeat_until": until.date() if isinstance(until, datetime.datetime) else until,
    }


def first_start(text: str, start: datetime.datetime) -> datetime.datetime | None:
    """The first time the rule gives from start on: a calendar counts DTSTART itself as one."""
    if not text:
        return None
    return rrule.rrulestr(f"RRULE:{text}", dtstart=start).after(start, inc=True)


def describe_recurrence(text: str) -> str:
    """The rule in words for residents: "Every week on Tuesday, until 1 July 2027"."""
    if not text:
        return ""
    choices = choices_from_rrule(text)
    days = ", ".join(str(WEEKDAYS_IN_SENTENCE[code]) for code in choices["weekdays"])
    if choices["repeat"] == Repeat.MONTHLY:
        week = dict(WEEK_OF_MONTH)[choices["week_of_month"]]
        words = _("Every %(week)s %(days)s of the month") % {"week": week, "days": days}
    elif choices["repeat"] == Repeat.BIWEEKLY:
        words = _("Every other week on %(days)s") % {"days": days}
    else:
        words = _("Every week on %(days)s") % {"days": days}
    if choices["repeat_until"]:
        until = date_format(choices["repeat_until"], "j F Y")
        words = _("%(words)s, until %(date)s") % {"words": words, "date": until}
    return words


class RecurrenceForm(forms.Form):
    """How often an activity repeats, in words a host uses; the RRULE is made from it."""

    start = forms.DateTimeField(required=False, widget=forms.HiddenInput)
    repeat = forms.ChoiceField(
        label=_("Repeats"), choices=Repeat.choices, initial=Repeat.ONCE, widget=forms.RadioSelect
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On which day"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For example Tuesday for 'every Tuesday'. Empty: the day of the first date."),
    )
    week_of_month = forms.ChoiceField(
        label=_("Which week of the month"),
        choices=WEEK_OF_MONTH,
        required=False,
        initial="1",
        help_text=_("Only for 'every month': 'first' Monday means the first Monday of the month."),
    )
    repeat_until = forms.DateField(
        label=_("Until"),
        required=False,
        help_text=_("The last date it can take place, for example 1 July. Empty: no end date."),
    )

    def clean(self):
        data = super().clean()
        check_recurrence(self, data, data.get("start"))
        return data

    def rrule(self):
        data = self.cleaned_data
        return recurrence_from(data, data["start"])


def check_recurrence(form, data, start):
    until = data.get("repeat_until")
    if data.get("repeat") != Repeat.ONCE and until and start and until < start.date():
        form.add_error("repeat_until", _("The end date is before the first date."))


def recurrence_from(data, start):
    if timezone.is_aware(start):
        start = timezone.make_naive(start)  # rules are kept in Maastricht's local time
    return build_rrule(
        repeat=data.get("repeat"),
        weekdays=data.get("weekdays") or [],
        week_of_month=data.get("week_of_month"),
        until=data.get("repeat_until"),
        dtstart=start,
    )


class ActivityPageForm(WagtailAdminPageForm):
    """The activity's admin form: the recurrence fields of RecurrenceForm write `recurrence`."""

    repeat = RecurrenceForm.base_fields["repeat"]
    weekdays = RecurrenceForm.base_fields["weekdays"]
    week_of_month = RecurrenceForm.base_fields["week_of_month"]
    repeat_until = RecurrenceForm.base_fields["repeat_until"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name, value in choices_from_rrule(self.instance.recurrence).items():
                self.initial.setdefault(name, value)
        elif "place_page" in self.fields and not self.initial.get("place_page"):
            self.initial["place_page"] = self.hosts_own_place()

    def hosts_own_place(self):
        """A new activity starts at the initiative's own meeting place, else one the host owns:
        the chooser then opens among the host's places, not at the top of the city."""
        from meetingplaces.models import MeetingPlacePage

        parent = getattr(self, "parent_page", None)
        if parent is not None:
            own = [p.place_page_id for p in parent.specific.places.all() if p.place_page_id]
            if own:
                return own[0]
        user = getattr(self, "for_user", None)
        if user is not None and user.is_authenticated:
            return (
                MeetingPlacePage.objects.filter(owner=user)
                .order_by("title")
                .values_list("pk", flat=True)
                .first()
            )
        return None

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("start_time"):
            start = datetime.datetime.combine(data["start_date"], data["start_time"])
            check_recurrence(self, data, start)
            self.instance.recurrence = recurrence_from(data, start)
            first = first_start(self.instance.recurrence, start)
            if first and first != start:
                message = _(
                    "The first date does not fit the days you chose. The first that fits: %(date)s."
                )
                self.add_error(
                    "start_date", message % {"date": date_format(first.date(), "l j F Y")}
                )
        return data


class SignUpForm(forms.Form):
    """Name and email for a resident without an account; an account fills these in itself."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        widget=forms.TextInput(attrs={"class": "form-input", "autocomplete": "name"}),
        help_text=_("So the host knows who is coming. A first name is enough."),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        widget=forms.EmailInput(attrs={"class": "form-input", "autocomplete": "email"}),
        help_text=_("We send you a link to confirm. We use it only for this activity."),
    )


class VolunteerResponseForm(forms.Form):
    name = SignUpForm.base_fields["name"]
    email = forms.EmailField(
        label=_("Your email address"),
        widget=SignUpForm.base_fields["email"].widget,
        help_text=_("The host uses it to reach you. Only for this."),
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-textarea"}),
        help_text=_(
            "For example when you have time. You do not need to tell us more about yourself."
        ),
    )
    consent = forms.BooleanField(
        label=_("The host may use my name, email address and message to contact me about this."),
        error_messages={"required": _("Tick the box, so the host may contact you.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.fields["name"].initial = str(user)
            self.fields["email"].initial = user.email


class Period:
    TODAY = "vandaag"
    TOMORROW = "morgen"
    WEEKEND = "weekend"
    WEEK = "week"
    ALL = "alles"

    choices = [
        (ALL, _("Everything coming up")),
        (TODAY, _("Today")),
        (TOMORROW, _("Tomorrow")),
        (WEEKEND, _("This weekend")),
        (WEEK, _("This week")),
    ]


def period_dates(period, today: datetime.date):
    """(first day, last day) of a named period; the week and weekend end on Sunday."""
    sunday = today + datetime.timedelta(days=6 - today.weekday())
    return {
        Period.TODAY: (today, today),
        Period.TOMORROW: (today + datetime.timedelta(days=1),) * 2,
        Period.WEEKEND: (max(today, sunday - datetime.timedelta(days=1)), sunday),
        Period.WEEK: (today, sunday),
    }.get(period)


DATE_WIDGET = forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d")
SELECT_WIDGET = forms.Select(attrs={"class": "form-select"})


class AgendaFilterForm(forms.Form):
    """The agenda's filters: a plain GET form that works without JavaScript."""

    wanneer = forms.ChoiceField(
        label=_("When"), choices=Period.choices, required=False, widget=forms.RadioSelect
    )
    van = CalendarDateField(label=_("From"), required=False, widget=DATE_WIDGET)
    tot = CalendarDateField(label=_("Until"), required=False, widget=DATE_WIDGET)
    thema = forms.ChoiceField(label=_("Theme"), required=False, widget=SELECT_WIDGET)
    wijk = forms.ChoiceField(
        label=_("Wijk"),
        required=False,
        choices=[("", _("All wijken")), *Wijk.choices],
        widget=SELECT_WIDGET,
    )
    buurt = forms.ChoiceField(label=_("Buurt"), required=False, widget=SELECT_WIDGET)
    gratis = forms.BooleanField(label=_("Free"), required=False)
    zonder_aanmelden = forms.BooleanField(label=_("No need to sign up"), required=False)
    drempelvrij = forms.BooleanField(label=_("Step-free place"), required=False)

    neutral_values = {"wanneer": Period.ALL}

    def quick_filters(self):
        """The row of links above the results; the other filters wait behind "Filters"."""
        return [
            QuickFilter(_("Today"), "wanneer", Period.TODAY),
            QuickFilter(_("This weekend"), "wanneer", Period.WEEKEND),
            QuickFilter(_("Free"), "gratis"),
            QuickFilter(_("No need to sign up"), "zonder_aanmelden"),
        ]

    def __init__(self, *args, themes=(), buurten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.display_name) for theme in themes
        ]
        if buurten:
            self.fields["buurt"].choices = [("", _("All buurten"))] + [
                (buurt.slug, buurt.title) for buurt in buurten
            ]
        else:
            del self.fields["buurt"], self.fields["wijk"]

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", _("This date is before the 'from' date."))
        return data


class VolunteeringFilterForm(forms.Form):
    thema = AgendaFilterForm.base_fields["thema"]
    wijk = AgendaFilterForm.base_fields["wijk"]
    buurt = AgendaFilterForm.base_fields["buurt"]

    def __init__(self, *args, themes=(), buurten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.display_name) for theme in themes
        ]
        self.fields["buurt"].choices = [("", _("All buurten"))] + [
            (buurt.slug, buurt.title) for buurt in buurten
        ]

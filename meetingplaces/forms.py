"""A visitor's correction of a place or initiative, and a host's change of this week's hours."""

import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class CorrectionForm(forms.Form):
    """Only the message is needed: a tip without a name is welcome too."""

    message = forms.CharField(
        label=_("What is not right, or what do you know?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-textarea"}),
        help_text=_("For example: 'The entrance has no step' or 'On Fridays it is closed'."),
        error_messages={"required": _("Write what is not right, or what you know.")},
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-input", "autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        widget=forms.EmailInput(attrs={"class": "form-input", "autocomplete": "email"}),
        help_text=_("Only if you want an answer. We use it only for this."),
    )


class HoursThisWeekForm(forms.Form):
    """A host's change for one day of the coming week: closed, or open at other times."""

    CLOSED, OTHER = "gesloten", "andere-tijden"

    day = forms.TypedChoiceField(label=_("Which day?"), coerce=datetime.date.fromisoformat)
    what = forms.ChoiceField(
        label=_("What changes?"),
        choices=[(CLOSED, _("Closed that day")), (OTHER, _("Open at other times"))],
        initial=CLOSED,
        widget=forms.RadioSelect,
    )
    opens = forms.TimeField(
        label=_("Opens at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    closes = forms.TimeField(
        label=_("Closes at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    reason = forms.CharField(
        label=_("Reason (shown to visitors)"),
        max_length=120,
        required=False,
        help_text=_("For example: 'Illness' or 'Longer open for the buurt party'."),
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        days = [today + datetime.timedelta(days=n) for n in range(7)]
        self.fields["day"].choices = [
            (
                day.isoformat(),
                _("today, %(day)s") % {"day": date_format(day, "l j F")}
                if day == today
                else date_format(day, "l j F"),
            )
            for day in days
        ]
        self.fields["day"].initial = today.isoformat()

    @property
    def closed(self) -> bool:
        return self.cleaned_data["what"] == self.CLOSED

    def clean(self):
        data = super().clean()
        if data.get("what") == self.OTHER:
            if not data.get("opens") or not data.get("closes"):
                raise forms.ValidationError(_("Fill in both times, or choose 'Closed that day'."))
            if data["opens"] == data["closes"]:
                self.add_error("closes", _("The closing time must differ from the opening time."))
        return data

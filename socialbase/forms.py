from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhoods.choices import Wijk

from .dashboard import PERIODS
from .models import BuurtMark, Indicator

MEASURES = {
    "hours_per_1000": _("Open hours per 1,000 residents"),
    "activities_per_1000": _("Activities per 1,000 residents"),
    "places": _("Meeting places"),
    "activities": _("Activities this week"),
}


class FilterForm(forms.Form):
    """The filters above every dashboard page; read from the query string."""

    wijk = forms.ChoiceField(
        label=_("Wijk"), required=False, choices=[("", _("All wijken")), *Wijk.choices]
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    months = forms.TypedChoiceField(
        label=_("Period of the news"),
        required=False,
        coerce=int,
        empty_value=12,
        choices=[
            (months, _("last %(months)s months") % {"months": months})
            for months in sorted(PERIODS, reverse=True)
        ],
    )
    measure = forms.ChoiceField(
        label=_("Colour the map by"), required=False, choices=list(MEASURES.items())
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.name) for theme in themes
        ]

    def value(self, name, default=""):
        if self.is_valid():
            return self.cleaned_data.get(name) or default
        return default


class MarkForm(forms.ModelForm):
    class Meta:
        model = BuurtMark
        fields = ["programme", "priority", "note"]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: indicator, cbs_code, year, value, source. At most 2 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("Save the file as CSV in UTF-8.")) from error


WeightFormSet = forms.modelformset_factory(
    Indicator, fields=["default_weight"], extra=0, edit_only=True
)

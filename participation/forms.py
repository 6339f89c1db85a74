from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhoods.choices import Wijk
from neighbourhoods.models import NeighbourhoodPage
from tim.models import Theme
from tim.params import ReadableImageField

from .choices import IdeaStatus, ModerationAction, ReportReason
from .models import REACTION_MAX_LENGTH


class ReactionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reaction"),
        max_length=REACTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-textarea"}),
        help_text=_("Plain text, at most 2,000 characters. Web links become clickable."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write something first."))
        return text


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(
        label=_("Explain (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-textarea"}),
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(choices=ModerationAction.choices)
    reason = forms.CharField(
        label=_("Reason (the author gets it by email)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Public answer"),
        max_length=REACTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# Around the municipality, with a margin: a point outside it is a typing error.
MAASTRICHT = {"south": 50.75, "north": 50.92, "west": 5.60, "east": 5.80}


class IdeaForm(forms.Form):
    title = forms.CharField(
        label=_("Your idea in a few words"),
        max_length=120,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    description = forms.CharField(
        label=_("What and why"),
        help_text=_("What do you want to change, and why is it good for the buurt?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-textarea"}),
    )
    address = forms.CharField(
        label=_("Where"),
        help_text=_("A street, a square or an address, if the idea is about one place."),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    # The point on the map: typed, or set by clicking the map (participation/idea_map.js).
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        min_value=MAASTRICHT["south"],
        max_value=MAASTRICHT["north"],
        decimal_places=5,
        widget=forms.NumberInput(attrs={"class": "form-input", "step": "0.00001"}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=MAASTRICHT["west"],
        max_value=MAASTRICHT["east"],
        decimal_places=5,
        widget=forms.NumberInput(attrs={"class": "form-input", "step": "0.00001"}),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photo = ReadableImageField(label=_("Photo"), required=False)
    photo_alt = forms.CharField(
        label=_("What is in the photo?"),
        help_text=_("One short sentence for people who cannot see the photo."),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("photo") and not data.get("photo_alt", "").strip():
            self.add_error("photo_alt", _("Say in one sentence what is in the photo."))
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both numbers of the point, or neither."))
        return data


class IdeaFilterForm(forms.Form):
    """The filters of the city's list of ideas; the field names are the words in the address."""

    wijk = forms.ChoiceField(
        label=_("Wijk"), required=False, choices=[("", _("All wijken")), *Wijk.choices]
    )
    buurt = forms.ModelChoiceField(
        label=_("Buurt"),
        required=False,
        queryset=NeighbourhoodPage.objects.live().order_by("title"),
        to_field_name="slug",
        empty_label=_("All buurten"),
    )
    thema = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Every status")), *IdeaStatus.choices]
    )

    def filters(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "wijk": data.get("wijk") or "",
            "buurt": data.get("buurt"),
            "theme": data.get("thema"),
            "status": data.get("status") or "",
        }


class IdeaAnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in IdeaStatus.choices if c[0] != IdeaStatus.NEW],
    )
    text = forms.CharField(
        label=_("Public answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required: residents read what happens now and why."),
    )

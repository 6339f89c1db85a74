from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhoods.choices import Wijk
from neighbourhoods.models import NeighbourhoodPage
from tim.models import Theme

from .choices import NewsKind

SELECT = forms.Select(attrs={"class": "form-select"})


def buurt_field():
    """A choice of live buurten by slug; the queryset runs anew for every form."""
    return forms.ModelChoiceField(
        label=_("Buurt"),
        required=False,
        queryset=NeighbourhoodPage.objects.live().only("id", "title", "slug").order_by("title"),
        to_field_name="slug",
        empty_label=_("All buurten"),
        widget=SELECT,
    )


class NewsFilterForm(forms.Form):
    """The filters of the city news. Field names are the Dutch words in the address bar."""

    wijk = forms.ChoiceField(
        label=_("Wijk"),
        required=False,
        choices=[("", _("All wijken")), *Wijk.choices],
        widget=SELECT,
    )
    buurt = buurt_field()
    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *NewsKind.choices],
        widget=SELECT,
    )
    thema = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
        widget=SELECT,
    )

    def filters(self) -> dict:
        """The filters that are valid; an unknown value is ignored rather than an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "wijk": data.get("wijk") or "",
            "buurt": data.get("buurt"),
            "kind": data.get("soort") or "",
            "theme": data.get("thema"),
        }

    @property
    def is_filtered(self):
        return any(self.filters().values())


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What are you looking for?"), required=False, max_length=200)
    buurt = buurt_field()
    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Everything")), *NewsKind.choices],
        widget=SELECT,
    )

    def terms(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": (data.get("q") or "").strip(),
            "buurt": data.get("buurt"),
            "kind": data.get("soort") or "",
        }

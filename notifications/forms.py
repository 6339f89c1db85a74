from django import forms
from django.utils.translation import gettext_lazy as _

from tim.params import StrictIntegerField

from .models import Frequency


class FollowForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Emails about this page"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class FollowsForm(forms.Form):
    """/mijn-account/volgen/: how often, per follow, and the button that stops one follow."""

    remove = StrictIntegerField(required=False, min_value=1)

    def __init__(self, *args, follows, **kwargs):
        super().__init__(*args, **kwargs)
        self.follows = {follow.pk: follow for follow in follows}
        for follow in follows:
            self.fields[f"frequency-{follow.pk}"] = forms.ChoiceField(
                choices=Frequency.choices, required=False
            )

    def clean_remove(self):
        remove = self.cleaned_data["remove"]
        if remove is not None and remove not in self.follows:
            raise forms.ValidationError(_("You do not follow this."), code="invalid_choice")
        return remove

    def changed_frequencies(self):
        """[(follow, frequency), ...] for the follows whose choice differs from the stored one."""
        return [
            (follow, self.cleaned_data[f"frequency-{pk}"])
            for pk, follow in self.follows.items()
            if self.cleaned_data[f"frequency-{pk}"] not in ("", follow.frequency)
        ]

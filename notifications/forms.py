from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency


class FollowForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Emails about this page"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

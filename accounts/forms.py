from django import forms
from django.utils.translation import gettext_lazy as _

from neighbourhoods.models import NeighbourhoodPage

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "home_buurt", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        buurten = self.fields["home_buurt"]
        buurten.queryset = NeighbourhoodPage.objects.live().order_by("title")
        buurten.empty_label = _("I do not want to say")


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my account and my personal data."),
        error_messages={"required": _("Tick the box if you really want to delete your account.")},
    )

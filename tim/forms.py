from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    """Wagtail's login form with a translated label on the password field.

    Wagtail leaves that label to Django's default (the field name), so editors read the English
    "Password" on an otherwise Dutch page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

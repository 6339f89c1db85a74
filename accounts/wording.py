"""Django's own sentences about passwords, said the way this site speaks: B1 Dutch with "je".

Django's Dutch catalogue says "Uw wachtwoord…". Our catalogue (locale/nl, which outranks
Django's) translates these same sentences again; they are listed here, marked for
translation, only so that `make messages` keeps them.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

PASSWORD_SENTENCES = [
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
]

"""What a resident can do with their own account: change it, take their data, remove it."""

import importlib

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import transaction


def app_exports(user) -> dict:
    """Personal data held by other apps: each app's `privacy.export_user_data(user)`, if any.

    Apps that store something about a person (reactions, sign-ups, follows) add a `privacy.py`
    with that function, so this download grows with the site without knowing every app.
    """
    exports = {}
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError:
            continue
        exports[config.label] = module.export_user_data(user)
    return exports


def export_user_data(*, user) -> dict:
    """Everything the site stores about one person, as plain JSON-ready data."""
    return {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "home_buurt": user.home_buurt.title if user.home_buurt else None,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        **app_exports(user),
    }


@transaction.atomic
def delete_account(*, user) -> None:
    """Remove the person and their personal data.

    The database does the rest: follows, deliveries and email addresses go with the user;
    what others can still see (a published reaction, a page they wrote) keeps its content and
    loses its author, and is shown as by "verwijderde gebruiker" (deleted user).
    """
    user.delete()

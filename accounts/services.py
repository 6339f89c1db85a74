"""What a resident can do with their own account: change it, take their data, remove it."""

import importlib

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db import transaction
from django.db.models import Q


def privacy_hooks():
    """The `privacy` module of every app that has one, by app label.

    An app that stores something about a person adds `<app>/privacy.py` with
    `export_user_data(user)` (what the download shows), optionally `delete_user_data(user)`
    (run before the account goes), and `PERSONAL_DATA`: for each of its models that holds a
    user link, a name or an email address, what happens to it. tests/accounts/test_privacy_hooks.py
    fails for a model that no app's PERSONAL_DATA names.
    """
    hooks = {}
    for config in apps.get_app_configs():
        try:
            hooks[config.label] = importlib.import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.privacy":
                raise
    return hooks


def app_exports(user) -> dict:
    """Personal data held by other apps: each app's `privacy.export_user_data(user)`."""
    return {
        label: hook.export_user_data(user)
        for label, hook in privacy_hooks().items()
        if hasattr(hook, "export_user_data")
    }


def verified_addresses(user) -> set[str]:
    """The person's email addresses, lower case: their login and every verified one.

    Data someone left without logging in (a sign-up with name and address) is theirs too
    when it carries one of these addresses.
    """
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in [user.email, *addresses] if address}


def with_their_address(user, field: str = "email") -> Q:
    """A filter for rows whose `field` is one of the person's verified addresses."""
    found = Q(pk__in=[])
    for address in verified_addresses(user):
        found |= Q(**{f"{field}__iexact": address})
    return found


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

    First every app's `privacy.delete_user_data(user)` (sign-ups and offers, also those made
    without logging in under one of their addresses); then the database does the rest:
    follows, emails and email addresses go with the user; what others can still see (a page
    they wrote) keeps its content and loses its author.
    """
    for hook in privacy_hooks().values():
        if hasattr(hook, "delete_user_data"):
            hook.delete_user_data(user)
    user.delete()

"""Demo accounts, one per role, all with one documented password. Never in production."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from neighbourhoods import roles
from neighbourhoods.models import NeighbourhoodPage

from .checks import DEMO_PASSWORD

DEMO_DOMAIN = "demo.thuisinmaastricht.nl"


def demo_accounts():
    """(local part, display name, group names, is staff) for each demo account."""
    pottenberg = NeighbourhoodPage.objects.get(slug="pottenberg")
    nazareth = NeighbourhoodPage.objects.get(slug="nazareth")
    wyck = NeighbourhoodPage.objects.get(slug="wyck")
    return [
        ("moderator", "Moderator gemeente", [roles.MODERATORS]),
        ("redactie-pottenberg", "Redactie Pottenberg", [roles.editors_group_name(pottenberg)]),
        ("redactie-nazareth", "Redactie Nazareth", [roles.editors_group_name(nazareth)]),
        ("redactie-wyck", "Redactie Wyck (vertrouwd)", [roles.trusted_editors_group_name(wyck)]),
        ("initiatiefnemer", "Gastvrouw BeiHuis", [roles.INITIATIVE_HOSTS]),
        ("bewoner", "Anna uit Pottenberg", []),
    ]


def existing_accounts() -> list[str]:
    """The demo accounts in this database, for `make run` to show at every start."""
    users = get_user_model().objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    return list(users.order_by("pk").values_list("email", flat=True))


def load_accounts() -> None:
    User = get_user_model()
    for local, display_name, group_names in demo_accounts():
        email = f"{local}@{DEMO_DOMAIN}"
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": display_name, "first_name": display_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.set(Group.objects.filter(name__in=group_names))
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )

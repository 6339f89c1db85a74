import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from neighbourhoods.models import StandardPage


@pytest.fixture
def resident(db):
    """A verified resident: resident("anna", language="en")."""

    def make(name, language="nl"):
        email = f"{name}@example.org"
        user = get_user_model().objects.create_user(
            email, "een-lang-wachtwoord", display_name=name.title(), language=language
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


def publish_under(parent, title):
    """A page published in a buurt, as an editor would: a first revision, then publish."""
    page = parent.add_child(instance=StandardPage(title=title, live=False))
    page.save_revision().publish()
    page.refresh_from_db()
    return page

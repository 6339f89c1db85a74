import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache

from news.models import NewsIndexPage
from tests.news.factories import NewsPageFactory

_numbers = itertools.count()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the (Redis) cache, shared by every test of the run."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_resident(db):
    """make_resident(verified=True, trusted=False, name=...): a resident account."""
    from django.utils import timezone

    from participation.models import Participant

    def make(*, verified=True, trusted=False, name=None):
        number = next(_numbers)
        user = get_user_model().objects.create_user(
            email=f"bewoner{number}@example.org",
            password="een-lang-wachtwoord",
            display_name=name or f"Bewoner {number}",
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        if trusted:
            Participant.objects.create(user=user, approved_at=timezone.now())
        return user

    return make


@pytest.fixture
def article(pottenberg):
    """A live news item in Pottenberg, written by the buurt's editor."""
    from tim.demo import DEMO_DOMAIN

    owner = get_user_model().objects.get(email=f"redactie-pottenberg@{DEMO_DOMAIN}")
    return NewsPageFactory(parent=NewsIndexPage.objects.child_of(pottenberg).get(), owner=owner)


@pytest.fixture
def nazareth_article(nazareth):
    return NewsPageFactory(parent=NewsIndexPage.objects.child_of(nazareth).get())


@pytest.fixture
def make_idea(db, pottenberg):
    """make_idea(buurt=..., published=True, **fields): an idea by a new resident."""
    from participation.choices import IdeaReview
    from participation.models import Idea

    def make(*, buurt=None, published=True, author=None, **fields):
        number = next(_numbers)
        values = {"title": f"Idee {number}", "description": "Meer bankjes in het park."}
        return Idea.objects.create(
            buurt=buurt or pottenberg,
            author=author,
            review=IdeaReview.PUBLISHED if published else IdeaReview.PENDING,
            **(values | fields),
        )

    return make


@pytest.fixture
def make_consultation(db):
    """make_consultation(questions=[(question, [options])], closes_in_days=7, buurt=None)."""
    import datetime

    from django.utils import timezone

    from participation.models import Consultation

    def make(*, questions=None, closes_in_days=7, buurt=None, title="Wat wil je in het park?"):
        questions = questions or [("Wat mist er?", ["Bankjes", "Bomen", "Een speeltuin"])]
        now = timezone.now()
        return Consultation.objects.create(
            title=title,
            intro="Help de gemeente kiezen.",
            buurt=buurt,
            questions=[
                ("question", {"question": text, "options": options}) for text, options in questions
            ],
            opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=closes_in_days),
        )

    return make

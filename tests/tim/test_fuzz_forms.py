"""Property: no public form answers a server error, whatever is posted to it.

Every form a visitor or resident can post (log in, sign up, sign up for an activity, follow,
the follow settings, the profile, reactions, launching an idea with a photo, supporting it,
answering a consultation) gets valid values mixed with the nasty ones of tests/tim/fuzz.py,
and photos that are whole, cut short or not photos at all.
"""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from initiatives.models import Occurrence, VolunteerCallPage
from news.models import NewsIndexPage
from notifications import services as follow_services
from notifications.models import Frequency
from participation.choices import IdeaReview, ReportReason
from participation.models import Consultation, Idea
from tests.initiatives.conftest import make_activity, make_initiative
from tests.news.factories import NewsPageFactory, image_bytes
from tim.models import Theme

from .fuzz import COUNTS, FUZZ, query, send, value

pytestmark = pytest.mark.django_db

JPEG = image_bytes((60, 40))
PNG = image_bytes((60, 40), image_format="PNG")
photo = st.builds(
    lambda name, content: SimpleUploadedFile(name, content),
    st.sampled_from(["foto.jpg", "foto.png", "foto.heic", "foto.webp", "brief.txt", "x"]),
    st.one_of(
        st.sampled_from([JPEG, PNG]),
        st.integers(min_value=0, max_value=len(JPEG) - 1).map(lambda cut: JPEG[:cut]),
        st.integers(min_value=0, max_value=len(PNG) - 1).map(lambda cut: PNG[:cut]),
        st.binary(max_size=2000),
        st.binary(max_size=200).map(lambda junk: JPEG[:300] + junk),
    ),
)
ON = ("on", "1", "")
EMAILS = ("lotte@example.org", "a@b.nl", "geen-adres", "")


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """The forms themselves are under test, not how often one may post them."""
    settings.RATELIMIT_ENABLE = False
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def resident(db):
    user = get_user_model().objects.create_user(
        email="lotte@example.org", password="een-lang-wachtwoord", display_name="Lotte"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def logged_in(resident):
    client = Client()
    client.force_login(resident)
    return client


def fuzz_form(client, endpoint, path, fields):
    @FUZZ
    @given(data=query(**fields))
    def case(data):
        send(client, endpoint, path, data, method="post")

    case()


def test_log_in_and_sign_up(client, home_page):
    fuzz_form(
        client,
        "/account/login/",
        "/account/login/",
        {"login": value(*EMAILS), "password": value("een-lang-wachtwoord"), "remember": value(*ON)},
    )
    fuzz_form(
        client,
        "/account/signup/",
        "/account/signup/",
        {
            "email": value(*EMAILS),
            "password1": value("een-lang-wachtwoord"),
            "password2": value("een-lang-wachtwoord"),
        },
    )


def test_signing_up_for_an_activity(client, pottenberg):
    activity = make_activity(
        make_initiative(pottenberg),
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        signup_required=True,
    )
    occurrence = Occurrence.objects.filter(activity=activity).first()
    path = f"/aanmelden/{occurrence.pk}/"
    fuzz_form(client, "/aanmelden/<id>/", path, {"name": value("Lotte"), "email": value(*EMAILS)})


def test_offering_help(client, pottenberg):
    call = make_initiative(pottenberg).add_child(
        instance=VolunteerCallPage(
            title="Koffie schenken", slug="koffie", intro="Schenk koffie.", time_needed="2 uur"
        )
    )
    call.save_revision().publish()
    fields = {
        "name": value("Piet"),
        "email": value(*EMAILS),
        "message": value("Ik heb dinsdag tijd."),
        "consent": value(*ON),
    }
    fuzz_form(client, "/meehelpen/<id>/", f"/meehelpen/{call.pk}/", fields)


def test_following_and_the_follow_settings(logged_in, resident, pottenberg, nazareth):
    fuzz_form(
        logged_in,
        "/volgen/<id>/",
        f"/volgen/{pottenberg.pk}/",
        {"frequency": value(*Frequency.values), "next": value("/pottenberg/", "//evil.example")},
    )
    follow = follow_services.follow_page(user=resident, page=nazareth, frequency=Frequency.WEEKLY)
    fuzz_form(
        logged_in,
        "/mijn-account/volgen/",
        "/mijn-account/volgen/",
        {"remove": value(str(follow.pk + 1)), f"frequency-{follow.pk}": value(*Frequency.values)},
    )


def test_the_profile(logged_in, pottenberg):
    fuzz_form(
        logged_in,
        "/mijn-account/",
        "/mijn-account/",
        {
            "display_name": value("Lotte", ""),
            "home_buurt": value(str(pottenberg.pk), ""),
            "language": value("nl", "en"),
        },
    )


def test_reacting_and_reporting(logged_in, pottenberg):
    news = NewsPageFactory(parent=NewsIndexPage.objects.child_of(pottenberg).get())
    fuzz_form(
        logged_in,
        "/reageren/<id>/",
        f"/reageren/{news.pk}/",
        {"text": value("Goed idee!", "https://example.org"), "parent": value("1", "")},
    )
    fuzz_form(
        logged_in,
        "/reacties/<id>/melden/",
        "/reacties/1/melden/",
        {"reason": value(*ReportReason.values), "explanation": value("Niet aardig.")},
    )


def test_launching_and_supporting_an_idea(logged_in, pottenberg):
    themes = [str(pk) for pk in Theme.objects.values_list("pk", flat=True)[:2]]
    fields = {
        "title": value("Een bankje bij de bushalte"),
        "description": value("Om even te zitten."),
        "address": value("Pottenbergsweg 1"),
        "latitude": value("50.84512", "50.9"),
        "longitude": value("5.68", "5.7"),
        "themes": value(*themes),
        "photo_alt": value("Een bushalte."),
    }

    @FUZZ
    @given(data=query(**fields), upload=st.none() | photo)
    def case(data, upload):
        if upload is not None:
            data = {**data, "photo": upload}
        send(logged_in, "/<buurt>/ideeen/nieuw/", "/pottenberg/ideeen/nieuw/", data, method="post")

    case()
    idea = Idea.objects.create(
        buurt=pottenberg, title="Meer bankjes", description="Zitten.", review=IdeaReview.PUBLISHED
    )
    fuzz_form(
        logged_in,
        "/<buurt>/ideeen/<id>/steunen/",
        f"/pottenberg/ideeen/{idea.pk}/steunen/",
        {"steun": value("1", "0"), "show_name": value(*ON)},
    )


def test_answering_a_consultation(logged_in, home_page):
    now = timezone.now()
    consultation = Consultation.objects.create(
        title="Wat wil je in het park?",
        intro="Help de gemeente kiezen.",
        questions=[("question", {"question": "Wat mist er?", "options": ["Bankjes", "Bomen"]})],
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=7),
    )
    field = f"vraag-{consultation.questions[0].id}"
    fuzz_form(logged_in, "/denk-mee/<id>/", consultation.url, {field: value("0", "1", "2")})


def test_an_indicator_file_never_breaks_the_import(db, pottenberg):
    """The staff's CSV upload (socialbase): a year in other digits, a value beyond the column."""
    from socialbase.indicators import FIRST_YEAR, LAST_YEAR, import_indicators
    from tim.params import read_integer

    cell = lambda *valid: value(*valid).filter(lambda text: not set(text) & set(';,"\r\n'))  # noqa: E731
    header = "indicator;cbs_code;year;value;source"

    @FUZZ
    @given(year=cell("2024", "²⁰²⁴", "١٢"), number=cell("0", "-0.42", "1e20", "NaN"))
    def case(year, number):
        COUNTS["socialbase import_indicators"]["cases"] += 1
        with transaction.atomic():
            text = f"{header}\nSES;{pottenberg.cbs_code};{year};{number};CBS"
            result = import_indicators(text=text)
        if read_integer(year, min_value=FIRST_YEAR, max_value=LAST_YEAR) is None:
            assert not result.ok  # the line is refused with its problem, not stored or a 500

    case()

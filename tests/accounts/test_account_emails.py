"""allauth's emails (verification, password reset) are outbox rows in the site's own words.

They are rendered with templates/email/account/ in plain Dutch with "je" (English when the page
was English), and their links point at BASE_URL (http://testserver here) whatever host name the
request came in on.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils.html import strip_tags

from notifications import outbox
from notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1:8123"
PASSWORD = "een-lang-wachtwoord"


@pytest.fixture(autouse=True)
def any_host_and_fresh_rate_limits(settings):
    """A site reached on an address of its own (a port, an IP); allauth counts in the cache."""
    settings.ALLOWED_HOSTS = ["*"]
    cache.clear()
    yield
    cache.clear()


def sign_up(client, email="nieuw@example.org", **headers):
    response = client.post(
        "/account/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
        **headers,
    )
    assert response.status_code == 302
    return response


def ask_new_password(client, email="bewoner@demo.thuisinmaastricht.nl", **headers):
    response = client.post("/account/password/reset/", {"email": email}, **headers)
    assert response.status_code == 302
    return response


def the_email(kind, address):
    """The one outbox row the request wrote; then what the outbox's sender sends for it."""
    assert mail.outbox == []  # nothing left inside the request
    row = OutgoingEmail.objects.get(kind=kind, address=address)
    assert row.status == OutgoingEmail.Status.PENDING
    outbox.send_due()
    (message,) = mail.outbox
    html = dict((mimetype, body) for body, mimetype in message.alternatives)["text/html"]
    return row, message, html


def readable(message, html):
    """What a person reads: the subject, the text and the HTML without tags and links."""
    words = "\n".join([message.subject, message.body, strip_tags(html)])
    return re.sub(r"https?://\S+", "", words)


def assert_plain_dutch(message, html):
    words = readable(message, html)
    assert "Hallo," in words
    assert "Hallo van" not in words  # allauth's own greeting ("Hallo van 127.0.0.1")
    assert not re.search(r"\b(u|uw|U|Uw)\b", words), "formal 'u' in an email"
    assert 'lang="nl"' in html


def link(pattern, message, html):
    """The link in the text; the HTML's button and its fallback carry the same one."""
    url = re.search(rf"http://testserver({pattern}\S*)", message.body)
    assert url, message.body
    assert html.count(f'href="{url[0]}"') == 2
    return url[1]


def test_sign_up_verification_is_an_outbox_email_in_plain_dutch_with_a_working_link(client):
    sign_up(client)
    row, message, html = the_email("account.email_confirmation_signup", "nieuw@example.org")
    assert row.language == "nl"
    assert message.to == ["nieuw@example.org"]
    assert message.subject == "Bevestig je e-mailadres voor Thuis in Maastricht"
    assert "Je hebt met dit e-mailadres een account gemaakt op Thuis in Maastricht." in (
        message.body
    )
    assert "Mijn e-mailadres bevestigen" in html
    assert_plain_dutch(message, html)

    response = client.post(link("/account/confirm-email/", message, html))
    assert response.status_code == 302
    assert OutgoingEmail.objects.get(pk=row.pk).status == OutgoingEmail.Status.SENT


def test_sign_up_on_an_english_page_gets_the_email_in_english(client):
    client.cookies["tim_language"] = "en"
    sign_up(client)
    row, message, html = the_email("account.email_confirmation_signup", "nieuw@example.org")
    assert row.language == "en"
    assert message.subject == "Confirm your email address for Thuis in Maastricht"
    assert "You made an account on Thuis in Maastricht with this email address." in message.body
    assert "Confirm my email address" in html and 'lang="en"' in html
    assert "Bevestig" not in readable(message, html)


def test_links_point_at_the_public_address_whatever_host_the_request_came_on(client):
    sign_up(client, HTTP_HOST=OTHER_HOST)
    _, message, html = the_email("account.email_confirmation_signup", "nieuw@example.org")
    assert "127.0.0.1" not in message.body + html
    assert client.post(link("/account/confirm-email/", message, html)).status_code == 302

    mail.outbox.clear()
    ask_new_password(client, email="nieuw@example.org", HTTP_HOST=OTHER_HOST)
    _, message, html = the_email("account.password_reset_key", "nieuw@example.org")
    assert "127.0.0.1" not in message.body + html
    assert "http://testserver/" in message.body


def test_password_reset_is_an_outbox_email_in_plain_dutch_and_its_link_works(client, demo_user):
    ask_new_password(client)
    row, message, html = the_email("account.password_reset_key", demo_user("bewoner").email)
    assert row.language == "nl"
    assert message.subject == "Een nieuw wachtwoord voor Thuis in Maastricht"
    assert "Was jij dat? Kies dan met deze link een nieuw wachtwoord:" in message.body
    assert "Kies een nieuw wachtwoord" in html
    assert_plain_dutch(message, html)

    form_url = client.get(link("/account/password/reset/key/", message, html))["Location"]
    response = client.post(form_url, {"password1": "nieuw-2026-wachtwoord",
                                      "password2": "nieuw-2026-wachtwoord"})  # fmt: skip
    assert response.status_code == 302
    assert demo_user("bewoner").check_password("nieuw-2026-wachtwoord")


def test_password_reset_on_an_english_page_gets_the_email_in_english(client, demo_user):
    client.cookies["tim_language"] = "en"
    ask_new_password(client)
    _, message, html = the_email("account.password_reset_key", demo_user("bewoner").email)
    assert message.subject == "A new password for Thuis in Maastricht"
    assert "Was that you? Then choose a new password with this link:" in message.body
    assert "Choose a new password" in html and 'lang="en"' in html


def test_a_reset_for_an_unknown_address_says_so_in_plain_dutch(client):
    ask_new_password(client, email="onbekend@example.org")
    _, message, html = the_email("account.unknown_account", "onbekend@example.org")
    assert message.subject == "Je vroeg een nieuw wachtwoord voor Thuis in Maastricht"
    assert "Maar er is geen account op Thuis in Maastricht met dit adres." in message.body
    assert link("/account/signup/", message, html)
    assert_plain_dutch(message, html)


def test_a_new_address_on_the_account_gets_a_verification_in_plain_dutch(client, demo_user):
    client.force_login(demo_user("bewoner"))
    client.post("/account/email/", {"action_add": "", "email": "anna.nieuw@example.org"})
    _, message, html = the_email("account.email_confirmation", "anna.nieuw@example.org")
    assert message.subject == "Bevestig je e-mailadres voor Thuis in Maastricht"
    assert "Je wilt dit e-mailadres gebruiken voor je account op Thuis in Maastricht." in (
        message.body
    )
    assert_plain_dutch(message, html)
    assert client.post(link("/account/confirm-email/", message, html)).status_code == 302

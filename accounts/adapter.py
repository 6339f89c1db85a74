"""allauth, made to speak like the site: emails through the outbox, links from BASE_URL."""

import uuid
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import translation

from notifications import outbox
from tim.urls_helper import absolute_url

# allauth's email (its template prefix) → ours, in templates/email/account/. These are all the
# emails our settings let allauth send (verification by link, password reset by link).
EMAILS = {
    "account/email/email_confirmation_signup": "email_confirmation_signup",
    "account/email/email_confirmation": "email_confirmation",
    "account/email/password_reset_key": "password_reset_key",
    "account/email/unknown_account": "unknown_account",
    "account/email/account_already_exists": "account_already_exists",
}


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Emails go out in the language the person used to sign up; the profile can change it."""
        user.language = getattr(request, "LANGUAGE_CODE", user.language)
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """An outbox row, rendered with our templates in the language of the page it came from.

        Each call is its own event (every reset request gets its own link), so the cause is new
        each time. An email allauth might add in a later version without a template of ours
        still goes through the outbox, with allauth's own text.
        """
        name = EMAILS.get(template_prefix)
        if name is None:
            return super().send_mail(template_prefix, email, context)
        user = context.get("user")
        if not isinstance(user, models.Model):
            user = get_user_model().objects.filter(email__iexact=email).first()
        outbox.enqueue(
            kind=f"account.{name}",
            cause=f"request:{uuid.uuid4()}",
            to=email,
            language=translation.get_language(),
            template=f"email/account/{name}",
            context={
                "user": user,
                "email": email,
                **{
                    key: _public(value) if key.endswith("_url") else value
                    for key, value in context.items()
                    if key in ("activate_url", "password_reset_url", "signup_url", "code")
                },
                "site_url": absolute_url("/"),
            },
        )

    def get_email_confirmation_url(self, request, emailconfirmation):
        return _public(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return _public(super().get_reset_password_from_key_url(key))


def _public(url: str) -> str:
    """The same link on the public address, whatever host the request came in on."""
    parts = urlsplit(url)
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))

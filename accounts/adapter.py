"""allauth, made to speak like the site: emails through the outbox, links from BASE_URL."""

import uuid
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from notifications import outbox
from tim.urls_helper import absolute_url


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Emails go out in the language the person used to sign up; the profile can change it."""
        user.language = getattr(request, "LANGUAGE_CODE", user.language)
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """An outbox row, rendered with our template of the same name (templates/email/account/)
        in the language of the page it came from.

        Each call is its own event (every reset request gets its own link), so the cause is new
        each time. Our settings let allauth send five emails (verification and password reset
        by link); each has a template of ours. One allauth might add without a template of ours
        fails in the outbox with the reason, for moderators to see.
        """
        name = template_prefix.rsplit("/", 1)[-1]
        outbox.enqueue(
            kind=f"account.{name}",
            cause=f"request:{uuid.uuid4()}",
            to=email,
            language=translation.get_language(),
            template=f"email/account/{name}",
            context={
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

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Emails go out in the language the person used to sign up; the profile can change it."""
        user.language = getattr(request, "LANGUAGE_CODE", user.language)
        return super().save_user(request, user, form, commit=commit)

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Dutch unless the visitor chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language header; the city wants
    Dutch first, so only the choice stored in the language cookie counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "Cookie"]))
        return response

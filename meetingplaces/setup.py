"""The city-level page of this app: the directory at /ontmoetingsplekken/."""

from tim.models import fill_english

from .models import DirectoryPage

ENGLISH = {
    "title_en": "Meeting places",
    "intro_en": (
        "Places in Maastricht where you can drop in: for coffee, a chat, a question or to join "
        "in. Search for what you want, or see what is open now."
    ),
}


def ensure_pages(home) -> None:
    fill_english(DirectoryPage.objects.all(), **ENGLISH)
    if not DirectoryPage.objects.exists():
        home.add_child(
            instance=DirectoryPage(
                title="Ontmoetingsplekken",
                slug="ontmoetingsplekken",
                **ENGLISH,
                intro=(
                    "Plekken in Maastricht waar je binnen kunt lopen: voor koffie, een praatje, "
                    "een vraag of om mee te doen. Zoek op wat je wilt, of kijk wat nu open is."
                ),
            )
        )

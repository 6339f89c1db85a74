"""The city-level page of this app: the directory at /ontmoetingsplekken/."""

from .models import DirectoryPage


def ensure_pages(home) -> None:
    if not DirectoryPage.objects.exists():
        home.add_child(
            instance=DirectoryPage(
                title="Ontmoetingsplekken",
                slug="ontmoetingsplekken",
                intro=(
                    "Plekken in Maastricht waar je binnen kunt lopen: voor koffie, een praatje, "
                    "een vraag of om mee te doen. Zoek op wat je wilt, of kijk wat nu open is."
                ),
            )
        )

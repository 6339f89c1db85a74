"""Factories for news tests: pages in the real tree (add_child), images as real files."""

import io
from itertools import count

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from news.choices import NewsKind
from news.models import NewsIndexPage, NewsPage
from tim.models import TimImage

_numbers = count()


def image_bytes(size=(1200, 800), image_format="JPEG", colour=(163, 0, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=image_format)
    return buffer.getvalue()


def make_image(*, size=(1200, 800), title="Koffie in het buurthuis", credit="") -> TimImage:
    number = next(_numbers)
    return TimImage.objects.create(
        title=f"{title} {number}",
        description="Vrijwilligers schenken koffie aan de bar van het buurthuis.",
        credit=credit,
        file=ImageFile(io.BytesIO(image_bytes(size)), name=f"foto-{number}.jpg"),
    )


class NewsPageFactory(factory.Factory):
    """NewsPageFactory(parent=index, ...) adds a live item under the index (a draft with
    live=False). Themes are set after the page exists."""

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Buurtnieuws {n}")
    slug = factory.Sequence(lambda n: f"buurtnieuws-{n}")
    kind = NewsKind.NIEUWS
    intro = "Een kort bericht uit de buurt over de kwartiermaker van het buurthuis."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>De bewoners komen samen in het buurthuis.</p>")]
    )
    author_name = "Anna"
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, parent, themes=(), **kwargs):
        if not kwargs.get("live"):
            kwargs["first_published_at"] = None
        page = parent.add_child(instance=model_class(**kwargs))
        if themes:
            page.themes.set(themes)
            page.save()
        return page


def publish_as(page, user=None):
    """Publish the way Wagtail does it: a revision, then publish (first_published_at set)."""
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def publish_in(buurt, title):
    """A news item in the buurt's news, published as an editor does (a revision, then publish)."""
    index = NewsIndexPage.objects.child_of(buurt).get()
    return publish_as(NewsPageFactory(parent=index, title=title, slug=slugify(title), live=False))

"""Writes with side effects in news."""


def update_buurt_after_move(*, page) -> None:
    """A news item moved to another buurt's news (or to the city news) belongs there now."""
    from .models import NewsPage

    item = NewsPage.objects.filter(pk=page.pk).first()
    if item is not None:
        NewsPage.objects.filter(pk=item.pk).update(buurt=item.find_buurt())

from django.urls import reverse


def feed_urls(buurt=None) -> dict:
    """{"rss": url, "atom": url} of the city feeds, or of a buurt's feeds."""
    if buurt is None:
        return {"rss": reverse("city_news_rss"), "atom": reverse("city_news_atom")}
    return {
        "rss": reverse("buurt_news_rss", args=[buurt.slug]),
        "atom": reverse("buurt_news_atom", args=[buurt.slug]),
    }


def feed_paths(page, buurt, ancestors) -> list[str]:
    """The feeds any page of a buurt (or of the city) may appear in, for the page cache."""
    return [*feed_urls().values(), *(feed_urls(buurt).values() if buurt else [])]

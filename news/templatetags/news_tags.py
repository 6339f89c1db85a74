from django import template

from tim.metadata import json_ld
from tim.page_tree import single_page
from tim.urls_helper import page_url

from ..links import feed_urls
from ..models import CityNewsIndexPage, NewsIndexPage, NewsPage
from ..structured_data import news_article, share_images

register = template.Library()

LATEST_COUNT = 4


@register.inclusion_tag("components/news/latest_news.html", takes_context=True)
def latest_news(context, buurt=None):
    """The newest news of a buurt, or of the whole city when no buurt is given."""
    items = NewsPage.objects.published()
    if buurt is not None:
        items = items.in_buurt(buurt)
        index = NewsIndexPage.objects.live().child_of(buurt).first()
    else:
        index = single_page(CityNewsIndexPage)
    return {
        "request": context["request"],
        "buurt": buurt,
        "show_buurt": buurt is None,
        "items": list(items.for_listing().recent()[:LATEST_COUNT]),
        "index": index,
        "feeds": feed_urls(buurt),
    }


@register.inclusion_tag("components/news/feed_links.html")
def news_feed_links(buurt=None):
    """<link rel="alternate"> to the RSS and Atom feeds, for the <head> of a page."""
    return {"buurt": buurt, "feeds": feed_urls(buurt), "city_feeds": feed_urls()}


@register.inclusion_tag("components/news/article_meta.html", takes_context=True)
def news_article_meta(context, page):
    """The article's Open Graph tags and its NewsArticle JSON-LD (base.html has the rest)."""
    url = page_url(page, context["request"])
    return {
        "page": page,
        "json_ld": json_ld(news_article(page, url=url, images=share_images(page))),
    }


@register.inclusion_tag("components/news/news_card.html", takes_context=True)
def news_card(context, item, heading_level=3, show_buurt=True):
    return {
        "request": context["request"],
        "item": item,
        "heading_level": heading_level,
        "show_buurt": show_buurt,
    }

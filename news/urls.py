from django.urls import path

from tim.conditional import conditional_on_content

from . import feeds, views

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("nieuws/rss/", conditional_on_content(feeds.CityNewsFeed()), name="city_news_rss"),
    path("nieuws/atom/", conditional_on_content(feeds.CityNewsAtomFeed()), name="city_news_atom"),
    path(
        "<slug:buurt>/nieuws/rss/",
        conditional_on_content(feeds.BuurtNewsFeed()),
        name="buurt_news_rss",
    ),
    path(
        "<slug:buurt>/nieuws/atom/",
        conditional_on_content(feeds.BuurtNewsAtomFeed()),
        name="buurt_news_atom",
    ),
]

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("nieuws/rss/", feeds.CityNewsFeed(), name="city_news_rss"),
    path("nieuws/atom/", feeds.CityNewsAtomFeed(), name="city_news_atom"),
    path("<slug:buurt>/nieuws/rss/", feeds.BuurtNewsFeed(), name="buurt_news_rss"),
    path("<slug:buurt>/nieuws/atom/", feeds.BuurtNewsAtomFeed(), name="buurt_news_atom"),
]

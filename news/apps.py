from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from tim import pagecache

        from . import links, signals

        signals.connect()
        pagecache.register_related_paths(links.feed_paths)

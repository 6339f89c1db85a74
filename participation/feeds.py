"""RSS of a buurt's ideas: the newest published ideas, text made inert like on the page."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from .text import resident_html

FEED_SIZE = 30


class BuurtIdeasFeed(Feed):
    language = "nl"

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return _("Ideas for %(buurt)s · Thuis in Maastricht") % {"buurt": index.buurt.title}

    def description(self, index):
        return _("The newest ideas of residents of %(buurt)s.") % {"buurt": index.buurt.title}

    def link(self, index):
        return index.url

    def items(self, index):
        return list(index.ideas().select_related("buurt").order_by("-created_at")[:FEED_SIZE])

    def item_title(self, idea):
        return idea.title

    def item_description(self, idea):
        return resident_html(idea.description)

    def item_link(self, idea):
        return idea.url

    def item_pubdate(self, idea):
        return idea.created_at

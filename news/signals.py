"""Signal receivers of the news app, connected in NewsConfig.ready().

Wagtail's own receivers send the moderation emails (submitted, approved, changes requested);
Django's email backend is the outbox, so those emails are rows written in the moderation's
transaction and sent by the outbox's sender like every other email.
"""

from wagtail.signals import post_page_move

from . import services


def connect():
    post_page_move.connect(on_page_moved, dispatch_uid="news_update_buurt_after_move")


def on_page_moved(sender, instance, **kwargs):
    from .models import NewsPage

    if isinstance(sender, type) and issubclass(sender, NewsPage):
        services.update_buurt_after_move(page=instance)

from django.db.models import Q
from wagtail.models import PageManager

from tim.visibility import TimPageQuerySet


class NeighbourhoodPageQuerySet(TimPageQuerySet):
    def matching(self, query):
        """Buurten whose name, or wijk, contains the text a resident typed."""
        if not query:
            return self
        return self.filter(Q(title__icontains=query) | Q(wijk__icontains=query))


NeighbourhoodPageManager = PageManager.from_queryset(NeighbourhoodPageQuerySet)

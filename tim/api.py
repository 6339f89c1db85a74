"""The read-only JSON API (Wagtail API v2) for open data: pages, images and documents.

Pages can be narrowed to one buurt: /api/v2/pages/?type=news.NewsPage&buurt=pottenberg (a slug
or an id) gives that buurt's live news. Images are offered as renditions, never the original.
"""

from django.db.models import Q, QuerySet
from django.utils.decorators import method_decorator
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet

from participation.api import IdeasAPIViewSet

from . import pagecache
from .api_params import StrictQueryMixin
from .conditional import conditional_on_content
from .kept_site import remember_site
from .params import read_integer
from .urls_helper import page_url
from .visibility import public_image_ids


class BuurtFilter(BaseFilterBackend):
    """?buurt=<slug or id>: only the buurt's own pages (its page and everything below it)."""

    def filter_queryset(self, request, queryset, view):
        from neighbourhoods.models import NeighbourhoodPage

        value = request.GET.get("buurt", "").strip()
        if not value:
            return queryset
        page_id = read_integer(value)
        lookup = Q(slug=value) | (Q(pk=page_id) if page_id is not None else Q())
        buurt = NeighbourhoodPage.objects.live().filter(lookup).first()
        if buurt is None:
            raise BadRequestError(f"buurt does not exist: {value}")
        return queryset.descendant_of(buurt, inclusive=True)


class _KeptCount:
    """A queryset whose count() is a kept piece, keyed by the question (tim.pagecache.fragment)."""

    def __init__(self, queryset, question: list):
        self.queryset, self.question = queryset, question

    def count(self):
        return pagecache.fragment("api-count", self.question, self.queryset.count)

    def __getitem__(self, items):
        return self.queryset[items]


class KeptCountPagination(WagtailPagination):
    """Wagtail's pagination, with `meta.total_count` kept until the next publish: counting
    50,000 live news items costs 25 ms, on every page of a client walking the list.

    The question is the host (its Site) and every parameter but those that leave the count as
    it is: where the page starts and how long it is, the fields shown and the order."""

    SAME_COUNT = frozenset(["offset", "limit", "fields", "order"])

    def paginate_queryset(self, queryset, request, view=None):
        if isinstance(queryset, QuerySet):  # not a search: its results count themselves
            question = [type(view).__name__, request.get_host()] + sorted(
                (name, request.GET.getlist(name))
                for name in request.GET
                if name not in self.SAME_COUNT
            )
            queryset = _KeptCount(queryset, question)
        return super().paginate_queryset(queryset, request, view)


class BaseUrlPageHtmlUrlField(PageHtmlUrlField):
    """A page's html_url on BASE_URL, as every other link the site gives (not the Site's host)."""

    def to_representation(self, page):
        return page_url(page, self.context.get("request")) or None


class TimPageSerializer(PageSerializer):
    html_url = BaseUrlPageHtmlUrlField(read_only=True)


class TimPagesAPIViewSet(StrictQueryMixin, PagesAPIViewSet):
    base_serializer_class = TimPageSerializer
    pagination_class = KeptCountPagination
    filter_backends = [BuurtFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["buurt"])

    @method_decorator(conditional_on_content)
    def listing_view(self, request):
        return super().listing_view(request)

    def get_queryset(self):
        """Wagtail's, built once per request (the query check asks for it first)."""
        if not hasattr(self, "_queryset"):
            self._queryset = super().get_queryset()
        return self._queryset

    def get_base_queryset(self):
        """Wagtail's, built once per request: each build reads every view restriction again,
        and a listing asks for it up to four times. The Site comes as kept."""
        if not hasattr(self, "_base_queryset"):
            remember_site(self.request._request)  # DRF wraps the request that Wagtail reads
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    @method_decorator(conditional_on_content)
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:  # `buurt` is BuurtFilter's, not a plain field filter on the id
            fields = [field for field in fields if field != "buurt"]
        return fields


class TimImagesAPIViewSet(StrictQueryMixin, ImagesAPIViewSet):
    """Only images used on live pages anyone may see: not uploads used on a draft, on a page
    behind a view restriction, or nowhere (tim.visibility.public_image_ids)."""

    body_fields = [
        *ImagesAPIViewSet.body_fields,
        APIField("rendition", serializer=ImageRenditionField("max-1600x1600", source="*")),
    ]
    meta_fields = [field for field in ImagesAPIViewSet.meta_fields if field != "download_url"]
    listing_default_fields = [
        field for field in ImagesAPIViewSet.listing_default_fields if field != "download_url"
    ]
    nested_default_fields = [
        field for field in ImagesAPIViewSet.nested_default_fields if field != "download_url"
    ]

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=public_image_ids())


class TimDocumentsAPIViewSet(StrictQueryMixin, DocumentsAPIViewSet):
    """Wagtail's documents, with the query read by tim.api_params first."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TimPagesAPIViewSet)
api_router.register_endpoint("images", TimImagesAPIViewSet)
api_router.register_endpoint("documents", TimDocumentsAPIViewSet)
api_router.register_endpoint("ideas", IdeasAPIViewSet)

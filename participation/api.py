"""Published ideas in the read-only API (/api/v2/ideas/), as open data without personal data.

Narrow to one buurt with ?buurt=<slug>, or one status with ?status=<status>.
"""

from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.views import BaseAPIViewSet

from tim.api_params import StrictQueryMixin

from .models import Idea


class IdeaFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if request.GET.get("buurt"):
            queryset = queryset.filter(buurt__slug=request.GET["buurt"])
        if request.GET.get("status"):
            queryset = queryset.filter(status=request.GET["status"])
        return queryset


class IdeasAPIViewSet(StrictQueryMixin, BaseAPIViewSet):
    model = Idea
    filter_backends = [IdeaFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["buurt", "status"])
    body_fields = [
        *BaseAPIViewSet.body_fields,
        APIField("title"),
        APIField("description"),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("status"),
        APIField("buurt", serializer=serializers.CharField(source="buurt.slug")),
        APIField("supports", serializer=serializers.IntegerField(source="support_total")),
        APIField("created_at"),
        APIField("html_url", serializer=serializers.CharField(source="full_url")),
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "title",
        "status",
        "buurt",
        "supports",
        "html_url",
    ]
    name = "ideas"

    def get_queryset(self):
        return Idea.objects.published().for_listing().order_by("-created_at", "-pk")

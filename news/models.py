from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index

from participation.htmx import REACTIONS_PARTIALS
from tim.blocks import BodyBlock
from tim.lazy_context import lazily
from tim.models import BasePage, EnglishTitle, EnglishTitleAndIntro
from tim.page_tree import buurt_of, single_page
from tim.pagination import paginate

from .choices import NewsKind
from .links import feed_urls
from .managers import NewsPageManager
from .text import reading_minutes

NEWS_PER_PAGE = 12


def city_news_url(request=None) -> str:
    """Where the city news lives (/nieuws/ unless an editor moved it)."""
    page = single_page(CityNewsIndexPage)
    return page.get_url(request=request) if page else "/"


class NewsIndexPage(EnglishTitle, BasePage):
    """The news of one buurt at /<buurt>/nieuws/, newest first."""

    content_panels = [*BasePage.content_panels, EnglishTitle.english_panel]
    parent_page_types = ["neighbourhoods.NeighbourhoodPage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    notify_followers = False  # its items notify, the list itself does not
    template = "pages/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        buurt = self.get_parent().specific
        items = NewsPage.objects.published().child_of(self).for_listing().recent()
        context.update(
            buurt=buurt,
            items=paginate(request, items, NEWS_PER_PAGE),
            feeds=feed_urls(buurt),
            city_news_url=city_news_url(request),
        )
        return context


class CityNewsIndexPage(EnglishTitleAndIntro, BasePage):
    """The news of the whole city at /nieuws/: city-wide items and every buurt's news."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences above the list of news."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1
    notify_followers = False
    template = "pages/news_city_index_page.html"

    class Meta:
        verbose_name = _("city news index")

    def get_context(self, request, *args, **kwargs):
        from .forms import NewsFilterForm

        context = super().get_context(request, *args, **kwargs)

        def build() -> dict:  # when the template shows them (tim.lazy_context)
            form = NewsFilterForm(request.GET)
            items = (
                NewsPage.objects.published()
                .descendant_of(self.get_parent())
                .matching(**form.filters())
                .for_listing()
                .recent()
            )
            return {"filter_form": form, "items": paginate(request, items, NEWS_PER_PAGE)}

        context.update(lazily(build, ["filter_form", "items"]), feeds=feed_urls())
        return context


class NewsPageForm(WagtailAdminPageForm):
    """Fills in the author's display name on a new item, so most editors need not type it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if not self.instance.pk and user is not None and not self.initial.get("author_name"):
            self.initial["author_name"] = getattr(user, "display_name", "") or ""


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class BuurtSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    wijk = serializers.CharField()


class NewsPage(BasePage):
    """One news item, story or announcement, in a buurt's news or in the city news."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=NewsKind.choices,
        default=NewsKind.NIEUWS,
        help_text=_(
            "News: something that happened or changes. Neighbourhood story: a resident tells "
            "their own story. Announcement: something that is going to happen."
        ),
    )
    intro = models.CharField(
        _("introduction"),
        max_length=300,
        help_text=_(
            "What is it about, in one or two plain sentences (at most 300 characters). "
            "It is shown in lists, in the feeds and when the item is shared."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("text"),
        help_text=_("Write short paragraphs. Add photos with a description for blind readers."),
    )
    hero_image = models.ForeignKey(
        "tim.TimImage",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown above the item and in lists. Its alt text is asked when you upload it."),
    )
    themes = ParentalManyToManyField(
        "tim.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="news_pages",
        help_text=_("Choose every theme that fits. Readers find the item through them."),
    )
    author_name = models.CharField(
        _("author"),
        max_length=80,
        blank=True,
        help_text=_(
            "The name shown with the item, for example 'Anna, resident of Pottenberg'. "
            "Leave empty to show no name."
        ),
    )
    is_demo = models.BooleanField(
        _("example content"),
        default=False,
        help_text=_("Tick for demonstration content: the page then says it is an example."),
    )
    # Derived on save, so lists and filters need no walk up the page tree and no body.
    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="news_pages",
    )
    reading_time = models.PositiveSmallIntegerField(
        _("reading time in minutes"), default=1, editable=False
    )

    objects = NewsPageManager()
    base_form_class = NewsPageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro", widget=forms.Textarea(attrs={"rows": 3, "maxlength": 300})),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("author_name"),
    ]
    settings_panels = [
        *BasePage.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel(
                    "first_published_at",
                    heading=_("First published"),
                    help_text=_(
                        "Leave empty: it is filled in when the item is published for the first "
                        "time. Change it only to correct the date."
                    ),
                ),
                FieldPanel("is_demo", permission="news.mark_example_content"),
            ],
            heading=_("Date and status"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("buurt"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("intro"),
        APIField("author_name"),
        APIField("reading_time"),
        APIField("is_demo"),
        APIField("buurt", serializer=BuurtSerializer(read_only=True)),
        APIField("themes", serializer=ThemeSerializer(many=True, read_only=True)),
        APIField("hero_image", serializer=ImageRenditionField("fill-1200x675|format-jpeg")),
        APIField("body"),
    ]
    parent_page_types = ["news.NewsIndexPage", "news.CityNewsIndexPage"]
    subpage_types = []
    template = "pages/news_page.html"
    htmx_partials = REACTIONS_PARTIALS  # reacting without reloading the page
    cache_family = "news"  # each item shows the latest news of its buurt and of the city

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["kind"])]
        # Only the Moderatoren say an item is an example (neighbourhoods.roles): a buurt's
        # editors write real news and do not see the box.
        permissions = [("mark_example_content", _("Can mark a news item as example content"))]

    def save(self, *args, **kwargs):
        self.buurt = self.find_buurt()
        self.reading_time = reading_minutes(self.intro, self.body)
        return super().save(*args, **kwargs)

    def find_buurt(self):
        """The buurt this item is in (None for city news), read from the page tree."""
        return buurt_of(self)

    @cached_property
    def theme_list(self):
        """The themes, read once for the article, its tags and its JSON-LD."""
        return list(self.themes.all())

    @property
    def kind_label(self):
        return NewsKind(self.kind).label

    @property
    def date(self):
        """The date readers see: when it was first published (a draft has none yet)."""
        return self.first_published_at or self.go_live_at or self.latest_revision_created_at

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published = NewsPage.objects.published().exclude(pk=self.pk).for_listing().recent()
        if self.buurt_id:
            more_here = published.in_buurt(self.buurt_id)[:3]
            more_city = published.exclude(buurt=self.buurt_id)[:3]
        else:
            more_here = []
            more_city = published[:3]
        context.update(
            more_from_buurt=more_here,
            more_from_city=more_city,
            # Only the kept article and its "more news" show it (tim.lazy_context).
            **lazily(lambda: {"city_news_url": city_news_url(request)}, ["city_news_url"]),
        )
        return context

from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from tim.blocks import BodyBlock
from tim.models import BasePage, EnglishTitleAndIntro
from tim.panels import map_position_row

from .choices import Wijk
from .managers import NeighbourhoodPageManager
from .routes import RegisteredRoutesMixin


class CityHomePage(RegisteredRoutesMixin, EnglishTitleAndIntro, BasePage):
    """The city umbrella at "/": the buurt picker and what happens across the city."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Two or three short sentences that welcome a resident to the site."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each city-level page type names CityHomePage in its parent_page_types.
    template = "pages/city_home_page.html"
    htmx_partials = {"buurt-picker-results": "components/buurt_picker_results.html"}

    class Meta:
        verbose_name = _("city home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("buurt", "").strip()[:80]
        buurten = (
            NeighbourhoodPage.objects.child_of(self)
            .live()
            .public()
            .matching(query)
            .order_by("title")
        )
        # A callable, so the buurten are read only when the list is rendered, not when it
        # comes from the fragment cache (the template calls it).
        context.update(buurt_query=query, wijken=partial(NeighbourhoodPage.group_by_wijk, buurten))
        return context


class NeighbourhoodPage(RegisteredRoutesMixin, BasePage):
    """One CBS buurt: the home of its own site (news, agenda, meeting places, initiatives)."""

    cbs_code = models.CharField(
        _("CBS code"),
        max_length=10,
        unique=True,
        help_text=_("The code Statistics Netherlands (CBS) uses for this buurt, e.g. BU09350203."),
    )
    wijk = models.CharField(_("wijk"), max_length=20, choices=Wijk.choices)
    population = models.PositiveIntegerField(
        _("residents"),
        null=True,
        blank=True,
        help_text=_("Number of residents according to CBS. Leave empty when CBS gives none."),
    )
    population_is_estimate = models.BooleanField(
        _("number of residents is an estimate"),
        default=False,
        help_text=_("Tick when the number does not come from the latest CBS figures."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "A few short sentences about the buurt, written for the people who live there."
        ),
    )
    hero_image = models.ForeignKey(
        "tim.TimImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo of the buurt. Its alt text is required when you upload it."),
    )
    data_sources = models.TextField(
        _("sources of the figures"),
        blank=True,
        help_text=_("Where the code, the number of residents and the location come from."),
    )

    objects = NeighbourhoodPageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cbs_code"), FieldPanel("wijk")]),
                FieldRowPanel(
                    [
                        FieldPanel("population"),
                        FieldPanel("population_is_estimate"),
                    ]
                ),
                map_position_row(),
                FieldPanel("data_sources"),
            ],
            heading=_("Figures"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = [
        "news.NewsIndexPage",
        "initiatives.InitiativeIndexPage",
        "meetingplaces.MeetingPlaceIndexPage",
        "neighbourhoods.StandardPage",
    ]
    template = "pages/neighbourhood_page.html"

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")

    @staticmethod
    def group_by_wijk(buurten):
        """[(wijk label, [buurt, ...]), ...] in CBS order, leaving out wijken without buurten."""
        grouped = {wijk: [] for wijk in Wijk.values}
        for buurt in buurten:
            grouped[buurt.wijk].append(buurt)
        return [(Wijk(wijk).label, pages) for wijk, pages in grouped.items() if pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            neighbours=NeighbourhoodPage.objects.live()
            .public()
            .filter(wijk=self.wijk)
            .exclude(pk=self.pk)
            .order_by("title"),
        )
        return context


class StandardPage(BasePage):
    """A plain page: about TIM, privacy, the accessibility statement, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["neighbourhoods.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

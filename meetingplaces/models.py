from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from tim.blocks import LabelledCharBlock
from tim.models import BasePage, EnglishTitle, EnglishTitleAndIntro
from tim.page_tree import buurt_of
from tim.panels import map_position_row

from . import hours
from .choices import ACCESSIBILITY_FACTS, Weekday
from .managers import HOURS_PREFETCH, MeetingPlacePageManager

# A host is reminded after three months without confirming the facts; after six months the
# directory says the facts may be out of date.
REMIND_AFTER = timedelta(days=91)
OUT_OF_DATE_AFTER = timedelta(days=182)


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), help_text=_("For example: 60 or 20-50 per day."))
    label = blocks.CharBlock(label=_("what it counts"), help_text=_("For example: volunteers."))

    class Meta:
        icon = "order"
        label = _("key figure")


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), help_text=_("The words as the person said them."))
    attribution = blocks.CharBlock(
        label=_("who said it"),
        required=False,
        help_text=_(
            "For example: 'Ruben' or 'a volunteer'. Leave empty when the source names nobody."
        ),
    )

    class Meta:
        icon = "openquote"
        label = _("testimonial")


def source_note_field():
    """Where a fact came from and what the source leaves open: for editors, never on the site."""
    return models.TextField(
        _("source note"),
        blank=True,
        help_text=_(
            "Only editors see this. Write where the facts come from and what the source does not "
            "say, e.g. 'The booklet says open 4 days a week, not which days'. Residents never "
            "see this note: tell them in plain words on the page itself."
        ),
    )


@register_snippet
class PartnerOrganisation(index.Indexed, ClusterableModel):
    """An organisation that supports initiatives across buurten (Trajekt, Maastricht Vitale Stad).

    Not a meeting place: residents do not drop in there, so it has no hours and is not on the map.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(
        _("who they are"), help_text=_("Two or three plain sentences about the organisation.")
    )
    supports = models.TextField(
        _("what they support"),
        blank=True,
        help_text=_("How they help initiatives and residents, in plain words."),
    )
    area = models.CharField(
        _("where they work"),
        max_length=200,
        blank=True,
        help_text=_(
            "For example: 'active in 19 buurten'. Pick the buurten below when they are known."
        ),
    )
    buurten = ParentalManyToManyField(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurten"),
        blank=True,
        related_name="partner_organisations",
        help_text=_("The buurten they work in, when the source names them."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Figures from the organisation itself, as they give them."),
    )
    source_note = source_note_field()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("supports"),
        FieldPanel("area"),
        FieldPanel("buurten"),
        FieldPanel("address"),
        FieldPanel("website"),
        FieldPanel("key_figures"),
        FieldPanel("source_note"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class MeetingPlaceIndexPage(EnglishTitle, BasePage):
    """The meeting places of one buurt at /<buurt>/ontmoetingsplekken/."""

    content_panels = [*BasePage.content_panels, EnglishTitle.english_panel]
    parent_page_types = ["neighbourhoods.NeighbourhoodPage"]
    subpage_types = ["meetingplaces.MeetingPlacePage"]
    max_count_per_parent = 1
    template = "pages/meeting_place_index_page.html"

    class Meta:
        verbose_name = _("meeting places index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        places = (
            MeetingPlacePage.objects.child_of(self).live().public().for_listing().order_by("title")
        )
        context["places"] = places
        return context


def accessibility_fact(label, help_text):
    """Yes, no or not known: an empty answer must never read as 'no'."""
    return models.BooleanField(label, null=True, blank=True, default=None, help_text=help_text)


class MeetingPlacePage(BasePage):
    """A place where residents can drop in: its hours, how to get in, what happens there."""

    organisation_name = models.CharField(
        _("organisation"),
        max_length=150,
        blank=True,
        help_text=_(
            "The initiative or foundation that runs this place. Places of one initiative "
            "(SMILE043 has several) share the same name here."
        ),
    )
    mission = models.TextField(
        _("what it is"),
        help_text=_("In two or three short sentences: why the place exists and who is welcome."),
    )
    what_happens = models.TextField(
        _("what you can do there"),
        blank=True,
        help_text=_("Plain words: coffee, a chat, a question, painting, sport..."),
    )
    cost = models.CharField(
        _("what it costs"),
        max_length=200,
        blank=True,
        help_text=_("For example: 'Free' or 'Books cost mostly 1 to 3 euros'. Empty when unknown."),
    )
    themes = ParentalManyToManyField(
        "tim.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="meeting_places",
        help_text=_(
            "Everything this place is. Pick as many as fit: a place is many things at once."
        ),
    )

    street_address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_(
            "Street and number, or a description such as 'Shopping centre Brusselse Poort'."
        ),
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        blank=True,
        help_text=_("For example 6221 AB. Leave empty when you do not know it: the page says so."),
    )
    city = models.CharField(_("city"), max_length=80, default="Maastricht")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("For the map and the route link. For example 50.85100."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("For example 5.70300."),
    )
    location_note = models.TextField(
        _("how sure the location is"),
        blank=True,
        help_text=_("Say it when the address, buurt or map point is an estimate."),
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True, help_text=_("Shown on the page."))

    hours_are_example = models.BooleanField(
        _("the opening hours are example data"),
        default=False,
        help_text=_(
            "Ticked for demo hours that nobody has confirmed. The page then says they are an "
            "example. Untick when you have entered the real hours."
        ),
    )
    hours_note = models.CharField(
        _("note on the opening hours"),
        max_length=250,
        blank=True,
        help_text=_("For example: 'Open 4 days a week; which days is not known yet'."),
    )

    step_free_entrance = accessibility_fact(
        _("wheelchair-accessible entrance"), _("Can you get in without steps or a high doorstep?")
    )
    accessible_toilet = accessibility_fact(
        _("accessible toilet"), _("Is there a toilet that a wheelchair user can use?")
    )
    hearing_loop = accessibility_fact(
        _("hearing loop"), _("Is there a hearing loop (ringleiding) for people with a hearing aid?")
    )
    quiet_space = accessibility_fact(
        _("quiet space"), _("Is there a quiet corner or room where someone can rest?")
    )
    disabled_parking = accessibility_fact(
        _("parking for disabled people"), _("Is there a parking space for disabled people nearby?")
    )
    assistance_dogs_welcome = accessibility_fact(
        _("assistance dogs welcome"), _("Are assistance dogs welcome inside?")
    )
    accessibility_note = models.TextField(
        _("more about access"),
        blank=True,
        help_text=_(
            "Anything else a visitor should know: a lift, the bus stop, a bell at the door."
        ),
    )

    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Figures as the initiative gives them, e.g. 'Volunteers: 60'."),
    )
    challenges = StreamField(
        [("challenge", LabelledCharBlock(label=_("challenge")))],
        verbose_name=_("challenges"),
        blank=True,
        help_text=_("What the initiative finds hard, in its own words."),
    )
    testimonials = StreamField(
        [("testimonial", TestimonialBlock())],
        verbose_name=_("what visitors say"),
        blank=True,
    )
    photos = StreamField(
        [("photo", ImageBlock())],
        verbose_name=_("photos"),
        blank=True,
        help_text=_("Every photo needs a short description for people who cannot see it."),
    )
    partners = ParentalManyToManyField(
        PartnerOrganisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="places",
        help_text=_("Organisations such as Trajekt that support this place."),
    )
    other_partners = models.TextField(
        _("other partners"),
        blank=True,
        help_text=_("Other partners, one per line, e.g. 'Universiteit met de Buurt'."),
    )
    host_name = models.CharField(
        _("host"),
        max_length=150,
        blank=True,
        help_text=_("The person or group that hosts the place, as visitors may know them."),
    )
    host_email = models.EmailField(
        _("email of the host"),
        blank=True,
        help_text=_(
            "Not shown on the site. Every three months we ask this address to check the facts. "
            "Empty: we ask the owner of the page."
        ),
    )
    source_note = source_note_field()
    objects = MeetingPlacePageManager()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("organisation_name"),
        FieldPanel("mission"),
        FieldPanel("what_happens"),
        FieldPanel("cost"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                map_position_row(),
                FieldPanel("location_note"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("host_name"),
                FieldPanel("host_email"),
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                FieldPanel("other_partners"),
            ],
            heading=_("Host and partners"),
        ),
        FieldPanel("key_figures"),
        FieldPanel("challenges"),
        FieldPanel("testimonials"),
        FieldPanel("photos"),
        FieldPanel("source_note"),
    ]
    hours_panels = [
        HelpPanel(
            content=_(
                "<p>Add a line for each time the place opens. Open twice on one day? Add two "
                "lines for that day. Open until after midnight? Enter the closing time of that "
                "night, e.g. 22:00 to 02:00.</p>"
            )
        ),
        FieldPanel("hours_are_example"),
        FieldPanel("hours_note"),
        InlinePanel("opening_hours", label=_("Opening hours"), heading=_("Every week")),
        InlinePanel(
            "opening_exceptions",
            label=_("Exception"),
            heading=_("Closed or other hours on a date or in a holiday"),
        ),
    ]
    access_panels = [
        HelpPanel(content=_("<p>Answer what you know. 'Unknown' is fine: the page says so.</p>")),
        *[FieldPanel(name) for name, _param, _label in ACCESSIBILITY_FACTS],
        FieldPanel("accessibility_note"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Place")),
            ObjectList(hours_panels, heading=_("Opening hours")),
            ObjectList(access_panels, heading=_("Access")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("organisation_name"),
        index.SearchField("mission"),
        index.SearchField("what_happens"),
        index.SearchField("street_address"),
        index.FilterField("hours_are_example"),
    ]
    api_fields = [
        APIField("organisation_name"),
        APIField("mission"),
        APIField("street_address"),
        APIField("postcode"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("opening_hours"),
        APIField("opening_exceptions"),
        APIField("hours_are_example"),
        *[APIField(name) for name, _param, _label in ACCESSIBILITY_FACTS],
    ]
    parent_page_types = ["meetingplaces.MeetingPlaceIndexPage"]
    subpage_types = []
    template = "pages/meeting_place_page.html"
    accepts_corrections = True  # visitors may send a correction (meetingplaces.views.correction)

    class Meta:
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")

    _previewed = False

    def get_context(self, request, *args, **kwargs):
        self._previewed = getattr(request, "is_preview", False)
        return super().get_context(request, *args, **kwargs)

    def read_hours(self) -> None:
        """The week table, "open now" and the JSON-LD walk the hours day by day: they read them
        at once, when they are made (a kept piece of the page needs none). A preview shows the
        hours being edited, not the saved ones."""
        if not self._previewed:
            models.prefetch_related_objects([self], *HOURS_PREFETCH)

    @cached_property
    def buurt(self):
        """The buurt the place belongs to (two levels up); listings annotate it instead."""
        return buurt_of(self)

    def status(self, moment=None):
        return hours.status(self, moment)

    @property
    def accessibility(self):
        """[(label, True/False/None), ...] in the order of ACCESSIBILITY_FACTS."""
        return [(label, getattr(self, name)) for name, _param, label in ACCESSIBILITY_FACTS]

    @property
    def unknown_facts(self) -> int:
        """How many access facts nobody has filled in yet ("not known" on the page)."""
        return sum(value is None for _label, value in self.accessibility)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def confirmed_at(self):
        """When the host last confirmed the facts; None when never (see FactsCheck)."""
        check = getattr(self, "facts_check", None) if self.pk else None
        return check.confirmed_at if check else None

    @property
    def checked_at(self):
        """The moment the facts were last known to be right: confirmed, or else first published."""
        return self.confirmed_at or self.first_published_at

    def possibly_out_of_date(self, now=None):
        checked = self.checked_at
        return checked is not None and (now or timezone.now()) - checked > OUT_OF_DATE_AFTER

    @property
    def other_partner_list(self):
        return [line.strip() for line in self.other_partners.splitlines() if line.strip()]


class FactsCheck(models.Model):
    """When a host last confirmed a place's facts, and when we last asked them to.

    Kept beside the page, not on it: page fields are restored from revisions when an editor
    publishes, which would undo a confirmation made by the email link in between.
    """

    page = models.OneToOneField(
        MeetingPlacePage, on_delete=models.CASCADE, related_name="facts_check", primary_key=True
    )
    confirmed_at = models.DateTimeField(_("facts last confirmed"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("check of the facts")
        verbose_name_plural = _("checks of the facts")

    def __str__(self):
        return f"{self.page}: {self.confirmed_at or '-'}"


class OpeningHours(Orderable):
    """One range on a weekday. Several per day are allowed; one past midnight closes next day."""

    page = ParentalKey(MeetingPlacePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, help_text=_("The day the place opens.")
    )
    opens = models.TimeField(_("opens at"), help_text=_("For example 10:00."))
    closes = models.TimeField(
        _("closes at"),
        help_text=_("For example 16:00. Earlier than the opening time means: after midnight."),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    api_fields = [APIField("weekday"), APIField("opens"), APIField("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError(
                {"closes": _("The closing time must differ from the opening time.")}
            )


class OpeningException(Orderable):
    """Closed on a date, a holiday period, or other hours on a date (one range per line)."""

    page = ParentalKey(
        MeetingPlacePage, on_delete=models.CASCADE, related_name="opening_exceptions"
    )
    start_date = models.DateField(_("from"), help_text=_("The first day."))
    end_date = models.DateField(
        _("until and including"),
        null=True,
        blank=True,
        help_text=_("The last day, for a holiday. Empty for one day."),
    )
    closed = models.BooleanField(
        _("closed"),
        default=True,
        help_text=_("Ticked: closed on these days. Not ticked: open at the times below instead."),
    )
    opens = models.TimeField(_("opens at"), null=True, blank=True)
    closes = models.TimeField(_("closes at"), null=True, blank=True)
    reason = models.CharField(
        _("reason"),
        max_length=120,
        blank=True,
        help_text=_("Shown to visitors, e.g. 'Christmas holiday' or 'King's Day'."),
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("reason"),
    ]
    api_fields = [
        APIField("start_date"),
        APIField("end_date"),
        APIField("closed"),
        APIField("opens"),
        APIField("closes"),
        APIField("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def covers(self, day):
        return self.start_date <= day <= self.last_day

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if not self.closed and (self.opens is None or self.closes is None):
            errors["opens"] = _("Fill in both times, or tick 'closed'.")
        if errors:
            raise ValidationError(errors)


class HoursChange(models.Model):
    """A host's change for one day of this week: closed today, or other hours, live at once.

    Kept beside the page, like FactsCheck: a change of today's hours cannot wait for a review,
    and publishing a revision would cancel a draft that is waiting for one. The hours read it
    like an opening exception (start_date, last_day, closed, opens, closes, reason) and it wins
    over the exceptions of the page on its day. Wagtail's audit log records who made it.
    """

    page = models.ForeignKey(
        MeetingPlacePage,
        on_delete=models.CASCADE,
        related_name="hours_changes",
        verbose_name=_("meeting place"),
    )
    start_date = models.DateField(_("day"))
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens at"), null=True, blank=True)
    closes = models.TimeField(_("closes at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    end_date = None  # one day: read like an OpeningException without an end date

    class Meta:
        ordering = ["start_date", "opens"]
        verbose_name = _("change of hours this week")
        verbose_name_plural = _("changes of hours this week")

    def __str__(self):
        return f"{self.page}: {self.start_date}"

    @property
    def last_day(self):
        return self.start_date


class Correction(models.Model):
    """A visitor's "Klopt er iets niet, of weet je dit?" about a place or an initiative.

    Kept so that the host and the Moderatoren can look it up after the email; name and email
    are optional, so an anonymous tip is welcome too.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("page"),
    )
    name = models.CharField(_("name"), max_length=80, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    message = models.TextField(_("message"), max_length=2000)
    sent_to = models.TextField(
        _("sent to"), blank=True, help_text=_("Who received this message by email.")
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction from a visitor")
        verbose_name_plural = _("corrections from visitors")

    def __str__(self):
        return f"{self.page.title}: {self.message[:40]}"


class DirectoryPage(EnglishTitleAndIntro, BasePage):
    """All meeting places of the city at /ontmoetingsplekken/: filters, the list and a map."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences above the list."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = []
    max_count = 1
    htmx_partials = {"plekken-resultaten": "pages/directory_page_results.html"}
    template = "pages/directory_page.html"

    class Meta:
        verbose_name = _("meeting places directory")

    def get_context(self, request, *args, **kwargs):
        from tim.lazy_context import lazily
        from tim.params import require_readable

        from .filters import DIRECTORY_CONTEXT, DirectoryFilter

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lazily(  # when the template shows them (tim.lazy_context)
                lambda: require_readable(DirectoryFilter(request.GET or None)).context(request),
                DIRECTORY_CONTEXT,
            )
        )
        context["partner_organisations"] = PartnerOrganisation.objects.prefetch_related("buurten")
        return context

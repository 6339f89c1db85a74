"""Initiatives, their activities and volunteer calls, the concrete occurrences and sign-ups.

Activities and volunteer calls are child pages of their initiative: each gets its own address,
revisions, moderation and search, and a host who may add pages under the initiatives index edits
only the pages they own, activities included. Occurrences and sign-ups are plain models: they are
data the site makes and residents create, not content an editor writes.
"""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from participation.htmx import REACTIONS_PARTIALS
from tim.blocks import BodyBlock
from tim.metadata import json_ld
from tim.models import BasePage, EnglishTitle, EnglishTitleAndIntro
from tim.visibility import TimPageQuerySet, public_q

from .forms import ActivityPageForm, describe_recurrence
from .panels import SignupsLinkPanel

LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
MEETING_PLACE_PAGE = "meetingplaces.MeetingPlacePage"


class PlaceFields(models.Model):
    """Where something happens: a meeting place of the directory, or a free address."""

    place_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("meeting place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Choose the meeting place, if it is in the directory. Otherwise fill in the address."
        ),
    )
    place_name = models.CharField(
        _("name of the place"),
        max_length=120,
        blank=True,
        help_text=_(
            "For example 'Speeltuin Pottenberg'. Leave empty when you chose a meeting place."
        ),
    )
    street_address = models.CharField(
        _("street and number"),
        max_length=120,
        blank=True,
        help_text=_("For example 'Hunnenweg 4'."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("place"), max_length=60, default="Maastricht", blank=True)

    place_panels = [
        PageChooserPanel("place_page", page_type=MEETING_PLACE_PAGE),
        FieldPanel("place_name"),
        FieldRowPanel([FieldPanel("street_address"), FieldPanel("postcode"), FieldPanel("city")]),
    ]

    class Meta:
        abstract = True

    @property
    def location_name(self):
        if self.place_name:
            return self.place_name
        return self.place_page.title if self.place_page_id else ""

    @property
    def address(self):
        """The address on one line, for people, calendars and maps.

        At a meeting place it is the place's full address (street, postcode, city), so it stays
        right when the place's page is corrected; otherwise the address typed here.
        """
        place = self.meeting_place
        if place is not None:
            city = " ".join(part for part in [place.postcode, place.city] if part)
            return ", ".join(part for part in [place.street_address, city] if part)
        own_city = self.postcode_city if self.street_address or self.postcode else ""
        return ", ".join(part for part in [self.street_address, own_city] if part)

    @property
    def meeting_place(self):
        """The chosen meeting place as a MeetingPlacePage (select_related
        "place_page__meetingplacepage" on lists, so this makes no query there)."""
        if not self.place_page_id:
            return None
        try:
            return self.place_page.meetingplacepage
        except ObjectDoesNotExist:
            return None

    @property
    def postcode_city(self):
        return " ".join(part for part in [self.postcode, self.city] if part)

    def clean(self):
        super().clean()
        if not self.place_page_id and not (self.place_name or self.street_address):
            raise ValidationError(
                {
                    "place_name": _(
                        "Choose a meeting place, or give the name or address of the place."
                    )
                }
            )


# --- Initiatives -------------------------------------------------------------------------------


class InitiativeIndexPage(EnglishTitle, BasePage):
    """The initiatives of one buurt at /<buurt>/initiatieven/."""

    content_panels = [*BasePage.content_panels, EnglishTitle.english_panel]
    parent_page_types = ["neighbourhoods.NeighbourhoodPage"]
    subpage_types = ["initiatives.InitiativePage"]
    max_count_per_parent = 1
    template = "pages/initiative_index_page.html"

    class Meta:
        verbose_name = _("initiatives index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["initiatives"] = (
            InitiativePage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("themes")
            .order_by("title")
        )
        return context


class InitiativePage(BasePage):
    """A group of residents or an organisation that does something for the buurt."""

    intro = models.TextField(
        _("what it is for"),
        help_text=_("Two or three short sentences: what you do, for whom, and why."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("more about the initiative"),
        blank=True,
        help_text=_("Tell more: your story, links, photos. Photos need a short description."),
    )
    image = models.ForeignKey(
        "tim.TimImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the initiative. Its alt text is required when you upload it."),
    )
    themes = ParentalManyToManyField(
        "tim.Theme",
        verbose_name=_("themes"),
        blank=True,
        help_text=_("Everything the initiative is about. Choose as many as fit."),
    )
    contact_name = models.CharField(
        _("contact person"), max_length=80, blank=True, help_text=_("Shown on the page.")
    )
    email = models.EmailField(_("email address"), blank=True, help_text=_("Shown on the page."))
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    host_email = models.EmailField(
        _("email for sign-ups"),
        blank=True,
        help_text=_(
            "We send each sign-up and each offer of help here. Not shown on the site. "
            "Empty: we use the email address of the owner of this page."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")]
                ),
                FieldPanel("website"),
                FieldPanel("host_email"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("places", label=_("Places the initiative uses")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = ["initiatives.ActivityPage", "initiatives.VolunteerCallPage"]
    template = "pages/initiative_page.html"
    htmx_partials = REACTIONS_PARTIALS  # reacting without reloading the page
    accepts_corrections = True  # visitors may send a correction (meetingplaces.views.correction)

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        activities = ActivityPage.objects.child_of(self).live().public().order_by("title")
        context.update(
            activities=activities,
            occurrences=Occurrence.objects.upcoming()
            .filter(activity__in=activities)
            .for_listing()[:12],
            places=self.places.select_related("place_page"),
        )
        return context


class InitiativePlace(Orderable, PlaceFields):
    """A place an initiative uses, for its page; activities name their own place."""

    initiative = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="places")

    panels = PlaceFields.place_panels

    class Meta(Orderable.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.location_name


# --- Activities --------------------------------------------------------------------------------


class ActivityPage(PlaceFields, BasePage):
    """Something residents can join, once or recurring ("every Tuesday 10:00 Qi-gong")."""

    intro = models.TextField(
        _("what happens"), help_text=_("Two or three short sentences: what you do together.")
    )
    themes = ParentalManyToManyField(
        "tim.Theme", verbose_name=_("themes"), blank=True, help_text=_("Choose as many as fit.")
    )
    start_date = models.DateField(
        _("first date"), help_text=_("The first time. For a repeating activity: the first time.")
    )
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    recurrence = models.CharField(
        _("repeats (RRULE)"),
        max_length=200,
        blank=True,
        help_text=_("Made from the choices above, in the calendar standard. Empty: only once."),
    )
    times_are_example = models.BooleanField(
        _("times are an example"),
        default=False,
        help_text=_("Tick for demo content whose days and times are made up, not known facts."),
    )
    price = models.DecimalField(
        _("price in euros"),
        max_digits=6,
        decimal_places=2,
        default=0,
        help_text=_("0 means free."),
    )
    signup_required = models.BooleanField(
        _("sign up needed"),
        default=False,
        help_text=_("Tick when people must sign up. Then they can do that on the site."),
    )
    capacity = models.PositiveIntegerField(
        _("number of places"),
        null=True,
        blank=True,
        help_text=_("How many people can join each time. Empty: no limit."),
    )
    what_to_bring = models.CharField(
        _("what to bring"), max_length=200, blank=True, help_text=_("For example 'Sport shoes'.")
    )
    accessibility_notes = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("For example: 'Step-free entrance, chairs with arms, quiet room available'."),
    )

    content_panels = [
        SignupsLinkPanel(),
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("repeat"),
                FieldPanel("weekdays"),
                FieldPanel("week_of_month"),
                FieldPanel("repeat_until"),
                FieldPanel("times_are_example"),
            ],
            heading=_("When"),
        ),
        InlinePanel(
            "date_changes",
            label=_("Dates that are cancelled or moved"),
            help_text=_("For example 'not on 24 December', or one time on another day."),
        ),
        MultiFieldPanel(PlaceFields.place_panels, heading=_("Where")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("price"), FieldPanel("signup_required"), FieldPanel("capacity")]
                ),
                FieldPanel("what_to_bring"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Taking part"),
        ),
    ]
    base_form_class = ActivityPageForm
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["initiatives.InitiativePage"]
    subpage_types = []
    template = "pages/activity_page.html"
    htmx_partials = REACTIONS_PARTIALS  # reacting without reloading the page

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

    @property
    def is_free(self):
        return not self.price

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    def local_start(self, day: datetime.date, time: datetime.time | None = None):
        return datetime.datetime.combine(day, time or self.start_time, tzinfo=LOCAL_TZ)

    def duration(self) -> datetime.timedelta:
        start = datetime.datetime.combine(self.start_date, self.start_time)
        end = datetime.datetime.combine(self.start_date, self.end_time)
        return end - start if end > start else end + datetime.timedelta(days=1) - start

    @property
    def schedule_text(self):
        return describe_recurrence(self.recurrence)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the template shows them: a kept piece of the page needs neither.
        occurrences = Occurrence.objects.upcoming().filter(activity=self).for_listing()[:10]
        initiative = self.get_parent()  # its title and address; the JSON-LD reads the rest

        def event_json_ld():
            from . import structured_data  # it reads this module's LOCAL_TZ

            next_one = next((o for o in occurrences if not o.is_cancelled), None)
            event = structured_data.event(
                self, request, initiative=initiative.specific, next_occurrence=next_one
            )
            return json_ld(event)

        context.update(initiative=initiative, occurrences=occurrences, json_ld=event_json_ld)
        return context


class ActivityDateChange(Orderable):
    """One date of a series that is cancelled (EXDATE) or moved, without changing the series."""

    activity = ParentalKey(ActivityPage, on_delete=models.CASCADE, related_name="date_changes")
    date = models.DateField(
        _("date in the series"), help_text=_("The date the activity would normally take place.")
    )
    new_date = models.DateField(
        _("moved to"),
        null=True,
        blank=True,
        help_text=_("Empty: it does not take place that day. A date: it takes place then instead."),
    )
    new_start_time = models.TimeField(
        _("new start time"), null=True, blank=True, help_text=_("Empty: the usual time.")
    )
    note = models.CharField(
        _("note"), max_length=120, blank=True, help_text=_("For example 'Christmas holiday'.")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("new_date"), FieldPanel("new_start_time")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled or moved date")
        verbose_name_plural = _("cancelled or moved dates")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "date"],
                name="one_change_per_date",
                violation_error_message=_("This date is cancelled or moved already."),
            )
        ]

    @property
    def is_cancelled(self):
        return self.new_date is None


class OccurrenceQuerySet(models.QuerySet):
    def live(self):
        """Of live activities that anyone may see (not behind a view restriction)."""
        return self.filter(public_q("activity"), activity__live=True)

    def upcoming(self, now=None):
        """Live occurrences that have not ended yet, cancelled ones included (they say so)."""
        return self.live().filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def between(self, start: datetime.date, end: datetime.date):
        """Occurrences starting on a day from start to end, both included, in Maastricht time."""
        return self.filter(
            starts_at__gte=datetime.datetime.combine(start, datetime.time.min, tzinfo=LOCAL_TZ),
            starts_at__lt=datetime.datetime.combine(
                end + datetime.timedelta(days=1), datetime.time.min, tzinfo=LOCAL_TZ
            ),
        )

    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def in_wijk(self, wijk):
        return self.filter(buurt__wijk=wijk)

    def with_theme(self, theme_slug):
        ids = ActivityPage.themes.through.objects.filter(theme__slug=theme_slug).values(
            "activitypage_id"
        )
        return self.filter(activity_id__in=ids)

    def for_listing(self):
        """What a listing shows of each occurrence, in a fixed number of queries.

        The sign-ups are counted by a subquery per row, not by a GROUP BY over the join: with
        a GROUP BY PostgreSQL grouped every upcoming occurrence (88,000 at city size, 1.1 s)
        before it could take the first twenty; a subquery runs for the rows shown only.
        """
        confirmed = (
            SignUp.objects.filter(occurrence=OuterRef("pk"), status=SignUp.Status.CONFIRMED)
            .order_by()
            .values("occurrence")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.select_related("activity", "activity__place_page", "buurt").annotate(
            confirmed_count=Coalesce(Subquery(confirmed), 0)
        )


class Occurrence(models.Model):
    """One concrete time an activity takes place, materialised for the next months.

    Listings read this table instead of expanding rules per request. `original_start` is the
    slot in the series (the iCalendar RECURRENCE-ID), so a moved time keeps its place in it.
    The filters' facts (buurt, free, sign-up, step-free) are copied here when it is refreshed.
    """

    activity = models.ForeignKey(
        ActivityPage,
        on_delete=models.CASCADE,
        related_name="occurrences",
        verbose_name=_("activity"),
    )
    original_start = models.DateTimeField(_("time in the series"))
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    is_cancelled = models.BooleanField(pgettext_lazy("occurrence", "cancelled"), default=False)
    note = models.CharField(_("note"), max_length=120, blank=True)
    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("buurt"),
    )
    is_free = models.BooleanField(_("free"), default=True)
    signup_required = models.BooleanField(_("sign up needed"), default=False)
    step_free = models.BooleanField(_("step-free place"), default=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        constraints = [
            models.UniqueConstraint(fields=["activity", "original_start"], name="one_per_slot")
        ]

    def __str__(self):
        local = timezone.localtime(self.starts_at, LOCAL_TZ)
        return f"{self.activity.title}, {local:%Y-%m-%d %H:%M}"

    @property
    def is_moved(self):
        return self.starts_at != self.original_start

    @property
    def places_left(self):
        """Free places, or None when there is no limit. Needs for_listing()'s count."""
        capacity = self.activity.capacity
        if not capacity:
            return None
        return max(capacity - self.confirmed_count, 0)


# --- Sign-ups ----------------------------------------------------------------------------------


class SignUp(models.Model):
    """A person who takes part in one occurrence, or waits for a place."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for email confirmation")
        CONFIRMED = "confirmed", _("signed up")
        WAITING = "waiting", _("on the waiting list")
        # "afgemeld": the resident cancelled. Not the activity's "gaat niet door" (Occurrence).
        CANCELLED = "cancelled", pgettext_lazy("sign-up status", "cancelled")

    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.CASCADE, related_name="signups", verbose_name=_("occurrence")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_signups",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email address"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        constraints = [
            models.UniqueConstraint(
                "occurrence",
                Lower("email"),
                condition=~Q(status="cancelled"),
                name="one_signup_per_person",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.occurrence}"


# --- Volunteer calls ---------------------------------------------------------------------------


class VolunteerCallPageQuerySet(TimPageQuerySet):
    def open(self):
        return self.live().public().filter(is_open=True)

    def for_listing(self):
        return self.select_related("place_page").annotate(response_count=Count("responses"))


class VolunteerCallPage(PlaceFields, BasePage):
    """Vrijwilligers gezocht: the help an initiative needs; residents answer "Ik help mee"."""

    intro = models.TextField(
        _("what help is needed"),
        help_text=_(
            "Say plainly what a volunteer does. For example 'Pour coffee and have a chat'."
        ),
    )
    time_needed = models.CharField(
        _("how much time"), max_length=120, help_text=_("For example 'Two hours a week, mornings'.")
    )
    start_date = models.DateField(
        _("from when"), null=True, blank=True, help_text=_("Empty: as soon as possible.")
    )
    themes = ParentalManyToManyField(
        "tim.Theme", verbose_name=_("themes"), blank=True, help_text=_("Choose as many as fit.")
    )
    is_open = models.BooleanField(
        _("open for offers of help"),
        default=True,
        help_text=_("Untick and publish when you have found enough people."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("time_needed"), FieldPanel("start_date")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_open"),
        MultiFieldPanel(PlaceFields.place_panels, heading=_("Where (optional)")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["initiatives.InitiativePage"]
    subpage_types = []
    template = "pages/volunteer_call_page.html"

    objects = PageManager.from_queryset(VolunteerCallPageQuerySet)()

    class Meta:
        verbose_name = _("volunteer call")
        verbose_name_plural = _("volunteer calls")

    def __str__(self):
        return self.title

    def clean(self):
        BasePage.clean(self)  # the place is optional here

    def serve(self, request, *args, **kwargs):
        """ "Ik help mee" posts to the call's own address, so a form error stays on a real page."""
        if request.method == "POST":
            from .views import volunteer_respond

            return volunteer_respond(request, self.pk)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .forms import VolunteerResponseForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", VolunteerResponseForm(user=request.user))
        context.update(initiative=self.get_parent(), response_count=self.responses.count())
        return context


class VolunteerResponse(models.Model):
    """A resident's "Ik help mee": only a name, a way to reach them, a message and consent."""

    call = models.ForeignKey(
        VolunteerCallPage,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("volunteer call"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email address"))
    message = models.TextField(_("message"), blank=True, max_length=2000)
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("offer of help")
        verbose_name_plural = _("offers of help")

    def __str__(self):
        return f"{self.name} – {self.call.title}"


# --- City pages --------------------------------------------------------------------------------


class AgendaPage(EnglishTitleAndIntro, BasePage):
    """The city agenda at /agenda/: every occurrence in every buurt, with filters."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/agenda_page.html"
    htmx_partials = {"agenda-results": "components/agenda/results.html"}

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        from .agenda import agenda_context

        context = super().get_context(request, *args, **kwargs)
        context.update(agenda_context(request))
        return context


class VolunteeringPage(EnglishTitleAndIntro, BasePage):
    """The city page /vrijwilligerswerk/: every open volunteer call, with filters."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences."))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/volunteering_page.html"

    class Meta:
        verbose_name = _("volunteering page")

    def get_context(self, request, *args, **kwargs):
        from .agenda import volunteering_context

        context = super().get_context(request, *args, **kwargs)
        context.update(volunteering_context(request))
        return context

"""Reactions on pages, reports and the decisions of moderators.

A `Thread` is the conversation under one page: it holds the buurt (for the queue's filter and
the buurt editors' rights) and whether reacting is closed, so reactions never walk the page
tree. What moderators decide about a person (trusted after a first approval, or blocked) is on
`Participant`, not on the user model, which belongs to the accounts app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from tim.models import BasePage, EnglishTitleAndIntro
from tim.page_tree import buurt_of
from tim.pagination import paginate

from .choices import IdeaReview, IdeaStatus, ReactionStatus, ReportReason
from .htmx import REACTIONS_PARTIALS

REACTION_MAX_LENGTH = 2000
IDEAS_SLUG = "ideeen"
CONSULTATIONS_SLUG = "denk-mee"
EDIT_MINUTES = 15


@register_setting(icon="comment")
class ParticipationSettings(BaseGenericSetting):
    report_threshold = models.PositiveSmallIntegerField(
        _("reports before a reaction is hidden"),
        default=3,
        help_text=_(
            "When this many different people report a reaction, it is hidden until a moderator "
            "has looked at it."
        ),
    )

    class Meta:
        verbose_name = _("reactions and ideas")


class Participant(models.Model):
    """What moderators decided about one account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="participant",
    )
    approved_at = models.DateTimeField(
        _("first reaction approved"),
        null=True,
        blank=True,
        help_text=_("Until a moderator approves one reaction, new reactions wait for a check."),
    )
    blocked_at = models.DateTimeField(_("blocked since"), null=True, blank=True)
    blocked_reason = models.TextField(
        _("reason for the block"), blank=True, help_text=_("The resident sees this reason.")
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return str(self.user)

    @property
    def is_blocked(self):
        return self.blocked_at is not None


class BuurtModeration(models.Model):
    """Pre-moderation of one buurt: every reaction waits for a check before others see it."""

    buurt = models.OneToOneField(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurt"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    premoderation = models.BooleanField(
        _("check every reaction first"),
        default=False,
        help_text=_("Reactions in this buurt are only shown after a moderator approved them."),
    )

    class Meta:
        verbose_name = _("moderation of a buurt")
        verbose_name_plural = _("moderation of buurten")

    def __str__(self):
        return f"{self.buurt_id}: {self.premoderation}"


class Thread(models.Model):
    """The reactions under one page or one idea."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    idea = models.OneToOneField(
        "participation.Idea",
        verbose_name=_("idea"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
    )
    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for city-wide pages: only Moderatoren moderate those."),
    )
    closed = models.BooleanField(
        _("reacting is closed"),
        default=False,
        help_text=_("Reactions stay visible, but nobody can add one."),
    )

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.CheckConstraint(
                condition=Q(page__isnull=True) ^ Q(idea__isnull=True),
                name="thread_on_a_page_or_an_idea",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def target(self):
        return self.page if self.page_id else self.idea

    @property
    def title(self):
        return self.target.title

    @property
    def url(self):
        return self.target.url

    @property
    def owner_id(self):
        """Who hears of reactions as the author: the page's owner or the idea's author."""
        return self.page.owner_id if self.page_id else self.idea.author_id


class ReactionQuerySet(models.QuerySet):
    def for_reader(self, user):
        """What a reader sees: visible reactions, and their own that wait for a check."""
        shown = Q(status=ReactionStatus.VISIBLE) | Q(status=ReactionStatus.DELETED)
        if user.is_authenticated:
            shown |= Q(author=user, status__in=[ReactionStatus.HELD, ReactionStatus.REPORTED])
        return self.filter(shown)

    def for_queue(self):
        return self.select_related(
            "author", "thread__page", "thread__idea__buurt", "thread__buurt", "parent__author"
        )


class Reaction(models.Model):
    thread = models.ForeignKey(
        Thread, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="reactions"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text=_("One level of replies: a reply is never replied to."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reactions",
        help_text=_("Empty after the author deleted their account: shown as 'deleted resident'."),
    )
    text = models.TextField(_("text"), max_length=REACTION_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReactionStatus.choices, default=ReactionStatus.VISIBLE
    )
    is_answer = models.BooleanField(
        _("answer of the editors or the municipality"),
        default=False,
        help_text=_("Shown with a label, so residents see who answers."),
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Example text; the page says so.")
    )
    created_at = models.DateTimeField(_("placed"), default=timezone.now)
    edited_at = models.DateTimeField(_("changed"), null=True, blank=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "parent", "created_at"], name="reaction_thread_order"),
            models.Index(fields=["status", "-created_at"], name="reaction_status_recent"),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def editable_until(self):
        return self.created_at + timezone.timedelta(minutes=EDIT_MINUTES)

    def can_edit(self, user) -> bool:
        return (
            user.is_authenticated
            and self.author_id == user.pk
            and self.status != ReactionStatus.DELETED
            and timezone.now() < self.editable_until
        )


class Report(models.Model):
    """Someone finds a reaction not OK. One report per person per reaction."""

    reaction = models.ForeignKey(
        Reaction, verbose_name=_("reaction"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=10, choices=ReportReason.choices)
    explanation = models.TextField(_("explanation"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved = models.BooleanField(
        _("handled"), default=False, help_text=_("A moderator has decided about it.")
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["reaction", "reporter"], name="report_once_per_person")
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.reaction_id})"


# Ideas --------------------------------------------------------------------------------------------


class IdeaQuerySet(models.QuerySet):
    def published(self):
        return self.filter(review=IdeaReview.PUBLISHED)

    def for_listing(self):
        """What a card shows, in a fixed number of queries: buurt, themes, photo, supports."""
        return (
            self.select_related("buurt", "photo")
            .prefetch_related("themes")
            .annotate(support_total=models.Count("supports", distinct=True))
        )

    def matching(self, *, buurt=None, wijk="", theme=None, status=""):
        ideas = self
        if buurt is not None:
            ideas = ideas.filter(buurt=buurt)
        if wijk:
            ideas = ideas.filter(buurt__wijk=wijk)
        if theme is not None:
            ideas = ideas.filter(themes=theme)
        if status:
            ideas = ideas.filter(status=status)
        return ideas


class Idea(models.Model):
    """A resident's idea for their buurt ("Idee voor de buurt"), public after a light check."""

    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurt"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
        help_text=_("Empty after the author deleted their account: shown as 'deleted resident'."),
    )
    title = models.CharField(_("title"), max_length=120, help_text=_("Your idea in a few words."))
    description = models.TextField(
        _("what and why"),
        max_length=4000,
        help_text=_("What do you want to change, and why is it good for the buurt?"),
    )
    address = models.CharField(
        _("where"),
        max_length=200,
        blank=True,
        help_text=_("A street, a square or an address, if the idea is about one place."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("The point on the map, if the resident chose one."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    themes = models.ManyToManyField(
        "tim.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    photo = models.ForeignKey(
        "tim.TimImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review = models.CharField(
        _("check"), max_length=12, choices=IdeaReview.choices, default=IdeaReview.PENDING
    )
    review_reason = models.TextField(
        _("reason for not publishing"),
        blank=True,
        help_text=_("The author gets this reason by email."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW
    )
    initiative = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("became the initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The initiative page made from this idea; each page links to the other."),
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Example text; the page says so.")
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["buurt", "review", "-created_at"], name="idea_buurt_recent"),
            models.Index(fields=["review", "-created_at"], name="idea_recent"),
        ]

    def __str__(self):
        return self.title

    @property
    def url(self):
        return f"{self.buurt.url}{IDEAS_SLUG}/{self.pk}/"

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def full_url(self):
        from tim.urls_helper import absolute_url

        return absolute_url(self.url)


class Support(models.Model):
    """One support per account per idea: the database refuses a second one, also under load."""

    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supporter"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    show_name = models.BooleanField(
        _("show my name"),
        default=False,
        help_text=_("Your name is in the list of supporters. Off by default."),
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="support_once")]

    def __str__(self):
        return f"{self.user_id} → {self.idea_id}"


class IdeaAnswer(models.Model):
    """A public answer of the editors or the municipality, with the idea's new status."""

    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="answers"
    )
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices)
    text = models.TextField(
        _("answer"),
        max_length=4000,
        help_text=_("Plain words: what happens now, and why. Required for 'not feasible'."),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to an idea")
        verbose_name_plural = _("answers to ideas")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.idea_id}: {self.status}"


# Pages ------------------------------------------------------------------------------------------

IDEAS_PER_PAGE = 20


class IdeasIndexPage(RoutablePageMixin, EnglishTitleAndIntro, BasePage):
    """/<buurt>/ideeen/: the buurt's ideas; launching, each idea and its RSS feed are routes.

    Ideas are rows, not pages: residents write them, the buurt's editors check them in the
    moderation queue, and nobody needs revisions or a page tree for them.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences above the ideas of the buurt."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.NeighbourhoodPage"]
    subpage_types = []
    template = "pages/ideas_index_page.html"
    htmx_partials = REACTIONS_PARTIALS  # the reactions under an idea (its route)

    class Meta:
        verbose_name = _("ideas of a buurt")

    @cached_property
    def buurt(self):
        return buurt_of(self)

    def ideas(self):
        return Idea.objects.published().filter(buurt=self.buurt)

    @path("")
    def index(self, request):
        ideas = self.ideas().for_listing().order_by("-created_at", "-pk")
        return self.render(
            request, context_overrides={"page_obj": paginate(request, ideas, IDEAS_PER_PAGE)}
        )

    @path("nieuw/")
    def launch(self, request):
        from .views import launch_idea

        return launch_idea(request, index=self)

    @path("<int:idea_id>/")
    def detail(self, request, idea_id):
        from .views import idea_detail

        return idea_detail(request, index=self, idea_id=idea_id)

    @path("<int:idea_id>/steunen/")
    def support(self, request, idea_id):
        from .views import support_idea

        return support_idea(request, index=self, idea_id=idea_id)

    @path("rss/")
    def feed(self, request):
        from .feeds import BuurtIdeasFeed

        return BuurtIdeasFeed()(request, index=self)


class CityIdeasPage(EnglishTitleAndIntro, BasePage):
    """/ideeen/: the ideas of every buurt, with filters for wijk, buurt, theme and status."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences above the list of ideas."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/city_ideas_page.html"

    class Meta:
        verbose_name = _("ideas of the city")

    def get_context(self, request, *args, **kwargs):
        from .forms import IdeaFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = IdeaFilterForm(request.GET)
        ideas = Idea.objects.published().matching(**form.filters()).for_listing()
        context.update(
            form=form,
            page_obj=paginate(request, ideas.order_by("-created_at", "-pk"), IDEAS_PER_PAGE),
        )
        return context


# Consultations ("Denk mee") ---------------------------------------------------------------------


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("option"), max_length=120),
        label=_("options"),
        min_num=2,
        max_num=8,
    )

    class Meta:
        label = _("question with options")
        icon = "list-ul"


class ConsultationQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gt=moment)

    def visible_at(self, moment):
        return self.filter(opens_at__lte=moment)


class Consultation(models.Model):
    """A short question or survey ("Denk mee") for one buurt or the whole city, by Moderatoren."""

    title = models.CharField(_("title"), max_length=120)
    intro = models.TextField(
        _("introduction"),
        help_text=_("What is it about and what happens with the answers? Two or three sentences."),
    )
    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty for a question to the whole city."),
    )
    questions = StreamField(
        [("question", QuestionBlock())],
        verbose_name=_("questions"),
        min_num=1,
        max_num=5,
        help_text=_("One question, or a short survey of at most five."),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"))

    objects = ConsultationQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("buurt"),
        FieldPanel("questions"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="consultation_closes_later"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def url(self):
        return f"/{CONSULTATIONS_SLUG}/{self.pk}/"

    def is_open(self, moment=None):
        moment = moment or timezone.now()
        return self.opens_at <= moment < self.closes_at

    def totals(self) -> list[dict]:
        """Per question its options with the number of answers: counted, never stored."""
        counts = {}
        for choices in self.answers.values_list("choices", flat=True):
            for question_id, option in choices.items():
                counts[(question_id, option)] = counts.get((question_id, option), 0) + 1
        return [
            {
                "question": block.value["question"],
                "options": [
                    {"text": text, "count": counts.get((block.id, number), 0)}
                    for number, text in enumerate(block.value["options"])
                ],
            }
            for block in self.questions
        ]


class ConsultationAnswer(models.Model):
    """One answer per account per consultation: the database refuses a second one."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    choices = models.JSONField(
        _("choices"), help_text=_("Per question (its block id) the number of the chosen option.")
    )
    created_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to a consultation")
        verbose_name_plural = _("answers to consultations")
        constraints = [models.UniqueConstraint(fields=["consultation", "user"], name="answer_once")]

    def __str__(self):
        return f"{self.user_id} → {self.consultation_id}"


class ConsultationsPage(RoutablePageMixin, EnglishTitleAndIntro, BasePage):
    """/denk-mee/: the open and closed consultations; each one is a route of this page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        EnglishTitleAndIntro.english_panel,
    ]
    parent_page_types = ["neighbourhoods.CityHomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/consultations_page.html"

    class Meta:
        verbose_name = _("consultations")

    @path("")
    def index(self, request):
        now = timezone.now()
        consultations = Consultation.objects.visible_at(now).select_related("buurt")
        return self.render(
            request,
            context_overrides={
                "open": [c for c in consultations if c.is_open(now)],
                "closed": [c for c in consultations if not c.is_open(now)][:20],
            },
        )

    @path("<int:consultation_id>/")
    def detail(self, request, consultation_id):
        from .views import consultation_detail

        return consultation_detail(request, page=self, consultation_id=consultation_id)

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DIRECT = "direct", _("Right away")
    DAILY = "dagelijks", _("Once a day")
    WEEKLY = "wekelijks", _("Once a week")
    OFF = "uit", _("Off")


class FollowQuerySet(models.QuerySet):
    def nearest_per_user(self, ancestor_ids):
        """One follow per user: the one on the deepest of the given pages.

        Someone who follows a buurt weekly and an initiative in it directly hears of the
        initiative's news directly; "off" on the initiative silences it despite the buurt.
        """
        return (
            self.filter(page_id__in=ancestor_ids, user__is_active=True)
            .order_by("user_id", "-page__depth")
            .distinct("user_id")
        )


class Follow(models.Model):
    """A resident follows a buurt, initiative or meeting place, and all that is published below."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="follows",
        help_text=_("Who gets the emails."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("followed page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A buurt, initiative or meeting place. News below it counts too."),
    )
    frequency = models.CharField(
        _("how often"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.WEEKLY,
        help_text=_("Right away, in a daily or weekly email, or not at all."),
    )
    created_at = models.DateTimeField(
        _("followed since"), auto_now_add=True, help_text=_("When the resident started.")
    )

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="follow_once_per_page"),
        ]
        indexes = [models.Index(fields=["page", "user"], name="follow_page_user")]

    def __str__(self):
        return f"{self.user} → {self.page_id} ({self.frequency})"


class Delivery(models.Model):
    """One item waiting for a resident's daily or weekly digest: recorded once.

    The unique constraint makes retries, restarts and a second publish harmless: rows are
    inserted with ON CONFLICT DO NOTHING. The digest turns a resident's waiting rows into one
    outbox email (who chose "right away" gets an outbox email straight from the fan-out).
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Not sent: the follow was switched off")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="deliveries",
        help_text=_("Who is told."),
    )
    key = models.CharField(
        _("item"),
        max_length=150,
        help_text=_("What the resident is told about, e.g. page:12 or occurrence:3:cancelled."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The published page the email is about."),
    )
    payload = models.JSONField(
        _("details"),
        default=dict,
        blank=True,
        help_text=_("What the email says when it is not about a newly published page."),
    )
    follow = models.ForeignKey(
        Follow,
        verbose_name=_("because of"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
        help_text=_("The follow that made this delivery; its unsubscribe link is in the email."),
    )
    channel = models.CharField(
        _("channel"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.EMAIL,
        help_text=_("How the resident is told."),
    )
    frequency = models.CharField(
        _("how often"),
        max_length=10,
        choices=Frequency.choices,
        help_text=_("Sent right away, or in the daily or weekly email."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Waiting until the email has gone out."),
    )
    created_at = models.DateTimeField(
        _("created"), auto_now_add=True, help_text=_("When the page was published.")
    )
    sent_at = models.DateTimeField(
        _("sent"), null=True, blank=True, help_text=_("When the email went out.")
    )

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key", "channel"], name="delivery_once_per_item"
            ),
        ]
        indexes = [
            models.Index(
                fields=["frequency", "recipient"],
                name="delivery_pending_digest",
                condition=models.Q(status="pending"),
            ),
        ]

    def __str__(self):
        return f"{self.recipient_id} ← {self.key} ({self.status})"


class FanOut(models.Model):
    """A promise, written with the publish: the followers of this page are still to be told.

    The publishing transaction writes this row, so a lost enqueue or a broker that is down at that
    moment delays the emails but cannot lose them: the sweeper runs every fan-out not yet done.
    """

    key = models.CharField(
        _("item"),
        max_length=150,
        unique=True,
        help_text=_("What the followers are told about, e.g. page:12 or occurrence:3:cancelled."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page the followers are told about."),
    )
    payload = models.JSONField(
        _("details"),
        default=dict,
        blank=True,
        help_text=_("What the email says when it is not about a newly published page."),
    )
    participant_ids = models.JSONField(
        _("people signed up"),
        default=list,
        blank=True,
        help_text=_("Accounts told at once whatever they follow (people signed up for a date)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("fan-out")
        verbose_name_plural = _("fan-outs")
        indexes = [
            models.Index(
                fields=["created_at"], name="fanout_not_done", condition=models.Q(done_at=None)
            )
        ]

    def __str__(self):
        return self.key


class OutgoingEmail(models.Model):
    """One email the site sends: the record that it must go out, and whether it did.

    Written in the transaction of the change that causes it (notifications.outbox.enqueue, or any
    Django mail call through the outbox's email backend). Unique per kind × cause × address, so a
    retried task or a second click writes nothing new. The sender sends it; PostgreSQL, not the
    broker, is the record of what is still to be sent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent: no longer needed")

    kind = models.CharField(
        _("kind"), max_length=80, help_text=_("What sort of email, e.g. initiatives.signup_host.")
    )
    cause = models.CharField(
        _("cause"), max_length=200, help_text=_("What caused it, e.g. signup:12:confirmed.")
    )
    address = models.EmailField(_("address"), max_length=254, help_text=_("Where it goes."))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outgoing_emails",
        help_text=_("The account it goes to, when it goes to an account."),
    )
    language = models.CharField(
        _("language"), max_length=8, help_text=_("The language it is written in.")
    )
    template = models.CharField(
        _("template"),
        max_length=200,
        blank=True,
        help_text=_("Rendered when sent: <template>_subject.txt, <template>.txt, <template>.html."),
    )
    context = models.JSONField(
        _("context"), default=dict, blank=True, help_text=_("What the template is given.")
    )
    personal = models.JSONField(
        _("personal values"),
        default=dict,
        blank=True,
        help_text=_("What differs per recipient (name, unsubscribe link) among equal emails."),
    )
    subject = models.TextField(_("subject"), blank=True, help_text=_("When already rendered."))
    text = models.TextField(_("text"), blank=True, help_text=_("When already rendered."))
    html = models.TextField(_("HTML"), blank=True, help_text=_("When already rendered."))
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.UUIDField(
        _("message ID"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("The same in every copy, so a resend after a crash shows once."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    leased_until = models.DateTimeField(
        _("being sent until"),
        null=True,
        blank=True,
        help_text=_("A sender has taken it until then; after that another may."),
    )
    last_error = models.TextField(_("reason of the last failure"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "cause", "address"], name="outgoing_email_once_per_cause"
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                name="outgoing_email_due",
                condition=models.Q(status="pending"),
            ),
            models.Index(fields=["status", "-created_at"], name="outgoing_email_status"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.address} ({self.status})"

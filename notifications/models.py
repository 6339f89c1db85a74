from django.conf import settings
from django.db import models
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
    """That one resident is told about one published page over one channel: recorded once.

    The unique constraint is what makes retries, restarts and a second publish harmless: rows
    are inserted with ON CONFLICT DO NOTHING, and only a pending row is ever sent.
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
                fields=["key", "id"],
                name="delivery_pending_direct",
                condition=models.Q(status="pending", frequency="direct"),
            ),
            models.Index(
                fields=["frequency", "recipient"],
                name="delivery_pending_digest",
                condition=models.Q(status="pending"),
            ),
        ]

    def __str__(self):
        return f"{self.recipient_id} ← {self.key} ({self.status})"

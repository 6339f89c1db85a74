from django.db import models
from django.utils.translation import gettext_lazy as _


class ReactionStatus(models.TextChoices):
    VISIBLE = "zichtbaar", _("Visible")
    HELD = "wacht", _("Waiting for a check")
    REPORTED = "gemeld", _("Hidden after reports, waiting for a check")
    HIDDEN = "verborgen", _("Hidden by a moderator")
    DELETED = "verwijderd", _("Deleted by the author")


class ReportReason(models.TextChoices):
    HURTFUL = "kwetsend", _("Hurtful, rude or discriminating")
    SPAM = "reclame", _("Advertising or spam")
    PRIVATE = "prive", _("Shares someone's personal details")
    UNTRUE = "onjuist", _("Spreads untrue information")
    OFF_TOPIC = "onderwerp", _("Not about this page")
    OTHER = "anders", _("Something else")


class ModerationAction(models.TextChoices):
    """The one-click actions of the queue; each is a Wagtail audit-log action `participation.*`."""

    HIDE = "hide", _("Hide")
    RESTORE = "restore", _("Show again")
    WARN = "warn", _("Warn the author")
    BLOCK = "block", _("Block the account")
    UNBLOCK = "unblock", _("Unblock the account")


class IdeaReview(models.TextChoices):
    """The light check before an idea is public."""

    PENDING = "wacht", _("Waiting for a check")
    PUBLISHED = "gepubliceerd", _("Published")
    REJECTED = "afgewezen", _("Not published")


class IdeaStatus(models.TextChoices):
    """The public answer's status, in the words of the municipality's participation pages."""

    NEW = "nieuw", _("New")
    RECEIVED = "ontvangen", _("Received")
    IN_CONVERSATION = "in-gesprek", _("In conversation")
    IN_PROGRESS = "wordt-uitgevoerd", _("Being carried out")
    NOT_FEASIBLE = "niet-haalbaar", _("Not feasible")
    DONE = "afgerond", _("Done")

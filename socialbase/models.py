"""What the dashboard reads: one materialised summary per buurt, the buurt's own indicators, and
the programme / priority marks Moderatoren set.

The summary is written by `services.refresh_summary` (nightly and after a publish in the buurt),
so a dashboard page reads a handful of rows whatever the amount of content behind them.
Everything stored is a count or a sum: no names, no addresses, no accounts.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class BuurtSummary(models.Model):
    """The platform's own figures for one buurt in one reference week (Monday to Sunday).

    `by_theme` holds, per theme slug ("" for all themes together), the figures a theme filter
    changes: {"places", "fresh_places", "open_minutes", "activities", "free", "no_signup",
    "grid" (7 days x 3 parts of the day), "initiatives", "open_calls", "responses"}.
    """

    buurt = models.OneToOneField(
        "neighbourhoods.NeighbourhoodPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="social_summary",
        verbose_name=_("buurt"),
    )
    week_start = models.DateField(_("week from"), help_text=_("The Monday of the week counted."))
    by_theme = models.JSONField(_("figures per theme"), default=dict)
    calls = models.JSONField(
        _("open volunteer calls"),
        default=list,
        help_text=_("Title, initiative and number of responses of each open call."),
    )
    news_per_month = models.JSONField(_("news items per month"), default=dict)
    last_news_at = models.DateTimeField(_("latest news"), null=True, blank=True)
    followers = models.PositiveIntegerField(_("followers"), default=0)
    refreshed_at = models.DateTimeField(_("counted at"))

    class Meta:
        verbose_name = _("buurt summary")
        verbose_name_plural = _("buurt summaries")

    def __str__(self):
        return f"{self.buurt_id} ({self.week_start})"

    def figures(self, theme: str = "") -> dict:
        """The figures of one theme (or all), zero where the buurt has nothing of it."""
        return {**EMPTY_FIGURES, **self.by_theme.get(theme, {})}


EMPTY_FIGURES = {
    "places": 0,
    "fresh_places": 0,
    "open_minutes": 0,
    "activities": 0,
    "free": 0,
    "no_signup": 0,
    "grid": [[0, 0, 0] for _day in range(7)],
    "initiatives": 0,
    "open_calls": 0,
    "responses": 0,
}


class BuurtMark(models.Model):
    """Whether the municipality gives a buurt extra attention, as Moderatoren set it."""

    buurt = models.OneToOneField(
        "neighbourhoods.NeighbourhoodPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="social_mark",
        verbose_name=_("buurt"),
    )
    programme = models.BooleanField(
        _("programme buurt"),
        default=False,
        help_text=_("A buurt of a programme, e.g. the resilient-neighbourhoods approach."),
    )
    priority = models.BooleanField(
        _("priority buurt"),
        default=False,
        help_text=_("A buurt the municipality gives priority, e.g. against child poverty."),
    )
    note = models.CharField(
        _("why"),
        max_length=200,
        blank=True,
        help_text=_("Which programme or policy, in a few words."),
    )

    class Meta:
        verbose_name = _("buurt mark")
        verbose_name_plural = _("buurt marks")

    def __str__(self):
        return f"{self.buurt_id}: {self.note}"


class Indicator(models.Model):
    """A figure about a buurt from outside the platform, e.g. the buurtmonitor's SES score."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    default_weight = models.SmallIntegerField(
        _("weight in the need score"),
        default=0,
        validators=[MinValueValidator(-3), MaxValueValidator(3)],
        help_text=_(
            "From -3 to 3. Positive: a high value means more need (e.g. loneliness). Negative: a "
            "low value means more need (e.g. the SES score). 0: not counted unless chosen."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class IndicatorValue(models.Model):
    """One value of an indicator for one buurt in one year, with where it comes from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("buurt"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=3)
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["indicator", "buurt", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "buurt", "year"], name="one_value_per_buurt_year"
            )
        ]

    def __str__(self):
        return f"{self.indicator} {self.buurt_id} {self.year}: {self.value}"

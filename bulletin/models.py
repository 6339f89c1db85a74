from django.db import models
from django.utils.translation import gettext_lazy as _

from neighbourhoods.choices import Wijk


class WeeklyBulletin(models.Model):
    """The PDF made on Friday for one buurt or one wijk, kept four weeks for editors and hosts."""

    buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    wijk = models.CharField(_("wijk"), max_length=20, choices=Wijk.choices, blank=True)
    first_day = models.DateField(_("first day"), help_text=_("The first day the bulletin covers."))
    last_day = models.DateField(_("last day"))
    file = models.FileField(_("PDF"), upload_to="bulletins/%Y/%m/")
    pages = models.PositiveSmallIntegerField(_("sides"))
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        ordering = ["-first_day", "wijk", "buurt__title"]
        verbose_name = _("weekly bulletin")
        verbose_name_plural = _("weekly bulletins")
        constraints = [
            models.UniqueConstraint(
                fields=["buurt", "wijk", "first_day"],
                nulls_distinct=False,
                name="one_bulletin_per_area_and_week",
            ),
            models.CheckConstraint(
                condition=models.Q(buurt__isnull=True) ^ models.Q(wijk=""),
                name="bulletin_of_a_buurt_or_a_wijk",
            ),
        ]

    def __str__(self):
        area = self.buurt.title if self.buurt_id else self.wijk
        return f"{area} {self.first_day:%Y-%m-%d}"

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsKind(models.TextChoices):
    """What sort of item it is. The values are Dutch: they appear in URLs (?soort=wijkverhaal)."""

    NIEUWS = "nieuws", _("News")
    WIJKVERHAAL = "wijkverhaal", _("Neighbourhood story")
    AANKONDIGING = "aankondiging", _("Announcement")

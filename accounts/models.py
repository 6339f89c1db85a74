from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .managers import UserManager


class User(AbstractUser):
    class Language(models.TextChoices):
        DUTCH = "nl", "Nederlands"
        ENGLISH = "en", "English"

    username = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("The name others see, for example 'Anna from Pottenberg'."),
    )
    home_buurt = models.ForeignKey(
        "neighbourhoods.NeighbourhoodPage",
        verbose_name=_("home buurt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The buurt you live in. The home page shows it first."),
    )
    language = models.CharField(
        _("language of emails"),
        max_length=2,
        choices=Language.choices,
        default=Language.DUTCH,
        help_text=_("The language of the emails we send you."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.email

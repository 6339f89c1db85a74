"""Shared by every app: the image model with required alt text, the theme taxonomy, a base page."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from . import pagecache
from .image_metadata import strip_upload


class TimImage(AbstractImage):
    """Wagtail's image, but the description (the alt text) is required and a credit can be given."""

    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe what is in the photo for people who cannot see it, in one short sentence. "
            "For example: 'Volunteers pour coffee at the counter of BeiHuis'."
        ),
    )
    credit = models.CharField(
        _("photo credit"),
        max_length=255,
        blank=True,
        help_text=_("Who took the photo, if they want to be named."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def save(self, *args, **kwargs):
        """A new upload is stored without its metadata (tim.image_metadata), whatever the way
        it came in (admin, multiple upload, a resident's form, a command): only here do all
        of them pass. Size, dimensions and hash are then those of the stored file."""
        if self.file and not self.file._committed:
            strip_upload(self.file)
            self.file.field.update_dimension_fields(self, force=True)
            self._set_image_file_metadata()
        super().save(*args, **kwargs)


class TimRendition(AbstractRendition):
    image = models.ForeignKey(TimImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_snippet
class Theme(index.Indexed, models.Model):
    """One theme of the shared taxonomy (policy framework Sociale basis, seed 001 and 002).

    Initiatives, activities, meeting places, volunteer calls and news carry many themes each:
    a place is many things at once, never one box.
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=80)
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two plain sentences for residents.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.name_en if get_language() == "en" and self.name_en else self.name


class BasePage(Page):
    """The base of every page type: one place for what all of them share."""

    show_in_menus_default = False
    # htmx requests that target one of these element ids get only that part of the page.
    htmx_partials: dict[str, str] = {}
    # Pages of one family list their newest siblings (every news item shows the latest news):
    # publishing one makes the page cache drop all of them (tim.pagecache.FAMILIES).
    cache_family: str | None = None

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        htmx = getattr(request, "htmx", None)
        if htmx and htmx.target in self.htmx_partials:
            return self.htmx_partials[htmx.target]
        return super().get_template(request, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if self.cache_family:
            pagecache.belongs_to(self.cache_family)
        return super().serve(request, *args, **kwargs)

    def breadcrumbs(self):
        """The pages above this one, from the city home down, for the breadcrumb trail."""
        return self.get_ancestors().filter(depth__gt=1)

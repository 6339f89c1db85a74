"""Shared by every app: the image model with required alt text, the theme taxonomy, a base page."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from . import page_tree, pagecache, visibility
from .image_metadata import strip_upload
from .panels import PROMOTE_PANELS


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


class EnglishTitle(models.Model):
    """An English title beside the Dutch one, for the structural pages (Nieuws, Agenda, ...).

    Why fields, not Wagtail's localisation (wagtail-localize, WAGTAIL_I18N_ENABLED): that copies
    the whole tree per language, with its own URLs (/en/...) and its own revisions, moderation and
    search index for every page. This site has one tree and one URL per page in both languages (the
    language is a cookie), and only about a dozen structural pages have a title or intro a visitor
    reads as interface: news, activities and places stay Dutch (marked lang="nl"). One or two
    fields on those page types keep the one-tree URLs, need no second copy to keep in step, and an
    empty English field falls back to the Dutch text.
    """

    title_en = models.CharField(
        _("title in English"),
        max_length=255,
        blank=True,
        help_text=_("Shown to visitors who read the site in English. Empty: the Dutch title."),
    )

    english_panel = MultiFieldPanel(
        [FieldPanel("title_en")], heading=_("In English"), classname="collapsed"
    )

    class Meta:
        abstract = True


class EnglishTitleAndIntro(EnglishTitle):
    """EnglishTitle, and the English introduction of a page whose Dutch one is `intro`."""

    intro_en = models.TextField(
        _("introduction in English"),
        blank=True,
        help_text=_("Shown to visitors who read the site in English. Empty: the Dutch text."),
    )

    english_panel = MultiFieldPanel(
        [FieldPanel("title_en"), FieldPanel("intro_en")],
        heading=_("In English"),
        classname="collapsed",
    )

    class Meta:
        abstract = True


def fill_english(pages, **texts) -> None:
    """Give the pages that have no English text yet the setup's one; an editor's text stays."""
    for name, text in texts.items():
        pages.filter(**{name: ""}).update(**{name: text})


class BasePage(Page):
    """The base of every page type: one place for what all of them share."""

    show_in_menus_default = False
    promote_panels = PROMOTE_PANELS
    # htmx requests that target one of these element ids get only that part of the page.
    htmx_partials: dict[str, str] = {}
    # Pages of one family list their newest siblings (every news item shows the latest news):
    # publishing one makes the page cache drop all of them (tim.pagecache.FAMILIES).
    cache_family: str | None = None

    objects = PageManager.from_queryset(visibility.TimPageQuerySet)()

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, with the pages on the rest of the path read at once."""
        if not path_components or request is None:
            return super().route(request, path_components)
        page, rest = page_tree.next_on_path(request, self, path_components)
        return page.route(request, rest)

    def get_view_restrictions(self):
        """Wagtail's answer, from the restrictions read once per request: no query for the
        pages nobody restricted. An alias asks Wagtail, which looks at the page it copies."""
        if self.alias_of_id:
            return super().get_view_restrictions()
        restrictions = visibility.restrictions_over(self)
        return PageViewRestriction.objects.filter(pk__in=[r.pk for r in restrictions])

    def htmx_partial(self, request) -> str | None:
        """The partial template an htmx request asks for, if this page has it (routes use it)."""
        htmx = getattr(request, "htmx", None)
        return self.htmx_partials.get(htmx.target) if htmx else None

    def get_template(self, request, *args, **kwargs):
        return self.htmx_partial(request) or super().get_template(request, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if self.cache_family:
            pagecache.belongs_to(self.cache_family)
        return super().serve(request, *args, **kwargs)

    def breadcrumbs(self):
        """The pages above this one, from the city home down, for the breadcrumb trail.

        A page that was routed has them already (tim.page_tree). Otherwise they are read, in
        English as their own types for their English titles. Read once per page: the trail and
        its JSON-LD (tim.metadata) both show it."""
        if "_breadcrumbs" not in self.__dict__:
            above = page_tree.pages_above(self)
            if above is not None:  # pages passed on the way are plain: English needs their type
                crumbs = [page for page in above if page.depth > 1]
                self._breadcrumbs = [c.specific for c in crumbs] if _reads_english() else crumbs
            else:
                ancestors = self.get_ancestors().filter(depth__gt=1)
                self._breadcrumbs = list(ancestors.specific() if _reads_english() else ancestors)
        return self._breadcrumbs

    @property
    def display_title(self):
        """The title a visitor reads: the English one (EnglishTitle) in English, if there is one."""
        return (_reads_english() and getattr(self, "title_en", "")) or self.title

    @property
    def display_intro(self):
        return (_reads_english() and getattr(self, "intro_en", "")) or getattr(self, "intro", "")

    @property
    def document_title(self):
        """The <title>: the English title in English, else the SEO title or the title."""
        return (_reads_english() and getattr(self, "title_en", "")) or self.seo_title or self.title


def _reads_english() -> bool:
    return (get_language() or "").startswith("en")

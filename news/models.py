from django.utils.translation import gettext_lazy as _

from tim.models import BasePage


class NewsIndexPage(BasePage):
    """The news of one buurt at /<buurt>/nieuws/."""

    parent_page_types = ["neighbourhoods.NeighbourhoodPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/section_index_page.html"

    class Meta:
        verbose_name = _("news index")

from django.utils.translation import gettext_lazy as _

from tim.models import BasePage


class MeetingPlaceIndexPage(BasePage):
    """The meeting places of one buurt at /<buurt>/ontmoetingsplekken/."""

    parent_page_types = ["neighbourhoods.NeighbourhoodPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/section_index_page.html"

    class Meta:
        verbose_name = _("meeting places index")

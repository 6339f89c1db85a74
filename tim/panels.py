"""Admin panels shared by the page types, worded for volunteer editors, not for developers.

Wagtail's defaults speak of a "slug", a "title tag" and raw coordinates; an editor who writes a
few items a year does not know these words (issue 14). Here they get a plain name and a line
that says what to do, mostly: "leave it as it is".
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel(
                "slug",
                heading=_("Web address"),
                help_text=_(
                    "The last part of the page's address on the site. It is made from the title; "
                    "you need not change it."
                ),
            ),
            FieldPanel(
                "seo_title",
                heading=_("Title for search engines"),
                help_text=_("Leave empty: search engines then show the title of the page."),
            ),
            FieldPanel(
                "search_description",
                heading=_("Description for search engines"),
                help_text=_("One or two sentences Google may show under the title. May be empty."),
            ),
        ],
        heading=_("Web address and search engines"),
    )
]


def map_position_row():
    """Latitude and longitude, explained: they are filled in already; change them only when the
    place on the map is wrong."""
    return FieldRowPanel(
        [
            FieldPanel(
                "latitude",
                heading=_("Place on the map: latitude (north–south)"),
                help_text=_(
                    "Already filled in: leave it as it is, unless the pin on the map is in the "
                    "wrong place. For example 50.85100."
                ),
            ),
            FieldPanel(
                "longitude",
                heading=_("Place on the map: longitude (east–west)"),
                help_text=_("For example 5.70300. Leave it as it is if you are not sure."),
            ),
        ]
    )

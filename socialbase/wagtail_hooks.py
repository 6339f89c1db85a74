"""The "Sociale basis" menu item and its pages in the Wagtail admin, shown to Moderatoren only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

admin_urls = [
    path("", views.overview, name="overview"),
    path("wijk/<str:wijk>/", views.overview, name="wijk"),
    path("buurt/<slug:slug>/", views.buurt, name="buurt"),
    path("ongelijk-investeren/", views.inequality, name="inequality"),
    path("indicatoren/", views.indicators, name="indicators"),
]


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.is_moderator(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("sociale-basis/", include((admin_urls, "socialbase")))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ModeratorsMenuItem(
        _("Social base"),
        reverse("socialbase:overview"),
        name="sociale-basis",
        icon_name="table",
        order=250,
    )

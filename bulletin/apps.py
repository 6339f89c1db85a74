from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinConfig(AppConfig):
    name = "bulletin"
    verbose_name = _("Buurtbulletin")

    def ready(self):
        from neighbourhoods import routes
        from neighbourhoods.models import CityHomePage, NeighbourhoodPage
        from tim import pagecache

        from . import views

        routes.register(NeighbourhoodPage, "bulletin/", views.buurt_bulletin, name="bulletin")
        routes.register(
            NeighbourhoodPage, "bulletin/pdf/", views.buurt_bulletin_pdf, name="bulletin_pdf"
        )
        routes.register(
            CityHomePage, "bulletin/<slug:wijk>/", views.wijk_bulletin, name="wijk_bulletin"
        )
        routes.register(
            CityHomePage,
            "bulletin/<slug:wijk>/pdf/",
            views.wijk_bulletin_pdf,
            name="wijk_bulletin_pdf",
        )
        pagecache.register_related_paths(cached_paths)


def cached_paths(page, buurt, ancestors) -> list[str]:
    """The bulletins of every buurt in the wijk (they list the wijk's places) and of the wijk."""
    if buurt is None:
        return []
    from neighbourhoods.models import NeighbourhoodPage

    from . import services

    buurten = NeighbourhoodPage.objects.filter(wijk=buurt.wijk)
    areas = [*map(services.Area.of_buurt, buurten), services.Area.of_wijk(buurt.wijk)]
    return [path for area in areas for path in (area.bulletin_path, area.bulletin_path + "pdf/")]

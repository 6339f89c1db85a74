"""The site's URLs plus one view that fails, to see what a visitor gets when code breaks."""

from django.urls import path

from tim.urls import urlpatterns as site_urlpatterns


def fails(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("kapot/", fails), *site_urlpatterns]

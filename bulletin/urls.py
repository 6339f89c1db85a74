from django.urls import path

from . import views

app_name = "bulletin"

urlpatterns = [path("p/<int:page_id>/", views.short_link, name="short_link")]

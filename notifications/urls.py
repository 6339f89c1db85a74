from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("volgen/<int:page_id>/", views.follow, name="follow"),
    path("mijn-account/volgen/", views.follows, name="follows"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

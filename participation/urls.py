from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("reageren/<int:page_id>/", views.react, name="react"),
    path("reageren/<int:page_id>/sluiten/", views.close, name="close"),
    path("reageren/idee/<int:idea_id>/", views.react_on_idea, name="react_idea"),
    path("reageren/idee/<int:idea_id>/sluiten/", views.close_idea, name="close_idea"),
    path("reacties/<int:pk>/wijzigen/", views.edit, name="edit"),
    path("reacties/<int:pk>/verwijderen/", views.delete, name="delete"),
    path("reacties/<int:pk>/melden/", views.report, name="report"),
    path("reacties/<int:pk>/verbergen/", views.hide, name="hide"),
    path("spelregels/", views.rules, name="rules"),
]

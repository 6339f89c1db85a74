from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("mijn-account/", views.profile, name="profile"),
    path("mijn-account/mijn-gegevens/", views.download_data, name="download_data"),
    path("mijn-account/verwijderen/", views.delete_account, name="delete"),
]

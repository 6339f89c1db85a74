from django.urls import path

from . import views

app_name = "meetingplaces"

urlpatterns = [
    path("ontmoetingsplekken/open-data/hsds.json", views.hsds_json, name="hsds_json"),
    path("ontmoetingsplekken/open-data/hsds-csv.zip", views.hsds_csv, name="hsds_csv"),
    path("ontmoetingsplekken/bevestigen/<str:token>/", views.confirm, name="confirm"),
]

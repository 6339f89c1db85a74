from django.urls import path

from tim.conditional import conditional_on_content

from . import views

app_name = "meetingplaces"

urlpatterns = [
    path(
        "ontmoetingsplekken/open-data/hsds.json",
        conditional_on_content(views.hsds_json),
        name="hsds_json",
    ),
    path(
        "ontmoetingsplekken/open-data/hsds-csv.zip",
        conditional_on_content(views.hsds_csv),
        name="hsds_csv",
    ),
    path("ontmoetingsplekken/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("laat-het-weten/<int:page_id>/", views.correction, name="correction"),
]

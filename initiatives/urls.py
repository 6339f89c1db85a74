from django.urls import path

from tim.conditional import conditional_on_content

from . import views

app_name = "initiatives"

urlpatterns = [
    path("aanmelden/<int:occurrence_id>/", views.signup, name="signup"),
    path("aanmelden/bevestigen/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("aanmelden/afmelden/<str:token>/", views.signup_cancel, name="signup_cancel"),
    path("meehelpen/<int:call_id>/", views.volunteer_respond, name="volunteer_respond"),
    path("ical/agenda.ics", conditional_on_content(views.agenda_ical), name="ical_agenda"),
    path(
        "ical/buurt/<slug:buurt_slug>.ics",
        conditional_on_content(views.buurt_ical),
        name="ical_buurt",
    ),
    path(
        "ical/initiatief/<int:page_id>.ics",
        conditional_on_content(views.initiative_ical),
        name="ical_initiative",
    ),
    path(
        "ical/plek/<int:page_id>.ics", conditional_on_content(views.place_ical), name="ical_place"
    ),
    path(
        "ical/activiteit/<int:page_id>.ics",
        conditional_on_content(views.activity_ical),
        name="ical_activity",
    ),
    path(
        "ical/keer/<int:occurrence_id>.ics",
        conditional_on_content(views.occurrence_ical),
        name="ical_occurrence",
    ),
    path("<slug:buurt_slug>/agenda/", views.buurt_agenda, name="buurt_agenda"),
]

from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("aanmelden/<int:occurrence_id>/", views.signup, name="signup"),
    path("aanmelden/bevestigen/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path("aanmelden/afmelden/<str:token>/", views.signup_cancel, name="signup_cancel"),
    path("meehelpen/<int:call_id>/", views.volunteer_respond, name="volunteer_respond"),
    path("ical/buurt/<slug:buurt_slug>.ics", views.buurt_ical, name="ical_buurt"),
    path("ical/initiatief/<int:page_id>.ics", views.initiative_ical, name="ical_initiative"),
    path("ical/plek/<int:page_id>.ics", views.place_ical, name="ical_place"),
    path("ical/activiteit/<int:page_id>.ics", views.activity_ical, name="ical_activity"),
    path("ical/keer/<int:occurrence_id>.ics", views.occurrence_ical, name="ical_occurrence"),
    path("<slug:buurt_slug>/agenda/", views.buurt_agenda, name="buurt_agenda"),
]

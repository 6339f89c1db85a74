from django.db import models
from django.utils.translation import gettext_lazy as _


class Weekday(models.IntegerChoices):
    """Monday is 0, as in Python's date.weekday()."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# schema.org and HSDS name weekdays in English; index = Weekday value.
SCHEMA_ORG_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# (field name, filter parameter in the URL, label). One list for the model, the filter form,
# the page and the exports, so a new fact is added in one place.
ACCESSIBILITY_FACTS = [
    ("step_free_entrance", "rolstoel", _("Wheelchair-accessible entrance")),
    ("accessible_toilet", "toilet", _("Accessible toilet")),
    ("hearing_loop", "ringleiding", _("Hearing loop")),
    ("quiet_space", "stil", _("Quiet space")),
    ("disabled_parking", "parkeren", _("Parking for disabled people")),
    ("assistance_dogs_welcome", "hulphond", _("Assistance dogs welcome")),
]


class SortOrder(models.TextChoices):
    NAME = "naam", _("Name (A-Z)")
    DISTANCE = "afstand", _("Distance to a buurt")

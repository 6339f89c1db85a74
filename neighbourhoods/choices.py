from django.db import models


class Wijk(models.TextChoices):
    """The seven CBS wijken of Maastricht, in CBS order. Names are proper nouns: not translated."""

    CENTRUM = "Centrum", "Centrum"
    ZUIDWEST = "Zuidwest", "Zuidwest"
    WEST = "West", "West"
    NOORDWEST = "Noordwest", "Noordwest"
    OOST = "Oost", "Oost"
    NOORDOOST = "Noordoost", "Noordoost"
    ZUIDOOST = "Zuidoost", "Zuidoost"

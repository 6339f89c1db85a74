"""Demo data of the dashboard: the seeds' programme and priority buurten, example indicators.

The buurten come from the policy seeds (003: Nazareth and Pottenberg as programme buurten of
the resilient-neighbourhoods approach; 004: the buurten named for child poverty) and are kept in
fixtures/socialbase_marks.csv. The indicator figures are made up and say so in every row.
"""

import csv

from django.conf import settings

from neighbourhoods.models import NeighbourhoodPage

from . import services
from .indicators import import_indicators
from .models import BuurtMark, Indicator

MARKS = settings.BASE_DIR / "fixtures" / "socialbase_marks.csv"
EXAMPLE_INDICATORS = settings.BASE_DIR / "fixtures" / "indicators_example.csv"
# A low SES score or a low share in good health means more need; more loneliness means more.
DEMO_WEIGHTS = {"ses-score": -1, "ernstig-eenzaam": 1, "ervaren-gezondheid-goed": -1}


def load() -> None:
    buurten = {buurt.slug: buurt for buurt in NeighbourhoodPage.objects.all()}
    with MARKS.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            BuurtMark.objects.update_or_create(
                buurt=buurten[row["slug"]],
                defaults={
                    "programme": row["programme"] == "1",
                    "priority": row["priority"] == "1",
                    "note": row["note"],
                },
            )
    import_indicators(text=EXAMPLE_INDICATORS.read_text(encoding="utf-8"))
    for code, weight in DEMO_WEIGHTS.items():
        Indicator.objects.filter(code=code).update(default_weight=weight)
    services.refresh_all()

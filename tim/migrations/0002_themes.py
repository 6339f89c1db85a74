"""The shared theme taxonomy (DESIGN.md): the deelambities of Sociale basis (seed 001) and the
functions the initiatives name in seed 002. Data, not demo content: production needs it too."""

from django.db import migrations

THEMES = [
    ("ontmoeten", "Ontmoeten en eenzaamheid", "Meeting people and loneliness",
     "Samen koffie drinken, een praatje, mensen leren kennen in je buurt."),
    ("vrijwillige-inzet", "Vrijwillige inzet en bewonersinitiatieven", "Volunteering and residents' initiatives",
     "Iets doen voor een ander of voor je buurt, samen met andere bewoners."),
    ("zorgen-voor-een-naaste", "Zorgen voor een naaste", "Caring for someone close",
     "Je zorgt voor je partner, ouder, kind of buur die hulp nodig heeft. Dat heet ook mantelzorg."),
    ("informatie-en-advies", "Informatie en advies", "Information and advice",
     "Een vraag stellen, hulp bij formulieren, weten waar je terecht kunt."),
    ("gezondheid", "Gezondheid en laagdrempelige steun", "Health and easy-to-reach support",
     "Je goed voelen, in je lijf en in je hoofd. Steun zonder wachtlijst of verwijzing."),
    ("geldzaken", "Geldzaken", "Money matters",
     "Rondkomen, schulden voorkomen, goedkoop of gratis meedoen."),
    ("jeugd-en-school", "Jeugd en school", "Young people and school",
     "Voor kinderen, jongeren en hun ouders: spelen, leren, meedoen."),
    ("sport-en-bewegen", "Sport en bewegen", "Sport and exercise",
     "Samen sporten, wandelen, dansen of fietsen."),
    ("cultuur-en-creativiteit", "Cultuur en creativiteit", "Culture and creativity",
     "Schilderen, toneel, muziek, schrijven, boeken: maken en beleven."),
    ("groen-dieren-leefomgeving", "Groen, dieren en leefomgeving", "Green spaces, animals and surroundings",
     "Tuinieren, dieren verzorgen, een schone en fijne buurt."),
    ("werk-en-talent", "Werk en talent", "Work and talent",
     "Ontdekken wat je kunt, werkervaring opdoen, solliciteren."),
    ("inclusie-en-veiligheid", "Inclusie en veiligheid", "Inclusion and safety",
     "Iedereen hoort erbij en voelt zich veilig, wie je ook bent."),
]  # fmt: skip


def add_themes(apps, schema_editor):
    Theme = apps.get_model("tim", "Theme")
    for order, (slug, name, name_en, description) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "description": description, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("tim", "0001_initial")]
    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]

"""The city pages of this app: the agenda at /agenda/ and volunteering at /vrijwilligerswerk/."""

from .models import AgendaPage, VolunteeringPage

CITY_PAGES = [
    (
        AgendaPage,
        "agenda",
        "Agenda",
        "Wat kun je doen in Maastricht? Hier staan de activiteiten van alle buurten. "
        "Bijna alles is gratis en je bent welkom.",
    ),
    (
        VolunteeringPage,
        "vrijwilligerswerk",
        "Vrijwilligerswerk",
        "Initiatieven in de buurten zoeken mensen die een paar uur willen helpen. "
        "Kijk wat bij je past en druk op 'Ik help mee'.",
    ),
]


def ensure_pages(home) -> None:
    present = set(home.get_children().values_list("slug", flat=True))
    for model, slug, title, intro in CITY_PAGES:
        if slug not in present:
            home.add_child(instance=model(title=title, slug=slug, intro=intro))

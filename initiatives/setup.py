"""The city pages of this app: the agenda at /agenda/ and volunteering at /vrijwilligerswerk/."""

from tim.models import fill_english

from .models import AgendaPage, VolunteeringPage

CITY_PAGES = [
    (
        AgendaPage,
        "agenda",
        "Agenda",
        "Wat kun je doen in Maastricht? Hier staan de activiteiten van alle buurten. "
        "Bijna alles is gratis en je bent welkom.",
        "Agenda",
        "What can you do in Maastricht? Here are the activities of every buurt (neighbourhood). "
        "Almost everything is free, and you are welcome. Most activities are in Dutch.",
    ),
    (
        VolunteeringPage,
        "vrijwilligerswerk",
        "Vrijwilligerswerk",
        "Initiatieven in de buurten zoeken mensen die een paar uur willen helpen. "
        "Kijk wat bij je past en druk op 'Ik help mee'.",
        "Volunteering",
        "Initiatives in the buurten (neighbourhoods) are looking for people who want to help "
        "for a few hours. See what suits you and press 'I will help'.",
    ),
]


def ensure_pages(home) -> None:
    present = set(home.get_children().values_list("slug", flat=True))
    for model, slug, title, intro, title_en, intro_en in CITY_PAGES:
        english = {"title_en": title_en, "intro_en": intro_en}
        if slug not in present:
            home.add_child(instance=model(title=title, slug=slug, intro=intro, **english))
        fill_english(model.objects.child_of(home), **english)

"""First text of the standard pages, in plain Dutch (B1). Editors change it in the admin later."""

STANDARD_PAGE_CONTENT = {
    "over-tim": (
        "Thuis in Maastricht is de website van en voor de bewoners van Maastricht. "
        "Elke buurt heeft hier een eigen site.",
        [
            "Op Thuis in Maastricht zie je wat er gebeurt in jouw buurt. Je leest het nieuws, "
            "je vindt activiteiten en plekken waar je binnen kunt lopen, en je ziet waar hulp "
            "nodig is.",
            "Bewoners maken de site samen. Vrijwillige buurtredacteuren schrijven het nieuws. "
            "Initiatieven zetten hun activiteiten er zelf op. De gemeente Maastricht zorgt dat "
            "alles goed werkt.",
            "De stad heeft 44 buurten in 7 wijken. De indeling volgt de buurten van het CBS "
            "(Centraal Bureau voor de Statistiek).",
        ],
    ),
    "privacy": (
        "We vragen zo weinig mogelijk gegevens. Hier lees je wat we bewaren, wie wat krijgt en "
        "welke andere partijen je browser ziet.",
        [
            "Je kunt de hele site lezen zonder account. We plaatsen alleen cookies die nodig zijn: "
            "om te onthouden in welke taal je de site leest en of je bent ingelogd. We gebruiken "
            "geen advertenties, geen trackers en geen diensten voor profielfoto's "
            "(zoals Gravatar).",
            "Maak je een account, dan bewaren we je e-mailadres, je naam zoals je die zelf kiest "
            "en je buurt. Dat is nodig om je berichten te sturen die je zelf kiest.",
            "<strong>Aanmelden voor een activiteit.</strong> De organisatoren van de activiteit "
            "krijgen je naam en e-mailadres, in een e-mail en in hun lijst van aanmeldingen. Heeft "
            "een initiatief geen eigen contactpersoon, dan krijgt de buurtredactie dit bericht. "
            "Zij geven het door.",
            "<strong>Ik help mee.</strong> De organisatoren krijgen je naam, je e-mailadres en je "
            "bericht. Ze gebruiken die alleen om contact met je op te nemen over deze hulp.",
            "<strong>Klopt er iets niet?</strong> Stuur je een verbetering over een plek of "
            "initiatief, dan gaat je bericht naar de gastheer of gastvrouw (of de buurtredactie) "
            "en naar de moderatoren van de gemeente. Je naam en e-mailadres zijn niet verplicht.",
            "<strong>De kaart.</strong> Op de pagina met ontmoetingsplekken laadt je browser de "
            "kaart van OpenStreetMap (tile.openstreetmap.org). OpenStreetMap ziet dan je "
            "IP-adres en welk stuk van de kaart je bekijkt. Andere pagina's laden geen kaart.",
            "<strong>Route plannen.</strong> Klik je op 'Plan een route', dan ga je naar Google "
            "Maps. Google ziet dan waar je naartoe wilt. Dat gebeurt alleen als je zelf klikt.",
            "Je kunt al je gegevens downloaden en je account verwijderen. We vragen nooit naar "
            "een diagnose, een uitkering of andere labels. Vragen? Mail naar "
            "privacy@thuisinmaastricht.nl.",
        ],
    ),
    "toegankelijkheid": (
        "Iedereen moet deze site kunnen gebruiken. Ook met een schermlezer, alleen een "
        "toetsenbord of een vergroting.",
        [
            "We bouwen de site volgens de richtlijnen WCAG 2.2 op niveau AA. We testen elke "
            "soort pagina automatisch met axe-core en we testen de belangrijkste stappen met "
            "alleen een toetsenbord.",
            "We schrijven in eenvoudige taal (niveau B1). De site is er in het Nederlands en "
            "in het Engels.",
            "Werkt iets niet goed voor jou? Laat het ons weten via "
            "toegankelijkheid@thuisinmaastricht.nl. We antwoorden binnen vijf werkdagen.",
        ],
    ),
    "contact": (
        "Heb je een vraag, een tip of wil je meeschrijven voor je buurt? Neem contact op.",
        [
            "Mail naar redactie@thuisinmaastricht.nl. We antwoorden binnen vijf werkdagen.",
            "Wil je buurtredacteur worden? Schrijf in je mail in welke buurt je woont. "
            "We nemen dan contact met je op.",
            "Bezoekadres van de gemeente Maastricht: Mosae Forum 10, 6211 DW Maastricht. "
            "Postadres: Postbus 1992, 6201 BZ Maastricht.",
        ],
    ),
}

"""The "Sociale basis" pages: only Moderatoren, the figures they show, CSV, charts, query counts."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from socialbase import services
from socialbase.demo import load as load_demo
from socialbase.indicators import import_indicators

from .conftest import add_followers, build_buurt, moment

pytestmark = pytest.mark.django_db

PAGES = [
    "/beheer/sociale-basis/",
    "/beheer/sociale-basis/wijk/West/",
    "/beheer/sociale-basis/buurt/pottenberg/",
    "/beheer/sociale-basis/buurt/nazareth/",
    "/beheer/sociale-basis/ongelijk-investeren/",
    "/beheer/sociale-basis/indicatoren/",
]


@pytest.fixture
def moderator(client, demo_user):
    client.force_login(demo_user("moderator"))
    return client


@pytest.mark.parametrize("who", ["redactie-pottenberg", "bewoner", "initiatiefnemer"])
def test_only_moderators_reach_the_dashboard(client, demo_user, who):
    client.force_login(demo_user(who))
    for url in PAGES:
        assert client.get(url).status_code in (302, 403), url
    assert "/beheer/sociale-basis/" not in client.get("/beheer/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(PAGES[0])
    assert response.status_code == 302 and "login" in response["Location"]


def test_moderators_find_it_in_the_menu_and_every_page_opens(moderator):
    assert "/beheer/sociale-basis/" in moderator.get("/beheer/").content.decode()
    for url in PAGES:
        assert moderator.get(url).status_code == 200, url


def test_the_buurt_page_shows_the_figures_and_suppresses_small_counts(
    moderator, pottenberg, themes
):
    monday = build_buurt(pottenberg, themes)
    services.refresh_summary(buurt=pottenberg, now=moment(monday + datetime.timedelta(2)))
    page = moderator.get("/beheer/sociale-basis/buurt/pottenberg/").content.decode()
    assert "Gastvrouw gezocht" in page
    assert re.search(r"Klusser gezocht</th>\s*<td[^>]*>&lt; 5</td>", page)
    assert "geen cijfers geladen" not in page  # no indicators at all: says so once, differently
    assert "Geen cijfers geladen" in page


def test_every_table_downloads_as_csv_with_the_same_suppression(moderator, pottenberg, themes):
    monday = build_buurt(pottenberg, themes)
    services.refresh_summary(buurt=pottenberg, now=moment(monday + datetime.timedelta(2)))
    page = moderator.get("/beheer/sociale-basis/buurt/pottenberg/").content.decode()
    exports = set(re.findall(r"export=([\w-]+)", page))
    assert {"vergelijking", "themas", "oproepen", "weekrooster", "nieuws"} <= exports
    response = moderator.get("/beheer/sociale-basis/buurt/pottenberg/?export=oproepen")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Vrijwilligersoproep", "Mensen die willen helpen"],
                    ["Gastvrouw gezocht", "7"], ["Klusser gezocht", "< 5"]]  # fmt: skip
    overview = moderator.get("/beheer/sociale-basis/").content.decode()
    for key in set(re.findall(r"export=([\w-]+)", overview)):
        assert moderator.get(f"/beheer/sociale-basis/?export={key}").status_code == 200


def test_charts_have_a_title_a_description_a_summary_and_a_table(moderator, pottenberg):
    services.refresh_all()
    page = moderator.get("/beheer/sociale-basis/").content.decode()
    svgs = re.findall(r"<svg [^>]*sb-chart__svg.*?</svg>", page, flags=re.S)
    assert len(svgs) >= 4  # bars, map, news line and the week grids
    for svg in svgs:
        labelled = re.search(r'role="img" aria-labelledby="([\w-]+)-title \1-desc"', svg)
        assert labelled, svg[:200]
        key = labelled.group(1)
        assert f'<title id="{key}-title">' in svg and f'<desc id="{key}-desc">' in svg
    for figure in re.findall(r'<figure class="sb-chart">.*?</figure>', page, flags=re.S):
        assert "<figcaption" in figure and "<table" in figure
    assert "geen buurtgrenzen" in page  # the map says it shows points, not areas


def test_the_ranking_highlights_high_need_with_thin_supply(moderator, pottenberg, nazareth):
    load_demo()  # the seeds' marks and the example indicators
    page = moderator.get("/beheer/sociale-basis/ongelijk-investeren/").content.decode()
    assert re.search(r'<tr class="sb-highlight">\s*<th scope="row">\d+</th>', page)
    response = moderator.get(
        "/beheer/sociale-basis/ongelijk-investeren/?export=ongelijk-investeren"
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_name = {row[1]: row for row in rows[1:]}
    assert "programma" in by_name["Pottenberg"][-1] and "prioriteit" in by_name["Limmel"][-1]
    highlighted = [row[1] for row in rows[1:] if row[6] == "ja"]
    assert highlighted, "with the example figures some buurten have high need and thin supply"
    # Setting weights to zero leaves no need score: the ranking says so instead of guessing.
    zero = "&".join(
        f"w_{code}=0" for code in ("ses-score", "ernstig-eenzaam", "ervaren-gezondheid-goed")
    )
    page = moderator.get(f"/beheer/sociale-basis/ongelijk-investeren/?{zero}").content.decode()
    assert "Geen buurt heeft" in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_every_page_runs_the_same_number_of_queries_at_two_data_sizes(
    moderator, pottenberg, nazareth, themes
):
    build_buurt(pottenberg, themes)
    import_indicators(text="indicator,cbs_code,year,value,source\nSES-score,BU09350203,2024,1,x\n")
    services.refresh_all()
    small = {url: _queries(moderator, url) for url in PAGES}
    build_buurt(pottenberg, themes, copies=3, first=1)
    build_buurt(nazareth, themes, copies=2)
    add_followers(nazareth, 6, prefix="meer")
    import_indicators(
        text="indicator,cbs_code,year,value,source\n"
        + "".join(f"Eenzaam,BU0935040{n},2023,{n},x\n" for n in range(1, 6))
    )
    services.refresh_all()
    large = {url: _queries(moderator, url) for url in PAGES}
    assert small == large


def test_a_theme_filter_counts_only_that_theme(moderator, pottenberg, themes):
    monday = build_buurt(pottenberg, themes)
    services.refresh_summary(buurt=pottenberg, now=moment(monday + datetime.timedelta(2)))
    url = "/beheer/sociale-basis/?wijk=West&theme=ontmoeten&export=buurten"
    rows = list(csv.reader(io.StringIO(moderator.get(url).content.decode("utf-8-sig"))))
    header, pottenberg_row = rows[0], next(row for row in rows if row[0] == "Pottenberg")
    figures = dict(zip(header, pottenberg_row, strict=True))
    assert figures["Ontmoetingsplekken"] == "1" and figures["Open uren per week"] == "8,0"
    assert figures["Activiteiten deze week"] == "1" and figures["Volgers"] == "< 5"
    from neighbourhoods.models import NeighbourhoodPage

    west = NeighbourhoodPage.objects.filter(wijk="West").values_list("title", flat=True)
    assert {row[0] for row in rows[1:]} == set(west)


def test_moderators_mark_a_buurt_and_editors_cannot(client, moderator, demo_user):
    from socialbase.models import BuurtMark

    url = "/beheer/sociale-basis/buurt/amby/"
    moderator.post(url, {"priority": "on", "note": "Proef"})
    mark = BuurtMark.objects.get(buurt__slug="amby")
    assert mark.priority and not mark.programme and mark.note == "Proef"
    assert "Proef" in moderator.get(url).content.decode()
    client.force_login(demo_user("redactie-pottenberg"))
    assert client.post(url, {"programme": "on"}).status_code in (302, 403)
    assert not BuurtMark.objects.get(buurt__slug="amby").programme

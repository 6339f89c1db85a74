"""Search stays cheap when a word is in nearly every item: PostgreSQL can answer the filter from
the GIN index, only a bounded number of matches is ranked, and the count says "more than"."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Page

from news import search

pytestmark = pytest.mark.django_db


def test_the_search_filter_can_be_answered_from_the_gin_index(news_item):
    news_item(title="Moestuin", intro="De moestuin zoekt vrijwilligers.")
    candidates = Page.objects.filter(search.Exists(search.matching_entries("moestuin")))
    sql, params = candidates.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        # As the planner does on a large table with a rare word: no scan of every entry, and
        # no probing of each page's own entry (cheap only for the handful of pages here).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_nestloop = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "news_search_title_body_gin" in plan


@pytest.mark.parametrize("few_matches", [0, 1000], ids=["from the pages", "from the entries"])
def test_a_word_in_many_items_shows_more_than_the_cap(client, news_item, monkeypatch, few_matches):
    """The same results whichever way PostgreSQL is sent to the matches (search.FEW_MATCHES)."""
    monkeypatch.setattr(search, "RESULT_CAP", 4)
    monkeypatch.setattr(search, "FEW_MATCHES", few_matches)
    for number in range(6):
        news_item(title=f"Koffieochtend {number}", slug=f"koffie-{number}",
                  intro="Koffie in de buurt.")  # fmt: skip
    news_item(title="Markt", slug="markt", intro="Groente op de markt.")
    html = BeautifulSoup(client.get("/zoeken/", {"q": "koffie"}).content, "html.parser")
    heading = html.select_one("#resultaten").get_text(strip=True)
    assert heading == 'Meer dan 4 resultaten voor "koffie"'
    titles = [a.get_text(strip=True) for a in html.select(".search-result__title a")]
    assert len(titles) == 4 and all(title.startswith("Koffieochtend") for title in titles)
    assert "Koffieochtend 5" in titles  # the newest matches are the ones ranked

    html = BeautifulSoup(client.get("/zoeken/", {"q": "markt"}).content, "html.parser")
    assert html.select_one("#resultaten").get_text(strip=True) == '1 resultaat voor "markt"'

"""Published ideas are open data: in the sitemap (with the date of their newest answer), in the
API with their point on the map, and the idea's page shows that point."""

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import services
from participation.choices import IdeaStatus

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        node.find(f"{NS}loc").text: getattr(node.find(f"{NS}lastmod"), "text", None)
        for node in root
    }


def test_published_ideas_are_in_the_sitemap_with_the_date_of_their_newest_answer(
    client, make_idea, nazareth, demo_user
):
    idea = make_idea(title="Een buurtmoestuin")
    answered = make_idea(title="Bankjes", buurt=nazareth)
    waiting = make_idea(title="Nog niet gecontroleerd", published=False)
    answered.created_at = answered.created_at - dt.timedelta(days=30)
    answered.save(update_fields=["created_at"])
    services.idea_answer(
        moderator=demo_user("moderator"), idea=answered, status=IdeaStatus.RECEIVED, text="Dank!"
    )

    index = entries(client, "/sitemap.xml")
    (ideas_file,) = [url for url in index if urlsplit(url).path == "/sitemap-ideeen.xml"]
    listed = entries(client, urlsplit(ideas_file).path)
    assert set(listed) == {idea.full_url, answered.full_url}
    assert waiting.full_url not in listed
    assert listed[answered.full_url] == dt.date.today().isoformat()
    assert idea.full_url.endswith(f"/pottenberg/ideeen/{idea.pk}/")


def test_the_sitemap_of_ideas_costs_the_same_queries_for_2_and_40_ideas(client, make_idea):
    def queries():
        client.get("/sitemap-ideeen.xml")  # warm what is cached per process (site root paths)
        with CaptureQueriesContext(connection) as context:
            assert client.get("/sitemap-ideeen.xml").status_code == 200
        return len(context)

    for _ in range(2):
        make_idea()
    few = queries()
    for _ in range(38):
        make_idea()
    assert queries() == few


def test_an_idea_with_a_point_shows_it_on_a_map_and_in_the_api(client, make_idea):
    idea = make_idea(title="Speeltuin", latitude=Decimal("50.86512"), longitude=Decimal("5.66321"))
    html = client.get(idea.url).content.decode()
    assert 'data-lat="50.86512" data-lon="5.66321"' in html
    assert "mlat=50.86512&amp;mlon=5.66321" in html
    assert "js_lib_leaflet/leaflet" in html

    data = client.get(f"/api/v2/ideas/{idea.pk}/").json()
    assert (data["latitude"], data["longitude"]) == ("50.86512", "5.66321")


def test_an_idea_with_only_an_address_links_to_the_map_and_loads_no_map(client, make_idea):
    idea = make_idea(title="Bloembakken", address="Pottenberg 12")
    html = client.get(idea.url).content.decode()
    assert "openstreetmap.org/search?query=Pottenberg%2012%2C%20Maastricht" in html
    assert "data-idea-map" not in html and "leaflet.js" not in html


def test_a_resident_can_give_a_point_when_launching_an_idea(client, make_resident):
    client.force_login(make_resident())
    data = {"title": "Zebrapad", "description": "Veilig oversteken naar school."}
    response = client.post(
        "/pottenberg/ideeen/nieuw/", {**data, "latitude": "50.86", "longitude": ""}
    )
    assert "Geef beide getallen van het punt, of geen van beide." in response.content.decode()
    response = client.post(
        "/pottenberg/ideeen/nieuw/", {**data, "latitude": "52.37", "longitude": "4.89"}
    )
    assert response.status_code == 200  # Amsterdam is not in Maastricht: the form says so
    client.post("/pottenberg/ideeen/nieuw/", {**data, "latitude": "50.86", "longitude": "5.66"})
    from participation.models import Idea

    assert Idea.objects.get(title="Zebrapad").has_point

"""After a form error a resident stays on a real page: reload, language switch and login all work.

"Ik help mee" posts to the call's own address, so the page with the errors is the call's page;
the old form address still answers a GET (a reload, a language switch, a login's way back) by
going to the call instead of a blank 405.
"""

import pytest
from bs4 import BeautifulSoup

from initiatives.models import VolunteerCallPage, VolunteerResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(initiative):
    call = initiative.add_child(
        instance=VolunteerCallPage(title="Koks gezocht", intro="Help koken.", time_needed="2 uur")
    )
    call.save_revision().publish()
    return call


def test_ik_help_mee_shows_its_errors_on_the_calls_own_address(client, call):
    page = BeautifulSoup(client.get(call.url).content, "html.parser")
    form = page.select_one("#ik-help-mee").find_parent("section").form
    assert form["action"] == f"{call.url}#ik-help-mee"
    response = client.post(call.url, {"name": "Sam", "email": "geen-adres"})
    assert response.status_code == 200
    refused = BeautifulSoup(response.content, "html.parser")
    assert "Zet een vinkje, zodat de organisator je mag mailen." in refused.get_text()
    assert refused.find("input", {"name": "email"})["value"] == "geen-adres"
    assert not VolunteerResponse.objects.exists()
    # What the resident can click on that page all answers a GET with a page.
    for link in (refused.select_one("a.language-switch"), refused.find("a", string="Inloggen")):
        assert client.get(link["href"], follow=True).status_code == 200
    assert client.get(call.url).status_code == 200  # a reload without resending the form


def test_ik_help_mee_redirects_after_a_good_post(client, call):
    data = {"name": "Sam", "email": "sam@example.org", "consent": "on"}
    response = client.post(call.url, data)
    assert response.status_code == 302 and response["Location"] == call.url
    assert VolunteerResponse.objects.get().email == "sam@example.org"


def test_the_old_form_address_leads_to_the_call_instead_of_a_405(client, call):
    response = client.get(f"/meehelpen/{call.pk}/")
    assert response.status_code == 302 and response["Location"] == call.url

"""With htmx a reaction form answers with only the reactions block; without, the whole page."""

import pytest
from bs4 import BeautifulSoup

from participation import services
from participation.models import Reaction

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "reacties"}


def test_reacting_with_htmx_returns_the_reactions_block_with_what_happened(
    client, article, make_resident
):
    client.force_login(make_resident(trusted=True))
    response = client.post(f"/reageren/{article.pk}/", {"text": "Goed plan!"}, follow=True, **HTMX)
    html = response.content.decode()
    assert "<html" not in html
    block = BeautifulSoup(html, "html.parser").select_one("section#reacties")
    assert block["hx-target"] == "this"
    assert "Goed plan!" in block.text
    assert block.select_one("[role=status][autofocus]").text.strip() == "Bedankt voor je reactie."

    without = client.post(f"/reageren/{article.pk}/", {"text": "Nog een"}, follow=True)
    assert "<html" in without.content.decode()
    assert "Bedankt voor je reactie." in without.content.decode()


def test_an_idea_answers_htmx_with_its_reactions_block(client, make_idea, make_resident):
    idea = make_idea()
    client.force_login(make_resident(trusted=True))
    response = client.post(
        f"/reageren/idee/{idea.pk}/", {"text": "Ik help mee"}, follow=True, **HTMX
    )
    html = response.content.decode()
    assert "<html" not in html and "Ik help mee" in html


def test_the_forms_under_a_reaction_come_alone_and_post_with_htmx(client, article, make_resident):
    author, reader = make_resident(trusted=True), make_resident(trusted=True)
    reaction = services.reaction_create(user=author, target=article, text="Wie doet mee?")
    client.force_login(reader)
    form = client.get(f"/reacties/{reaction.pk}/melden/", HTTP_HX_REQUEST="true")
    html = form.content.decode()
    assert "<html" not in html and "<h1" not in html
    assert f'hx-post="/reacties/{reaction.pk}/melden/"' in html
    assert "hx-post" not in client.get(f"/reacties/{reaction.pk}/melden/").content.decode()

    # A report without a reason comes back in the place under the reaction, with the mistake.
    wrong = client.post(f"/reacties/{reaction.pk}/melden/", {}, HTTP_HX_REQUEST="true")
    assert wrong["HX-Retarget"] == f"#reactie-{reaction.pk}-formulier"
    assert wrong["HX-Reswap"] == "innerHTML"
    assert "Kies wat er mis is." in wrong.content.decode()

    client.force_login(author)
    edit = client.get(f"/reacties/{reaction.pk}/wijzigen/", HTTP_HX_REQUEST="true")
    assert "Wie doet mee?" in edit.content.decode() and "autofocus" in edit.content.decode()
    client.post(
        f"/reacties/{reaction.pk}/wijzigen/", {"text": "Wie doet er mee?"}, follow=True, **HTMX
    )
    assert Reaction.objects.get(pk=reaction.pk).text == "Wie doet er mee?"

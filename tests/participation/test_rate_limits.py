"""Reacting and reporting have rate limits per account: over the limit answers 429."""

import pytest

from participation import services
from participation.models import Reaction

pytestmark = pytest.mark.django_db


def test_too_many_reactions_in_a_minute_get_429_and_are_not_saved(
    client, article, make_resident, settings
):
    settings.PARTICIPATION_RATE_LIMITS = {"react": "3/m"}
    client.force_login(make_resident(trusted=True))
    statuses = [
        client.post(f"/reageren/{article.pk}/", {"text": f"Reactie {n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 302, 429]
    assert Reaction.objects.count() == 3


def test_too_many_reports_get_429(client, article, make_resident, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"report": "2/h"}
    author = make_resident(trusted=True)
    reactions = [
        services.reaction_create(user=author, target=article, text=f"Tekst {n}") for n in range(3)
    ]
    client.force_login(make_resident())
    statuses = [
        client.post(f"/reacties/{r.pk}/melden/", {"reason": "reclame"}).status_code
        for r in reactions
    ]
    assert statuses == [302, 302, 429]
    response = client.post(f"/reacties/{reactions[0].pk}/melden/", {"reason": "reclame"})
    assert response.status_code == 429
    assert "Te vaak geprobeerd" in response.content.decode()


def test_over_the_limit_with_htmx_a_notice_goes_above_the_form_and_nothing_is_saved(
    client, article, make_resident, settings
):
    settings.PARTICIPATION_RATE_LIMITS = {"react": "1/m"}
    client.force_login(make_resident(trusted=True))
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "reacties"}
    client.post(f"/reageren/{article.pk}/", {"text": "Eerste"}, **htmx)
    response = client.post(f"/reageren/{article.pk}/", {"text": "Tweede"}, **htmx)
    assert response["HX-Reswap"] == "afterbegin"  # the form, with the text, stays
    assert "Wacht een paar minuten" in response.content.decode()
    assert list(Reaction.objects.values_list("text", flat=True)) == ["Eerste"]

"""A page runs the same number of SQL queries with 5 and with 500 reactions (asserted)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation import services
from participation.models import Reaction

pytestmark = pytest.mark.django_db


def add_reactions(thread, authors, count):
    """Half of them replies, spread over the first reactions, each by one of a few authors."""
    tops = Reaction.objects.bulk_create(
        Reaction(thread=thread, author=authors[n % len(authors)], text=f"Reactie {n}")
        for n in range(count - count // 2)
    )
    Reaction.objects.bulk_create(
        Reaction(thread=thread, parent=tops[n % 20], author=authors[n % len(authors)],
                 text=f"Antwoord {n}")
        for n in range(count // 2)
    )  # fmt: skip


def _residents(count):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return [User.objects.create_user(email=f"steun{n}@example.org") for n in range(count)]


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_a_page_with_500_reactions_runs_the_queries_of_one_with_5(
    client, article, nazareth_article, make_resident, demo_user
):
    authors = [make_resident(trusted=True) for _ in range(7)]
    few = services.thread_for(article)
    many = services.thread_for(nazareth_article)
    add_reactions(few, authors, 5)
    add_reactions(many, authors, 500)
    for user in (None, authors[0], demo_user("moderator")):
        if user:
            client.force_login(user)
        small = count_queries(client, article.url)
        large = count_queries(client, nazareth_article.url)
        page_2 = count_queries(client, f"{nazareth_article.url}?reacties=2")
        assert small == large == page_2, (user, small, large, page_2)
    html = client.get(nazareth_article.url).content.decode()
    assert "Reactie 0" in html and "Reactie 20" not in html  # twenty per page
    assert "Pagina 1 van 13" in html


def test_ideas_lists_run_the_queries_of_10_ideas_with_1000(client, pottenberg, nazareth):
    from participation.choices import IdeaReview
    from participation.models import Idea, Support
    from tim.models import Theme

    themes = list(Theme.objects.all()[:3])
    supporters = _residents(5)

    def add(buurt, count):
        ideas = Idea.objects.bulk_create(
            Idea(buurt=buurt, title=f"Idee {n}", description="Meer groen.",
                 review=IdeaReview.PUBLISHED)
            for n in range(count)
        )  # fmt: skip
        Idea.themes.through.objects.bulk_create(
            Idea.themes.through(idea=idea, theme=themes[n % 3]) for n, idea in enumerate(ideas)
        )
        Support.objects.bulk_create(
            Support(idea=idea, user=supporters[n % 5]) for n, idea in enumerate(ideas)
        )

    add(pottenberg, 10)
    add(nazareth, 1000)
    slug = themes[0].slug
    for small, large in [
        ("/pottenberg/ideeen/", "/nazareth/ideeen/"),
        ("/ideeen/?buurt=pottenberg", "/ideeen/?buurt=nazareth"),
        (
            f"/ideeen/?buurt=pottenberg&thema={slug}",
            f"/ideeen/?buurt=nazareth&thema={slug}&pagina=3",
        ),
    ]:
        assert count_queries(client, small) == count_queries(client, large), (small, large)

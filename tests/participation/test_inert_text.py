"""What a resident types is never HTML: not on the page, not in the queue, not in emails."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from notifications import outbox
from participation import services

pytestmark = pytest.mark.django_db

ATTACKS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
]
TEXT = "Kijk op https://example.org/?a=1&b=<b>2</b> en " + " ".join(ATTACKS)


def assert_inert(html, where):
    soup = BeautifulSoup(html, "html.parser")
    for region in soup.select(where):
        assert not region.find_all(["script", "img", "svg", "iframe", "b"]), region
        for element in region.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), element
        for link in region.find_all("a"):
            assert link["href"].startswith(("http://", "https://", "/", "mailto:")), link
            if link["href"].startswith("http"):
                assert link["rel"] == ["nofollow", "ugc"], link
    return soup


def test_attacks_in_reaction_and_name_show_as_text_with_safe_links(
    client, article, make_resident, demo_user
):
    attacker = make_resident(trusted=True, name="<script>alert('naam')</script>")
    reaction = services.reaction_create(user=attacker, target=article, text=TEXT)
    soup = assert_inert(client.get(article.url).content.decode(), ".reaction")
    text = soup.select_one(f"#reactie-{reaction.pk} .reaction__text").get_text()
    assert "<script>alert('x')</script>" in text
    assert soup.select_one(f"#reactie-{reaction.pk} .reaction__author").get_text() == (
        "<script>alert('naam')</script>"
    )
    link = soup.select_one(f"#reactie-{reaction.pk} .reaction__text a")
    assert link["href"].startswith("https://example.org/")

    reporter = make_resident()
    client.force_login(reporter)
    client.post(
        f"/reacties/{reaction.pk}/melden/",
        {"reason": "anders", "explanation": '<img src=x onerror="alert(2)">'},
    )
    client.force_login(demo_user("moderator"))
    queue = client.get("/beheer/buurtplein/?toon=gemeld").content.decode()
    assert_inert(queue, "article")
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in queue


def test_attacks_in_reactions_and_reasons_are_escaped_in_emails(article, make_resident, demo_user):
    author = demo_user("redactie-pottenberg")
    from notifications.models import Follow, Frequency

    Follow.objects.create(user=author, page=article, frequency=Frequency.DIRECT)
    attacker = make_resident(trusted=True, name="<b>Naam</b>")
    reaction = services.reaction_create(user=attacker, target=article, text=TEXT)
    services.moderate(
        moderator=demo_user("moderator"),
        reaction=reaction,
        action="hide",
        reason="<script>alert('reden')</script>",
    )
    outbox.send_due()
    for message in mail.outbox:
        if message.to not in ([author.email], [attacker.email]):
            continue
        html = message.alternatives[0][0]
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find_all(["script", "img", "svg", "b"]), html
        assert "&lt;script&gt;" in html
    assert {m.to[0] for m in mail.outbox} >= {author.email, attacker.email}


def test_attacks_in_every_field_of_an_idea_are_inert_on_pages_feed_queue_and_email(
    client, make_idea, make_resident, demo_user
):
    from participation.choices import IdeaStatus

    author = make_resident(name="<img src=x onerror=alert(3)>")
    idea = make_idea(
        author=author,
        title="<script>alert('titel')</script>",
        description=TEXT,
        address='<a href="javascript:alert(4)">adres</a>',
    )
    for path in (idea.url, "/pottenberg/ideeen/", "/ideeen/"):
        html = client.get(path).content.decode()
        assert_inert(html, "main")
        assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in html
    feed = client.get("/pottenberg/ideeen/rss/").content.decode()
    assert "<script>" not in feed and "&lt;script&gt;" in feed

    client.force_login(demo_user("moderator"))
    assert_inert(client.get("/beheer/buurtplein/ideeen/?toon=gepubliceerd").content.decode(),
                 "article")  # fmt: skip
    services.idea_answer(
        moderator=demo_user("moderator"),
        idea=idea,
        status=IdeaStatus.RECEIVED,
        text="<script>alert('antwoord')</script>",
    )
    outbox.send_due()
    message = next(m for m in mail.outbox if m.to == [author.email])
    html = message.alternatives[0][0]
    assert not BeautifulSoup(html, "html.parser").find_all(["script", "img"]), html
    assert "&lt;script&gt;alert(&#x27;antwoord&#x27;)" in html

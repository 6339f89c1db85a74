"""Demo content of the buurtplein in Pottenberg and Nazareth, read from fixtures/.

The residents are made up and have no password (nobody logs in as them); every reaction and
idea is marked `is_demo`, so the page labels it as an example. The demo resident (`bewoner@`) is
trusted, so a person trying the demo sees their reaction at once; a new account still waits.
"""

import datetime
import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from neighbourhoods.models import NeighbourhoodPage
from tim.demo import DEMO_DOMAIN
from tim.models import Theme

from .choices import IdeaReview
from .models import Consultation, Idea, IdeaAnswer, Participant, Reaction, Support
from .services import thread_for

FIXTURE = settings.BASE_DIR / "fixtures" / "participation_demo.json"


def _residents(data) -> dict:
    User = get_user_model()
    people = {}
    for resident in data["residents"]:
        user, created = User.objects.get_or_create(
            email=f"{resident['local']}@{DEMO_DOMAIN}",
            defaults={"display_name": resident["name"]},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        people[resident["local"]] = user
    for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}"):
        people.setdefault(user.email.split("@")[0], user)
    for user in people.values():
        Participant.objects.get_or_create(user=user, defaults={"approved_at": timezone.now()})
    return people


def _page(url_path):
    return Page.objects.filter(url_path__endswith=url_path).first()


@transaction.atomic
def load() -> None:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    people = _residents(data)
    _ideas(data, people)
    _consultations(data)
    for item in data["reactions"]:
        page = _page(item["page"])
        if page is None:
            continue
        thread = thread_for(page)
        if Reaction.objects.filter(thread=thread, text=item["text"]).exists():
            continue
        top = Reaction.objects.create(
            thread=thread, author=people[item["author"]], text=item["text"], is_demo=True
        )
        for reply in item.get("replies", []):
            Reaction.objects.create(
                thread=thread,
                parent=top,
                author=people[reply["author"]],
                text=reply["text"],
                is_answer=reply.get("answer", False),
                is_demo=True,
            )


def _ideas(data, people) -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    editors = {"pottenberg": "redactie-pottenberg", "nazareth": "redactie-nazareth"}
    for item in data["ideas"]:
        buurt = NeighbourhoodPage.objects.filter(slug=item["buurt"]).first()
        if buurt is None or Idea.objects.filter(buurt=buurt, title=item["title"]).exists():
            continue
        idea = Idea.objects.create(
            buurt=buurt,
            author=people[item["author"]],
            title=item["title"],
            description=item["description"],
            address=item["address"],
            latitude=item.get("latitude"),  # an example point, near the buurt's centre
            longitude=item.get("longitude"),
            review=IdeaReview.PUBLISHED,
            is_demo=True,
        )
        idea.themes.set([themes[slug] for slug in item["themes"] if slug in themes])
        Support.objects.bulk_create(
            Support(idea=idea, user=people[name], show_name=True) for name in item["supporters"]
        )
        for answer in item["answers"]:
            IdeaAnswer.objects.create(
                idea=idea,
                status=answer["status"],
                text=answer["text"],
                answered_by=people.get(editors[item["buurt"]]),
            )
            idea.status = answer["status"]
        idea.save(update_fields=["status"])


def _consultations(data) -> None:
    now = timezone.now()
    for item in data["consultations"]:
        if Consultation.objects.filter(title=item["title"]).exists():
            continue
        Consultation.objects.create(
            title=item["title"],
            intro=item["intro"],
            buurt=NeighbourhoodPage.objects.filter(slug=item["buurt"]).first()
            if item["buurt"]
            else None,
            questions=[("question", question) for question in item["questions"]],
            opens_at=now,
            closes_at=now + datetime.timedelta(days=item["days_open"]),
        )

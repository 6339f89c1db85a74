"""What followers read about the buurtplein in their daily or weekly digest.

Three digest item kinds (notifications.services.DigestKind): new reactions on a followed page,
an idea's new status, and a new consultation ("Denk mee"). They are registered when the app is
ready; their rows are written by `notifications.services.promise_digest_item` in the
transaction of the change. Each kind reads all of one recipient's rows in one query, and
leaves out what is gone (hidden reactions, ideas taken offline) and what the recipient hears of
by an email of their own (their own reactions, reactions on their page or replies to them,
answers to ideas they wrote or support).
"""

from django.utils import timezone
from django.utils.text import Truncator

from notifications.services import DigestKind, promise_digest_item, register_digest_kind
from tim.urls_helper import absolute_url

from .choices import IdeaReview, IdeaStatus, ReactionStatus
from .models import Consultation, IdeaAnswer, Reaction, Support

REACTIONS = "participation.reaction"
IDEA_STATUS = "participation.idea_status"
CONSULTATION = "participation.consultation"
QUOTED_REACTIONS = 3  # per page; the count says how many more there are


def tell_followers_of_reaction(reaction) -> None:
    """Followers of the page (or of the idea's buurt) read it in their next digest."""
    thread = reaction.thread
    page_id = thread.page_id or thread.idea.buurt_id
    promise_digest_item(
        page_id=page_id, key=f"reaction:{reaction.pk}", kind=REACTIONS, reaction=reaction.pk
    )


def tell_followers_of_idea_answer(answer) -> None:
    promise_digest_item(
        page_id=answer.idea.buurt_id,
        key=f"idea-answer:{answer.pk}",
        kind=IDEA_STATUS,
        answer=answer.pk,
    )


def tell_followers_of_consultation(consultation, *, home_id) -> None:
    """A buurt's question goes to its followers; a city-wide one to who follows any buurt."""
    promise_digest_item(
        page_id=consultation.buurt_id or home_id,
        key=f"consultation:{consultation.pk}",
        kind=CONSULTATION,
        below=consultation.buurt_id is None,
        consultation=consultation.pk,
    )


def _followed(delivery, pages):
    return pages.page(delivery.follow.page_id) if delivery.follow else None


def _by(deliveries, field):
    return {delivery.payload[field]: delivery for delivery in deliveries}


class ReactionsInDigest(DigestKind):
    """Per page: how many new reactions, and the first few of them."""

    name = REACTIONS

    def items(self, deliveries, *, recipient, pages):
        from .templatetags.participation_tags import resident_name

        waiting = _by(deliveries, "reaction")
        reactions = (
            Reaction.objects.filter(pk__in=waiting, status=ReactionStatus.VISIBLE)
            .exclude(author=recipient)
            .exclude(parent__author=recipient)  # they hear of replies to them themselves
            .select_related("author", "thread__page", "thread__idea__buurt")
            .order_by("created_at", "pk")
        )
        per_thread = {}
        for reaction in reactions:
            if reaction.thread.owner_id == recipient.pk:
                continue  # the page's author gets the reactions in an email of their own
            per_thread.setdefault(reaction.thread, []).append(reaction)
        return [
            {
                "title": thread.title,
                "url": absolute_url(f"{thread.url}#reacties"),
                "followed": _followed(waiting[shown[0].pk], pages),
                "include": "email/participation/digest_reactions",
                "count": len(shown),
                "more": max(0, len(shown) - QUOTED_REACTIONS),
                "quotes": [
                    {
                        "name": str(resident_name(reaction.author)),
                        "text": Truncator(reaction.text).words(40),
                    }
                    for reaction in shown[:QUOTED_REACTIONS]
                ],
            }  # fmt: skip
            for thread, shown in per_thread.items()
        ]


class IdeaStatusInDigest(DigestKind):
    """Per idea its newest status and answer."""

    name = IDEA_STATUS

    def items(self, deliveries, *, recipient, pages):
        waiting = _by(deliveries, "answer")
        answers = (
            IdeaAnswer.objects.filter(pk__in=waiting, idea__review=IdeaReview.PUBLISHED)
            .exclude(idea__author=recipient)  # the author and supporters get an email of their own
            .select_related("idea__buurt")
            .order_by("created_at", "pk")
        )
        newest = {answer.idea_id: answer for answer in answers}
        supported = set(
            Support.objects.filter(user=recipient, idea__in=list(newest)).values_list(
                "idea_id", flat=True
            )
        )
        return [
            {
                "title": answer.idea.title,
                "url": answer.idea.full_url,
                "followed": _followed(waiting[answer.pk], pages),
                "include": "email/participation/digest_idea_status",
                "status": str(IdeaStatus(answer.status).label),
                "text": Truncator(answer.text).words(40),
            }
            for idea_id, answer in newest.items()
            if idea_id not in supported
        ]


class ConsultationInDigest(DigestKind):
    """A new question to think along with, while it is open."""

    name = CONSULTATION

    def items(self, deliveries, *, recipient, pages):
        waiting = _by(deliveries, "consultation")
        consultations = Consultation.objects.filter(
            pk__in=waiting, closes_at__gt=timezone.now()
        ).order_by("opens_at", "pk")
        return [
            {
                "title": consultation.title,
                "url": absolute_url(consultation.url),
                "followed": _followed(waiting[consultation.pk], pages),
                "include": "email/participation/digest_consultation",
                "summary": Truncator(consultation.intro).words(40),
                "opens_at": consultation.opens_at,
                "closes_at": consultation.closes_at,
            }
            for consultation in consultations
        ]


def register() -> None:
    for kind in (ReactionsInDigest(), IdeaStatusInDigest(), ConsultationInDigest()):
        register_digest_kind(kind)

"""What the buurtplein keeps about a person: reactions, ideas, supports, reports, decisions.

Published words stay for the conversation's sake, without the person: a reaction or idea of a
deleted account reads as by "verwijderde bewoner". What only counts (a report, a support) goes
with the account, and the counts follow because they are counted, not stored.
"""

from .models import ConsultationAnswer, Idea, Participant, Reaction, Report, Support

PERSONAL_DATA = {
    "participation.reaction": "kept without author, shown as by 'verwijderde bewoner'",
    "participation.report": "deleted with the account",
    "participation.participant": "deleted with the account",
    "participation.thread": "not personal: which page has reactions, and whether closed",
    "participation.buurtmoderation": "not personal: a buurt's moderation setting",
    "participation.participationsettings": "not personal: a site setting",
    "participation.idea": "kept without author, shown as by 'verwijderde bewoner'",
    "participation.support": "deleted with the account; the count goes down",
    "participation.ideaanswer": "kept without who answered (staff): the public answer",
    "participation.ideasindexpage": "not personal: a page",
    "participation.cityideaspage": "not personal: a page",
    "participation.consultationanswer": "deleted with the account; the totals go down",
    "participation.consultation": "not personal: a question of the municipality",
    "participation.consultationspage": "not personal: a page",
}


def export_user_data(user) -> dict:
    participant = Participant.objects.filter(user=user).first()
    return {
        "reactions": [
            {
                "on": reaction.thread.title,
                "text": reaction.text,
                "status": reaction.status,
                "reply_to": reaction.parent_id,
                "placed_at": reaction.created_at,
                "changed_at": reaction.edited_at,
            }
            for reaction in Reaction.objects.filter(author=user)
            .select_related("thread__page", "thread__idea")
            .order_by("pk")
        ],
        "reports": list(
            Report.objects.filter(reporter=user)
            .order_by("pk")
            .values("reaction_id", "reason", "explanation", "created_at")
        ),
        "ideas": list(
            Idea.objects.filter(author=user)
            .order_by("pk")
            .values(
                "title",
                "description",
                "address",
                "latitude",
                "longitude",
                "review",
                "status",
                "created_at",
            )
        ),
        "supports": [
            {
                "idea": support.idea.title,
                "name_shown": support.show_name,
                "since": support.created_at,
            }
            for support in Support.objects.filter(user=user).select_related("idea").order_by("pk")
        ],  # fmt: skip
        "consultation_answers": [
            {
                "consultation": answer.consultation.title,
                "choices": answer.choices,
                "answered_at": answer.created_at,
            }
            for answer in ConsultationAnswer.objects.filter(user=user)
            .select_related("consultation")
            .order_by("pk")
        ],  # fmt: skip
        "moderation": {
            "trusted_since": participant.approved_at if participant else None,
            "blocked_since": participant.blocked_at if participant else None,
            "reason_for_block": participant.blocked_reason if participant else "",
        },
    }

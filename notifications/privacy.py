"""What the notifications app keeps about a person, for the download of their data."""

from django.db.models import Q

from .models import Delivery, Follow, OutgoingEmail

PERSONAL_DATA = {
    "notifications.follow": "deleted with the account",
    "notifications.delivery": "deleted with the account",
    "notifications.outgoingemail": "deleted: those to the account and those to its address",
}


def export_user_data(user) -> dict:
    return {
        "follows": [
            {"page": follow.page.title, "frequency": follow.frequency, "since": follow.created_at}
            for follow in Follow.objects.filter(user=user).select_related("page").order_by("pk")
        ],
        "waiting_for_digest": list(
            Delivery.objects.filter(recipient=user)
            .order_by("pk")
            .values("key", "frequency", "status", "created_at", "sent_at")
        ),
        "emails": list(
            OutgoingEmail.objects.filter(Q(recipient=user) | Q(address__iexact=user.email))
            .order_by("pk")
            .values("kind", "address", "status", "created_at", "sent_at")
        ),
    }


def delete_user_data(user) -> None:
    """Emails to the address of a deleted account go too (those of the account go with it)."""
    OutgoingEmail.objects.filter(address__iexact=user.email).delete()

"""What the notifications app keeps about a person, for the download of their data."""

from .models import Delivery, Follow


def export_user_data(user) -> dict:
    return {
        "follows": [
            {"page": follow.page.title, "frequency": follow.frequency, "since": follow.created_at}
            for follow in Follow.objects.filter(user=user).select_related("page").order_by("pk")
        ],
        "emails": list(
            Delivery.objects.filter(recipient=user)
            .order_by("pk")
            .values("key", "frequency", "status", "created_at", "sent_at")
        ),
    }

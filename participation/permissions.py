"""Who may moderate where: `Moderatoren` everywhere, `Redactie <buurt>` in their own buurt.

A buurt's editor groups are the groups with page permissions on that buurt's page (see
neighbourhoods.roles), so the rights follow the groups, not their names.
"""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext as _

from neighbourhoods.models import NeighbourhoodPage
from neighbourhoods.roles import MODERATORS


def is_moderator(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def moderated_buurt_ids(user) -> set[int] | None:
    """The buurten someone moderates; None means all of them (and the city-wide pages)."""
    if is_moderator(user):
        return None
    if not user.is_authenticated:
        return set()
    return set(
        NeighbourhoodPage.objects.filter(group_permissions__group__user=user).values_list(
            "pk", flat=True
        )
    )


def can_moderate(user, buurt_id) -> bool:
    buurten = moderated_buurt_ids(user)
    return buurten is None or (buurt_id is not None and buurt_id in buurten)


def can_close(user, thread) -> bool:
    """Moderators, the buurt's editors and the page's own author may close reacting."""
    return can_moderate(user, thread.buurt_id) or (
        user.is_authenticated and thread.owner_id == user.pk
    )


def why_cannot_take_part(user) -> str:
    """Empty when the user may react, report, support and vote; else what to tell them."""
    if not user.is_authenticated:
        return _("Log in to take part.")
    participant = getattr(user, "participant", None)
    if participant is not None and participant.is_blocked:
        return _(
            "Your account is blocked, so you cannot react, report, support or vote. "
            "The reason: %(reason)s"
        ) % {"reason": participant.blocked_reason}
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return _("Confirm your email address first. We sent you an email with a link.")
    return ""

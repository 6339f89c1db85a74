"""Writes of the buurtplein: reacting, reporting and moderating, each with its emails.

Every function checks who may do it, writes in one transaction, logs moderators' actions in
Wagtail's audit log and puts the emails it causes in the outbox in that same transaction.
"""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from neighbourhoods.models import CityHomePage
from notifications import outbox
from notifications.models import Follow, Frequency
from tim import pagecache
from tim.page_tree import buurt_of
from tim.urls_helper import absolute_url

from . import digest, permissions
from .choices import IdeaReview, ModerationAction, ReactionStatus
from .models import (
    CONSULTATIONS_SLUG,
    IDEAS_SLUG,
    BuurtModeration,
    ConsultationAnswer,
    Idea,
    IdeaAnswer,
    Participant,
    ParticipationSettings,
    Reaction,
    Report,
    Support,
    Thread,
)

WAITING = [ReactionStatus.HELD, ReactionStatus.REPORTED]
DIGEST_HOUR = 7  # like the follow digests: 07:00 in Maastricht


class NotAllowed(Exception):
    """The person may not do this; the message says why, in words for them."""


def _check_can_take_part(user) -> None:
    reason = permissions.why_cannot_take_part(user)
    if reason:
        raise NotAllowed(reason)


def thread_for(target) -> Thread:
    """The conversation under a page or an idea, made on first use with its buurt."""
    if isinstance(target, Idea):
        thread, _created = Thread.objects.get_or_create(
            idea=target, defaults={"buurt_id": target.buurt_id}
        )
        return thread
    thread = Thread.objects.filter(page=target).first()
    if thread is None:
        buurt = buurt_of(target)
        thread, _created = Thread.objects.get_or_create(page=target, defaults={"buurt": buurt})
    return thread


def _purge(thread_or_idea) -> None:
    """Anonymous visitors get pages from the page cache: make the ones that show this stale."""
    idea = thread_or_idea if isinstance(thread_or_idea, Idea) else thread_or_idea.idea
    if idea is None:
        pagecache.purge_on_commit(paths=[pagecache.path_of(thread_or_idea.page)])
        return
    ideas = f"{idea.buurt.url}{IDEAS_SLUG}/"
    pagecache.purge_on_commit(paths=[idea.url, ideas, f"{ideas}rss/", f"/{IDEAS_SLUG}/"])


def _is_held(*, user, thread) -> bool:
    if permissions.can_moderate(user, thread.buurt_id):
        return False
    if BuurtModeration.objects.filter(buurt_id=thread.buurt_id, premoderation=True).exists():
        return True
    return not Participant.objects.filter(user=user, approved_at__isnull=False).exists()


@transaction.atomic
def reaction_create(*, user, target, text, parent=None) -> Reaction:
    """A reaction on a page or an idea: visible at once, or held for a check."""
    _check_can_take_part(user)
    thread = thread_for(target)
    if thread.closed:
        raise NotAllowed(_("Reacting is closed on this page."))
    if parent is not None and (parent.thread_id != thread.pk or parent.parent_id is not None):
        raise NotAllowed(_("You can only reply to a reaction on this page."))
    held = _is_held(user=user, thread=thread)
    reaction = Reaction.objects.create(
        thread=thread,
        parent=parent,
        author=user,
        text=text,
        status=ReactionStatus.HELD if held else ReactionStatus.VISIBLE,
    )
    if held:
        _tell_moderators(buurt=thread.buurt)
    else:
        _tell_about_reaction(reaction)
        _purge(thread)
    return reaction


@transaction.atomic
def reaction_edit(*, user, reaction, text) -> Reaction:
    if not reaction.can_edit(user):
        raise NotAllowed(_("You can change a reaction only in the first 15 minutes."))
    reaction.text = text
    reaction.edited_at = timezone.now()
    reaction.save(update_fields=["text", "edited_at"])
    _purge(reaction.thread)
    return reaction


@transaction.atomic
def reaction_delete(*, user, reaction) -> None:
    """The author's delete keeps the place in the thread, so replies keep their context."""
    if not user.is_authenticated or reaction.author_id != user.pk:
        raise NotAllowed(_("You can only delete your own reactions."))
    reaction.text = ""
    reaction.status = ReactionStatus.DELETED
    reaction.save(update_fields=["text", "status"])
    _purge(reaction.thread)


@transaction.atomic
def report_create(*, user, reaction, reason, explanation="") -> bool:
    """Report a reaction; False when this person reported it before. Enough reports hide it."""
    _check_can_take_part(user)
    try:
        with transaction.atomic():
            Report.objects.create(
                reaction=reaction, reporter=user, reason=reason, explanation=explanation
            )
    except IntegrityError:
        return False
    threshold = ParticipationSettings.load().report_threshold
    reports = Report.objects.filter(reaction=reaction, resolved=False)
    if reports.values("reporter").distinct().count() >= threshold:
        Reaction.objects.filter(pk=reaction.pk, status=ReactionStatus.VISIBLE).update(
            status=ReactionStatus.REPORTED
        )
        _purge(reaction.thread)
        _tell_moderators(buurt=reaction.thread.buurt)
    return True


# Moderation ------------------------------------------------------------------------------------


def _check_moderator(user, thread) -> None:
    if not permissions.can_moderate(user, thread.buurt_id):
        raise NotAllowed(_("You do not moderate this buurt."))


@transaction.atomic
def moderate(*, moderator, reaction, action, reason="") -> None:
    """One click of the queue (or of the public page): hide, show, warn or (un)block."""
    _check_moderator(moderator, reaction.thread)
    action = ModerationAction(action)
    if action in (ModerationAction.HIDE, ModerationAction.WARN, ModerationAction.BLOCK):
        if not reason.strip():
            raise NotAllowed(_("Give a reason: the author gets it by email."))
    if action == ModerationAction.HIDE:
        reaction.status = ReactionStatus.HIDDEN
        reaction.save(update_fields=["status"])
        reaction.reports.update(resolved=True)
    elif action == ModerationAction.RESTORE:
        was_held = reaction.status == ReactionStatus.HELD
        reaction.status = ReactionStatus.VISIBLE
        reaction.save(update_fields=["status"])
        reaction.reports.update(resolved=True)
        if reaction.author_id:
            _approve(reaction.author_id)
        if was_held:
            _tell_about_reaction(reaction)
    elif action == ModerationAction.BLOCK and reaction.author_id:
        _set_blocked(reaction.author, reason=reason)
    elif action == ModerationAction.UNBLOCK and reaction.author_id:
        _set_blocked(reaction.author, reason="")
    _purge(reaction.thread)
    log(
        instance=reaction,
        action=f"participation.{action.value}",
        user=moderator,
        data={"reason": reason, "author": reaction.author_id, "on": reaction.thread.title},
    )
    if reaction.author_id and action != ModerationAction.RESTORE:
        _tell_author(reaction, action=action, reason=reason)


def _approve(user_id) -> None:
    """A first approved reaction makes an account trusted: its next reactions show at once."""
    Participant.objects.get_or_create(user_id=user_id)
    Participant.objects.filter(user_id=user_id, approved_at=None).update(approved_at=timezone.now())


def _set_blocked(user, *, reason) -> None:
    participant, _created = Participant.objects.get_or_create(user=user)
    participant.blocked_at = timezone.now() if reason else None
    participant.blocked_reason = reason
    participant.save(update_fields=["blocked_at", "blocked_reason"])


@transaction.atomic
def answer(*, moderator, reaction, text) -> Reaction:
    """A public answer of the editors or the municipality, as a reply under the reaction."""
    _check_moderator(moderator, reaction.thread)
    parent = reaction.parent or reaction
    reply = Reaction.objects.create(
        thread=reaction.thread, parent=parent, author=moderator, text=text, is_answer=True
    )
    log(
        instance=reaction,
        action="participation.answer",
        user=moderator,
        data={"answer": reply.pk, "on": reaction.thread.title},
    )
    _tell_about_reaction(reply)
    _purge(reaction.thread)
    return reply


@transaction.atomic
def set_closed(*, user, target, closed: bool) -> Thread:
    thread = thread_for(target)
    if not permissions.can_close(user, thread):
        raise NotAllowed(_("Only moderators and the editors of this page can close reacting."))
    Thread.objects.filter(pk=thread.pk).update(closed=closed)
    thread.closed = closed
    _purge(thread)
    log(instance=thread, action="participation.close" if closed else "participation.open",
        user=user, data={"on": thread.title})  # fmt: skip
    return thread


@transaction.atomic
def set_premoderation(*, moderator, buurt, on: bool) -> None:
    if not permissions.can_moderate(moderator, buurt.pk):
        raise NotAllowed(_("You do not moderate this buurt."))
    setting, _created = BuurtModeration.objects.update_or_create(
        buurt=buurt, defaults={"premoderation": on}
    )
    log(
        instance=setting,
        action="participation.premoderation_on" if on else "participation.premoderation_off",
        user=moderator,
        data={"buurt": buurt.pk},
    )


# Emails ----------------------------------------------------------------------------------------


def _frequency_for(user, page) -> str:
    """How often someone hears of reactions: their follow of the page (or above), else weekly."""
    follow = (
        Follow.objects.filter(user=user, page__in=page.get_ancestors(inclusive=True))
        .order_by("-page__depth")
        .first()
    )
    return follow.frequency if follow else Frequency.WEEKLY


def _next_send(frequency: str, now: datetime.datetime) -> datetime.datetime:
    """The next 07:00 (daily) or the next Monday 07:00 (weekly), in Maastricht's time."""
    local = timezone.localtime(now)
    moment = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if frequency == Frequency.WEEKLY:
        moment += datetime.timedelta(days=(7 - local.weekday()) % 7)
    if moment <= local:
        moment += datetime.timedelta(days=7 if frequency == Frequency.WEEKLY else 1)
    return moment


def _email_context(**values) -> dict:
    """What every email of this app needs besides its own values: the site's own links."""
    return {
        "site_url": absolute_url("/"),
        "settings_url": absolute_url(reverse("notifications:follows")),
        **values,
    }


def _tell_about_reaction(reaction) -> None:
    """The page's author and the person replied to hear of it, as often as they chose; the
    page's followers read it in their digest (participation.digest).

    Right away: one email per reaction. Daily or weekly: one email per page per period, sent at
    the period's end, that lists what came in (the outbox's unique cause makes it one row).
    """
    thread = reaction.thread
    digest.tell_followers_of_reaction(reaction)
    recipients = {}
    owner_id = thread.owner_id
    if owner_id:
        owner = thread.page.owner if thread.page_id else thread.idea.author
        recipients[owner_id] = ("page", owner)
    if reaction.parent_id and reaction.parent.author_id:
        recipients[reaction.parent.author_id] = ("reply", reaction.parent.author)
    recipients.pop(reaction.author_id, None)
    url = absolute_url(f"{thread.url}#reactie-{reaction.pk}")
    followed = thread.page or thread.idea.buurt
    for why, user in recipients.values():
        if not user.is_active:
            continue
        frequency = _frequency_for(user, followed)
        if frequency == Frequency.OFF:
            continue
        if frequency == Frequency.DIRECT:
            outbox.enqueue(
                kind="participation.reaction",
                cause=f"reaction:{reaction.pk}",
                to=user,
                template="email/participation/reaction",
                context=_email_context(
                    reaction=reaction, page_title=thread.title, why=why, url=url
                ),
            )
            continue
        send_at = _next_send(frequency, timezone.now())
        since = send_at - datetime.timedelta(days=7 if frequency == Frequency.WEEKLY else 1)
        row = outbox.row(
            kind="participation.reactions_summary",
            cause=f"reactions:{reaction.thread_id}:{send_at:%Y-%m-%d}",
            to=user,
            template="email/participation/reactions_summary",
            context=_email_context(thread=thread, page_title=thread.title, since=since,
                                   until=send_at, url=absolute_url(f"{thread.url}#reacties")),
        )  # fmt: skip
        row.next_attempt_at = send_at
        outbox.enqueue_many([row])


def _tell_moderators(*, buurt) -> None:
    """Something waits in the queue: the buurt's editors (else the Moderatoren) hear of it in
    one email the next morning, however much comes in that day (one outbox row per day)."""
    from neighbourhoods.roles import responsible_people

    send_at = _next_send(Frequency.DAILY, timezone.now())
    queue_url = absolute_url(reverse("participation_queue"))
    rows = []
    for person in responsible_people(buurt) if buurt else []:
        row = outbox.row(
            kind="participation.queue",
            cause=f"queue:{send_at:%Y-%m-%d}",
            to=person,
            template="email/participation/queue",
            context=_email_context(buurt_title=buurt.title, url=queue_url),
        )
        row.next_attempt_at = send_at
        rows.append(row)
    outbox.enqueue_many(rows)


def _tell_author(reaction, *, action, reason) -> None:
    thread = reaction.thread
    outbox.enqueue(
        kind="participation.moderation",
        cause=f"{action.value}:{reaction.pk}:{timezone.now().isoformat()}",
        to=reaction.author,
        template="email/participation/moderation",
        context=_email_context(
            action=action.value,
            reason=reason,
            reaction_text=reaction.text,
            page_title=thread.title,
            url=absolute_url(thread.url),
            rules_url=absolute_url(reverse("participation:rules")),
        ),
    )


def waiting_count(*, buurt_ids) -> int:
    queryset = Reaction.objects.filter(status__in=WAITING)
    if buurt_ids is not None:
        queryset = queryset.filter(thread__buurt_id__in=buurt_ids)
    return queryset.count()


# Ideas -----------------------------------------------------------------------------------------


@transaction.atomic
def idea_create(*, user, buurt, title, description, address="", latitude=None, longitude=None,
                themes=(), photo=None, photo_alt="") -> Idea:  # fmt: skip
    """A resident launches an idea; it is public after a light check (at once for editors)."""
    from tim.models import TimImage

    _check_can_take_part(user)
    image = None
    if photo is not None:
        image = TimImage.objects.create(
            title=title[:255], description=photo_alt, file=photo, uploaded_by_user=user
        )
    trusted = permissions.can_moderate(user, buurt.pk)
    idea = Idea.objects.create(
        buurt=buurt,
        author=user,
        title=title,
        description=description,
        address=address,
        latitude=latitude,
        longitude=longitude,
        photo=image,
        review=IdeaReview.PUBLISHED if trusted else IdeaReview.PENDING,
    )
    idea.themes.set(themes)
    if not trusted:
        _tell_moderators(buurt=buurt)
    return idea


@transaction.atomic
def idea_review(*, moderator, idea, publish: bool, reason="") -> None:
    if not permissions.can_moderate(moderator, idea.buurt_id):
        raise NotAllowed(_("You do not moderate this buurt."))
    if not publish and not reason.strip():
        raise NotAllowed(_("Give a reason: the author gets it by email."))
    idea.review = IdeaReview.PUBLISHED if publish else IdeaReview.REJECTED
    idea.review_reason = "" if publish else reason
    idea.save(update_fields=["review", "review_reason"])
    if publish and idea.author_id:
        _approve(idea.author_id)
    _purge(idea)
    action = "publish_idea" if publish else "reject_idea"
    log(instance=idea, action=f"participation.{action}", user=moderator, data={"reason": reason})
    if idea.author_id:
        outbox.enqueue(
            kind="participation.idea_review",
            cause=f"{action}:{idea.pk}",
            to=idea.author,
            template="email/participation/idea_review",
            context=_email_context(
                idea=idea, published=publish, reason=reason, url=absolute_url(idea.url)
            ),
        )


def support_add(*, user, idea, show_name=False) -> bool:
    """Support an idea; True if new. Concurrent clicks make one row (the unique constraint)."""
    _check_can_take_part(user)
    if idea.review != IdeaReview.PUBLISHED:
        raise NotAllowed(_("This idea is not public yet."))
    _support, created = Support.objects.get_or_create(
        idea=idea, user=user, defaults={"show_name": show_name}
    )
    _purge(idea)
    return created


def support_remove(*, user, idea) -> None:
    Support.objects.filter(idea=idea, user=user).delete()
    _purge(idea)


@transaction.atomic
def idea_answer(*, moderator, idea, status, text) -> IdeaAnswer:
    """A public answer with a status; the author and every supporter hear of it by email, the
    buurt's followers in their digest."""
    if not permissions.can_moderate(moderator, idea.buurt_id):
        raise NotAllowed(_("You do not moderate this buurt."))
    if not text.strip():
        raise NotAllowed(_("Write the answer: residents read why."))
    answer = IdeaAnswer.objects.create(idea=idea, status=status, text=text, answered_by=moderator)
    Idea.objects.filter(pk=idea.pk).update(status=status)
    idea.status = status
    _purge(idea)
    log(instance=idea, action="participation.answer_idea", user=moderator,
        data={"status": status, "answer": answer.pk})  # fmt: skip
    digest.tell_followers_of_idea_answer(answer)
    people = {s.user_id: s.user for s in idea.supports.select_related("user")}
    if idea.author_id:
        people[idea.author_id] = idea.author
    context = _email_context(idea=idea, answer=answer, url=absolute_url(idea.url))
    outbox.enqueue_many(
        [
            outbox.row(kind="participation.idea_answer", cause=f"idea-answer:{answer.pk}",
                       to=person, template="email/participation/idea_answer", context=context)
            for person in people.values()
            if person.is_active
        ]
    )  # fmt: skip
    return answer


# Consultations ---------------------------------------------------------------------------------


@transaction.atomic
def consultation_announce(*, consultation) -> None:
    """Followers of the buurt (of any buurt, for a city-wide question) read of a new
    consultation in their next digest; announcing it twice writes nothing twice."""
    home_id = CityHomePage.objects.values_list("pk", flat=True).first()
    digest.tell_followers_of_consultation(consultation, home_id=home_id)


def consultation_answer(*, user, consultation, choices: dict) -> ConsultationAnswer:
    """One answer per account: a second one (also at the same moment) is refused."""
    _check_can_take_part(user)
    if not consultation.is_open():
        raise NotAllowed(_("This question is closed."))
    options = {block.id: len(block.value["options"]) for block in consultation.questions}
    if set(choices) != set(options) or any(not 0 <= choices[key] < options[key] for key in options):
        raise NotAllowed(_("Answer every question."))
    try:
        with transaction.atomic():
            answer = ConsultationAnswer.objects.create(
                consultation=consultation, user=user, choices=choices
            )
    except IntegrityError:
        raise NotAllowed(_("You answered this question already.")) from None
    pagecache.purge_on_commit(paths=[consultation.url, f"/{CONSULTATIONS_SLUG}/"])
    return answer


@transaction.atomic
def idea_to_initiative(*, moderator, idea):
    """A draft InitiativePage in the buurt, filled from the idea; the idea links to it, and the
    initiative page shows the idea it came from. The editor completes and publishes it."""
    from django.utils.text import slugify

    from initiatives.models import InitiativeIndexPage, InitiativePage

    if not permissions.can_moderate(moderator, idea.buurt_id):
        raise NotAllowed(_("You do not moderate this buurt."))
    if idea.initiative_id:
        return idea.initiative
    index = InitiativeIndexPage.objects.child_of(idea.buurt).get()
    slug = slugify(idea.title)[:50] or f"idee-{idea.pk}"
    if index.get_children().filter(slug=slug).exists():
        slug = f"{slug}-{idea.pk}"
    page = index.add_child(
        instance=InitiativePage(
            title=idea.title, slug=slug, intro=idea.description[:600], live=False, owner=moderator
        )
    )
    page.save_revision(user=moderator, log_action=True)
    idea.initiative = page
    idea.save(update_fields=["initiative"])
    log(instance=idea, action="participation.idea_to_initiative", user=moderator,
        data={"initiative": page.pk})  # fmt: skip
    _purge(idea)
    return page

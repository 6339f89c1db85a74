"""The editorial roles as Wagtail groups, page permissions and one moderation workflow.

Run as often as you like (`manage.py setup_roles`, and after every buurt import): it only adds
what is missing, so a buurt added to the CSV gets its editor groups the next time.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MODERATORS = "Moderatoren"
INITIATIVE_HOSTS = "Initiatiefnemers"
WORKFLOW_NAME = "Buurtredactie: goedkeuring door moderatoren"


def editors_group_name(buurt) -> str:
    return f"Redactie {buurt.title}"


def trusted_editors_group_name(buurt) -> str:
    return f"Redactie {buurt.title} (vertrouwd)"


def buurten_edited_by(user):
    """The buurten whose editors' group (trusted or not) the user is in, by their group names."""
    from .models import NeighbourhoodPage

    titles = {
        name.removeprefix("Redactie ").removesuffix(" (vertrouwd)")
        for name in user.groups.filter(name__startswith="Redactie ").values_list("name", flat=True)
    }
    return NeighbourhoodPage.objects.filter(title__in=titles).order_by("title")


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group: Group, page: Page, actions: list[str]) -> None:
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )


def _grant_admin_and_images(group: Group, *, manage_images: bool) -> None:
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    root = Collection.get_first_root_node()
    actions = ["add", "choose"] + (["change", "delete"] if manage_images else [])
    for action in actions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission("wagtailimages", f"{action}_image")
        )


def _moderation_workflow(moderators: Group, home: Page) -> Workflow:
    task = GroupApprovalTask.objects.filter(name="Goedkeuring door moderatoren").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Goedkeuring door moderatoren")
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def setup_roles() -> None:
    from initiatives.models import InitiativeIndexPage
    from meetingplaces.models import MeetingPlaceIndexPage

    from .models import CityHomePage, NeighbourhoodPage

    home = CityHomePage.objects.first()
    if home is None:
        return
    # Wagtail's own example groups would give rights on every page: the roles below replace them.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    _grant_admin_and_images(moderators, manage_images=True)
    _grant_pages(moderators, home, ["add", "change", "publish", "delete", "lock", "unlock"])
    _moderation_workflow(moderators, home)
    # Moderators see every email of the outbox, and why one failed (read only).
    moderators.permissions.add(_permission("notifications", "view_outgoingemail"))
    # ...and what visitors sent as corrections of places and initiatives (read only).
    moderators.permissions.add(_permission("meetingplaces", "view_correction"))
    # Only they mark a news item as example content (its box is hidden from editors).
    moderators.permissions.add(_permission("news", "mark_example_content"))

    for buurt in NeighbourhoodPage.objects.all():
        editors, _ = Group.objects.get_or_create(name=editors_group_name(buurt))
        _grant_admin_and_images(editors, manage_images=False)
        _grant_pages(editors, buurt, ["add", "change"])
        trusted, _ = Group.objects.get_or_create(name=trusted_editors_group_name(buurt))
        _grant_admin_and_images(trusted, manage_images=False)
        _grant_pages(trusted, buurt, ["add", "change", "publish"])

    hosts, _ = Group.objects.get_or_create(name=INITIATIVE_HOSTS)
    _grant_admin_and_images(hosts, manage_images=False)
    for index in [*InitiativeIndexPage.objects.all(), *MeetingPlaceIndexPage.objects.all()]:
        _grant_pages(hosts, index, ["add"])


def responsible_people(page) -> list:
    """Who answers for a page that names no host: its buurt's editors, else the Moderatoren.

    A message a resident sends (a sign-up, an offer of help, a correction) always reaches a
    person, even when an initiative has no email address and no owner.
    """
    from django.contrib.auth import get_user_model

    from tim.page_tree import buurt_of

    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
    buurt = buurt_of(page)
    if buurt is not None:
        names = [editors_group_name(buurt), trusted_editors_group_name(buurt)]
        editors = list(users.filter(groups__name__in=names).distinct())
        if editors:
            return editors
    return list(users.filter(groups__name=MODERATORS))


def who_answers(page) -> list:
    """Who hears of a message about a page (an initiative, a meeting place): its own address for
    messages, else its active owner, else `responsible_people`. Addresses or users."""
    if getattr(page, "host_email", ""):
        return [page.host_email]
    if has_active_owner(page):
        return [page.owner]
    return responsible_people(page)


def has_own_host(page) -> bool:
    """Whether messages about the page reach its own people (not the buurt's editors)."""
    return bool(getattr(page, "host_email", "")) or has_active_owner(page)


def has_active_owner(page) -> bool:
    return bool(page.owner_id and page.owner.email and page.owner.is_active)

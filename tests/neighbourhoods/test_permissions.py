"""The permission matrix: role x buurt x action, asserted both ways (allowed and refused)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from neighbourhoods import roles

pytestmark = pytest.mark.django_db

ACTIONS = ["view_admin", "edit", "publish", "delete", "add_child"]
ALL = dict.fromkeys(ACTIONS, True)
NONE = dict.fromkeys(ACTIONS, False)

# role -> {buurt slug -> expected}. Nobody deletes a whole buurt site with a click (it has
# sections below it): buurten come and go through the CSV import. Deleting leaf pages is below.
MATRIX = {
    "moderator": {"pottenberg": {**ALL, "delete": False}, "nazareth": {**ALL, "delete": False}},
    "redactie-pottenberg": {
        "pottenberg": {**NONE, "view_admin": True, "edit": True, "add_child": True},
        "nazareth": NONE,
    },
    "redactie-nazareth": {
        "pottenberg": NONE,
        "nazareth": {**NONE, "view_admin": True, "edit": True, "add_child": True},
    },
    "vertrouwd-pottenberg": {
        "pottenberg": {**ALL, "delete": False},
        "nazareth": NONE,
    },
    "initiatiefnemer": {"pottenberg": NONE, "nazareth": NONE},
    "bewoner": {"pottenberg": NONE, "nazareth": NONE},
}


@pytest.fixture
def user_for_role(demo_user, pottenberg):
    def get(role):
        if role == "vertrouwd-pottenberg":
            user = get_user_model().objects.create_user("vertrouwd@example.org", "x")
            user.groups.add(Group.objects.get(name=roles.trusted_editors_group_name(pottenberg)))
            return user
        return demo_user(role)

    return get


def observed(client, user, page):
    tester = page.permissions_for_user(user)
    client.force_login(user)
    response = client.get(f"/beheer/pages/{page.pk}/edit/")
    return {
        "view_admin": response.status_code == 200,
        "edit": tester.can_edit(),
        "publish": tester.can_publish(),
        "delete": tester.can_delete(),
        "add_child": "add" in tester.permissions,
    }


@pytest.mark.parametrize(
    ("role", "buurt"), [(role, buurt) for role in MATRIX for buurt in MATRIX[role]]
)
def test_permission_matrix_on_the_buurt_page(client, user_for_role, role, buurt):
    from neighbourhoods.models import NeighbourhoodPage

    page = NeighbourhoodPage.objects.get(slug=buurt)
    assert observed(client, user_for_role(role), page) == MATRIX[role][buurt]


def test_editor_may_write_news_in_own_buurt_only(demo_user, pottenberg, nazareth):
    editor = demo_user("redactie-pottenberg")
    own = pottenberg.get_children().get(slug="nieuws")
    other = nazareth.get_children().get(slug="nieuws")
    assert "add" in own.permissions_for_user(editor).permissions
    assert "add" not in other.permissions_for_user(editor).permissions
    assert not other.permissions_for_user(editor).can_edit()


@pytest.mark.parametrize(
    ("role", "buurt", "may_delete"),
    [
        ("moderator", "pottenberg", True),
        ("moderator", "nazareth", True),
        ("redactie-pottenberg", "pottenberg", False),
        ("redactie-pottenberg", "nazareth", False),
        ("vertrouwd-pottenberg", "pottenberg", True),
        ("vertrouwd-pottenberg", "nazareth", False),
        ("initiatiefnemer", "pottenberg", False),
    ],
)
def test_who_may_delete_a_published_page_in_a_buurt(user_for_role, role, buurt, may_delete):
    from neighbourhoods.models import NeighbourhoodPage, StandardPage

    parent = NeighbourhoodPage.objects.get(slug=buurt)
    leaf = parent.add_child(instance=StandardPage(title="Verslag", slug="verslag"))
    assert leaf.permissions_for_user(user_for_role(role)).can_delete() is may_delete


def test_initiative_hosts_add_under_initiative_and_place_indexes_of_every_buurt(
    demo_user, pottenberg, nazareth
):
    host = demo_user("initiatiefnemer")
    for buurt in (pottenberg, nazareth):
        sections = {page.slug: page for page in buurt.get_children()}
        assert "add" in sections["initiatieven"].permissions_for_user(host).permissions
        assert "add" in sections["ontmoetingsplekken"].permissions_for_user(host).permissions
        assert "add" not in sections["nieuws"].permissions_for_user(host).permissions


def test_residents_and_anonymous_visitors_never_reach_the_admin(client, demo_user):
    assert client.get("/beheer/").status_code == 302
    client.force_login(demo_user("bewoner"))
    response = client.get("/beheer/")
    assert response.status_code in (302, 403)


def test_edits_by_editors_go_through_the_moderators_workflow(pottenberg):
    workflow = pottenberg.get_workflow()
    assert workflow.name == roles.WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.MODERATORS]


def test_setup_roles_twice_creates_nothing_new():
    before = (Group.objects.count(), Group.objects.get(name="Moderatoren").page_permissions.count())
    roles.setup_roles()
    after = (Group.objects.count(), Group.objects.get(name="Moderatoren").page_permissions.count())
    assert before == after
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()

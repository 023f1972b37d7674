"""Role × object: who may do what, on which desk and which organisation."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from conftest import make_user
from infolavoro.accounts.models import Role, RoleAssignment
from infolavoro.accounts.permissions import can, desk_ids_for, organization_ids_for
from infolavoro.network.models import Organization, OrganizationKind

ACTIONS = ["desk.operate", "desk.administer", "organization.edit", "organization.inbox", "monitoring.view"]


@pytest.fixture
def world(desk, other_desk, organization, other_organization, operator, desk_admin, member_editor,
          monitoring_viewer):
    far_organization = Organization.objects.create(desk=other_desk, name="Lontano", slug="lontano",
                                                   kind=OrganizationKind.UNION)
    suspended = Organization.objects.create(desk=desk, name="Sospeso", slug="sospeso", is_active=False,
                                            kind=OrganizationKind.ASSOCIATION)
    users = {
        "anonymous": AnonymousUser(),
        "no_role": make_user("nessuno@example.org"),
        "operator": operator,
        "desk_admin": desk_admin,
        "member_editor": member_editor,
        "monitoring_viewer": monitoring_viewer,
        "other_desk_admin": make_user("altro@example.org", Role.DESK_ADMIN, other_desk),
        # The editor of a suspended member: grants void everywhere, its own organisation included.
        "suspended_member_editor": make_user("sospeso@example.org", Role.MEMBER_EDITOR, desk, suspended),
    }
    objects = {
        "desk": desk,
        "organization": organization,
        "other_organization": other_organization,
        "other_desk": other_desk,
        "far_organization": far_organization,
        "suspended_organization": suspended,
    }
    return users, objects


# Expected: (user, object) -> the set of actions allowed. Everything not listed is refused.
EXPECTED = {
    ("operator", "desk"): {"desk.operate", "organization.inbox"},
    ("operator", "organization"): {"desk.operate", "organization.inbox"},
    ("operator", "other_organization"): {"desk.operate", "organization.inbox"},
    ("desk_admin", "desk"): {"desk.operate", "desk.administer", "organization.edit", "organization.inbox",
                             "monitoring.view"},
    ("desk_admin", "organization"): {"desk.operate", "desk.administer", "organization.edit", "organization.inbox",
                                     "monitoring.view"},
    ("desk_admin", "other_organization"): {"desk.operate", "desk.administer", "organization.edit",
                                           "organization.inbox", "monitoring.view"},
    ("operator", "suspended_organization"): {"desk.operate", "organization.inbox"},
    ("desk_admin", "suspended_organization"): {"desk.operate", "desk.administer", "organization.edit",
                                               "organization.inbox", "monitoring.view"},
    ("monitoring_viewer", "suspended_organization"): {"monitoring.view"},
    ("member_editor", "organization"): {"organization.edit", "organization.inbox"},
    ("monitoring_viewer", "desk"): {"monitoring.view"},
    ("monitoring_viewer", "organization"): {"monitoring.view"},
    ("monitoring_viewer", "other_organization"): {"monitoring.view"},
    ("other_desk_admin", "other_desk"): {"desk.operate", "desk.administer", "organization.edit",
                                         "organization.inbox", "monitoring.view"},
    ("other_desk_admin", "far_organization"): {"desk.operate", "desk.administer", "organization.edit",
                                               "organization.inbox", "monitoring.view"},
}

USERS = ["anonymous", "no_role", "operator", "desk_admin", "member_editor", "monitoring_viewer", "other_desk_admin",
         "suspended_member_editor"]
OBJECTS = ["desk", "organization", "other_organization", "other_desk", "far_organization", "suspended_organization"]


@pytest.mark.django_db
@pytest.mark.parametrize("user_key", USERS)
@pytest.mark.parametrize("object_key", OBJECTS)
def test_role_by_object(world, user_key, object_key):
    users, objects = world
    allowed = {action for action in ACTIONS if can(users[user_key], action, objects[object_key])}
    assert allowed == EXPECTED.get((user_key, object_key), set())


@pytest.mark.django_db
def test_superuser_may_do_everything(world):
    users, objects = world
    root = make_user("root@example.org")
    root.is_superuser = True
    root.save()
    assert all(can(root, action, objects["far_organization"]) for action in ACTIONS)
    assert desk_ids_for(root, "desk.operate") is None


@pytest.mark.django_db
def test_inactive_assignment_and_inactive_desk_grant_nothing(desk, operator):
    RoleAssignment.objects.filter(user=operator).update(is_active=False)
    operator.refresh_from_db()
    assert not can(operator, "desk.operate", desk)
    RoleAssignment.objects.filter(user=operator).update(is_active=True)
    desk.is_active = False
    desk.save()
    operator.refresh_from_db()
    assert not can(operator, "desk.operate", desk)


@pytest.mark.django_db
def test_unknown_action_is_an_error(desk, operator):
    with pytest.raises(ValueError, match="Unknown permission action"):
        can(operator, "desk.fly", desk)


@pytest.mark.django_db
def test_scopes_for_selectors(world):
    users, objects = world
    assert desk_ids_for(users["operator"], "desk.operate") == {objects["desk"].pk}
    assert desk_ids_for(users["member_editor"], "desk.operate") == set()
    assert desk_ids_for(users["monitoring_viewer"], "monitoring.view") == {objects["desk"].pk}
    assert organization_ids_for(users["member_editor"]) == {objects["organization"].pk}
    assert organization_ids_for(users["suspended_member_editor"]) == set()


@pytest.mark.django_db
def test_grants_are_loaded_once_per_user_object(world, django_assert_num_queries):
    users, objects = world
    operator = users["operator"]
    operator.refresh_from_db()
    with django_assert_num_queries(1):
        for action in ACTIONS:
            for obj in objects.values():
                can(operator, action, obj)


@pytest.mark.django_db
def test_member_editor_needs_an_organization_and_others_must_not_have_one(desk, organization):
    user = make_user("x@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, role=Role.MEMBER_EDITOR, desk=desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, role=Role.DESK_OPERATOR, desk=desk, organization=organization)


@pytest.mark.django_db
def test_a_role_is_held_once_per_desk(desk, operator):
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=operator, role=Role.DESK_OPERATOR, desk=desk)

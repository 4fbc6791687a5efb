"""Workspace services: only stewards create workspaces; stewards and a workspace's admins
give roles in it; giving a role a user already has writes nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import OrganisationFactory, UserFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role, WorkspaceMember
from verkosto.accounts.permissions import SYSTEM, has_role
from verkosto.accounts.services import workspace_create, workspace_member_set

pytestmark = pytest.mark.django_db


def test_only_stewards_create_workspaces():
    organisation = OrganisationFactory()
    editor = member_of(WorkspaceFactory(), Role.ADMIN)
    with pytest.raises(PermissionDenied):
        workspace_create(actor=editor, name="Turku", slug="turku", organisation=organisation)
    workspace = workspace_create(
        actor=SYSTEM, name="Turku", slug="turku", organisation=organisation
    )
    assert workspace.organisation == organisation


def test_admins_of_the_workspace_give_roles_editors_do_not():
    workspace, other = WorkspaceFactory(), WorkspaceFactory()
    admin = member_of(workspace, Role.ADMIN)
    editor = member_of(workspace, Role.EDITOR)
    foreign_admin = member_of(other, Role.ADMIN)
    newcomer = UserFactory()
    for actor in (editor, foreign_admin):
        with pytest.raises(PermissionDenied):
            workspace_member_set(actor=actor, workspace=workspace, user=newcomer, role=Role.VIEWER)
    assert not has_role(newcomer, workspace, Role.VIEWER)
    workspace_member_set(actor=admin, workspace=workspace, user=newcomer, role=Role.EDITOR)
    assert has_role(newcomer, workspace, Role.EDITOR)


def test_setting_the_same_role_again_writes_nothing():
    workspace, user = WorkspaceFactory(), UserFactory()
    workspace_member_set(actor=SYSTEM, workspace=workspace, user=user, role=Role.EDITOR)
    history = WorkspaceMember.history.count()
    workspace_member_set(actor=SYSTEM, workspace=workspace, user=user, role=Role.EDITOR)
    assert WorkspaceMember.history.count() == history
    workspace_member_set(actor=SYSTEM, workspace=workspace, user=user, role=Role.VIEWER)
    assert WorkspaceMember.objects.get(workspace=workspace, user=user).role == Role.VIEWER
    assert WorkspaceMember.history.count() == history + 1


def test_workspace_role_grants_matching_admin_access(client):
    from django.urls import reverse

    from tests.factories import UserFactory, WorkspaceFactory
    from verkosto.accounts.permissions import SYSTEM
    from verkosto.accounts.services import workspace_member_set

    workspace = WorkspaceFactory()
    user = UserFactory()
    workspace_member_set(actor=SYSTEM, workspace=workspace, user=user, role="viewer")
    user.refresh_from_db()
    assert user.is_staff and user.has_perm("registry.view_membership")
    assert not user.has_perm("registry.change_membership")
    client.force_login(user)
    assert client.get(reverse("admin:registry_membership_changelist")).status_code == 200
    assert client.get(reverse("admin:registry_membership_add")).status_code == 403

    user = type(user).objects.get(pk=user.pk)  # permissions are cached per object
    workspace_member_set(actor=SYSTEM, workspace=workspace, user=user, role="editor")
    user = type(user).objects.get(pk=user.pk)
    assert user.has_perm("registry.change_membership")
    assert client.get(reverse("admin:registry_membership_add")).status_code == 200

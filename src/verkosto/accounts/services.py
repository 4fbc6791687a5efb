"""Creating workspaces and giving users a role in them.

Keyword-only, typed functions that take the ``actor`` (a user or ``SYSTEM``) and check
the actor's rights first, like the registry services.
"""

from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.accounts.models import ROLE_RANK, Role, Workspace, WorkspaceMember
from verkosto.accounts.permissions import SYSTEM, Actor, has_role, history_user

if TYPE_CHECKING:
    from verkosto.registry.models import Organisation


def _is_steward(actor: Actor) -> bool:
    return actor is SYSTEM or bool(getattr(actor, "is_superuser", False))


@transaction.atomic
def workspace_create(
    *, actor: Actor, name: str, slug: str, organisation: "Organisation"
) -> Workspace:
    """A new workspace for ``organisation``; only registry stewards (superusers) may."""
    if not _is_steward(actor):
        raise PermissionDenied(_("Only registry stewards may create workspaces."))
    workspace = Workspace(name=name, slug=slug, organisation=organisation)
    workspace.full_clean()
    workspace._history_user = history_user(actor)
    workspace.save()
    return workspace


@transaction.atomic
def workspace_member_set(
    *, actor: Actor, workspace: Workspace, user: AbstractBaseUser, role: str
) -> WorkspaceMember:
    """Give ``user`` ``role`` in ``workspace`` (nothing is written if it already has it).

    Stewards and the workspace's administrators may do this.
    """
    if not (_is_steward(actor) or has_role(actor, workspace, Role.ADMIN)):
        raise PermissionDenied(_("You need the administrator role in this workspace."))
    member = WorkspaceMember.objects.filter(workspace=workspace, user=user).first()
    if member is not None and member.role == role:
        return member
    if member is None:
        member = WorkspaceMember(workspace=workspace, user=user)
    member.role = role
    member.full_clean()
    member._history_user = history_user(actor)
    member.save()
    # roles_of() caches a user's roles on the object; the cached ones are now stale.
    user.__dict__.pop("_verkosto_roles", None)
    admin_access_sync(user=user)
    return member


# Django's admin asks for model permissions; a user's workspace roles grant them. The
# registry's own rules (registry.services.rules) then decide per record and workspace.
ADMIN_GROUPS = {
    Role.VIEWER: ("verkosto viewers", ("view",)),
    Role.EDITOR: ("verkosto editors", ("view", "add", "change", "delete")),
}


def _group(role: str) -> Group:
    name, actions = ADMIN_GROUPS[role]
    group, created = Group.objects.get_or_create(name=name)
    if created or not group.permissions.exists():
        codenames = [
            f"{action}_{model._meta.model_name}"
            for model in apps.get_app_config("registry").get_models()
            for action in actions
            if not model.__name__.startswith("Historical")
        ]
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="registry", codename__in=codenames)
        )
    return group


def admin_access_sync(*, user: AbstractBaseUser) -> None:
    """Let a user with any workspace role into the admin, with the rights of the highest."""
    roles = set(WorkspaceMember.objects.filter(user=user).values_list("role", flat=True))
    best = max(roles, key=ROLE_RANK.__getitem__) if roles else None
    wanted = None if best is None else (Role.VIEWER if best == Role.VIEWER else Role.EDITOR)
    managed = Group.objects.filter(name__in=[name for name, _actions in ADMIN_GROUPS.values()])
    user.groups.remove(*managed)
    if wanted is not None:
        user.groups.add(_group(wanted))
    if not user.is_superuser and user.is_staff != (wanted is not None):
        user.is_staff = wanted is not None
        user.save(update_fields=["is_staff"])

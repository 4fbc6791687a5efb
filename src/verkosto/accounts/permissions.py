"""Who may read and write what.

Every service takes an ``actor``: a Django user, or ``SYSTEM`` for trusted jobs run from
the command line (imports, demo data) by whoever has shell access to the server.
Public facts may be written by an editor of a workspace whose organisation the fact is
about, or by a superuser (the registry steward); private facts only by an editor of the
owning workspace.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from verkosto.accounts.models import ROLE_RANK, Role, Workspace, WorkspaceMember


class _System:
    """The actor for command-line jobs; has every right and leaves 'system' in history."""

    is_authenticated = True
    is_superuser = True
    pk = None

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = _System()
Actor = Any  # a User or SYSTEM


def history_user(actor: Actor):
    """The user to record in history (None for SYSTEM)."""
    return None if actor is SYSTEM else actor


def roles_of(actor: Actor) -> dict[int, str]:
    """Workspace id → role for ``actor`` (cached on the user object for the request)."""
    if actor is SYSTEM or not getattr(actor, "is_authenticated", False):
        return {}
    cached = getattr(actor, "_verkosto_roles", None)
    if cached is None:
        cached = dict(
            WorkspaceMember.objects.filter(user=actor).values_list("workspace_id", "role")
        )
        actor._verkosto_roles = cached
    return cached


def readable_workspace_ids(actor: Actor) -> set[int] | None:
    """Workspaces whose private facts ``actor`` may read; None means all (SYSTEM)."""
    if actor is SYSTEM:
        return None
    return set(roles_of(actor))


def has_role(actor: Actor, workspace: Workspace | int, minimum: str) -> bool:
    if actor is SYSTEM:
        return True
    workspace_id = workspace if isinstance(workspace, int) else workspace.pk
    role = roles_of(actor).get(workspace_id)
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[minimum]


def require_role(actor: Actor, workspace: Workspace | int, minimum: str = Role.EDITOR) -> None:
    if not has_role(actor, workspace, minimum):
        raise PermissionDenied(
            _("You need the %(role)s role in this workspace.") % {"role": Role(minimum).label}
        )


def require_editor_anywhere(actor: Actor) -> None:
    """For creating new shared records (a new partner city, a new network)."""
    if actor is SYSTEM or getattr(actor, "is_superuser", False):
        return
    if not any(ROLE_RANK[r] >= ROLE_RANK[Role.EDITOR] for r in roles_of(actor).values()):
        raise PermissionDenied(_("You need the editor role in a workspace to add to the registry."))


def require_public_write(actor: Actor, organisation_ids: Iterable[int]) -> None:
    """Public facts: an editor of a workspace of one of the organisations concerned."""
    if actor is SYSTEM or getattr(actor, "is_superuser", False):
        return
    editor_ws = [
        ws for ws, role in roles_of(actor).items() if ROLE_RANK[role] >= ROLE_RANK[Role.EDITOR]
    ]
    concerned = set(organisation_ids)
    if (
        editor_ws
        and Workspace.objects.filter(pk__in=editor_ws, organisation_id__in=concerned).exists()
    ):
        return
    raise PermissionDenied(
        _("Only editors of a workspace of an organisation concerned may change this shared fact.")
    )


def require_fact_write(actor: Actor, *, workspace_id: int | None, organisation_ids: Iterable[int]):
    """Write check for a fact that may be public (workspace_id None) or private."""
    if workspace_id is None:
        require_public_write(actor, organisation_ids)
    else:
        require_role(actor, workspace_id, Role.EDITOR)

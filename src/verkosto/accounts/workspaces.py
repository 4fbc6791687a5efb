"""The workspace a user is working in now, kept in the session.

A user with roles in several workspaces picks one with the switch in the page header; pages
that show "my organisation" (the home page) read it with :func:`current_workspace`.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from verkosto.accounts.models import Workspace, WorkspaceMember

SESSION_KEY = "verkosto_workspace_id"


@dataclass(frozen=True)
class WorkspaceChoice:
    workspace: Workspace
    role: str


def workspace_choices(request: HttpRequest) -> list[WorkspaceChoice]:
    """The user's workspaces with their role, in one query, cached on the request.

    The same rows also fill the role cache of ``accounts.permissions.roles_of`` so a page
    that checks permissions afterwards asks the database nothing more.
    """
    cached = getattr(request, "_verkosto_workspaces", None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        choices: list[WorkspaceChoice] = []
    else:
        rows = (
            WorkspaceMember.objects.filter(user=user)
            .select_related("workspace__organisation")
            .order_by("workspace__name", "workspace_id")
        )
        choices = [WorkspaceChoice(row.workspace, row.role) for row in rows]
        user._verkosto_roles = {c.workspace.pk: c.role for c in choices}
    request._verkosto_workspaces = choices
    return choices


def current_workspace(request: HttpRequest) -> Workspace | None:
    """The workspace chosen in this session, else the user's first one, else None."""
    choices = workspace_choices(request)
    if not choices:
        return None
    chosen = request.session.get(SESSION_KEY)
    for choice in choices:
        if choice.workspace.pk == chosen:
            return choice.workspace
    return choices[0].workspace


def workspace_select(request: HttpRequest, workspace_id: int) -> bool:
    """Make ``workspace_id`` current if the user has a role in it; False otherwise."""
    if any(c.workspace.pk == workspace_id for c in workspace_choices(request)):
        request.session[SESSION_KEY] = workspace_id
        return True
    return False

"""What every portfolio page needs: the current workspace and the reader's role in it."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import has_role
from verkosto.accounts.workspaces import current_workspace


def workspace_or_403(request: HttpRequest, minimum: str = Role.VIEWER) -> Workspace:
    """Portfolio data is private: a page needs a workspace the user has ``minimum`` in."""
    workspace = current_workspace(request)
    if workspace is None:
        raise PermissionDenied(_("You need a workspace to see its portfolio."))
    if not has_role(request.user, workspace, minimum):
        raise PermissionDenied(
            _("You need the %(role)s role in this workspace.") % {"role": Role(minimum).label}
        )
    return workspace

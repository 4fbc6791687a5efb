"""What every portfolio page needs: the current workspace and the reader's role in it."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.forms import Form
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


def add_service_errors(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form fields it names (else on the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            target = name if name in form.fields else None
            for message in errors:
                form.add_error(None if name == NON_FIELD_ERRORS else target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)

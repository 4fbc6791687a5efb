"""The API's default permissions (kept free of view imports: DRF loads them at start-up)."""

from rest_framework import permissions

from verkosto.accounts.permissions import require_editor_anywhere


class EditorForWrites(permissions.BasePermission):
    """Reads: any signed-in user. Writes: editors (of some workspace) and stewards only.

    Only the early, coarse answer, so that a viewer gets 403 before the body is even
    validated; the service then decides for the record itself (rules.require_write).
    """

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        require_editor_anywhere(request.user)
        return True

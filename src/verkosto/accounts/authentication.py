"""``Authorization: Bearer <token>`` for the API, and what a read-only token may do."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions

from verkosto.accounts.models import ApiToken, TokenScope
from verkosto.accounts.tokens import token_check


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None  # not ours: the session may still authenticate the request
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header is malformed."))
        try:
            secret = header[1].decode()
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("The token is malformed.")) from error
        token = token_check(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is invalid, expired or revoked."))
        return token.user, token

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (not 403) to a request without credentials.
        return f'{self.keyword} realm="api"'


class TokenScopePermission(permissions.BasePermission):
    """A token with the read scope may only read, whatever its user's role."""

    message = _("This token has the read scope; it cannot change anything.")

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if isinstance(token, ApiToken) and token.scope != TokenScope.READ_WRITE:
            return request.method in permissions.SAFE_METHODS
        return True

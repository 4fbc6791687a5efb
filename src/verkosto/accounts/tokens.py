"""Personal API tokens: making, revoking and checking them.

A token is ``vk_`` followed by 32 random bytes in URL-safe base64. The database keeps only
its SHA-256 hash (a stolen database gives no usable token) and the first characters, so
that a user can tell their tokens apart in the list.
"""

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verkosto.accounts.models import ApiToken, TokenScope
from verkosto.accounts.permissions import SYSTEM, Actor

TOKEN_PREFIX = "vk_"  # noqa: S105 - a fixed marker, not a secret
PREFIX_LENGTH = len(TOKEN_PREFIX) + 6
# Writing last_used_at on every request would turn each read into a write; a minute's
# precision is enough to tell a token in use from a forgotten one.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _may_manage(actor: Actor, user: AbstractBaseUser) -> bool:
    return actor is SYSTEM or getattr(actor, "pk", None) == user.pk


@transaction.atomic
def token_create(
    *,
    actor: Actor,
    user: AbstractBaseUser,
    name: str,
    scope: str = TokenScope.READ,
    expires_days: int | None = None,
) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns the token and its secret (shown once, never stored).

    Users make their own tokens; the command line (SYSTEM) may make one for anybody.
    """
    if not _may_manage(actor, user):
        raise PermissionDenied(_("You may only make tokens for yourself."))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = None
    if expires_days is not None:
        expires_at = timezone.now() + dt.timedelta(days=expires_days)
    token = ApiToken(
        user=user,
        name=name,
        scope=scope,
        prefix=secret[:PREFIX_LENGTH],
        secret_hash=secret_hash(secret),
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    return token, secret


@transaction.atomic
def token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    if not _may_manage(actor, token.user):
        raise PermissionDenied(_("You may only revoke your own tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_check(secret: str) -> ApiToken | None:
    """The active token with this secret (its user loaded), or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(secret_hash=secret_hash(secret)).first()
    now = timezone.now()
    if token is None or not token.is_active(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def token_list(*, user: AbstractBaseUser):
    return ApiToken.objects.filter(user=user)

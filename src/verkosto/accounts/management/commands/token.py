"""``verkosto token create|list|revoke``: personal API tokens from the command line."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from verkosto.accounts.models import ApiToken, TokenScope
from verkosto.accounts.permissions import SYSTEM
from verkosto.accounts.tokens import token_create, token_list, token_revoke


class Command(BaseCommand):
    help = "Create, list or revoke personal API tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token; its secret is the last line.")
        create.add_argument("username")
        create.add_argument("--name", required=True)
        create.add_argument("--scope", choices=TokenScope.values, default=TokenScope.READ)
        create.add_argument("--expires-days", type=int, default=None)
        listing = sub.add_parser("list", help="A user's tokens (never their secrets).")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="Revoke a token by its id.")
        revoke.add_argument("id", type=int)

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _user(self, username: str):
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error

    def _create(self, *, username, name, scope, expires_days, **_options):
        if expires_days is not None and expires_days < 1:
            raise CommandError("--expires-days must be at least 1.")
        token, secret = token_create(
            actor=SYSTEM,
            user=self._user(username),
            name=name,
            scope=scope,
            expires_days=expires_days,
        )
        expires = token.expires_at.isoformat() if token.expires_at else "never"
        self.stderr.write(f"Token {token.pk} ({token.scope}) expires {expires}. Keep it secret:")
        self.stdout.write(secret)

    def _list(self, *, username, **_options):
        for token in token_list(user=self._user(username)):
            state = "revoked" if token.revoked_at else "active"
            expires = token.expires_at.isoformat() if token.expires_at else "never"
            self.stdout.write(
                f"{token.pk}\t{token.prefix}…\t{token.name}\t{token.scope}\t{state}\t{expires}"
            )

    def _revoke(self, *, id, **_options):
        try:
            token = ApiToken.objects.select_related("user").get(pk=id)
        except ApiToken.DoesNotExist as error:
            raise CommandError(f"No token {id}.") from error
        token_revoke(actor=SYSTEM, token=token)
        self.stdout.write(f"Token {id} revoked.")

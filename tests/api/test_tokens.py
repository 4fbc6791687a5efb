"""Personal API tokens: stored hashed, Bearer authentication, scopes, expiry, revocation,
the token command and the token pages."""

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from tests.api.conftest import World, api_client
from verkosto.accounts.models import ApiToken
from verkosto.accounts.permissions import SYSTEM
from verkosto.accounts.tokens import token_check, token_create, token_revoke


def _bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_only_the_hash_and_a_prefix_are_stored(world: World):
    token, secret = token_create(actor=SYSTEM, user=world.users["viewer"], name="script")
    assert secret.startswith("vk_") and len(secret) >= 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret.startswith(stored.prefix) and len(stored.prefix) < 12
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())


def test_bearer_token_authenticates_and_records_use(world: World):
    token, secret = token_create(actor=SYSTEM, user=world.users["viewer"], name="script")
    response = _bearer(secret).get("/api/v1/organisations/")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "header", ["Bearer vk_wrong", "Bearer", "Bearer a b", "Token abc", "Bearer notatoken"]
)
def test_a_wrong_token_is_401_problem(world: World, header: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get("/api/v1/organisations/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_revoked_and_expired_tokens_stop_working(world: World):
    user = world.users["editor"]
    revoked, revoked_secret = token_create(actor=SYSTEM, user=user, name="old")
    token_revoke(actor=user, token=revoked)
    expired, expired_secret = token_create(actor=SYSTEM, user=user, name="x", expires_days=1)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(1))
    for secret in (revoked_secret, expired_secret):
        assert token_check(secret) is None
        assert _bearer(secret).get("/api/v1/themes/").status_code == 401
    user.is_active = False
    user.save()
    _token, secret = token_create(actor=SYSTEM, user=user, name="inactive")
    assert _bearer(secret).get("/api/v1/themes/").status_code == 401


def test_read_scope_cannot_write_even_for_an_editor(world: World):
    client = api_client(world.users["editor"], scope="read")
    assert client.get("/api/v1/themes/").status_code == 200
    response = client.post("/api/v1/themes/", {"code": "x", "label": {"fi": "X"}}, format="json")
    assert response.status_code == 403
    assert response.json()["type"] == "urn:verkosto:problem:permission_denied"
    write = api_client(world.users["editor"], scope="read-write")
    created = write.post("/api/v1/themes/", {"code": "x", "label": {"fi": "X"}}, format="json")
    assert created.status_code == 201, created.content


def test_users_cannot_make_or_revoke_each_others_tokens(world: World):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        token_create(actor=world.users["editor"], user=world.users["viewer"], name="x")
    token, _secret = token_create(actor=SYSTEM, user=world.users["viewer"], name="x")
    with pytest.raises(PermissionDenied):
        token_revoke(actor=world.users["editor"], token=token)


def test_session_auth_needs_csrf_for_writes(world: World):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.users["editor"])
    assert client.get("/api/v1/themes/").status_code == 200
    response = client.post("/api/v1/themes/", {"code": "y", "label": {"fi": "Y"}}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_token_command_prints_the_token_last(world: World):
    out, err = StringIO(), StringIO()
    username = world.users["editor"].username
    call_command(
        "token",
        "create",
        username,
        "--name",
        "ci",
        "--scope",
        "read-write",
        "--expires-days",
        "7",
        stdout=out,
        stderr=err,
    )
    secret = out.getvalue().strip().splitlines()[-1]
    token = token_check(secret)
    assert token is not None and token.scope == "read-write" and token.name == "ci"
    assert token.expires_at is not None
    assert _bearer(secret).get("/api/v1/themes/").status_code == 200

    listing = StringIO()
    call_command("token", "list", username, stdout=listing)
    assert token.prefix in listing.getvalue() and secret not in listing.getvalue()
    call_command("token", "revoke", str(token.pk), stdout=StringIO())
    assert token_check(secret) is None


def test_token_pages_create_show_once_list_and_revoke(world: World):
    user = world.users["viewer"]
    client = Client()
    client.force_login(user)
    page = client.get("/en/accounts/tokens/")
    assert page.status_code == 200
    response = client.post(
        "/en/accounts/tokens/", {"name": "report", "scope": "read", "expires_days": "30"}
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(user=user, name="report")
    secret = response.context["secret"]
    assert secret in response.content.decode() and token_check(secret).pk == token.pk
    assert "no-store" in response["Cache-Control"]

    listing = client.get("/en/accounts/tokens/").content.decode()
    assert token.prefix in listing and secret not in listing

    assert client.post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert token_check(secret) is None
    # Someone else's token is not found.
    other, _ = token_create(actor=SYSTEM, user=world.users["editor"], name="other")
    assert client.post(f"/en/accounts/tokens/{other.pk}/revoke/").status_code == 404


def test_token_pages_need_login(db):
    response = Client().get("/en/accounts/tokens/")
    assert response.status_code == 302

"""The page frame: login and its throttling, the language and workspace switches."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.factories import WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.workspaces import SESSION_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_root_sends_anonymous_visitor_to_login_form(client):
    response = client.get("/", follow=True)
    assert response.status_code == 200
    path = response.redirect_chain[-1][0]
    assert path.startswith("/fi/accounts/login/")
    assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_home_in_each_language_after_login(client, language):
    workspace = WorkspaceFactory()
    user = member_of(workspace, Role.VIEWER)
    client.force_login(user)
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == language
    assert str(workspace.organisation) in response.content.decode()


def test_login_with_right_password_lands_on_home(client):
    user = member_of(WorkspaceFactory(), Role.EDITOR)
    response = client.post(
        "/en/accounts/login/", {"username": user.username, "password": "pw"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/en/"
    assert response.context["user"] == user


def test_login_throttled_after_five_failures_per_username_and_address(client):
    user = member_of(WorkspaceFactory(), Role.EDITOR)
    url = "/en/accounts/login/"
    for _ in range(5):
        response = client.post(url, {"username": user.username, "password": "wrong"})
        assert response.status_code == 200
        assert "wrong" in response.content.decode()
    # Even the right password is refused now, with the wait in the message and header.
    response = client.post(url, {"username": user.username, "password": "pw"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 14 * 60
    assert "Try again in 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not blocked for the same username.
    response = client.post(
        url, {"username": user.username, "password": "pw"}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 302


def test_login_success_clears_failures(client):
    user = member_of(WorkspaceFactory(), Role.EDITOR)
    url = "/en/accounts/login/"
    for _ in range(4):
        client.post(url, {"username": user.username, "password": "wrong"})
    assert client.post(url, {"username": user.username, "password": "pw"}).status_code == 302
    client.logout()
    for _ in range(4):
        assert client.post(url, {"username": user.username, "password": "x"}).status_code == 200


def test_throttle_window_expires(client, settings):
    settings.VERKOSTO_LOGIN_FAILURE_WINDOW = 1
    user = member_of(WorkspaceFactory(), Role.EDITOR)
    url = "/en/accounts/login/"
    for _ in range(5):
        client.post(url, {"username": user.username, "password": "wrong"})
    assert client.post(url, {"username": user.username, "password": "pw"}).status_code == 429
    import time

    time.sleep(1.1)
    assert client.post(url, {"username": user.username, "password": "pw"}).status_code == 302


def test_logout_is_post_only(client):
    client.force_login(member_of(WorkspaceFactory()))
    assert client.get("/en/accounts/logout/").status_code == 405
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_language_switch_keeps_the_page(client):
    client.force_login(member_of(WorkspaceFactory()))
    response = client.post(
        reverse("set_language"), {"language": "sv", "next": "/fi/memberships/?q=x"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/sv/memberships/?q=x"
    page = client.get(response["Location"])
    assert html_lang(page) == "sv"


def test_frame_has_landmarks_skip_link_and_htmx_from_self(client):
    client.force_login(member_of(WorkspaceFactory()))
    response = client.get("/en/organisations/")
    body = response.content.decode()
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in body
    assert 'href="#main"' in body
    script = re.search(r'<script src="([^"]*htmx[^"]*)"[^>]*nonce="([^"]+)"', body)
    assert script and script.group(1).startswith("/static/")
    assert script.group(2) in response["Content-Security-Policy"]
    assert client.get(script.group(1)).status_code == 200


def test_workspace_switch(client):
    first, second = WorkspaceFactory(name="A first"), WorkspaceFactory(name="B second")
    user = member_of(first, Role.VIEWER)
    from verkosto.accounts.models import WorkspaceMember

    WorkspaceMember.objects.create(workspace=second, user=user, role=Role.EDITOR)
    other = WorkspaceFactory(name="C not mine")
    client.force_login(user)
    home = client.get("/en/")
    assert str(first.organisation) in home.content.decode()
    assert 'name="workspace"' in home.content.decode()

    url = reverse("accounts:workspace-switch")
    with translation.override("en"):
        response = client.post(url, {"workspace": second.pk, "next": "/en/"})
    assert response["Location"] == "/en/"
    assert client.session[SESSION_KEY] == second.pk
    assert f"<h1>{second.organisation}</h1>" in client.get("/en/").content.decode()

    # A workspace without a role is refused and the choice stays.
    client.post(url, {"workspace": other.pk, "next": "/en/"})
    assert client.session[SESSION_KEY] == second.pk
    # An outside `next` is not followed.
    response = client.post(url, {"workspace": first.pk, "next": "https://evil.example/"})
    assert response["Location"] in ("/fi/", "/en/")


def test_user_without_workspace_gets_a_home_page(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get("/en/")
    assert response.status_code == 200
    assert "no role in any workspace" in response.content.decode()


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("registry:home", {}),
        ("registry:organisation-overview", {"pk": 1}),
        *[
            (f"registry:{kind}-list", {})
            for kind in (
                "organisation",
                "network",
                "membership",
                "twinning",
                "partnership",
                "theme",
                "goal",
                "event",
            )
        ],
    ],
)
def test_anonymous_redirected_to_login(client, name, kwargs):
    with translation.override("en"):
        url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    response = client.get(url + "?export=csv")
    assert response.status_code == 302

"""Small helpers shared by the browser tests."""

from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

from verkosto.registry.models import Organisation

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def url(name: str, *args, language: str = "fi", **params) -> str:
    """A path under the language prefix, with a query string if asked."""
    with translation.override(language):
        path = reverse(name, args=args)
    if params:
        path += "?" + urlencode(params, doseq=True)
    return path


def log_in_by_cookie(page, live_server_url: str, username: str) -> None:
    """A logged-in session without the login form, for tests about other pages."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server_url}]
    )


def organisation(name_fi: str) -> Organisation:
    return Organisation.objects.get(name_fi=name_fi)


def network_by_alias(alias: str) -> Organisation:
    return Organisation.objects.get(other_names__name=alias)


def screenshot(page, name: str) -> Path:
    """A full-page screenshot kept as a test artefact (test-artifacts/ is not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

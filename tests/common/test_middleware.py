"""Requests carrying NUL characters get a clear 400, never a server error."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_nul_in_a_list_filter_is_refused(logged_in):
    response = logged_in.get("/en/memberships/", {"q": "hel\x00sinki"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_nul_in_api_json_is_refused_as_problem(logged_in):
    response = logged_in.post(
        "/api/v1/themes/", data='{"code": "a\\u0000b"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_ordinary_requests_pass(logged_in):
    assert logged_in.get("/en/memberships/", {"q": "helsinki 100%"}).status_code == 200

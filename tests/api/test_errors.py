"""Every error is application/problem+json (RFC 9457) with type, title, status, detail, and
for invalid input ``errors`` pointing at each field; a service's full_clean rejects with
the same messages as the forms."""

import pytest
from rest_framework.throttling import UserRateThrottle

from tests.api.conftest import World, api_client

PROBLEM = "application/problem+json"


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("urn:verkosto:problem:")
    assert body["title"] and body["detail"]
    return body


def _pointers(body: dict) -> dict[str, str]:
    return {e["pointer"]: e["detail"] for e in body["errors"]}


def test_400_from_the_serializer_points_at_each_field(world: World):
    client = api_client(world.users["editor"])
    body = _problem(
        client.post(
            "/api/v1/memberships/",
            {"member": "x", "role": "emperor", "start": "not a date"},
            format="json",
        ),
        400,
    )
    pointers = _pointers(body)
    assert {"#/member", "#/organisation", "#/role", "#/start", "#/source"} <= set(pointers)
    assert body["type"] == "urn:verkosto:problem:invalid"


def test_400_nested_fields_and_translated_fields(world: World):
    client = api_client(world.users["editor"])
    body = _problem(
        client.post(
            "/api/v1/partnerships/",
            {
                "name": {"fi": "", "de": "x"},
                "kind": "alliance",
                "parties": [{"organisation": world.org_a.pk, "role": "king"}],
                "source": world.source.pk,
            },
            format="json",
        ),
        400,
    )
    pointers = _pointers(body)
    assert "#/name" in pointers and "#/parties/0/role" in pointers


def test_400_from_the_model_rules_in_the_service(world: World):
    """Constraints checked by full_clean in the service (end before start, one
    membership in itself) come back as the same problem, on the same fields."""
    client = api_client(world.users["editor"])
    body = _problem(
        client.post(
            "/api/v1/memberships/",
            {
                "member": world.org_a.pk,
                "organisation": world.org_a.pk,
                "start": "2020-01-01",
                "end": "2019-01-01",
                "workspace": world.ws_a.pk,
                "source": world.source.pk,
            },
            format="json",
        ),
        400,
    )
    details = " ".join(e["detail"] for e in body["errors"])
    assert "itself" in details or "itse" in details
    duplicate = _problem(
        client.post(
            "/api/v1/identifiers/",
            {
                "organisation": world.org_a.pk,
                "scheme": "wikidata",
                "value": "Q2",  # B's identifier
                "source": world.source.pk,
            },
            format="json",
        ),
        400,
    )
    assert duplicate["errors"]


def test_400_for_an_invalid_filter(world: World):
    client = api_client(world.users["viewer"])
    body = _problem(client.get("/api/v1/memberships/?member=abc&current_on=never"), 400)
    assert {"#/member", "#/current_on"} <= set(_pointers(body))


def test_401_403_404_405_409_415(world: World):
    _problem(api_client().get("/api/v1/organisations/"), 401)
    _problem(
        api_client(world.users["viewer"]).patch(
            f"/api/v1/organisations/{world.org_a.pk}/", {"website": ""}, format="json"
        ),
        403,
    )
    editor = api_client(world.users["editor"])
    _problem(editor.get("/api/v1/organisations/999999/"), 404)
    _problem(editor.get("/api/v1/no-such-thing/"), 404)
    _problem(api_client().get("/api/v1/no-such-thing/"), 401)
    _problem(editor.get(f"/api/v1/memberships/{world.foreign['membership'].pk}/"), 404)
    _problem(editor.put("/api/v1/organisations/", {}, format="json"), 405)
    conflict = _problem(editor.delete(f"/api/v1/sources/{world.source.pk}/"), 409)
    assert conflict["type"] == "urn:verkosto:problem:conflict"
    _problem(editor.post("/api/v1/themes/", {"code": "x"}), 415)  # a form, not JSON


def test_429_when_the_rate_is_exceeded(world: World, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/minute"})
    client = api_client(world.users["viewer"])
    for _ in range(3):
        assert client.get("/api/v1/themes/").status_code == 200
    response = client.get("/api/v1/themes/")
    body = _problem(response, 429)
    assert body["type"] == "urn:verkosto:problem:throttled"
    assert int(response["Retry-After"]) > 0

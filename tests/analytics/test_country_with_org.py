"""``country`` with an organisation: overlap compares the organisation with the networks
of that country only; an organisation's trends take no country (a 400 problem, and the
OpenAPI document does not offer it); the command line agrees with the API."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tests.api.conftest import api_client
from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory
from verkosto.registry.models import Membership

AS_OF = "2025-06-01"


@pytest.fixture
def demo_api(demo_user):
    return api_client(demo_user, scope="read")


@pytest.fixture
def islands(demo, db):
    """Three Maltese towns in three networks: X and Y (Maltese, all three towns) and Z
    (based in Luxembourg, with a Luxembourg member and two of the towns)."""
    source = SourceFactory()
    towns = [OrganisationFactory(country="MT", source=source) for _ in range(3)]
    x, y = (NetworkFactory(country="MT", source=source) for _ in range(2))
    z = NetworkFactory(country="LU", source=source)
    luxembourg = OrganisationFactory(country="LU", source=source)
    pairs = [(t, n) for n in (x, y) for t in towns] + [(towns[0], z), (towns[1], z)]
    pairs.append((luxembourg, z))
    Membership.objects.bulk_create(
        [Membership(member=t, organisation=n, source=source) for t, n in pairs]
    )
    return {"towns": towns, "x": x, "y": y, "z": z}


def _names(rows) -> set[str]:
    return {row["name"] for row in rows}


def test_overlap_of_a_network_compares_only_with_the_countrys_networks(demo_api, islands):
    x, y, z = islands["x"], islands["y"], islands["z"]
    url = f"/api/v1/analytics/organisations/{x.pk}/overlap?as_of={AS_OF}"
    everyone = demo_api.get(url).json()
    assert _names(everyone["networks"]) == {x.name, y.name, z.name}
    assert everyone["country"] is None

    luxembourg = demo_api.get(url + "&country=lu").json()
    assert luxembourg["country"] == "LU"
    assert [n["name"] for n in luxembourg["networks"]] == [x.name, z.name]
    assert [(p["a"]["name"], p["b"]["name"]) for p in luxembourg["pairs"]] == [(x.name, z.name)]
    assert all(y.name not in (d["a"]["name"], d["b"]["name"]) for d in luxembourg["duplicates"])
    assert _names(luxembourg["heatmap"]["networks"]) == {x.name, z.name}


def test_overlap_of_a_network_keeps_k_within_the_country(demo_api, islands):
    """The best k of the country, not the best k of all cut down to the country: with
    k=1, Y (a perfect overlap) is X's best of all, but Z is its best in Luxembourg."""
    x, z = islands["x"], islands["z"]
    url = f"/api/v1/analytics/organisations/{x.pk}/overlap?as_of={AS_OF}&k=1"
    assert [n["name"] for n in demo_api.get(url).json()["networks"]] == [x.name, islands["y"].name]
    local = demo_api.get(url + "&country=LU").json()
    assert [n["name"] for n in local["networks"]] == [x.name, z.name]


def test_overlap_of_a_town_shows_only_its_networks_of_the_country(demo_api, islands):
    town = islands["towns"][0]
    url = f"/api/v1/analytics/organisations/{town.pk}/overlap?as_of={AS_OF}"
    assert _names(demo_api.get(url).json()["networks"]) == {
        islands["x"].name,
        islands["y"].name,
        islands["z"].name,
    }
    local = demo_api.get(url + "&country=LU").json()
    assert local["country"] == "LU" and local["subject"]["id"] == town.pk
    assert _names(local["networks"]) == {islands["z"].name}
    assert local["pairs"] == [] and local["duplicates"] == []
    # A country none of its networks belongs to leaves nothing to compare.
    assert demo_api.get(url + "&country=PT").json()["networks"] == []


def test_trends_of_an_organisation_refuse_a_country(demo_api, islands):
    town = islands["towns"][0]
    url = f"/api/v1/analytics/organisations/{town.pk}/trends?as_of={AS_OF}"
    assert demo_api.get(url).status_code == 200
    with translation.override("en"):
        response = demo_api.get(url + "&country=MT", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [e["pointer"] for e in errors] == ["#/country"]
    assert errors[0]["detail"] == "Trends of one organisation cannot be limited to a country."
    # The landscape's trends still take one.
    landscape = demo_api.get(f"/api/v1/analytics/trends?as_of={AS_OF}&country=MT")
    assert landscape.status_code == 200 and landscape.json()["country"] == "MT"


def test_the_openapi_document_offers_country_where_it_is_honoured(demo_api):
    paths = demo_api.get("/api/v1/openapi.json").json()["paths"]

    def parameters(path: str) -> set[str]:
        return {p["name"] for p in paths[path]["get"].get("parameters", []) if p["in"] == "query"}

    organisation = "/api/v1/analytics/organisations/{id}/"
    for name in ("overlap", "centrality", "communities"):
        assert "country" in parameters(organisation + name), name
    for name in ("trends", "peers", "gaps"):
        assert "country" not in parameters(organisation + name), name
        assert "400" in paths[organisation + name]["get"]["responses"], name
    assert "country" in parameters("/api/v1/analytics/trends")


def _run(*args: str) -> dict:
    out = io.StringIO()
    call_command("analytics", *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_command_line_agrees(islands):
    town = str(islands["towns"][0].pk)
    local = _run("overlap", "--org", town, "--country", "lu", "--as-of", AS_OF)
    assert local["country"] == "LU"
    assert _names(local["networks"]) == {islands["z"].name}
    centrality = _run("centrality", "--org", town, "--country", "lu", "--as-of", AS_OF)
    assert centrality["country"] == "LU"
    with pytest.raises(CommandError, match="not both"):
        call_command("analytics", "trends", "--org", town, "--country", "MT", stdout=io.StringIO())

"""The analysis API: the same summaries as JSON, read-only, behind authentication, with
problem+json answers for bad parameters and unknown organisations, a fixed number of
queries, and no private fact of another workspace."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.analytics.conftest import org
from tests.api.conftest import api_client
from tests.factories import OrganisationFactory, SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.analytics.selectors.landscape import landscape_cache
from verkosto.registry.models import Membership

LANDSCAPE = ("overlap", "centrality", "communities", "trends")
ORGANISATION = (*LANDSCAPE, "peers", "gaps")


@pytest.fixture
def demo_api(demo_user):
    return api_client(demo_user, scope="read")


def test_every_analysis_answers(demo_api):
    helsinki = org("Helsinki").pk
    for name in LANDSCAPE:
        response = demo_api.get(f"/api/v1/analytics/{name}?country=FI&as_of=2025-06-01")
        assert response.status_code == 200, (name, response.content[:300])
        assert response.json()["country"] == "FI"
    for name in ORGANISATION:
        response = demo_api.get(f"/api/v1/analytics/organisations/{helsinki}/{name}?k=3")
        assert response.status_code == 200, (name, response.content[:300])
        body = response.json()
        assert body["subject"]["name"] == "Helsinki" and body["workspace"] == "helsinki"


def test_gaps_in_words_in_the_requested_language(demo_api):
    helsinki = org("Helsinki").pk
    url = f"/api/v1/analytics/organisations/{helsinki}/gaps?as_of=2025-06-01"
    body = demo_api.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert "employment" in {u["theme"]["code"] for u in body["unserved"]}
    idle = {i["network"]["name"]: i for i in body["idle"]}
    text = idle["Union of the Baltic Cities"]["reasons"][0]["text"]
    assert "meets none of the current strategic goals" in text


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("as_of=2025-02-30", "as_of"),
        ("as_of=yesterday", "as_of"),
        ("as_of=0999-01-01", "as_of"),
        ("k=0", "k"),
        ("k=1000", "k"),
        ("country=FIN", "country"),
        ("workspace=norrkoping", "workspace"),  # the demo user has no role there
    ],
)
def test_bad_parameters_are_400_problems(demo_api, query, field):
    response = demo_api.get(f"/api/v1/analytics/overlap?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [e["pointer"] for e in response.json()["errors"]] == [f"#/{field}"]


def test_unknown_organisation_is_404(demo_api):
    response = demo_api.get("/api/v1/analytics/organisations/999999/peers")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_anonymous_is_401_and_writes_are_refused(demo, db):
    anonymous = api_client(None)
    assert anonymous.get("/api/v1/analytics/overlap").status_code == 401
    editor = api_client(member_of(WorkspaceFactory(), Role.EDITOR))
    assert editor.post("/api/v1/analytics/overlap", {}, format="json").status_code == 405


def test_a_foreign_workspaces_private_facts_never_appear(demo, db):
    outsider = api_client(member_of(WorkspaceFactory(), Role.ADMIN))
    helsinki = org("Helsinki").pk
    for name in ORGANISATION:
        text = outsider.get(f"/api/v1/analytics/organisations/{helsinki}/{name}").content
        assert b"Union of the Baltic Cities" not in text, name
        assert b"Tallinn" not in text, name
    asked = outsider.get("/api/v1/analytics/overlap?workspace=helsinki")
    assert asked.status_code == 400


def test_queries_do_not_grow_with_the_data(demo_api):
    helsinki = org("Helsinki").pk
    urls = [f"/api/v1/analytics/organisations/{helsinki}/{n}" for n in ORGANISATION]
    urls += [f"/api/v1/analytics/{n}" for n in LANDSCAPE]

    def counts() -> list[int]:
        found = []
        for url in urls:
            landscape_cache().clear()  # count the queries of a full load every time
            with CaptureQueriesContext(connection) as captured:
                assert demo_api.get(url).status_code == 200
            found.append(len(captured.captured_queries))
        return found

    counts()  # the first request of a token records when it was used: one write more
    before = counts()
    source = SourceFactory()
    cities = [OrganisationFactory(country="FI", source=source) for _ in range(20)]
    Membership.objects.bulk_create(
        [Membership(member=c, organisation=org("Eurocities"), source=source) for c in cities]
    )
    assert counts() == before
    assert max(before) <= 16, before

"""The portfolio's read-only API: cost lines, outcomes and reviews, private to the
workspaces a user has a role in, filtered by the same FilterSets, in a constant number of
queries per list, with every bad parameter a 400 that names it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.api.conftest import api_client
from tests.factories import NetworkFactory, UserFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.portfolio.models import CostLine, Evaluation, FollowUp, Outcome, Review
from verkosto.registry import models as rm

SECRET = "SECRET-OF-OTHER"
RESOURCES = ("cost-lines", "outcomes", "reviews")


def _review(workspace, organisation, year: int, membership=None, network=None) -> Review:
    review = Review.objects.create(
        workspace=workspace, organisation=organisation, year=year, opened_at=timezone.now()
    )
    if membership is not None:
        evaluation = Evaluation.objects.create(
            review=review,
            membership=membership,
            network=network or membership.organisation,
            score=42.5,
            recommendation="review",
            reasons=[{"code": "cost"}],
            decision="drop",
            rationale="Too dear",
            decided_at=timezone.now(),
        )
        FollowUp.objects.create(evaluation=evaluation, what="Resign", due_date=dt.date(2026, 6, 1))
    return review


@pytest.fixture
def other(city):
    """Another workspace with a private membership and a cost line, an outcome and a
    review of its own, each carrying SECRET."""
    workspace = WorkspaceFactory()
    membership = rm.Membership.objects.create(
        member=workspace.organisation,
        organisation=NetworkFactory(),
        workspace=workspace,
        note=SECRET,
        source=city.source,
    )
    return {
        "workspace": workspace,
        "membership": membership,
        "cost-lines": CostLine.objects.create(
            workspace=workspace,
            membership=membership,
            year=2025,
            kind="travel",
            amount=Decimal("98765.43"),
            note=SECRET,
        ),
        "outcomes": Outcome.objects.create(
            workspace=workspace,
            type="funding",
            title=SECRET,
            title_en=SECRET,
            date=dt.date(2025, 5, 1),
            membership=membership,
        ),
        "reviews": _review(workspace, workspace.organisation, 2025, membership),
    }


@pytest.fixture
def own_review(city):
    return _review(city.workspace, city.org, 2025, city.memberships[0])


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def _list(client, resource: str, **params):
    return client.get(f"/api/v1/{resource}/", params)


def test_lists_hold_only_the_users_workspaces_rows(city, other, own_review):
    client = api_client(city.viewer)
    expected = {
        "cost-lines": set(
            CostLine.objects.filter(workspace=city.workspace).values_list("pk", flat=True)
        ),
        "outcomes": set(
            Outcome.objects.filter(workspace=city.workspace).values_list("pk", flat=True)
        ),
        "reviews": {own_review.pk},
    }
    for resource in RESOURCES:
        response = _list(client, resource)
        assert set(_ids(response)) == expected[resource], resource
        assert expected[resource], resource  # the fixture has rows of each
        assert SECRET not in response.content.decode()


def test_another_workspaces_row_is_404_in_detail(city, other, own_review):
    client = api_client(city.editor)
    for resource in RESOURCES:
        response = client.get(f"/api/v1/{resource}/{other[resource].pk}/")
        assert response.status_code == 404, resource
        assert response["Content-Type"] == "application/problem+json"
        assert SECRET not in response.content.decode()


def test_a_user_without_a_role_sees_nothing(city, own_review):
    client = api_client(UserFactory())
    own = {
        "cost-lines": CostLine.objects.filter(workspace=city.workspace).first(),
        "outcomes": Outcome.objects.filter(workspace=city.workspace).first(),
        "reviews": own_review,
    }
    for resource in RESOURCES:
        assert _ids(_list(client, resource)) == [], resource
        assert client.get(f"/api/v1/{resource}/{own[resource].pk}/").status_code == 404


def test_a_member_of_another_workspace_sees_only_that_one(city, other, own_review):
    client = api_client(member_of(other["workspace"], Role.VIEWER))
    for resource in RESOURCES:
        assert _ids(_list(client, resource)) == [other[resource].pk], resource


def test_money_is_a_decimal_string_with_its_currency(city):
    client = api_client(city.viewer)
    line = CostLine.objects.get(workspace=city.workspace, kind="staff")
    body = client.get(f"/api/v1/cost-lines/{line.pk}/").json()
    assert body["amount"] == "5000.00"
    assert body["currency"] == "EUR"
    assert body["staff_hours"] == "100.0" and body["hourly_rate"] == "50.00"
    grant = Outcome.objects.get(workspace=city.workspace, type="funding")
    body = client.get(f"/api/v1/outcomes/{grant.pk}/").json()
    assert body["value_estimate"] == "100000.00"
    assert body["currency"] == "EUR"
    assert body["title"]["en"] == "Grant"


def test_a_review_shows_its_evaluations_and_follow_ups(city, own_review):
    client = api_client(city.viewer)
    body = client.get(f"/api/v1/reviews/{own_review.pk}/").json()
    assert body["year"] == 2025 and body["status"] == "open"
    (evaluation,) = body["evaluations"]
    assert evaluation["membership"] == city.memberships[0].pk
    assert evaluation["decision"] == "drop" and evaluation["score"] == 42.5
    assert evaluation["follow_up"]["what"] == "Resign"


def test_cost_line_filters(city):
    quiet, useful = city.memberships[0], city.memberships[1]
    travel = CostLine.objects.create(
        workspace=city.workspace, membership=useful, year=2024, kind="travel", amount=Decimal(10)
    )
    staff = CostLine.objects.get(workspace=city.workspace, kind="staff")
    client = api_client(city.viewer)
    assert _ids(_list(client, "cost-lines", membership=useful.pk)) == [travel.pk]
    assert _ids(_list(client, "cost-lines", membership=quiet.pk)) == [staff.pk]
    assert _ids(_list(client, "cost-lines", year=2024)) == [travel.pk]
    assert _ids(_list(client, "cost-lines", year_from=2025)) == [staff.pk]
    assert _ids(_list(client, "cost-lines", kind="staff")) == [staff.pk]
    assert _ids(_list(client, "cost-lines", kind="other")) == []
    assert _ids(_list(client, "cost-lines", workspace=city.workspace.pk)) == [staff.pk, travel.pk]


def test_outcome_filters(city):
    client = api_client(city.viewer)
    grant = Outcome.objects.get(workspace=city.workspace, type="funding")
    old = Outcome.objects.get(workspace=city.workspace, type="practice")
    assert _ids(_list(client, "outcomes", year=2023)) == [old.pk]
    assert _ids(_list(client, "outcomes", type="funding")) == [grant.pk]
    assert _ids(_list(client, "outcomes", membership=city.memberships[1].pk)) == [grant.pk]
    assert _ids(_list(client, "outcomes", ordering="date")) == [old.pk, grant.pk]


def test_review_filters(city, own_review):
    older = _review(city.workspace, city.org, 2024, city.memberships[1])
    client = api_client(city.viewer)
    assert _ids(_list(client, "reviews", year=2024)) == [older.pk]
    assert _ids(_list(client, "reviews", membership=city.memberships[0].pk)) == [own_review.pk]
    assert _ids(_list(client, "reviews", organisation=city.org.pk)) == [own_review.pk, older.pk]
    assert _ids(_list(client, "reviews", status="closed")) == []


@pytest.mark.parametrize(
    ("resource", "param", "value"),
    [
        ("cost-lines", "year", "abc"),
        ("cost-lines", "year", "1"),
        ("cost-lines", "kind", "fee"),  # fees are the registry's, never a cost line
        ("cost-lines", "membership", "x"),
        ("cost-lines", "workspace", "999999"),
        ("cost-lines", "ordering", "note"),
        ("outcomes", "type", "nonsense"),
        ("outcomes", "year", "99999999999999999999"),
        ("reviews", "status", "ajar"),
        ("reviews", "membership", "999999"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(city, resource, param, value):
    response = _list(api_client(city.viewer), resource, **{param: value})
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert f"#/{param}" in [e["pointer"] for e in response.json()["errors"]]


def test_a_filter_cannot_name_another_workspaces_membership(city, other):
    """A hidden membership is refused as an unknown one: no probing for its existence."""
    response = _list(api_client(city.viewer), "cost-lines", membership=other["membership"].pk)
    assert response.status_code == 400
    assert SECRET not in response.content.decode()


def _grow(city, n: int) -> None:
    """n more rows of each resource in the city's workspace, with goals and evaluations."""
    first = Review.objects.filter(workspace=city.workspace).count()
    for i in range(n):
        membership = city.memberships[i % len(city.memberships)]
        CostLine.objects.create(
            workspace=city.workspace,
            membership=membership,
            year=2020,
            kind="other",
            amount=Decimal(i),
        )
        outcome = Outcome.objects.create(
            workspace=city.workspace,
            type="other",
            title=f"O{i}",
            date=dt.date(2024, 1, 1),
            membership=membership,
        )
        outcome.goals.set([city.goal])
        _review(city.workspace, city.org, 2000 + first + i, membership)


@pytest.mark.parametrize("resource", RESOURCES)
def test_list_queries_do_not_grow_with_the_rows(city, resource, django_assert_num_queries):
    client = api_client(city.viewer)
    _list(client, resource)  # the token's first use may record itself
    present = {
        "cost-lines": CostLine.objects.filter(workspace=city.workspace).count(),
        "outcomes": Outcome.objects.filter(workspace=city.workspace).count(),
        "reviews": 0,
    }[resource]
    _grow(city, 2 - present)
    with CaptureQueriesContext(connection) as two:
        assert len(_ids(_list(client, resource))) == 2
    _grow(city, 8)
    with django_assert_num_queries(len(two)):
        assert len(_ids(_list(client, resource))) == 10

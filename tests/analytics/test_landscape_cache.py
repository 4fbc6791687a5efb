"""The loaded landscape is cached across requests: a second request asks the database
one question for it instead of nine, any change to the data it is built from shows on
the next request, and one workspace's private facts never reach another through it."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.analytics.conftest import org
from tests.api.conftest import api_client
from tests.factories import OrganisationFactory, SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.analytics.selectors.landscape import landscape_cache, landscape_data_version
from verkosto.registry.models import Membership, Theme

AS_OF = dt.date(2025, 6, 1)
LOAD_QUERIES = 9


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "path", ["/en/analysis/?country=FI", "/en/analysis/organisations/{helsinki}/"]
)
def test_a_second_request_does_not_load_the_landscape_again(
    demo_client, django_assert_max_num_queries, path
):
    url = path.format(helsinki=org("Helsinki").pk)
    first = _queries(demo_client, url)
    with django_assert_max_num_queries(first - LOAD_QUERIES):
        assert demo_client.get(url).status_code == 200


def test_an_api_request_after_a_page_uses_the_same_landscape(
    demo_client, demo_user, django_assert_max_num_queries
):
    """Pages and API of the same workspace share the cached landscape."""
    helsinki = org("Helsinki").pk
    api = api_client(demo_user, scope="read")
    url = f"/api/v1/analytics/organisations/{helsinki}/peers"
    api.get(url)  # the first request of a token records when it was used
    landscape_cache().clear()
    cold = _queries(api, url)
    with django_assert_max_num_queries(cold - LOAD_QUERIES):
        assert api.get(url).status_code == 200


def _networks(client, organisation_pk: int) -> set[str]:
    url = f"/api/v1/analytics/organisations/{organisation_pk}/overlap?as_of={AS_OF}"
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    return {n["name"] for n in body["networks"]}


def test_a_changed_membership_shows_on_the_next_request(demo_user):
    client = api_client(demo_user, scope="read")
    helsinki = org("Helsinki")
    union = "Union of the Baltic Cities"
    assert union in _networks(client, helsinki.pk)
    membership = Membership.objects.get(member=helsinki, organisation__name_en=union)

    membership.end = AS_OF - dt.timedelta(days=1)
    membership.save()
    assert union not in _networks(client, helsinki.pk)

    membership.end = None
    membership.save()
    assert union in _networks(client, helsinki.pk)

    membership.delete()
    assert union not in _networks(client, helsinki.pk)


def test_rows_added_without_history_show_on_the_next_request(demo_user):
    """bulk_create writes no history: the new keys and the counts still change."""
    client = api_client(demo_user, scope="read")
    source = SourceFactory()
    town = OrganisationFactory(country="FI", source=source)
    assert _networks(client, town.pk) == set()
    Membership.objects.bulk_create(
        [Membership(member=town, organisation=org("Eurocities"), source=source)]
    )
    assert _networks(client, town.pk) == {"Eurocities"}


def test_the_data_version_is_one_query_and_follows_every_source_table(
    demo, db, django_assert_num_queries
):
    with django_assert_num_queries(1):
        version = landscape_data_version()
    helsinki = org("Helsinki")
    helsinki.name_en = "Helsinki (renamed)"
    helsinki.save()
    renamed = landscape_data_version()
    assert renamed != version
    membership = Membership.objects.filter(member=helsinki).first()
    membership.themes.add(Theme.objects.exclude(membership=membership).first())
    assert landscape_data_version() != renamed
    # Nothing written, nothing changed.
    assert landscape_data_version() == landscape_data_version()


def test_the_cache_never_hands_a_workspace_another_ones_private_facts(demo_user, demo):
    helsinki = org("Helsinki").pk
    insider = api_client(demo_user, scope="read")
    outsider = api_client(member_of(WorkspaceFactory(), Role.ADMIN), scope="read")
    anonymous_workspace = api_client(member_of(WorkspaceFactory(), Role.VIEWER), scope="read")
    for _round in range(2):  # the second round is served from the cache
        assert "Union of the Baltic Cities" in _networks(insider, helsinki)
        for client in (outsider, anonymous_workspace):
            text = client.get(f"/api/v1/analytics/organisations/{helsinki}/trends").content
            assert b"Tallinn" not in text
            assert "Union of the Baltic Cities" not in _networks(client, helsinki)


def test_a_cached_landscape_names_the_workspace_of_the_request(demo_user, demo):
    """Two workspaces without private facts of their own still get their own entry, and
    each answer names its own workspace, never the one that filled the cache."""
    first, second = WorkspaceFactory(), WorkspaceFactory()
    for workspace in (first, second, first):
        client = api_client(member_of(workspace, Role.VIEWER), scope="read")
        body = client.get("/api/v1/analytics/trends").json()
        assert body["workspace"] == workspace.slug
    assert landscape_cache().get(f"verkosto:analytics:landscape:{first.pk}") is not None

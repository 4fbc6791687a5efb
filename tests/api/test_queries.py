"""A list request runs the same number of SQL queries whatever the page size (no N+1)."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import World, api_client
from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory
from verkosto.registry import models as m


def _grow(world: World, n: int) -> None:
    """n more of every resource, each with themes, fees, parties, identifiers."""
    themes = list(m.Theme.objects.all())
    common = {"source": world.source}
    for i in range(n):
        org = OrganisationFactory(source=world.source)
        network = NetworkFactory(source=world.source)
        m.NetworkProfile.objects.create(organisation=network, scope="eu", type="thematic", **common)
        m.Identifier.objects.create(organisation=org, scheme="lau", value=f"L{i}", **common)
        m.OrganisationName.objects.create(organisation=org, name=f"N{i}", kind="alias", **common)
        membership = m.Membership.objects.create(
            member=org, organisation=network, workspace=world.ws_a, **common
        )
        membership.themes.set(themes)
        m.MembershipFee.objects.create(
            workspace=world.ws_a, membership=membership, year=2024, amount=Decimal(1), **common
        )
        m.Twinning.objects.create(first=world.org_a, second=org, **common)
        partnership = m.Partnership.objects.create(name_fi=f"P{i}", kind="alliance", **common)
        partnership.themes.set(themes)
        m.PartnershipParty.objects.create(
            partnership=partnership, organisation=org, role="city", **common
        )
        goal = m.StrategicGoal.objects.create(organisation=org, title_fi=f"G{i}", **common)
        goal.themes.set(themes)
        event = m.Event.objects.create(
            title_fi=f"E{i}", kind="visit", start_date=dt.date(2024, 1, 1), **common
        )
        event.participants.set([org, network])
        event.themes.set(themes)
        m.Theme.objects.create(code=f"t{i}", label_fi=f"T{i}")
        SourceFactory()


PREFIXES = [
    "organisations",
    "identifiers",
    "other-names",
    "memberships",
    "membership-fees",
    "twinnings",
    "partnerships",
    "partnership-parties",
    "themes",
    "strategic-goals",
    "events",
    "sources",
]


def _count(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), len(response.json()["results"])


def test_list_queries_do_not_grow_with_the_page(world: World, django_assert_max_num_queries):
    """Every list, at two sizes (the small world, then 8 more of everything with themes,
    fees, parties, participants): the larger page runs no more queries than the smaller."""
    client = api_client(world.users["editor"])
    client.get("/api/v1/themes/")  # the token's last use is written once; not counted below
    small = {prefix: _count(client, f"/api/v1/{prefix}/?limit=100") for prefix in PREFIXES}
    _grow(world, 8)
    for prefix, (queries, rows) in small.items():
        # Constant, and small: token, roles, count, page, one per prefetched relation.
        assert queries <= 7, prefix
        with django_assert_max_num_queries(queries):
            large = client.get(f"/api/v1/{prefix}/?limit=100")
        assert len(large.json()["results"]) >= rows + 8, prefix


def test_a_filtered_membership_list_is_constant_too(world: World, django_assert_max_num_queries):
    client = api_client(world.users["editor"])
    client.get("/api/v1/themes/")
    url = f"/api/v1/memberships/?theme=climate&current=true&organisation={world.network.pk}"
    small, _ = _count(client, url)
    _grow(world, 5)
    with django_assert_max_num_queries(small):
        client.get(url)

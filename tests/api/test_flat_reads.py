"""The API's fast reads answer byte for byte what the plain ones answered: every request
below is sent twice, once through the flat read path (lists and records from ``.values()``
rows) with the lean filter backend, and once through DRF's own list/retrieve and
serializers with django-filter's own backend, and the two responses are compared."""

import datetime as dt
from decimal import Decimal

import pytest
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins

from tests.api.conftest import World, api_client
from tests.factories import OrganisationFactory
from verkosto.api.flat import RowPlan
from verkosto.registry import models as m
from verkosto.registry.api.serializers.memberships import MembershipSerializer
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.api.views.memberships import MembershipViewSet
from verkosto.registry.api.views.organisations import OrganisationViewSet

FLAT_VIEWSETS = (MembershipViewSet, OrganisationViewSet)


def _varied(world: World) -> None:
    """Rows with everything a representation can trip on: several themes in an order
    other than their codes', own and foreign fees in several years, partial and missing
    dates, missing languages, floats, a network profile, several identifiers."""
    common = {"source": world.source}
    zebra = m.Theme.objects.create(code="zebra", label_fi="Seepra")
    water = m.Theme.objects.create(code="water", label_sv="Vatten")
    culture = m.Theme.objects.get(code="culture")
    m.NetworkProfile.objects.create(
        organisation=world.network, scope="eu", type="thematic", **common
    )
    world.org_c.name_sv, world.org_c.name_en = "Gamma sv", ""
    world.org_c.latitude, world.org_c.longitude = 60.1699, 24.938_4
    world.org_c.population, world.org_c.population_year = 12345, 2024
    world.org_c.founded = dt.date(1550, 6, 12)
    world.org_c.parent = world.org_a
    world.org_c.website = "https://example.org/"
    world.org_c.save()
    for scheme, value in (("wikidata", "Q99"), ("lau", "091"), ("wikidata", "Q10")):
        m.Identifier.objects.create(organisation=world.org_c, scheme=scheme, value=value, **common)
    for i in range(4):
        org = OrganisationFactory(name=f"Delta {i}", source=world.source)
        membership = m.Membership.objects.create(
            member=org,
            organisation=world.network,
            role="board" if i % 2 else "member",
            status="ended" if i == 3 else "active",
            start=dt.date(2000 + i, 3, 1) if i else None,
            start_precision="month",
            end=dt.date(2030, 1, 1) if i == 2 else None,
            commitments="CoM 2030" if i == 1 else "",
            note="Huom. ääkköset" if i == 2 else "",
            workspace=world.ws_a if i == 1 else None,
            **common,
        )
        membership.themes.set([zebra, water, culture][: i + 1])
        for year, amount in ((2022, "10.5"), (2024, "1200")):
            m.MembershipFee.objects.create(
                workspace=world.ws_a,
                membership=membership,
                year=year,
                amount=Decimal(amount),
                **common,
            )
        m.MembershipFee.objects.create(
            workspace=world.ws_b, membership=membership, year=2023, amount=Decimal(7), **common
        )


URLS = [
    "/api/v1/memberships/",
    "/api/v1/memberships/?limit=2&offset=1",
    "/api/v1/memberships/?limit=3&offset=100",
    "/api/v1/memberships/?organisation={network}&status=active&limit=50",
    "/api/v1/memberships/?status=active&status=ended&role=board",
    "/api/v1/memberships/?theme=water&theme=culture",
    "/api/v1/memberships/?ordering=-start",
    "/api/v1/memberships/?ordering=member&q=delta",
    "/api/v1/memberships/?current=true",
    "/api/v1/memberships/?status=nonsense",
    "/api/v1/memberships/?organisation=999999",
    "/api/v1/memberships/?organisation=abc&member=-1",
    "/api/v1/memberships/?organisation=&member={org_c}",
    "/api/v1/twinnings/?organisation={org_c}",
    "/api/v1/twinnings/?organisation=999999",
    "/api/v1/events/?participant={org_c}&organiser=1.5",
    "/api/v1/partnerships/?party={org_c}",
    "/api/v1/strategic-goals/?organisation={org_c}",
    "/api/v1/identifiers/?organisation={org_c}",
    "/api/v1/memberships/{membership}/",
    "/api/v1/memberships/{foreign_membership}/",
    "/api/v1/memberships/999999/",
    "/api/v1/memberships/abc/",
    "/api/v1/organisations/",
    "/api/v1/organisations/?kind=network",
    "/api/v1/organisations/?q=gamma&ordering=-population",
    "/api/v1/organisations/?scope=eu",
    "/api/v1/organisations/?identifier=Q99",
    "/api/v1/organisations/{org_c}/",
    "/api/v1/organisations/{network}/",
    "/api/v1/organisations/{org_c}/?kind=network",
    "/api/v1/organisations/{org_c}/?kind=municipality",
    "/api/v1/organisations/999999/",
    "/api/v1/organisations/x/",
]


@pytest.fixture
def serializer_reads(monkeypatch):
    """A switch: DRF's own list/retrieve (the serializers) in place of the flat path, and
    django-filter's own backend in place of the lean one."""

    def switch() -> None:
        monkeypatch.setattr(RegistryViewSet, "filter_backends", [DjangoFilterBackend])
        for viewset in FLAT_VIEWSETS:
            monkeypatch.setattr(viewset, "list", mixins.ListModelMixin.list)
            monkeypatch.setattr(viewset, "retrieve", mixins.RetrieveModelMixin.retrieve)

    return switch


@pytest.mark.parametrize("role", ["viewer", "editor_b"])
def test_flat_reads_answer_the_same_bytes(world: World, serializer_reads, role):
    _varied(world)
    client = api_client(world.users[role])
    client.get("/api/v1/themes/")  # the token's first use writes its last-use time
    keys = {
        "network": world.network.pk,
        "membership": world.own["membership"].pk,
        "foreign_membership": world.foreign["membership"].pk,
        "org_c": world.org_c.pk,
    }
    flat = {url: client.get(url.format(**keys)) for url in URLS}
    serializer_reads()
    for url, new in flat.items():
        old = client.get(url.format(**keys))
        assert (new.status_code, new["Content-Type"]) == (old.status_code, old["Content-Type"])
        assert new.content == old.content, url
    # The comparison covered real rows and errors, not only empty pages.
    assert b'"themes":["culture","water","zebra"]' in flat["/api/v1/memberships/"].content
    own_fee = b'"amount":"1200.00"' if role == "viewer" else b'"amount":"7.00"'
    assert own_fee in flat["/api/v1/memberships/"].content
    network = flat["/api/v1/organisations/{network}/"]
    assert b'"network":{"scope":"eu","type":"thematic"}' in network.content
    assert flat["/api/v1/memberships/?organisation=999999"].status_code == 400
    assert flat["/api/v1/twinnings/?organisation={org_c}"].json()["count"] >= 1


def test_a_field_the_plan_cannot_read_is_an_error_not_a_different_answer():
    with pytest.raises(TypeError, match="themes"):
        RowPlan(MembershipSerializer(), computed=("fees",))
    with pytest.raises(ValueError, match="nonsense"):
        RowPlan(MembershipSerializer(), computed=("themes", "fees", "nonsense"))

import datetime as dt
from decimal import Decimal

import pytest

from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.services.memberships import membership_create, membership_fee_set
from verkosto.registry.services.organisations import (
    identifier_add,
    organisation_create,
    organisation_name_add,
)


def _org(source, kind, fi, sv="", en="", country="FI", **fields):
    return organisation_create(
        actor=SYSTEM,
        source=source,
        kind=kind,
        names={"name_fi": fi, "name_sv": sv, "name_en": en},
        country=country,
        **fields,
    )


@pytest.fixture
def registry(db, source):
    """A small registry with every kind of fact an exchange file carries."""
    uusimaa = _org(source, "region", "Uusimaa", "Nyland", "Uusimaa")
    helsinki = _org(
        source,
        "municipality",
        "Helsinki",
        "Helsingfors",
        "Helsinki",
        parent=uusimaa,
        website="https://www.hel.fi/",
    )
    identifier_add(
        actor=SYSTEM,
        organisation=helsinki,
        scheme="statfi_municipality",
        value="091",
        source=source,
    )
    identifier_add(
        actor=SYSTEM, organisation=helsinki, scheme="wikidata", value="Q1757", source=source
    )
    organisation_name_add(
        actor=SYSTEM,
        organisation=helsinki,
        name="Helsingin kaupunki",
        kind="official",
        language="fi",
        source=source,
    )
    hinku = _org(source, "network", "Hiilineutraalit kunnat", "", "Carbon neutral municipalities")
    organisation_name_add(
        actor=SYSTEM, organisation=hinku, name="HINKU", kind="abbreviation", source=source
    )
    eurocities = _org(source, "network", "Eurocities", country="BE", founded=dt.date(1986, 4, 1))
    organisation_name_add(
        actor=SYSTEM,
        organisation=eurocities,
        name="Eurocities network",
        kind="former",
        source=source,
        start=dt.date(1986, 1, 1),
        start_precision="year",
        end=dt.date(2019, 5, 31),
        end_precision="month",
    )
    c40 = _org(source, "network", "C40", country="US")
    year = membership_create(
        actor=SYSTEM,
        member=helsinki,
        organisation=hinku,
        source=source,
        role="member",
        start=dt.date(2019, 1, 1),
        start_precision="year",
    )
    membership_create(
        actor=SYSTEM,
        member=helsinki,
        organisation=eurocities,
        source=source,
        role="board",
        start=dt.date(2019, 5, 1),
        start_precision="month",
        end=dt.date(2021, 5, 17),
        end_precision="day",
        status="ended",
    )
    # An organisation as the member of another: a network in a network.
    membership_create(
        actor=SYSTEM,
        member=hinku,
        organisation=c40,
        source=source,
        role="observer",
        start=dt.date(2019, 5, 17),
        start_precision="day",
    )
    return {
        "helsinki": helsinki,
        "uusimaa": uusimaa,
        "hinku": hinku,
        "eurocities": eurocities,
        "c40": c40,
        "year_membership": year,
    }


@pytest.fixture
def private_membership(registry, source):
    """Helsinki's workspace's private membership of C40, with a fee."""
    from tests.factories import WorkspaceFactory

    workspace = WorkspaceFactory(organisation=registry["helsinki"], slug="helsinki")
    membership = membership_create(
        actor=SYSTEM,
        member=registry["helsinki"],
        organisation=registry["c40"],
        source=source,
        workspace=workspace,
        role="partner",
        start=dt.date(2024, 1, 1),
        start_precision="year",
    )
    membership_fee_set(
        actor=SYSTEM,
        workspace=workspace,
        membership=membership,
        year=2024,
        amount=Decimal("12345.67"),
        source=source,
    )
    return membership


def wipe_registry() -> None:
    """An empty registry (sources too), as a new installation has."""
    from verkosto.accounts.models import Workspace

    m.Membership.objects.all().delete()
    Workspace.objects.all().delete()
    m.Organisation.objects.update(parent=None, successor=None)
    m.Organisation.objects.all().delete()
    m.Source.objects.all().delete()
    assert not m.Identifier.objects.exists()

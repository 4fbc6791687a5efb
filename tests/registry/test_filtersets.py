"""The shared FilterSets: the same filters serve the HTML lists and the API."""

import datetime as dt

import pytest
from django.utils.datastructures import MultiValueDict

from tests.factories import NetworkFactory, SourceFactory
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import filtersets as fs
from verkosto.registry import models as m
from verkosto.registry.services.goals import theme_create
from verkosto.registry.services.memberships import membership_create
from verkosto.registry.services.organisations import organisation_create

pytestmark = pytest.mark.django_db


def _filter(filterset, params, queryset=None):
    data = MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in params.items()})
    f = filterset(data, queryset=queryset)
    assert f.is_valid(), f.errors
    return list(f.qs)


@pytest.fixture
def landscape():
    source = SourceFactory()
    climate = theme_create(actor=SYSTEM, code="climate", labels={"label_fi": "Ilmasto"})
    culture = theme_create(actor=SYSTEM, code="culture", labels={"label_fi": "Kulttuuri"})
    turku = organisation_create(
        actor=SYSTEM,
        source=source,
        kind="municipality",
        country="FI",
        names={"name_fi": "Turku", "name_sv": "Åbo"},
    )
    malmo = organisation_create(
        actor=SYSTEM, source=source, kind="municipality", country="SE", names={"name_sv": "Malmö"}
    )
    hinku = NetworkFactory(name="Hinku", name_fi="Hinku")
    ubc = NetworkFactory(name="UBC", name_fi="UBC")
    m.NetworkProfile.objects.create(
        organisation=hinku, scope="national", type="thematic", source=source
    ).themes.add(climate)
    old = membership_create(
        actor=SYSTEM,
        member=turku,
        organisation=hinku,
        source=source,
        themes=[climate],
        start=dt.date(2010, 1, 1),
        end=dt.date(2015, 12, 31),
        status="ended",
    )
    now = membership_create(
        actor=SYSTEM,
        member=turku,
        organisation=ubc,
        source=source,
        themes=[culture],
        role="board",
        start=dt.date(1991, 1, 1),
    )
    swe = membership_create(actor=SYSTEM, member=malmo, organisation=ubc, source=source)
    return {
        "turku": turku,
        "malmo": malmo,
        "hinku": hinku,
        "ubc": ubc,
        "old": old,
        "now": now,
        "swe": swe,
    }


def test_membership_search_by_other_language_name(landscape):
    assert set(_filter(fs.MembershipFilterSet, {"q": "abo"})) == {
        landscape["old"],
        landscape["now"],
    }
    assert _filter(fs.MembershipFilterSet, {"q": "malmo"}) == [landscape["swe"]]


def test_membership_filters(landscape):
    assert _filter(fs.MembershipFilterSet, {"theme": "climate"}) == [landscape["old"]]
    assert _filter(fs.MembershipFilterSet, {"role": "board"}) == [landscape["now"]]
    assert _filter(fs.MembershipFilterSet, {"country": "se"}) == [landscape["swe"]]
    assert _filter(fs.MembershipFilterSet, {"scope": "national"}) == [landscape["old"]]
    on_2012 = set(_filter(fs.MembershipFilterSet, {"current_on": "2012-06-01"}))
    assert on_2012 == {landscape["old"], landscape["now"], landscape["swe"]}
    assert landscape["old"] not in _filter(fs.MembershipFilterSet, {"current": "true"})
    assert _filter(fs.MembershipFilterSet, {"current": "false"}) == [landscape["old"]]


def test_membership_ordering(landscape):
    ordered = _filter(fs.MembershipFilterSet, {"ordering": "-start"})
    assert ordered[0] == landscape["old"]


def test_organisation_filters(landscape):
    assert _filter(fs.OrganisationFilterSet, {"q": "åbo"}) == [landscape["turku"]]
    assert set(_filter(fs.OrganisationFilterSet, {"kind": "network"})) == {
        landscape["hinku"],
        landscape["ubc"],
    }
    assert _filter(fs.NetworkFilterSet, {"theme": "climate"}) == [landscape["hinku"]]
    assert _filter(fs.OrganisationFilterSet, {"country": "SE"}) == [landscape["malmo"]]


def test_invalid_filter_value_is_an_error_not_a_crash(landscape):
    f = fs.MembershipFilterSet(MultiValueDict({"current_on": ["not-a-date"]}))
    assert not f.is_valid()
    assert "current_on" in f.errors

"""The generic member-list importer: a network's members, mapped by --option."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q

from tests.conftest import shared_file
from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory
from verkosto.registry import models as m
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.members import MemberListImporter, country_code
from verkosto.registry.services.organisations import organisation_refresh_search_key

pytestmark = pytest.mark.django_db

UBC = "city_networks/ubc_member_cities_ubc_sustainable_net.csv"
C40 = "city_networks/c40_member_cities_c40org_homepage.csv"
HINKU = "city_networks/hinku_municipalities_partial_A_to_O.csv"
UBC_MAPPING = {"network": "UBC", "name": "city_name_as_listed", "country": "country"}
HINKU_MAPPING = {
    "network": "HINKU",
    "name": "municipality_name",
    "default-country": "FI",
    "start": "joined_year",
}


def run(path: Path, options: dict[str, str], **kwargs):
    return MemberListImporter(options={k: [v] for k, v in options.items()}, **kwargs).run(path)


def searchable(*orgs: m.Organisation) -> None:
    """Factories write no search keys; the services and importers do."""
    organisation_refresh_search_key(organisation_ids=[o.pk for o in orgs])


def network(name: str, short: str) -> m.Organisation:
    org = NetworkFactory(name=name, country="")
    m.OrganisationName.objects.create(
        organisation=org, name=short, kind="abbreviation", source=SourceFactory()
    )
    searchable(org)
    return org


def named(name: str, country: str):
    return m.Organisation.objects.filter(
        Q(name_fi=name) | Q(name_sv=name) | Q(name_en=name), country=country
    )


def members_of(net: m.Organisation) -> set[str]:
    return {ms.member.name for ms in m.Membership.objects.filter(organisation=net)}


@pytest.fixture
def ubc():
    return network("Union of the Baltic Cities", "UBC")


@pytest.fixture
def hinku():
    return network("Hiilineutraalit kunnat", "HINKU")


def test_catalogue_names_this_importer():
    assert importer_class("members") is MemberListImporter


def test_country_codes_and_names():
    assert [country_code(v) for v in ("fi", "FIN", "Finland", "Suomi", "uk", "el", "xk")] == [
        "FI",
        "FI",
        "FI",
        "FI",
        "GB",
        "GR",
        "XK",
    ]
    assert country_code("Atlantis") is None and country_code("zz") is None


@pytest.mark.realdata
def test_ubc_members_present_in_the_registry_become_memberships_others_are_skipped(ubc):
    path = shared_file(UBC)
    helsinki = OrganisationFactory(name="Helsinki", name_sv="Helsingfors")
    mariehamn = OrganisationFactory(name="Maarianhamina", name_sv="Mariehamn")
    malmo = OrganisationFactory(name="Malmö", country="SE")
    summary = run(path, UBC_MAPPING)
    assert summary.committed, summary.rejections
    assert (summary.created, summary.rejected, summary.skipped) == (3, 0, 71)
    assert members_of(ubc) == {"Helsinki", "Maarianhamina", "Malmö"}
    link = m.Membership.objects.get(member=helsinki)
    assert link.origin_id == f"{ubc.pk}:{helsinki.pk}" and link.role == "member"
    assert {mariehamn, malmo} < {ms.member for ms in m.Membership.objects.all()}
    aarhus = summary.skips[0]
    assert (aarhus.line, aarhus.field) == (2, "city_name_as_listed")
    assert "no municipality called 'Aarhus' in DK" in aarhus.message
    assert "undated" in link.source.title and link.source.licence
    assert m.Organisation.objects.count() == 4  # nothing created without create-missing


@pytest.mark.realdata
def test_create_missing_adds_the_rest_once_and_a_second_run_changes_nothing(ubc):
    path = shared_file(UBC)
    OrganisationFactory(name="Helsinki", name_sv="Helsingfors")
    summary = run(path, {**UBC_MAPPING, "create-missing": "yes"})
    assert (summary.created, summary.skipped) == (74, 0)
    assert named("Helsinki", "FI").count() == 1
    assert named("Gdańsk", "PL").get().kind == "municipality"
    again = run(path, {**UBC_MAPPING, "create-missing": "yes"})
    assert (again.created, again.updated, again.unchanged) == (0, 0, 74)
    assert m.Membership.objects.filter(organisation=ubc).count() == 74


def test_unknown_option_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match=r"does not understand option.*colour.*it takes: code"):
        MemberListImporter(options={"network": ["UBC"], "name": ["city"], "colour": ["red"]})
    path = tmp_path / "list.csv"
    path.write_text("city\nTurku\n", encoding="utf-8")
    with pytest.raises(CommandError, match="colour"):
        call_command("importdata", "members", str(path), "--option", "colour=red")
    with pytest.raises(ValueError, match="option name="):
        MemberListImporter(options={"network": ["UBC"]})


def test_unknown_network_is_a_clear_error_and_nothing_is_written(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("city\nTurku\n", encoding="utf-8")
    summary = run(path, {"network": "Nordic Cities", "name": "city", "create-missing": "yes"})
    assert not summary.committed
    (issue,) = summary.rejections
    assert issue.field == "network"
    assert "no network is called 'Nordic Cities'" in issue.message
    assert "create-network" in issue.message
    assert not m.Organisation.objects.exists() and not m.Source.objects.exists()


def test_create_network_registers_it_once_with_its_short_name(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("city,country\nTurku,FI\n", encoding="utf-8")
    OrganisationFactory(name="Turku")
    options = {
        "network": "NC",
        "create-network": "Nordic Cities",
        "name": "city",
        "country": "country",
        "network-scope": "international",
        "network-type": "general",
    }
    assert run(path, options).created == 1
    net = m.Organisation.objects.get(kind="network")
    assert net.name_en == "Nordic Cities" and net.network_profile.type == "general"
    assert list(net.other_names.values_list("name", "kind")) == [("NC", "abbreviation")]
    again = run(path, options)
    assert (again.created, again.unchanged) == (0, 1)
    assert m.Organisation.objects.filter(kind="network").count() == 1


@pytest.mark.realdata
def test_hinku_join_year_is_stored_with_year_precision(hinku):
    path = shared_file(HINKU)
    akaa = OrganisationFactory(name="Akaa", population=None)
    OrganisationFactory(name="Ii")
    lahti = OrganisationFactory(name="Lahti", population=120_000)
    summary = run(path, {**HINKU_MAPPING, "population": "population_as_listed"})
    assert (summary.created, summary.skipped) == (3, 49)
    link = m.Membership.objects.get(member=akaa)
    assert (link.start, link.start_precision) == (dt.date(2019, 1, 1), "year")
    assert str(link.start_partial) == "2019"
    assert "INCOMPLETE" in link.source.title
    akaa.refresh_from_db()
    lahti.refresh_from_db()
    assert akaa.population == 16_405  # filled, as asked
    assert lahti.population == 120_000  # never overwritten
    assert members_of(hinku) == {"Akaa", "Ii", "Lahti"}


@pytest.mark.realdata
def test_hinku_without_population_option_leaves_population_alone(hinku):
    akaa = OrganisationFactory(name="Akaa", population=None)
    assert run(shared_file(HINKU), HINKU_MAPPING).created == 1
    akaa.refresh_from_db()
    assert akaa.population is None


@pytest.mark.realdata
def test_c40_without_countries_never_merges_by_name_across_countries():
    path = shared_file(C40)
    c40 = network("C40 Cities Climate Leadership Group", "C40")
    stockholm = OrganisationFactory(name="Stockholm", country="SE")
    searchable(stockholm)
    options = {"network": "C40", "name": "city_name_as_listed", "create-missing": "yes"}
    summary = run(path, options)
    assert summary.committed
    assert (summary.created, summary.skipped) == (96, 1)
    (skip,) = summary.skips
    assert "gives no country" in skip.message and f"id {stockholm.pk} in SE" in skip.message
    assert not m.Membership.objects.filter(member=stockholm).exists()
    assert named("Stockholm", "").count() == 0  # no second Stockholm either
    assert named("Bengaluru", "").get().kind == "municipality"
    again = run(path, options)
    assert (again.created, again.updated, again.skipped) == (0, 0, 1)
    assert m.Membership.objects.filter(organisation=c40).count() == 96


def test_ambiguous_name_is_skipped_never_guessed(tmp_path, ubc):
    OrganisationFactory(name="Kemi")
    OrganisationFactory(name="Kemi")
    path = tmp_path / "list.csv"
    path.write_text("country,city_name_as_listed\nFinland,Kemi\n", encoding="utf-8")
    summary = run(path, UBC_MAPPING)
    assert summary.skipped == 1 and "ambiguous" in summary.skips[0].message
    assert not m.Membership.objects.exists()


def test_code_column_matches_by_identifier_before_the_name(tmp_path, hinku):
    akaa = OrganisationFactory(name="Akaa")
    m.Identifier.objects.create(
        organisation=akaa, scheme="statfi_municipality", value="020", source=SourceFactory()
    )
    path = tmp_path / "list.csv"
    path.write_text("kunta,koodi\nToijala,020\n", encoding="utf-8")
    options = {
        "network": "HINKU",
        "name": "kunta",
        "default-country": "FI",
        "code": "koodi",
        "code-scheme": "statfi_municipality",
    }
    assert run(path, options).created == 1
    assert m.Membership.objects.get().member == akaa


def test_unknown_country_is_rejected_with_line_and_field_and_rolls_back(tmp_path, ubc):
    OrganisationFactory(name="Turku")
    path = tmp_path / "list.csv"
    path.write_text("country,city_name_as_listed\nFinland,Turku\nAtlantis,Poseidonia\n", "utf-8")
    summary = run(path, UBC_MAPPING)
    assert not summary.committed
    assert [(i.line, i.field) for i in summary.rejections] == [(3, "country")]
    assert not m.Membership.objects.exists()


def test_dry_run_writes_nothing(tmp_path, ubc):
    OrganisationFactory(name="Turku")
    path = tmp_path / "list.csv"
    path.write_text("country,city_name_as_listed\nFinland,Turku\nFinland,Pori\n", "utf-8")
    summary = run(path, {**UBC_MAPPING, "create-missing": "yes"}, dry_run=True)
    assert (summary.created, summary.committed) == (2, False)
    assert not m.Membership.objects.exists()
    assert m.Organisation.objects.count() == 2  # Turku and the network

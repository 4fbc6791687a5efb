"""The Covenant of Mayors importer: JRC's signatories as memberships of one network."""

import csv
import datetime as dt
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from tests.conftest import shared_file
from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory
from verkosto.registry import models as m
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.covenant import CovenantOfMayorsImporter
from verkosto.registry.services.organisations import organisation_refresh_search_key

# Measured: 240 queries for 11 972 rows; one query per row would make it 11 972 or more.
QUERY_BUDGET = 1_000

pytestmark = pytest.mark.django_db

REAL_FILE = "city_networks/gcom_mycovenant_2024_df1_signatories.csv"
COLUMNS = [
    "organisation_id",
    "organisation_name",
    "coordinator_name",
    "supporter_name",
    "country_code",
    "country_name",
    "population_adhesion",
    "organisation_latitude",
    "organisation_longitude",
    "group_organisation_id",
    "group_name",
    "commitment_CoM2020_flag",
    "commitment_CoM2030_flag",
    "commitment_CoM2050_flag",
    "commitment_mayoradapt_flag",
    "adhesion_type",
    "signatory_status",
    "mayor",
    "date_of_adhesion",
    "action_plan_expected",
    "group_profile",
    "gcom_id",
]


def signatory(**values: str) -> dict[str, str]:
    """A valid row as the JRC file writes it ('-' = missing); ``values`` override."""
    row = dict.fromkeys(COLUMNS, "-")
    row.update(
        organisation_id="11763",
        organisation_name="Helsinki",
        country_code="fi",
        country_name="Finland",
        population_adhesion="628208",
        commitment_CoM2020_flag="True",
        commitment_CoM2030_flag="True",
        commitment_CoM2050_flag="False",
        commitment_mayoradapt_flag="False",
        adhesion_type="As an individual signatory",
        signatory_status="published",
        date_of_adhesion="2009-01-07 00:00:00",
        action_plan_expected="True",
        group_profile="False",
    )
    row.update(values)
    return row


def write(tmp_path: Path, *rows: dict[str, str]) -> Path:
    path = tmp_path / "signatories.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path: Path, **kwargs):
    return CovenantOfMayorsImporter(**kwargs).run(path)


def covenant() -> m.Organisation:
    return m.Organisation.objects.get(kind="network", name_en__startswith="Covenant of Mayors")


def named(name: str, country: str):
    return m.Organisation.objects.filter(
        Q(name_fi=name) | Q(name_sv=name) | Q(name_en=name), country=country
    )


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (m.Organisation, m.Membership, m.Identifier, m.NetworkProfile, m.Source)
    )


def test_catalogue_names_this_importer():
    assert importer_class("covenant-of-mayors") is CovenantOfMayorsImporter


@pytest.mark.realdata
def test_real_file_all_signatories_become_memberships_merged_into_registered_cities():
    path = shared_file(REAL_FILE)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    # One row (signatory 14991) has no name: it is skipped, every other row is imported.
    valid = [r for r in rows if r["organisation_name"] not in ("", "-")]
    assert (len(rows), len(valid)) == (11973, 11972)
    # Official data first: Finland from Statistics Finland (with 2022 population),
    # two Swedish municipalities as SCB would give them (without population).
    statfi = importer_class("statfi-municipalities")
    for name in ("fi_municipality_key_2026_full.csv", "fi_municipalities_2026.csv"):
        assert statfi().run(shared_file(f"fi_municipalities/{name}")).committed
    finnish_before = m.Organisation.objects.filter(country="FI").count()
    helsinki = m.Organisation.objects.get(identifiers__value="091")
    goteborg = OrganisationFactory(name="Göteborg", country="SE")
    gislaved = OrganisationFactory(name="Gislaved", country="SE")

    # Speed itself is measured in bench/; here the guard is the number of queries, which
    # a regression to per-row lookups would multiply by the 11 972 rows.
    with CaptureQueriesContext(connection) as queries:
        summary = run(path)
    print(f"covenant-of-mayors, full import: {len(queries)} queries")

    assert summary.committed, summary.rejections[:5]
    assert (summary.created, summary.rejected, summary.skipped) == (len(valid), 0, 1)
    assert summary.skips[0].line == 4582 and summary.skips[0].field == "organisation_name"
    memberships = m.Membership.objects.filter(organisation=covenant())
    assert memberships.count() == len(valid)
    assert m.Identifier.objects.filter(scheme="covenant").count() == len(valid)

    # The 17 Finnish signatories are the registered municipalities (and the region of
    # Kainuu, "Kainuu Region" in the file): not one Finnish organisation is added.
    finnish = memberships.filter(member__country="FI")
    assert finnish.count() == 17
    assert m.Organisation.objects.filter(country="FI").count() == finnish_before
    assert not finnish.filter(member__data_source="covenant-of-mayors").exists()
    kinds = sorted(finnish.values_list("member__kind", flat=True))
    assert kinds == ["municipality"] * 16 + ["region"]
    signed = memberships.get(member=helsinki)
    assert (signed.role, signed.status) == ("signatory", "active")
    assert (signed.start, signed.start_precision) == (dt.date(2009, 1, 7), "day")
    assert signed.commitments == "CoM 2020, CoM 2030"
    assert helsinki.identifiers.get(scheme="covenant").value == "11763"
    assert memberships.get(member__identifiers__value="27295").status == "on_hold"  # Pori
    # Official population stays; a missing one is filled from the adhesion figure.
    population = helsinki.population
    helsinki.refresh_from_db()
    goteborg.refresh_from_db()
    assert (helsinki.population, helsinki.population_year) == (population, 2022)
    assert (goteborg.population, goteborg.population_year) == (506_100, 2008)
    # "Gothenburg" and "Gislaveds" are Göteborg and Gislaved, not new municipalities.
    assert memberships.filter(member=goteborg).count() == 1
    assert memberships.filter(member=gislaved).count() == 1
    assert not named("Gothenburg", "SE").exists()
    assert len(queries) < QUERY_BUDGET

    before = counts()
    again = run(path)
    assert again.committed
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(valid))
    assert counts() == before


def test_dry_run_counts_but_writes_nothing(tmp_path):
    path = write(
        tmp_path, signatory(), signatory(organisation_id="12725", organisation_name="Espoo")
    )
    before = counts()
    summary = run(path, dry_run=True)
    assert (summary.created, summary.rejected, summary.committed) == (2, 0, False)
    assert counts() == before


def test_malformed_rows_are_rejected_with_line_and_field_and_nothing_is_written(tmp_path):
    OrganisationFactory(name="Helsinki")
    path = write(
        tmp_path,
        signatory(),
        signatory(
            organisation_id="12725", organisation_name="Espoo", date_of_adhesion="2010-13-45"
        ),
        signatory(organisation_id="11886", organisation_name="Stockholm", country_code="zz"),
        signatory(organisation_id="11764", organisation_name="Tampere", signatory_status="gone"),
    )
    before = counts()
    summary = run(path)
    assert not summary.committed
    assert {(i.line, i.field) for i in summary.rejections} == {
        (3, "date_of_adhesion"),
        (4, "country_code"),
        (5, "signatory_status"),
    }
    assert "'zz' is not a country code" in str(summary.rejections[1])
    assert counts() == before  # not even the network or the source


def test_eurostat_codes_uk_and_el_mean_gb_and_gr(tmp_path):
    path = write(
        tmp_path,
        signatory(organisation_id="1", organisation_name="Bristol", country_code="uk"),
        signatory(organisation_id="2", organisation_name="Athens", country_code="el"),
    )
    assert run(path).committed
    assert named("Bristol", "GB").exists() and named("Athens", "GR").exists()


def test_group_signatory_is_its_own_organisation_not_a_same_named_municipality(tmp_path):
    condado = OrganisationFactory(name="Condado", country="ES")
    path = write(
        tmp_path,
        signatory(
            organisation_id="5",
            organisation_name="Condado",
            country_code="es",
            group_profile="True",
        ),
        signatory(
            organisation_id="6",
            organisation_name="Alkmaar, Bergen, Castricum",
            country_code="nl",
            group_profile="True",
        ),
    )
    assert run(path).committed
    groups = m.Organisation.objects.filter(kind="other")
    assert sorted(g.name for g in groups) == ["Alkmaar, Bergen, Castricum", "Condado"]
    assert not m.Membership.objects.filter(member=condado).exists()


def test_region_signatory_merges_into_the_registered_region(tmp_path):
    kainuu = OrganisationFactory(kind="region", name="Kainuu", name_sv="Kajanaland")
    OrganisationFactory(name="Kajaani")
    path = write(tmp_path, signatory(organisation_id="18319", organisation_name="Kainuu Region"))
    assert run(path).committed
    assert m.Membership.objects.get().member == kainuu


def test_same_place_signing_twice_is_one_organisation_with_two_memberships(tmp_path):
    path = write(
        tmp_path,
        signatory(organisation_id="18129", organisation_name="TRŽIČ", country_code="si"),
        signatory(organisation_id="28176", organisation_name="Tržič", country_code="si"),
    )
    summary = run(path)
    assert summary.created == 2
    town = m.Organisation.objects.get(country="SI")
    assert town.name == "Tržič"  # the usual spelling rather than the capitals
    assert m.Membership.objects.filter(member=town).count() == 2
    assert sorted(town.identifiers.values_list("value", flat=True)) == ["18129", "28176"]


def test_network_registered_by_alias_is_reused_and_given_a_profile(tmp_path):
    network = NetworkFactory(name="Kaupunginjohtajien ilmastosopimus", country="")
    m.OrganisationName.objects.create(
        organisation=network, name="Covenant of Mayors", kind="alias", source=SourceFactory()
    )
    organisation_refresh_search_key(organisation_ids=[network.pk])
    assert run(write(tmp_path, signatory())).committed
    assert m.Organisation.objects.filter(kind="network").count() == 1
    assert m.Membership.objects.get().organisation == network
    assert (network.network_profile.scope, network.network_profile.type) == (
        "international",
        "thematic",
    )


def test_hand_recorded_membership_is_taken_over_not_duplicated(tmp_path):
    helsinki = OrganisationFactory(name="Helsinki")
    assert run(write(tmp_path, signatory(organisation_id="1", organisation_name="Oulu"))).committed
    manual = m.Membership.objects.create(
        member=helsinki, organisation=covenant(), source=SourceFactory()
    )
    summary = run(write(tmp_path, signatory()))
    assert summary.updated == 1 and summary.created == 0
    manual.refresh_from_db()
    assert (manual.role, manual.data_source, manual.origin_id) == (
        "signatory",
        "covenant-of-mayors",
        "11763",
    )
    assert m.Membership.objects.filter(member=helsinki).count() == 1


def test_changed_status_in_a_later_release_updates_the_membership(tmp_path):
    assert run(write(tmp_path, signatory())).committed
    summary = run(write(tmp_path, signatory(signatory_status="on_hold")))
    assert (summary.created, summary.updated) == (0, 1)
    assert m.Membership.objects.get().status == "on_hold"

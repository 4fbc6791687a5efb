"""The Swedish importer: 290 kommuner under 21 län, merged into existing records."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import shared_file
from tests.factories import SourceFactory
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.scb import SwedishMunicipalitiesImporter
from verkosto.registry.services.organisations import organisation_create

pytestmark = pytest.mark.django_db

MUNICIPALITIES = "se_municipalities/municipality_county.csv"
COUNTIES = "se_municipalities/counties.csv"
KIND = "se-municipalities"
HEADER = (
    "municipality_code,municipality_name,municipality_name_short,"
    "county_code,county_name,county_name_short\n"
)


def run_cli(path: Path, *args: str) -> dict:
    out = io.StringIO()
    call_command("importdata", KIND, str(path), "--json", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue().strip().splitlines()[-1])


def by_code(code: str) -> m.Organisation:
    return m.Identifier.objects.get(scheme="se_kommunkod", value=code).organisation


def municipalities():
    return m.Organisation.objects.filter(kind="municipality", country="SE")


def counties():
    return m.Organisation.objects.filter(kind="region", country="SE")


def demo_municipality(name: str) -> m.Organisation:
    return organisation_create(
        actor=SYSTEM,
        source=SourceFactory(),
        kind="municipality",
        country="SE",
        names={"name_fi": name, "name_sv": name, "name_en": name},
    )


def test_catalogue_names_this_importer():
    assert importer_class(KIND) is SwedishMunicipalitiesImporter


def test_municipality_file_imports_290_kommuner_in_21_counties():
    summary = run_cli(shared_file(MUNICIPALITIES))
    assert summary["committed"], summary["rejections"][:3]
    assert (summary["created"], summary["rejected"]) == (290, 0)
    assert municipalities().count() == 290
    assert counties().count() == 21
    assert m.Identifier.objects.filter(scheme="se_kommunkod").count() == 290
    assert m.Identifier.objects.filter(scheme="se_lanskod").count() == 21
    assert municipalities().filter(parent__isnull=True).count() == 0

    norrkoping = by_code("0581")
    assert (norrkoping.name_sv, norrkoping.name_en, norrkoping.country) == (
        "Norrköping",
        "Norrköping",
        "SE",
    )
    assert norrkoping.name == "Norrköping"
    official = norrkoping.other_names.get()
    assert (official.name, official.kind, official.language) == (
        "Norrköpings kommun",
        "official",
        "sv",
    )
    county = norrkoping.parent
    assert (county.name_sv, county.name_en) == ("Östergötlands län", "Östergötland County")
    assert county.identifiers.get().value == "05"
    assert by_code("1480").name_en == "Gothenburg"
    # Håbo and Habo fold to the same letters but are two municipalities.
    assert by_code("0305").name_sv == "Håbo"
    assert by_code("0643").name_sv == "Habo"
    assert by_code("0305").pk != by_code("0643").pk
    assert norrkoping.source.licence == "CC0 1.0"
    assert "|0581|" in norrkoping.search_key


def test_second_run_changes_nothing():
    run_cli(shared_file(MUNICIPALITIES))
    names = m.OrganisationName.objects.count()
    summary = run_cli(shared_file(MUNICIPALITIES))
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (0, 0, 290)
    assert m.OrganisationName.objects.count() == names == 290


def test_counties_file_first_then_municipalities_reuse_the_counties():
    summary = run_cli(shared_file(COUNTIES))
    assert (summary["created"], summary["rejected"]) == (21, 0)
    assert counties().count() == 21
    assert municipalities().count() == 0
    assert run_cli(shared_file(COUNTIES))["unchanged"] == 21
    summary = run_cli(shared_file(MUNICIPALITIES))
    assert (summary["created"], summary["rejected"]) == (290, 0)
    assert counties().count() == 21


def test_dry_run_writes_nothing():
    summary = run_cli(shared_file(MUNICIPALITIES), "--dry-run")
    assert summary["created"] == 290
    assert not summary["committed"]
    assert m.Organisation.objects.count() == 0
    assert m.Source.objects.count() == 0


def test_existing_norrkoping_is_merged_by_name():
    demo = demo_municipality("Norrköping")
    summary = run_cli(shared_file(MUNICIPALITIES))
    assert (summary["created"], summary["updated"], summary["rejected"]) == (289, 1, 0)
    assert m.Organisation.objects.filter(name_sv="Norrköping").count() == 1
    assert by_code("0581").pk == demo.pk
    demo.refresh_from_db()
    assert demo.name_fi == "Norrköping"  # a name the file does not give is kept
    assert demo.parent.name_sv == "Östergötlands län"


def test_a_name_spelt_differently_is_not_merged():
    habo = demo_municipality("Habo")
    run_cli(shared_file(MUNICIPALITIES))
    assert by_code("0643").pk == habo.pk
    assert by_code("0305").pk != habo.pk
    assert municipalities().count() == 290


def test_two_uncoded_organisations_of_one_name_are_not_guessed_between(tmp_path):
    demo_municipality("Norrköping")
    demo_municipality("Norrköping")
    path = tmp_path / "one.csv"
    path.write_text(
        HEADER + "0581,Norrköpings kommun,Norrköping,05,Östergötlands län,Östergötland\n",
        encoding="utf-8",
    )
    summary = SwedishMunicipalitiesImporter().run(path)
    assert not summary.committed
    [issue] = summary.rejections
    assert (issue.line, issue.field) == (2, "municipality_name_short")
    assert "fits organisations" in issue.message
    assert m.Organisation.objects.count() == 2


def test_kommunkod_outside_its_county_is_rejected(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text(
        HEADER
        + "0114,Upplands Väsby kommun,Upplands Väsby,01,Stockholms län,Stockholm\n"
        + "0581,Norrköpings kommun,Norrköping,01,Stockholms län,Stockholm\n",
        encoding="utf-8",
    )
    summary = SwedishMunicipalitiesImporter().run(path)
    assert not summary.committed
    [issue] = summary.rejections
    assert (issue.line, issue.field) == (3, "county_code")
    assert m.Organisation.objects.count() == 0


def test_a_county_named_two_ways_is_rejected_naming_the_first_line(tmp_path):
    path = tmp_path / "clash.csv"
    path.write_text(
        HEADER
        + "0114,Upplands Väsby kommun,Upplands Väsby,01,Stockholms län,Stockholm\n"
        + "0115,Vallentuna kommun,Vallentuna,01,Uppsala län,Uppsala\n",
        encoding="utf-8",
    )
    summary = SwedishMunicipalitiesImporter().run(path)
    [issue] = summary.rejections
    assert (issue.line, issue.field) == (3, "county_name")
    assert "line 2" in issue.message
    assert m.Organisation.objects.count() == 0

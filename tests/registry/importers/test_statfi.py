"""The Statistics Finland importer: 308 municipalities under 19 regions, merged, re-runnable."""

import io
import json
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import shared_file
from tests.factories import SourceFactory
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.statfi import StatfiMunicipalitiesImporter
from verkosto.registry.services.organisations import organisation_create

pytestmark = pytest.mark.django_db

KEY = "fi_municipalities/fi_municipality_key_2026_full.csv"
COMPACT = "fi_municipalities/fi_municipalities_2026.csv"
KIND = "statfi-municipalities"


def run_cli(path: Path, *args: str) -> dict:
    """Import through the command line; return the --json summary (its last stdout line)."""
    out = io.StringIO()
    call_command("importdata", KIND, str(path), "--json", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue().strip().splitlines()[-1])


def by_code(code: str) -> m.Organisation:
    return m.Identifier.objects.get(scheme="statfi_municipality", value=code).organisation


def municipalities():
    return m.Organisation.objects.filter(kind="municipality", country="FI")


def regions():
    return m.Organisation.objects.filter(kind="region", country="FI")


def find(text: str) -> list[dict]:
    out = io.StringIO()
    call_command("find", text, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_catalogue_names_this_importer():
    assert importer_class(KIND) is StatfiMunicipalitiesImporter


def test_classification_key_imports_every_municipality_under_its_region():
    path = shared_file(KEY)
    started = time.perf_counter()
    summary = run_cli(path)
    elapsed = time.perf_counter() - started
    assert {"created", "updated", "unchanged", "rejected"} <= summary.keys()
    assert summary["committed"], summary["rejections"][:3]
    assert summary["created"] == 308
    assert (summary["updated"], summary["unchanged"], summary["rejected"]) == (0, 0, 0)
    assert elapsed < 10, f"308 rows took {elapsed:.1f} s"

    assert municipalities().count() == 308
    assert m.Identifier.objects.filter(scheme="statfi_municipality").count() == 308
    codes = m.Identifier.objects.filter(scheme="statfi_municipality").values_list(
        "value", flat=True
    )
    assert all(len(code) == 3 and code.isdigit() for code in codes)
    assert regions().count() == 19
    assert m.Identifier.objects.filter(scheme="statfi_region").count() == 19
    # NUTS3 is one per region, never on the municipalities that share it.
    assert m.Identifier.objects.filter(scheme="nuts").count() == 19
    assert not m.Identifier.objects.filter(scheme="nuts", organisation__kind="municipality")
    assert municipalities().filter(parent__isnull=True).count() == 0

    helsinki = by_code("091")
    assert (helsinki.name_fi, helsinki.name_sv, helsinki.name_en) == (
        "Helsinki",
        "Helsingfors",
        "Helsinki",
    )
    assert helsinki.language_status == "Bilingual municipality with Finnish-speaking majority"
    assert (helsinki.data_source, helsinki.origin_id) == (KIND, "091")
    uusimaa = helsinki.parent
    assert (uusimaa.kind, uusimaa.name_fi, uusimaa.name_sv) == ("region", "Uusimaa", "Nyland")
    assert (uusimaa.data_source, uusimaa.origin_id) == (KIND, "region-01")
    assert {(i.scheme, i.value) for i in uusimaa.identifiers.all()} == {
        ("statfi_region", "01"),
        ("nuts", "FI1B1"),
    }
    turku = by_code("853")
    assert (turku.name_fi, turku.name_sv, turku.parent.name_en) == (
        "Turku",
        "Åbo",
        "Southwest Finland",
    )
    assert by_code("478").name_sv == "Mariehamn"
    assert by_code("478").parent.name_sv == "Åland"
    # The key file has no population or coordinates.
    assert helsinki.population is None and helsinki.latitude is None

    source = helsinki.source
    assert source.licence.startswith("CC BY 4.0")
    assert "Statistics Finland" in source.attribution
    assert helsinki.history.count() == 1  # history is kept for bulk writes too


def test_second_run_changes_nothing():
    path = shared_file(KEY)
    run_cli(path)
    counts = (m.Organisation.objects.count(), m.Identifier.objects.count())
    history = m.Organisation.history.count()
    summary = run_cli(path)
    assert summary["committed"]
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (0, 0, 308)
    assert (m.Organisation.objects.count(), m.Identifier.objects.count()) == counts
    assert m.Organisation.history.count() == history


def test_compact_file_after_the_key_adds_population_and_coordinates():
    run_cli(shared_file(KEY))
    organisations = m.Organisation.objects.count()
    summary = run_cli(shared_file(COMPACT))
    assert summary["committed"], summary["rejections"][:3]
    assert (summary["created"], summary["updated"], summary["rejected"]) == (0, 308, 0)
    assert m.Organisation.objects.count() == organisations
    helsinki = by_code("091")
    assert (helsinki.population, helsinki.population_year) == (664_028, 2022)
    assert helsinki.latitude == pytest.approx(60.16825)
    assert helsinki.longitude == pytest.approx(24.95291)
    assert helsinki.history.count() == 2
    assert sum(municipalities().values_list("population", flat=True)) == 5_562_370

    again = run_cli(shared_file(COMPACT))
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 308)
    # The key file does not know population, so it leaves it alone.
    key_again = run_cli(shared_file(KEY))
    assert (key_again["created"], key_again["updated"], key_again["unchanged"]) == (0, 0, 308)
    assert by_code("091").population == 664_028


def test_compact_file_alone_creates_everything():
    summary = run_cli(shared_file(COMPACT))
    assert (summary["created"], summary["rejected"]) == (308, 0)
    assert regions().count() == 19
    assert by_code("858").latitude == pytest.approx(60.40368)  # Tuusula, from GeoNames
    assert by_code("091").parent.origin_id == "region-01"


def test_dry_run_writes_nothing():
    before = (m.Organisation.objects.count(), m.Source.objects.count())
    summary = run_cli(shared_file(KEY), "--dry-run")
    assert summary["created"] == 308
    assert (summary["committed"], summary["dry_run"]) == (False, True)
    assert (m.Organisation.objects.count(), m.Source.objects.count()) == before
    assert m.Identifier.objects.count() == 0
    assert m.Organisation.history.count() == 0


def test_existing_helsinki_without_code_is_merged_not_duplicated():
    demo = organisation_create(
        actor=SYSTEM,
        source=SourceFactory(),
        kind="municipality",
        country="FI",
        names={"name_fi": "Helsinki"},
    )
    summary = run_cli(shared_file(KEY))
    assert (summary["created"], summary["updated"], summary["rejected"]) == (307, 1, 0)
    assert m.Organisation.objects.filter(name_fi="Helsinki").count() == 1
    assert by_code("091").pk == demo.pk
    demo.refresh_from_db()
    assert demo.name_sv == "Helsingfors"
    assert demo.parent.name_fi == "Uusimaa"
    assert municipalities().count() == 308


def test_existing_uusimaa_region_is_merged_by_name():
    region = organisation_create(
        actor=SYSTEM,
        source=SourceFactory(),
        kind="region",
        country="FI",
        names={"name_fi": "Uusimaa", "name_sv": "Nyland"},
    )
    run_cli(shared_file(KEY))
    assert regions().count() == 19
    assert by_code("091").parent_id == region.pk


def test_imported_municipalities_are_found_by_code_and_swedish_name():
    run_cli(shared_file(KEY))
    by_number = find("091")
    assert by_number[0]["identifiers"]["statfi_municipality"] == "091"
    assert by_number[0]["names"]["fi"] == "Helsinki"
    by_swedish = find("helsingfors")
    assert by_swedish[0]["names"]["fi"] == "Helsinki"
    assert find("åbo")[0]["identifiers"]["statfi_municipality"] == "853"
    assert find("FI1B1")[0]["names"]["fi"] == "Uusimaa"

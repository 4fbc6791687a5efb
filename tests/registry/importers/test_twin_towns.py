"""The twin-towns importer: Wikipedia's twin-town lists for Finnish and Swedish cities."""

import csv
import time
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from tests.conftest import shared_file
from tests.factories import OrganisationFactory, SourceFactory, WorkspaceFactory
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.twin_towns import (
    TwinTownsImporter,
    country_code,
    pair_origin_id,
)
from verkosto.registry.services.twinnings import twinning_create

pytestmark = pytest.mark.django_db

HEADER = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "twins.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def run(path: Path, **kwargs):
    return TwinTownsImporter(**kwargs).run(path)


def partners_of(org: m.Organisation) -> set[tuple[str, str]]:
    pairs = m.Twinning.objects.filter(first=org) | m.Twinning.objects.filter(second=org)
    return {(t.other(org.pk).name, t.other(org.pk).country) for t in pairs}


@pytest.fixture
def turku():
    return OrganisationFactory(name="Turku", name_fi="Turku", name_sv="Åbo", name_en="Turku")


@pytest.fixture
def helsinki():
    return OrganisationFactory(name="Helsinki", name_fi="Helsinki", name_sv="Helsingfors")


def test_catalogue_names_this_importer():
    assert importer_class("twin-towns") is TwinTownsImporter


def test_pair_becomes_twinning_and_partner_abroad_is_created(tmp_path, turku):
    path = write(tmp_path, "Turku,Finland,60.45,22.27,Cologne,Germany,50.9364,6.9528\n")
    summary = run(path)
    assert summary.committed, summary.rejections
    assert (summary.created, summary.rejected) == (1, 0)
    cologne = m.Organisation.objects.get(country="DE", name="Cologne")
    assert cologne.kind == m.OrganisationKind.MUNICIPALITY
    assert (cologne.latitude, cologne.longitude) == (50.9364, 6.9528)
    assert cologne.name_en == "Cologne"
    assert "|cologne|" in cologne.search_key  # findable at once
    twinning = m.Twinning.objects.get()
    assert {twinning.first_id, twinning.second_id} == {turku.pk, cologne.pk}
    assert twinning.first_id < twinning.second_id
    assert twinning.workspace is None  # public
    assert (twinning.kind, twinning.status) == ("twin_town", "active")
    assert twinning.data_source == "twin-towns"
    assert twinning.origin_id == "DE:cologne|FI:turku"
    assert twinning.source.licence.startswith("CC BY-SA 4.0")
    assert twinning.history.count() == 1
    assert cologne.history.count() == 1
    # The Finnish side is the existing Turku, not a new one.
    assert m.Organisation.objects.filter(country="FI").count() == 1


def test_swedish_name_finds_the_finnish_municipality(tmp_path, turku):
    path = write(tmp_path, "Åbo,Finland,,,Rostock,Germany,,\n")
    summary = run(path)
    assert summary.created == 1
    assert partners_of(turku) == {("Rostock", "DE")}


def test_alias_finds_the_municipality(tmp_path, helsinki):
    m.OrganisationName.objects.create(
        organisation=helsinki, name="Stadi", kind="alias", source=helsinki.source
    )
    summary = run(write(tmp_path, "Stadi,Finland,,,Tallinn,Estonia,,\n"))
    assert summary.created == 1
    assert partners_of(helsinki) == {("Tallinn", "EE")}


def test_pair_listed_from_both_sides_counts_once(tmp_path, turku):
    path = write(
        tmp_path,
        "Turku,Finland,,,Rostock,Germany,,\n"
        "Rostock,Germany,,,Turku,Finland,,\n"
        "Åbo,Finland,,,Rostock,Germany,,\n",
    )
    summary = run(path)
    assert summary.committed and summary.rejected == 0
    assert summary.created == 1
    assert summary.skipped == 2
    messages = [str(s) for s in summary.skips]
    assert any("repeat a pair" in s and s.startswith("file") for s in messages)
    assert "line 4, city2: the same pair as line 2 (counted once)" in messages
    assert m.Twinning.objects.count() == 1
    assert m.Organisation.objects.filter(name="Rostock").count() == 1


def test_second_run_changes_nothing(tmp_path, turku):
    path = write(tmp_path, "Turku,Finland,,,Rostock,Germany,54.08,12.13\n")
    run(path)
    again = run(path)
    assert again.counts() == {
        "created": 0,
        "updated": 0,
        "unchanged": 1,
        "rejected": 0,
        "skipped": 0,
    }
    assert m.Twinning.objects.count() == 1
    assert m.Organisation.objects.count() == 2


def test_ambiguous_name_is_skipped_never_guessed(tmp_path):
    # Håbo and Habo are two Swedish municipalities whose names fold alike.
    hbo = OrganisationFactory(name="Håbo", country="SE")
    habo = OrganisationFactory(name="Habo", country="SE")
    summary = run(write(tmp_path, "Paide,Estonia,,,Håbo,Sweden,,\n"))
    assert summary.committed and summary.created == 0 and summary.skipped == 1
    issue = summary.skips[0]
    assert (issue.line, issue.field) == (2, "city2")
    assert "'Håbo' fits 2 organisations" in issue.message
    assert not m.Twinning.objects.exists()
    assert not m.Organisation.objects.filter(name="Paide").exists()  # nothing half-done
    assert partners_of(hbo) == partners_of(habo) == set()


def test_unknown_nordic_municipality_is_skipped_not_created(tmp_path, turku):
    summary = run(
        write(
            tmp_path,
            "Changzhou,China,,,Satakunta,Finland,,\nTurku,Finland,,,Gothenburg,Sweden,,\n",
        )
    )
    assert summary.committed and summary.created == 0
    assert [str(s) for s in summary.skips] == [
        "line 2, city2: no Finnish municipality named 'Satakunta'",
        "line 3, city2: no Swedish municipality named 'Gothenburg'",
    ]
    assert m.Organisation.objects.count() == 1  # only Turku: nothing created
    assert not m.Twinning.objects.exists()


def test_rows_without_finland_or_sweden_are_counted_not_listed(tmp_path, turku):
    body = "".join(f"Town{i},Germany,,,Ville{i},France,,\n" for i in range(50))
    body += 'Ningbo,China,,,"Varna, Bulgaria",,,\nTurku,Finland,,,Rostock,Germany,,\n'
    summary = run(write(tmp_path, body))
    assert summary.committed and summary.created == 1
    assert summary.skipped == 51
    assert [str(s) for s in summary.skips] == [
        "file, country1, country2: 51 rows have neither city in Finland or Sweden (not listed)"
    ]


def test_unknown_country_of_the_partner_is_skipped(tmp_path, turku):
    summary = run(write(tmp_path, "Turku,Finland,,,Atlantis City,Atlantis,,\n"))
    assert [str(s) for s in summary.skips] == ["line 2, country2: unknown country 'Atlantis'"]
    assert not m.Twinning.objects.exists()


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        (",Finland,,,Rostock,Germany,,", "city1", "a value is required"),
        ("Turku,Finland,,,Rostock,,,", "country2", "a value is required"),
        ("Turku,Finland,abc,22.2,Rostock,Germany,,", "lat1", "'abc' is not a number"),
        ("Turku,Finland,,,Rostock,Germany,54.1,200", "lng2", "out of range"),
        ("Turku,Finland,,,Rostock,Germany,54.1,", "lng2", "needs both latitude and longitude"),
        ("Turku,Finland,,,=HYPERLINK(1),Germany,,", "city2", "spreadsheet formula"),
        ("Turku,Finland,,,Rostock,Germany", "", "the row has 6 fields"),
    ],
)
def test_malformed_row_is_rejected_and_nothing_is_written(tmp_path, turku, row, field, reason):
    before = m.Organisation.objects.count()
    body = "Turku,Finland,,,Bergen,Norway,,\n" + row + "\n"
    summary = run(write(tmp_path, body))
    assert not summary.committed
    assert summary.rejected == 1
    issue = summary.rejections[0]
    assert (issue.line, issue.field) == (3, field)
    assert reason in issue.message
    # The good first row was rolled back with the bad one.
    assert m.Organisation.objects.count() == before
    assert not m.Twinning.objects.exists()


def test_dry_run_writes_nothing(tmp_path, turku):
    summary = run(write(tmp_path, "Turku,Finland,,,Rostock,Germany,,\n"), dry_run=True)
    assert summary.created == 1 and not summary.committed
    assert not m.Twinning.objects.exists()
    assert not m.Organisation.objects.filter(name="Rostock").exists()


def test_existing_partner_is_matched_and_gets_missing_coordinates(tmp_path, turku):
    cologne = OrganisationFactory(name="Köln", name_en="Cologne", country="DE")
    bergen = OrganisationFactory(name="Bergen", country="NO", latitude=60.39, longitude=5.32)
    path = write(
        tmp_path,
        "Turku,Finland,1,1,Cologne,Germany,50.9364,6.9528\n"
        "Turku,Finland,1,1,Bergen,Norway,11.0,11.0\n",
    )
    summary = run(path)
    assert summary.created == 2
    cologne.refresh_from_db()
    bergen.refresh_from_db()
    assert (cologne.latitude, cologne.longitude) == (50.9364, 6.9528)
    assert (bergen.latitude, bergen.longitude) == (60.39, 5.32)  # never overwritten
    turku.refresh_from_db()
    assert turku.latitude is None  # the Nordic side keeps its own (official) coordinates
    assert m.Organisation.objects.count() == 3
    assert partners_of(turku) == {("Köln", "DE"), ("Bergen", "NO")}


def test_existing_twinning_is_left_as_it_is(tmp_path, turku):
    rostock = OrganisationFactory(name="Rostock", country="DE")
    twinning = twinning_create(
        actor=SYSTEM, a=turku, b=rostock, source=SourceFactory(), status="suspended"
    )
    summary = run(write(tmp_path, "Rostock,Germany,54.08,12.13,Turku,Finland,,\n"))
    # Rostock had no coordinates: the row fills them in, so it updated something.
    assert (summary.created, summary.updated) == (0, 1)
    twinning.refresh_from_db()
    assert twinning.status == "suspended"
    assert m.Twinning.objects.count() == 1


def test_raw_variant_without_coordinates(tmp_path, turku):
    path = write(
        tmp_path, "Turku,Finland,Rostock,Germany\n", header="city1,country1,city2,country2\n"
    )
    summary = run(path)
    assert summary.committed and summary.created == 1
    assert m.Organisation.objects.get(name="Rostock").latitude is None


def test_missing_column_rejects_the_file(tmp_path):
    summary = run(write(tmp_path, "Turku,Finland,Rostock\n", header="city1,country1,city2\n"))
    assert not summary.committed
    assert summary.rejections[0].field == "country2"


def test_country_names_as_the_lists_write_them():
    assert country_code("Germany") == "DE"
    assert country_code("England, United Kingdom") == "GB"
    assert country_code("Scotland") == "GB"
    assert country_code("Republic of Ireland") == "IE"
    assert country_code("Georgia (country)") == "GE"
    assert country_code("Russia") == "RU"
    assert country_code("Turkey") == "TR"
    assert country_code("Åland Islands, Finland") == "FI"  # a Finnish region
    assert country_code("Rauma, Norway") == "NO"
    assert country_code("Czech Republic") == "CZ"
    assert country_code("Atlantis") is None
    assert country_code("") is None


def test_origin_id_does_not_depend_on_order_or_spelling_case():
    assert pair_origin_id(("FI", "Turku"), ("DE", "Köln")) == pair_origin_id(
        ("DE", "KÖLN"), ("FI", "turku")
    )
    assert len(pair_origin_id(("FI", "x" * 150), ("DE", "y" * 150))) <= 200


def test_database_refuses_a_duplicate_pair_after_import(tmp_path, turku):
    run(write(tmp_path, "Turku,Finland,,,Rostock,Germany,,\n"))
    twinning = m.Twinning.objects.get()
    for first, second in [
        (twinning.first_id, twinning.second_id),
        (twinning.second_id, twinning.first_id),
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            m.Twinning.objects.create(first_id=first, second_id=second, source=twinning.source)


# --- the real file ------------------------------------------------------------------------


def load_nordic_municipalities() -> None:
    """Finnish and Swedish municipalities as statfi-/se-municipalities would leave them."""
    source = SourceFactory(title="municipality lists for tests")
    orgs = []
    fi = shared_file("fi_municipalities/fi_municipalities_2026.csv")
    with fi.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            orgs.append(
                m.Organisation(
                    kind="municipality",
                    country="FI",
                    name=row["municipality_name_fi"],
                    name_sv=row["municipality_name_sv"],
                    name_en=row["municipality_name_en"],
                    source=source,
                )
            )
    se = shared_file("se_municipalities/municipality_county.csv")
    with se.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["municipality_name_short"]
            orgs.append(
                m.Organisation(
                    kind="municipality", country="SE", name=name, name_sv=name, source=source
                )
            )
    m.Organisation.objects.bulk_create(orgs)


@pytest.mark.realdata
def test_real_file_turku_twins_and_a_second_run(capsys):
    path = shared_file("twinning/wikipedia_twin_cities_geocoded.csv")
    load_nordic_municipalities()
    nordic = m.Organisation.objects.count()

    started = time.perf_counter()
    summary = run(path)
    first_seconds = time.perf_counter() - started
    assert summary.committed and summary.rejected == 0, summary.rejections[:5]
    started = time.perf_counter()
    again = run(path)
    second_seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\ntwin-towns real file: {summary.counts()} in {first_seconds:.1f} s; ")
        print(f"second run: {again.counts()} in {second_seconds:.1f} s")

    # Facts checked by grepping the file: Turku's rows are lines 3615, 5931, 7676 and
    # 8268-8276; Gothenburg is not a Swedish municipality's name (Göteborg is).
    turku = m.Organisation.objects.get(country="FI", name="Turku")
    assert partners_of(turku) == {
        ("Varna", "BG"),
        ("Aarhus", "DK"),
        ("Tartu", "EE"),
        ("Bergen", "NO"),
        ("Bratislava", "SK"),
        ("Cologne", "DE"),
        ("Constanța", "RO"),
        ("Florence", "IT"),
        ("Gdańsk", "PL"),
        ("Rostock", "DE"),
        ("Szeged", "HU"),
    }
    skips = {(s.line, s.field): s.message for s in summary.skips}
    assert skips[(8274, "city2")] == "no Swedish municipality named 'Gothenburg'"
    # Håbo (lines 5961, 7563, 7874, 18255) folds like Habo: skipped, not guessed.
    assert "'Håbo' fits 2 organisations" in skips[(5961, "city2")]
    assert not m.Twinning.objects.filter(first__name__in=["Håbo", "Habo"]).exists()
    assert not m.Twinning.objects.filter(second__name__in=["Håbo", "Habo"]).exists()
    # Every row is accounted for: 24 569 out of scope and 25 pairs listed twice (e.g.
    # Kannus–Desborough on lines 6523 and 7930) are one summary entry each.
    assert summary.created + summary.skipped == 25_917
    assert [str(s) for s in summary.skips[:2]] == [
        "file, country1, country2: 24569 rows have neither city in Finland or Sweden (not listed)",
        "file: 25 rows repeat a pair given earlier in the file, in either order; counted once "
        "(not listed)",
    ]
    assert summary.created > 1_250
    # No second Nordic municipality, and each twinning has a Nordic side.
    assert m.Organisation.objects.filter(country__in=["FI", "SE"]).count() == nordic
    assert m.Twinning.objects.count() == summary.created
    # A second run of the same file creates and changes nothing.
    assert (again.created, again.updated, again.rejected) == (0, 0, 0)
    assert again.unchanged == summary.created
    assert first_seconds < 20


def test_pair_recorded_privately_is_skipped_not_duplicated(tmp_path, turku):
    rostock = OrganisationFactory(name="Rostock", country="DE")
    workspace = WorkspaceFactory(organisation=turku)
    twinning_create(actor=SYSTEM, a=turku, b=rostock, source=SourceFactory(), workspace=workspace)
    summary = run(write(tmp_path, "Turku,Finland,,,Rostock,Germany,,\n"))
    assert summary.created == 0
    assert "recorded as private twinning" in summary.skips[0].message
    assert m.Twinning.objects.get().workspace == workspace

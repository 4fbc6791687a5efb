"""Hostile and broken files given to the statfi importer, by the command line and by the
class: each is refused with a line-numbered reason and changes nothing at all, and an
earlier valid import survives intact."""

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command

from verkosto.registry import models as m
from verkosto.registry.importers.statfi import StatfiMunicipalitiesImporter

pytestmark = pytest.mark.django_db

KIND = "statfi-municipalities"
COLUMNS = [
    "municipality_code",
    "municipality_name_fi",
    "municipality_name_sv",
    "municipality_name_en",
    "kielisuhde_name_en",
    "maakunta_code",
    "maakunta_name_fi",
    "maakunta_name_sv",
    "maakunta_name_en",
    "nuts3_code",
    "population_2022",
    "lon",
    "lat",
]
BILINGUAL = "Bilingual municipality with Finnish-speaking majority"
FINNISH = "Monolingual Finnish-speaking municipality"
ROWS = [
    ["091", "Helsinki", "Helsingfors", "Helsinki", BILINGUAL, "01", "Uusimaa", "Nyland",
     "Uusimaa", "FI1B1", "664028", "24.95291", "60.16825"],
    ["049", "Espoo", "Esbo", "Espoo", BILINGUAL, "01", "Uusimaa", "Nyland", "Uusimaa",
     "FI1B1", "305274", "24.65543", "60.20499"],
    ["853", "Turku", "Åbo", "Turku", BILINGUAL, "02", "Varsinais-Suomi",
     "Egentliga Finland", "Southwest Finland", "FI1C1", "195137", "22.26869", "60.45148"],
    ["837", "Tampere", "Tammerfors", "Tampere", FINNISH, "06", "Pirkanmaa", "Birkaland",
     "Pirkanmaa", "FI19B", "244029", "23.76089", "61.49774"],
]  # fmt: skip


def csv_text(rows: list[list[str]], columns: list[str] = COLUMNS) -> str:
    return "".join(",".join(fields) + "\n" for fields in [columns, *rows])


def with_row(index: int, column: str, value: str) -> list[list[str]]:
    rows = [list(r) for r in ROWS]
    rows[index][COLUMNS.index(column)] = value
    return rows


def history_models() -> list[type]:
    models = [m.Organisation, m.Identifier, m.OrganisationName, m.Source]
    return [*models, *(model.history.model for model in models)]


def snapshot() -> dict:
    """Every row of every table an import writes, history included."""
    return {
        model.__name__: list(model.objects.order_by("pk").values()) for model in history_models()
    }


# name → (file bytes, text every line-numbered message must contain)
HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "latin-1 bytes": (
        lambda: csv_text(ROWS).encode("latin-1"),
        "line 4: the file is not UTF-8",
    ),
    "missing column": (
        lambda: csv_text(
            [r[:2] + r[3:] for r in ROWS], [c for c in COLUMNS if c != "municipality_name_sv"]
        ).encode(),
        "line 1, municipality_name_sv: missing column",
    ),
    "row with extra fields": (
        lambda: csv_text([*ROWS[:2], [*ROWS[2], "surplus"], ROWS[3]]).encode(),
        "line 4: the row has 14 fields; the header has 13",
    ),
    "duplicate code": (
        lambda: csv_text([*ROWS, ["091", *ROWS[1][1:]]]).encode(),
        "line 6, municipality_code: '091' was already given on line 2",
    ),
    "code without zero padding": (
        lambda: csv_text(with_row(0, "municipality_code", "91")).encode(),
        "line 2, municipality_code: '91' is not a valid code",
    ),
    "code of letters": (
        lambda: csv_text(with_row(3, "municipality_code", "ABC")).encode(),
        "line 5, municipality_code: 'ABC' is not a valid code",
    ),
    "ten megabyte line": (
        lambda: csv_text(with_row(1, "municipality_name_fi", "E" * 10_000_000)).encode(),
        "line 3: the line is",
    ),
    "empty file": (lambda: b"", "the file is empty"),
    "only blank lines": (lambda: b"\n\n  \n", "the file is empty"),
    "header without rows": (lambda: csv_text([]).encode(), "header but no rows"),
    "NUL bytes": (lambda: csv_text(ROWS).encode() + b"\x00\x01", "line 6: the file contains NUL"),
    "formula as a name (CSV injection)": (
        lambda: csv_text(with_row(2, "municipality_name_fi", "=cmd|' /C calc'!A0")).encode(),
        "line 4, municipality_name_fi: \"=cmd|' /C calc'!A0\" looks like a spreadsheet formula",
    ),
    "formula as a Swedish region name": (
        lambda: csv_text(with_row(3, "maakunta_name_sv", "@SUM(1+1)")).encode(),
        "line 5, maakunta_name_sv:",
    ),
    "control characters": (
        lambda: csv_text(with_row(0, "municipality_name_en", "Hel\x1bsinki")).encode(),
        "line 2, municipality_name_en: contains control characters",
    ),
    "coordinates outside Finland (swapped)": (
        lambda: csv_text(with_row(0, "lat", "24.95291")).encode(),
        "line 2, lat: 24.95291 is outside Finland",
    ),
    "population that is not a number": (
        lambda: csv_text(with_row(1, "population_2022", "lots")).encode(),
        "line 3, population_2022: 'lots' is not a whole number",
    ),
    "region named two ways": (
        lambda: csv_text(with_row(1, "maakunta_name_fi", "Nyland")).encode(),
        "line 3, maakunta_name_fi: 'Nyland' differs from 'Uusimaa', given for the same "
        "region 01 on line 2",
    ),
    "one NUTS3 code for two regions": (
        lambda: csv_text(with_row(2, "nuts3_code", "FI1B1")).encode(),
        # Uusimaa holds FI1B1 since the valid import; see also the test on an empty registry.
        "line 4, nuts3_code: FI1B1 is already the nuts of organisation",
    ),
    "lat without lon": (
        lambda: csv_text([r[:-2] + r[-1:] for r in ROWS], [*COLUMNS[:-2], "lat"]).encode(),
        "line 1, lon: lat and lon come together",
    ),
    "unclosed quote": (
        lambda: (csv_text(ROWS[:2]) + '"853,Turku\n').encode(),
        "line 4",
    ),
}


@pytest.fixture
def valid_import(tmp_path: Path) -> dict:
    """A valid import done first; returns the snapshot that must survive."""
    path = tmp_path / "valid.csv"
    path.write_text(csv_text(ROWS), encoding="utf-8")
    summary = StatfiMunicipalitiesImporter().run(path)
    assert summary.committed, summary.rejections
    assert (summary.created, summary.rejected) == (4, 0)
    return snapshot()


def write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "hostile.csv"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_file_via_cli_exits_non_zero_and_changes_nothing(tmp_path, valid_import, case):
    content, expected = HOSTILE[case]
    path = write(tmp_path, content())
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("importdata", KIND, str(path), "--json", stdout=out, stderr=err)
    assert exited.value.code == 1
    assert expected in err.getvalue(), err.getvalue()[:500]
    assert "NOT imported, nothing written" in out.getvalue()
    assert snapshot() == valid_import
    helsinki = m.Identifier.objects.get(scheme="statfi_municipality", value="091").organisation
    assert (helsinki.name_sv, helsinki.population) == ("Helsingfors", 664_028)


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_file_via_class_is_reported_and_changes_nothing(tmp_path, valid_import, case):
    content, expected = HOSTILE[case]
    summary = StatfiMunicipalitiesImporter().run(write(tmp_path, content()))
    assert not summary.committed
    assert summary.rejected >= 1
    assert any(expected in str(issue) for issue in summary.rejections), summary.rejections
    assert snapshot() == valid_import


def test_hostile_dry_run_is_reported_too(tmp_path, valid_import):
    path = write(tmp_path, csv_text(with_row(0, "municipality_code", "91")).encode())
    with pytest.raises(SystemExit):
        call_command("importdata", KIND, str(path), "--dry-run", stdout=io.StringIO(),
                     stderr=io.StringIO())  # fmt: skip
    assert snapshot() == valid_import


def test_missing_file_is_reported_not_a_crash(tmp_path, valid_import):
    summary = StatfiMunicipalitiesImporter().run(tmp_path / "absent.csv")
    assert not summary.committed
    assert "no such file" in str(summary.rejections[0])
    assert snapshot() == valid_import


def test_extra_column_in_the_header_is_accepted_and_ignored(tmp_path, valid_import):
    rows = [[*r, "ignored"] for r in ROWS]
    path = write(tmp_path, csv_text(rows, [*COLUMNS, "kuntaryhmitys_code"]).encode())
    summary = StatfiMunicipalitiesImporter().run(path)
    assert summary.committed, summary.rejections
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 4)


def test_allow_rejects_imports_the_good_rows_only(tmp_path):
    path = write(tmp_path, csv_text(with_row(2, "municipality_code", "ABC")).encode())
    summary = StatfiMunicipalitiesImporter(allow_rejects=True).run(path)
    assert summary.committed
    assert (summary.created, summary.rejected) == (3, 1)
    assert summary.rejections[0].line == 4
    codes = set(
        m.Identifier.objects.filter(scheme="statfi_municipality").values_list("value", flat=True)
    )
    assert codes == {"091", "049", "837"}


def test_one_nuts3_code_for_two_regions_names_the_first_line(tmp_path):
    path = write(tmp_path, csv_text(with_row(2, "nuts3_code", "FI1B1")).encode())
    summary = StatfiMunicipalitiesImporter().run(path)
    assert [str(i) for i in summary.rejections] == [
        "line 4, nuts3_code: FI1B1 was already given to region 01 on line 2; an identifier "
        "belongs to one organisation"
    ]
    assert m.Organisation.objects.count() == 0

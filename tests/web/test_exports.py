"""Exports of a filtered list: CSV and XLSX, translated headers, formula cells made inert."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.factories import WorkspaceFactory, member_of
from tests.web.list_rows import Rows
from verkosto.accounts.models import Role
from verkosto.registry.exports import cell_safe

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(db):
    return Rows()


@pytest.fixture
def viewer(client):
    client.force_login(member_of(WorkspaceFactory(), Role.VIEWER))
    return client


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].endswith('.csv"')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[tuple]:
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def test_csv_export_of_filtered_memberships(viewer, rows):
    rows.membership(network=rows.network(name="Eurocities"), role="board")
    rows.membership(network=rows.network(name="Other"), role="member")
    table = csv_rows(viewer.get("/en/memberships/?role=board&export=csv"))
    assert table[0][:5] == ["id", "member", "network or organisation", "role", "status"]
    assert len(table) == 2
    assert table[1][2] == "Eurocities" and table[1][3] == "Board member"
    assert table[1][7] == "Climate, Culture"


def test_headers_and_values_translated(viewer, rows):
    rows.membership(role="board")
    table = csv_rows(viewer.get("/fi/memberships/?export=csv"))
    assert table[0][1] != "member"  # a Finnish header once the catalogue has it
    with_sv = csv_rows(viewer.get("/sv/organisations/?export=csv"))
    assert with_sv[0][0] == "id"


def test_xlsx_export_opens_with_openpyxl(viewer, rows):
    rows.twinning(a=rows.org(name="Turku"), status="suspended")
    rows.twinning(a=rows.org(name="Oulu"), status="active")
    table = xlsx_rows(viewer.get("/en/twinnings/?status=suspended&export=xlsx"))
    assert table[0][:5] == ("id", "municipality", "twin municipality", "kind", "status")
    assert len(table) == 2
    assert "Turku" in (table[1][1], table[1][2])
    assert table[1][4] == "Suspended"


def test_formula_cells_escaped_in_csv_and_xlsx(viewer, rows):
    rows.org(name="=cmd|' /C calc'!A0", country="FI")
    rows.org(name="+SUM(A1)")
    rows.org(name="@evil")
    rows.org(name="-2+3")
    table = csv_rows(viewer.get("/en/organisations/?export=csv"))
    names = {row[1] for row in table[1:]}
    assert "'=cmd|' /C calc'!A0" in names
    assert {"'+SUM(A1)", "'@evil", "'-2+3"} <= names
    assert not any(n.startswith(("=", "+", "@", "-")) for n in names)

    sheet = load_workbook(io.BytesIO(viewer.get("/en/organisations/?export=xlsx").content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert "'=cmd|' /C calc'!A0" in [c.value for c in cells]


def test_cell_safe_keeps_numbers_and_dates():
    import datetime as dt

    assert cell_safe(-5) == -5
    assert cell_safe(dt.date(2020, 1, 2)) == dt.date(2020, 1, 2)
    assert cell_safe(None) == ""
    assert cell_safe("\tx") == "'\tx"
    assert cell_safe("Helsinki") == "Helsinki"


def test_export_follows_the_sort(viewer, rows):
    rows.org(name="Aaa")
    rows.org(name="Zzz")
    table = csv_rows(viewer.get("/en/organisations/?sort=-name&export=csv"))
    names = [row[1] for row in table[1:]]
    assert names.index("Zzz") < names.index("Aaa")

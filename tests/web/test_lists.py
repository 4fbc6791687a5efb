"""The list pages: filters, sorting, search, pagination, htmx partials, visibility and
a constant number of queries whatever the number of rows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import WorkspaceFactory, member_of
from tests.web.list_rows import Rows
from verkosto.accounts.models import Role
from verkosto.registry import models as m

pytestmark = pytest.mark.django_db

KINDS = {
    "organisation": "organisations",
    "network": "networks",
    "membership": "memberships",
    "twinning": "twinnings",
    "partnership": "partnerships",
    "theme": "themes",
    "goal": "goals",
    "event": "events",
}


@pytest.fixture
def rows(db):
    return Rows()


@pytest.fixture
def viewer(client):
    workspace = WorkspaceFactory()
    user = member_of(workspace, Role.VIEWER)
    client.force_login(user)
    client.workspace = workspace
    return client


def row_count(response) -> int:
    return len(re.findall(r"<tr>", response.content.decode().split("<tbody>", 1)[1]))


def page(client, segment: str, query: str = "", **headers):
    """The table part of a list page (the filter form names organisations and themes too)."""
    response = client.get(f"/en/{segment}/{query}", **headers)
    assert response.status_code == 200
    return response.content.decode().split('<section id="results"', 1)[1]


@pytest.mark.parametrize("kind", KINDS)
def test_queries_constant_from_3_to_30_rows(viewer, rows, kind, django_assert_num_queries):
    rows.make(kind, 3)
    with CaptureQueriesContext(connection) as few:
        viewer.get(f"/en/{KINDS[kind]}/")
    rows.make(kind, 27)
    with django_assert_num_queries(len(few)):
        response = viewer.get(f"/en/{KINDS[kind]}/")
    assert response.status_code == 200
    # Page 2 holds the rest: 30 rows at 25 a page; the export too runs a fixed number.
    with django_assert_num_queries(len(few)):
        assert viewer.get(f"/en/{KINDS[kind]}/?page=2").status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_export_queries_constant(viewer, rows, kind):
    rows.make(kind, 3)
    with CaptureQueriesContext(connection) as few:
        b"".join(viewer.get(f"/en/{KINDS[kind]}/?export=csv").streaming_content)
    rows.make(kind, 27)
    with CaptureQueriesContext(connection) as many:
        body = b"".join(viewer.get(f"/en/{KINDS[kind]}/?export=csv").streaming_content)
    assert len(many) == len(few)
    assert body.decode("utf-8-sig").count("\n") >= 31


def test_pagination(viewer, rows):
    rows.make("organisation", 30)
    first = viewer.get("/en/organisations/")
    assert row_count(first) == 25
    total = m.Organisation.objects.count()  # 30 + the region + the workspace's own
    assert f"{total} results" in first.content.decode()
    second = viewer.get("/en/organisations/?page=2")
    assert row_count(second) == total - 25
    assert 'aria-current="page">2<' in second.content.decode()


def test_organisations_filter_kind_country_region_and_search_any_language(viewer, rows):
    rows.org(name="Helsinki", name_sv="Helsingfors", country="FI")
    rows.org(name="Stockholm", country="SE", parent=None)
    rows.network(name="Eurocities")
    assert "Helsinki" in page(viewer, "organisations", "?q=helsingfors")
    assert "Stockholm" not in page(viewer, "organisations", "?q=helsingfors")
    body = page(viewer, "organisations", "?country=se")
    assert "Stockholm" in body and "Helsinki" not in body
    body = page(viewer, "organisations", "?kind=network")
    assert "Eurocities" in body and "Helsinki" not in body
    body = page(viewer, "organisations", f"?region={rows.region.pk}")
    assert "Helsinki" in body and "Stockholm" not in body


def test_organisations_sort_by_clicking_headers(viewer, rows):
    rows.org(name="Aaa", population=10)
    rows.org(name="Zzz", population=5)
    body = page(viewer, "organisations", "?sort=-name")
    assert body.index("Zzz") < body.index("Aaa")
    assert 'aria-sort="descending"' in body
    body = page(viewer, "organisations", "?sort=population")
    assert body.index("Zzz") < body.index("Aaa")
    assert "sort=-population" in body  # the header offers the other direction
    # The chosen sort travels with the filter form.
    assert '<input type="hidden" name="sort" value="population" form="filter-form">' in body


def test_networks_filter_scope_type_theme(viewer, rows):
    rows.network(name="Climate EU", scope="eu", type="thematic", themes=[rows.climate])
    rows.network(name="Culture Intl", scope="international", type="general", themes=[rows.culture])
    body = page(viewer, "networks", "?scope=eu")
    assert "Climate EU" in body and "Culture Intl" not in body
    body = page(viewer, "networks", "?type=general")
    assert "Culture Intl" in body and "Climate EU" not in body
    body = page(viewer, "networks", "?theme=culture")
    assert "Culture Intl" in body and "Climate EU" not in body


def test_memberships_filter_role_status_theme_current_and_search(viewer, rows):
    import datetime as dt

    hki = rows.org(name="Helsinki", name_sv="Helsingfors")
    net = rows.network(name="Eurocities")
    rows.membership(member=hki, network=net, role="board", themes=[rows.culture])
    old = rows.network(name="Old network")
    rows.membership(member=hki, network=old, status="ended", end=dt.date(2001, 1, 1))
    body = page(viewer, "memberships", "?role=board")
    assert "Eurocities" in body and "Old network" not in body
    body = page(viewer, "memberships", "?status=ended")
    assert "Old network" in body and "Eurocities" not in body
    body = page(viewer, "memberships", "?theme=climate")
    assert "Old network" in body and "Eurocities" not in body
    body = page(viewer, "memberships", "?current_on=2020-01-01")
    assert "Eurocities" in body and "Old network" not in body
    body = page(viewer, "memberships", "?q=helsingfors&sort=organisation")
    assert body.index("Eurocities") < body.index("Old network")
    body = page(viewer, "memberships", f"?member={hki.pk}")
    assert "Member: " in body  # the chosen organisation is named above the table


def test_twinnings_partnerships_themes_goals_events_filter(viewer, rows):
    rows.twinning(a=rows.org(name="Turku", name_sv="Åbo"), status="suspended")
    rows.twinning(a=rows.org(name="Oulu"), status="active")
    body = page(viewer, "twinnings", "?status=suspended")
    assert "Turku" in body and "Oulu" not in body
    assert "Turku" in page(viewer, "twinnings", "?q=abo")

    rows.partnership(name="Kasvusopimus", kind="agreement")
    rows.partnership(name="Allianssi", kind="alliance")
    body = page(viewer, "partnerships", "?kind=alliance")
    assert "Allianssi" in body and "Kasvusopimus" not in body
    assert "Kasvusopimus" not in page(viewer, "partnerships", "?q=allians")

    rows.theme(code="mobility", label_fi="Liikenne", label_en="Mobility")
    assert "Mobility" in page(viewer, "themes", "?q=liikenne")
    assert "Mobility" not in page(viewer, "themes", "?q=kulttuuri")

    rows.goal(title_fi="Hiilineutraali 2035", title_en="Carbon neutral 2035", level="eu")
    rows.goal(title_fi="Osaajat", level="national")
    body = page(viewer, "goals", "?level=eu")
    assert "Carbon neutral 2035" in body and "Osaajat" not in body
    assert "Carbon neutral" in page(viewer, "goals", "?q=hiilineutraali")

    rows.event(title_fi="Konferenssi", kind="conference")
    rows.event(title_fi="Vierailu", kind="visit")
    body = page(viewer, "events", "?kind=visit")
    assert "Vierailu" in body and "Konferenssi" not in body
    assert "Konferenssi" in page(viewer, "events", "?q=konfer")


def test_htmx_request_gets_only_the_results(viewer, rows):
    rows.make("membership", 2)
    full = viewer.get("/en/memberships/").content.decode()
    assert "<html" in full and 'hx-get="/en/memberships/"' in full and 'id="results"' in full
    partial = viewer.get(
        "/en/memberships/?role=member", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    ).content.decode()
    assert "<html" not in partial and "<header" not in partial
    assert partial.lstrip().startswith('<section id="results"')
    assert "2 results" in partial
    # Sorting headers and page links swap the results in place.
    assert 'hx-target="#results"' in partial


def test_filter_form_is_rendered_from_the_filterset(viewer, rows):
    body = viewer.get("/en/memberships/").content.decode()
    for name in ("q", "role", "status", "theme", "scope", "type", "country", "current_on"):
        assert f'name="{name}"' in body
    # Organisation filters travel hidden: no select of every organisation.
    assert '<input type="hidden" name="member"' in body


def test_viewer_never_sees_another_workspaces_private_records(viewer, rows):
    other = WorkspaceFactory()
    own = viewer.workspace
    rows.membership(network=rows.network(name="Hidden network B"), workspace=other)
    rows.membership(network=rows.network(name="Own private net"), workspace=own)
    rows.twinning(a=rows.org(name="Hidden twin B"), workspace=other)
    rows.partnership(name="Hidden partnership B", workspace=other)
    rows.goal(title_fi="Hidden goal B", workspace=other)
    rows.event(title_fi="Hidden event B", workspace=other)
    for segment in ("memberships", "twinnings", "partnerships", "goals", "events"):
        for query in ("", "?export=csv", "?export=xlsx"):
            response = viewer.get(f"/en/{segment}/{query}")
            if response.streaming:
                body = b"".join(response.streaming_content).decode("utf-8-sig")
            elif query:
                body = _xlsx_text(response.content)
            else:
                body = response.content.decode().split('<section id="results"', 1)[1]
            assert "Hidden" not in body, (segment, query)
    assert "Own private net" in page(viewer, "memberships")


def _xlsx_text(content: bytes) -> str:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return "\n".join(
        " ".join(str(c) for c in row if c is not None) for row in sheet.iter_rows(values_only=True)
    )


def test_region_filter_lists_regions_only(viewer, rows):
    body = viewer.get("/en/organisations/").content.decode()
    region_select = body.split('name="region"', 1)[1].split("</select>", 1)[0]
    assert "Uusimaa" in region_select
    assert "Uusimaa" not in body.split('name="region"', 1)[0].split("<main", 1)[1]


def test_theme_filter_never_repeats_a_row(viewer, rows):
    rows.membership(network=rows.network(name="Two themes net"))  # climate and culture
    body = page(viewer, "memberships", "?theme=climate&theme=culture")
    assert body.count("Two themes net") == 1
    assert "1 result" in body
    exported = b"".join(
        viewer.get("/en/memberships/?theme=climate&theme=culture&export=csv").streaming_content
    )
    assert exported.decode("utf-8-sig").count("Two themes net") == 1

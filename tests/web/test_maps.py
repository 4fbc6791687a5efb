"""The network map, the twin-town map and their data (selectors/graph.py, views/maps.py)."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    SourceFactory,
    WorkspaceFactory,
    member_of,
)
from verkosto.accounts.models import Role
from verkosto.registry import models as m
from verkosto.registry.selectors.graph import (
    organisation_graph,
    organisation_twin_map,
    theme_with_descendants,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def url_for(kind: str, pk: int) -> str:
    return f"/{kind}/{pk}/"


def join(member, network, **fields):
    return m.Membership.objects.create(
        member=member, organisation=network, source=SourceFactory(), **fields
    )


def twin(a, b, **fields):
    first, second = sorted((a, b), key=lambda o: o.pk)
    return m.Twinning.objects.create(first=first, second=second, source=SourceFactory(), **fields)


def theme(code, parent=None):
    return m.Theme.objects.create(code=code, label=code, label_fi=code, parent=parent)


@pytest.fixture
def city():
    return OrganisationFactory(name="Helsinki", country="FI", latitude=60.17, longitude=24.94)


@pytest.fixture
def editor(city):
    return member_of(WorkspaceFactory(organisation=city), Role.EDITOR)


def edges_by_kind(graph, kind):
    nodes = {n["id"]: n["label"] for n in graph["nodes"]}
    return sorted(
        (nodes[e["source"]], nodes[e["target"]]) for e in graph["edges"] if e["kind"] == kind
    )


class TestOrganisationGraph:
    def test_networks_partnerships_and_twin_towns(self, city, editor):
        eurocities = NetworkFactory(name="Eurocities")
        join(city, eurocities, role=m.MembershipRole.BOARD)
        tallinn = OrganisationFactory(name="Tallinn", country="EE")
        twin(city, tallinn, status=m.TwinningStatus.SUSPENDED)
        espoo = OrganisationFactory(name="Espoo")
        alliance = m.Partnership.objects.create(
            name="Six cities", name_fi="Six cities", kind="alliance", source=SourceFactory()
        )
        for party in (city, espoo):
            m.PartnershipParty.objects.create(
                partnership=alliance, organisation=party, role="city", source=SourceFactory()
            )

        graph = organisation_graph(actor=editor, organisation_id=city.pk, url_for=url_for)

        assert graph["mode"] == "organisation"
        assert edges_by_kind(graph, "membership") == [("Helsinki", "Eurocities")]
        assert edges_by_kind(graph, "twinning") == [("Helsinki", "Tallinn")]
        assert edges_by_kind(graph, "partnership") == [
            ("Espoo", "Six cities"),
            ("Helsinki", "Six cities"),
        ]
        twinning = next(e for e in graph["edges"] if e["kind"] == "twinning")
        assert twinning["status"] == "suspended"
        nodes = {n["label"]: n for n in graph["nodes"]}
        assert nodes["Helsinki"]["ring"] == "centre"
        assert nodes["Eurocities"]["url"] == f"/organisation/{eurocities.pk}/"
        assert nodes["Six cities"]["url"] == f"/partnership/{alliance.pk}/"

    def test_private_links_of_other_workspaces_stay_hidden(self, city, editor):
        other_ws = WorkspaceFactory()
        join(city, NetworkFactory(name="Secret club"), workspace=other_ws)
        join(
            city,
            NetworkFactory(name="Own note"),
            workspace=editor.workspace_memberships.get().workspace,
        )

        graph = organisation_graph(actor=editor, organisation_id=city.pk, url_for=url_for)

        assert edges_by_kind(graph, "membership") == [("Helsinki", "Own note")]

    def test_current_on_drops_past_links_which_otherwise_show_as_not_current(self, city, editor):
        join(city, NetworkFactory(name="Old"), start=dt.date(2000, 1, 1), end=dt.date(2010, 12, 31))
        join(city, NetworkFactory(name="New"), start=dt.date(2020, 1, 1))

        everything = organisation_graph(actor=editor, organisation_id=city.pk, url_for=url_for)
        in_2015 = organisation_graph(
            actor=editor, organisation_id=city.pk, url_for=url_for, on=dt.date(2015, 6, 1)
        )
        in_2005 = organisation_graph(
            actor=editor, organisation_id=city.pk, url_for=url_for, on=dt.date(2005, 6, 1)
        )

        current = {e["target"]: e["current"] for e in everything["edges"]}
        labels = {n["id"]: n["label"] for n in everything["nodes"]}
        assert {labels[t]: c for t, c in current.items()} == {"Old": False, "New": True}
        assert edges_by_kind(in_2015, "membership") == []
        assert edges_by_kind(in_2005, "membership") == [("Helsinki", "Old")]
        assert in_2005["edges"][0]["current"] is True

    def test_theme_filter_takes_narrower_themes_and_network_profiles(self, city, editor):
        climate = theme("climate")
        carbon = theme("carbon-neutrality", parent=climate)
        culture = theme("culture")
        by_membership = join(city, NetworkFactory(name="By membership"))
        by_membership.themes.add(carbon)
        by_profile = NetworkFactory(name="By profile")
        profile = m.NetworkProfile.objects.create(
            organisation=by_profile, scope="national", type="thematic", source=SourceFactory()
        )
        profile.themes.add(climate)
        join(city, by_profile)
        join(city, NetworkFactory(name="Off theme")).themes.add(culture)
        twin(city, OrganisationFactory(name="Tallinn"))

        graph = organisation_graph(
            actor=editor, organisation_id=city.pk, url_for=url_for, theme="climate"
        )

        assert theme_with_descendants("climate") == {climate.pk, carbon.pk}
        assert edges_by_kind(graph, "membership") == [
            ("Helsinki", "By membership"),
            ("Helsinki", "By profile"),
        ]
        assert edges_by_kind(graph, "twinning") == []  # twinnings have no themes

    def test_an_unknown_theme_matches_nothing(self, city, editor):
        join(city, NetworkFactory())
        graph = organisation_graph(
            actor=editor, organisation_id=city.pk, url_for=url_for, theme="no-such-theme"
        )
        assert graph["edges"] == []
        assert len(graph["nodes"]) == 1


class TestNetworkGraph:
    def test_members_and_networks_they_share_weighted_by_shared_members(self, editor):
        hinku, fisu, mal = (NetworkFactory(name=n) for n in ("HINKU", "FISU", "MAL"))
        a, b, c = (OrganisationFactory(name=n) for n in ("A", "B", "C"))
        for member in (a, b, c):
            join(member, hinku)
        join(a, fisu)
        join(b, fisu)
        join(c, mal)
        join(a, mal, start=dt.date(2000, 1, 1), end=dt.date(2001, 1, 1))

        graph = organisation_graph(actor=editor, organisation_id=hinku.pk, url_for=url_for)
        today = organisation_graph(
            actor=editor, organisation_id=hinku.pk, url_for=url_for, on=dt.date.today()
        )

        assert graph["mode"] == "network"
        assert graph["member_count"] == 3
        assert edges_by_kind(graph, "membership") == [
            ("A", "HINKU"),
            ("B", "HINKU"),
            ("C", "HINKU"),
        ]
        shared = {e["target"]: e["weight"] for e in graph["edges"] if e["kind"] == "shared"}
        assert shared == {f"o{fisu.pk}": 2, f"o{mal.pk}": 2}
        shared_today = {e["target"]: e["weight"] for e in today["edges"] if e["kind"] == "shared"}
        assert shared_today == {f"o{fisu.pk}": 2, f"o{mal.pk}": 1}

    def test_a_network_without_members_is_just_its_node(self, editor):
        hinku = NetworkFactory(name="HINKU")
        graph = organisation_graph(actor=editor, organisation_id=hinku.pk, url_for=url_for)
        assert graph["member_count"] == 0
        assert graph["edges"] == []
        assert [n["label"] for n in graph["nodes"]] == ["HINKU"]


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_graphs_run_a_constant_number_of_queries(city, editor):
    """Ten times the links, the same number of queries."""
    hub = NetworkFactory(name="Hub")
    climate = theme("climate")

    def grow(n):
        for _ in range(n):
            member = OrganisationFactory()
            join(member, hub)
            join(member, NetworkFactory()).themes.add(climate)
            join(city, NetworkFactory()).themes.add(climate)
            twin(city, OrganisationFactory())
            p = m.Partnership.objects.create(name="P", kind="alliance", source=SourceFactory())
            p.themes.add(climate)
            for party in (city, member):
                m.PartnershipParty.objects.create(
                    partnership=p, organisation=party, role="city", source=SourceFactory()
                )

    def count():
        return [
            _queries(
                lambda o=o, kw=kw: organisation_graph(
                    actor=editor, organisation_id=o, url_for=url_for, **kw
                )
            )
            for o in (city.pk, hub.pk)
            for kw in ({}, {"theme": "climate", "on": dt.date.today()})
        ] + [
            _queries(
                lambda: organisation_twin_map(
                    actor=editor, organisation_id=city.pk, url_for=url_for
                )
            )
        ]

    grow(2)
    count()  # the actor's roles are read once and cached, as in a request
    small = count()
    grow(20)
    large = count()
    assert small == large
    assert max(large) <= 8


class TestTwinMap:
    def test_towns_with_status_and_a_country_centre_where_coordinates_are_missing(
        self, city, editor
    ):
        tallinn = OrganisationFactory(name="Tallinn", country="EE")
        reykjavik = OrganisationFactory(
            name="Reykjavík", country="IS", latitude=64.1, longitude=-21.9
        )
        twin(city, tallinn, status=m.TwinningStatus.ACTIVE, start=dt.date(1993, 1, 1))
        twin(city, reykjavik, status=m.TwinningStatus.DORMANT)

        data = organisation_twin_map(actor=editor, organisation_id=city.pk, url_for=url_for)

        assert data["city"]["lat"] == 60.17
        assert data["city"]["country_numeric"] == "246"
        towns = {t["label"]: t for t in data["towns"]}
        assert towns["Tallinn"]["approximate"] is True
        assert towns["Tallinn"]["lat"] is None
        assert towns["Tallinn"]["country_numeric"] == "233"
        assert towns["Tallinn"]["status"] == "active"
        assert towns["Reykjavík"]["approximate"] is False
        assert towns["Reykjavík"]["status"] == "dormant"


# --- pages --------------------------------------------------------------------------------


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def test_maps_need_a_login(client, city):
    for name in ("organisation-network-map", "organisation-graph", "organisation-twin-map"):
        response = client.get(reverse(f"registry:{name}", args=[city.pk]))
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_network_map_page_has_the_data_and_a_table_of_the_same_links(logged_in, city):
    join(city, NetworkFactory(name="Eurocities"))
    twin(city, OrganisationFactory(name="Tallinn", country="EE"))

    response = logged_in.get(reverse("registry:organisation-network-map", args=[city.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    data = json.loads(
        re.search(
            r'<script id="network-map-data" type="application/json">(.*?)</script>', html, re.S
        )[1]
    )
    assert {n["label"] for n in data["nodes"]} == {"Helsinki", "Eurocities", "Tallinn"}
    table = html[html.index('class="map-table"') :]
    assert "Eurocities" in table and "Tallinn" in table
    assert "vendor/cytoscape/dist/cytoscape.min.js" in html


def test_pages_have_no_inline_script_or_event_handler(logged_in, city):
    """The CSP allows scripts only from 'self' or with the nonce; handlers never run."""
    for name in ("organisation-network-map", "organisation-twin-map"):
        response = logged_in.get(reverse(f"registry:{name}", args=[city.pk]))
        html = response.content.decode()
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'type="application/json"' in tag or (
                "src=" in tag and f'nonce="{nonce}"' in tag
            ), tag
        assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"


def test_network_without_members_says_so(logged_in):
    hinku = NetworkFactory(name="HINKU")
    with translation.override("en"):
        url = reverse("registry:organisation-network-map", args=[hinku.pk])
    response = logged_in.get(url)
    assert response.status_code == 200
    assert "No members recorded for this network." in response.content.decode()


def test_graph_json_filters_and_rejects_a_bad_date(logged_in, city):
    join(city, NetworkFactory(name="Old"), start=dt.date(2000, 1, 1), end=dt.date(2001, 1, 1))
    url = reverse("registry:organisation-graph", args=[city.pk])

    assert len(logged_in.get(url).json()["edges"]) == 1
    filtered = logged_in.get(url, {"current_on": "2015-01-01"}).json()
    assert filtered["edges"] == []
    assert filtered["filters"] == {"on": "2015-01-01", "theme": None}
    bad = logged_in.get(url, {"current_on": "not a date"})
    assert bad.status_code == 400
    assert "current_on" in bad.json()["errors"]


def test_unknown_organisation_is_404(logged_in):
    assert logged_in.get(reverse("registry:organisation-graph", args=[999999])).status_code == 404


def test_twin_map_page_lists_towns_and_draws_on_the_vendored_outline(logged_in, city):
    twin(city, OrganisationFactory(name="Tallinn", country="EE"), status="suspended")
    response = logged_in.get(reverse("registry:organisation-twin-map", args=[city.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-outline-url="/static/vendor/world-atlas/countries-50m.json"' in html
    assert "badge--suspended" in html
    assert "Tallinn" in html[html.index('class="map-table"') :]


def test_twin_map_without_twin_towns_says_so(logged_in):
    hinku = NetworkFactory(name="HINKU")
    with translation.override("en"):
        url = reverse("registry:organisation-twin-map", args=[hinku.pk])
    response = logged_in.get(url)
    assert response.status_code == 200
    assert "No twin towns recorded for this organisation." in response.content.decode()


# --- vendored front-end files -------------------------------------------------------------


def test_vendored_files_are_the_locked_versions_and_found_as_static_files():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    versions = (ROOT / "src/verkosto/static/vendor/VERSIONS.txt").read_text()
    for package in ("cytoscape", "leaflet", "topojson-client", "world-atlas"):
        locked = lock["packages"][f"node_modules/{package}"]["version"]
        assert f"{package} {locked} " in versions
    for path in (
        "vendor/cytoscape/dist/cytoscape.min.js",
        "vendor/leaflet/dist/leaflet.js",
        "vendor/leaflet/dist/leaflet.css",
        "vendor/topojson-client/dist/topojson-client.min.js",
        "vendor/world-atlas/countries-50m.json",
        "verkosto/maps/network-map.js",
        "verkosto/maps/twin-map.js",
        "verkosto/maps/maps.css",
    ):
        assert finders.find(path), path
    outline = json.loads(Path(finders.find("vendor/world-atlas/countries-50m.json")).read_text())
    ids = {g.get("id") for g in outline["objects"]["countries"]["geometries"]}
    assert {"246", "752", "233"} <= ids  # Finland, Sweden, Estonia


def test_network_map_page_filters_by_theme_from_its_form(logged_in, city):
    climate = theme("climate")
    join(city, NetworkFactory(name="Climate network")).themes.add(climate)
    join(city, NetworkFactory(name="Culture network"))
    page = reverse("registry:organisation-network-map", args=[city.pk])

    html = logged_in.get(page, {"theme": "climate"}).content.decode()

    assert '<option value="climate" selected>' in html
    table = html[html.index('class="map-table"') :]
    assert "Climate network" in table
    assert "Culture network" not in table

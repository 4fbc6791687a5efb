"""The analysis pages: they draw for Helsinki and HINKU in Finnish, Swedish and English,
ask the database a fixed number of questions however much data there is, need a login
and show a workspace's private facts to its members only."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.analytics.conftest import org
from tests.factories import OrganisationFactory, SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.analytics.selectors.landscape import landscape_cache
from verkosto.registry.models import Membership

HINKU = "Carbon Neutral Municipalities"


def _url(lang: str, name_en: str | None = None, query: str = "") -> str:
    if name_en is None:
        return f"/{lang}/analysis/{query}"
    return f"/{lang}/analysis/organisations/{org(name_en).pk}/{query}"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_pages_draw_for_helsinki_hinku_and_the_landscape(demo_client, lang):
    for url in (_url(lang, "Helsinki"), _url(lang, HINKU), _url(lang, query="?country=FI")):
        response = demo_client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert f'<html lang="{lang}">' in body
        assert 'id="analysis-charts"' in body
        assert "echarts.min.js" in body and "analytics.js" in body
        assert "<script>" not in body  # CSP: no inline script, only json_script data
    helsinki = demo_client.get(_url(lang, "Helsinki")).content.decode()
    assert 'id="network-map-data"' in helsinki and 'data-chart="heatmap"' in helsinki


def test_helsinki_page_in_words(demo_client):
    body = demo_client.get(_url("en", "Helsinki", "?as_of=2025-06-01")).content.decode()
    assert "Analysis: Helsinki" in body
    assert "Union of the Baltic Cities" in body and "Eurocities" in body
    assert "meets none of the current strategic goals" in body
    assert "Employment" in body  # an unserved goal theme


def test_hinku_without_members_says_so(demo_client):
    body = demo_client.get(_url("en", HINKU)).content.decode()
    assert "No overlapping networks on this day." in body
    assert "Nothing to rank on this day." in body


def test_anonymous_goes_to_the_login(client, demo):
    response = client.get(_url("en", "Helsinki"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(_url("en")).status_code == 302


def test_bad_input(demo_client):
    assert demo_client.get(_url("en", "Helsinki", "?as_of=2025-13-01")).status_code == 400
    assert demo_client.get(_url("en", query="?country=F1")).status_code == 400
    assert demo_client.get(_url("en", query="?k=0")).status_code == 400
    assert demo_client.get("/en/analysis/organisations/999999/").status_code == 404


def test_another_workspaces_private_memberships_never_show(client, demo):
    """A user of another workspace sees none of Helsinki's private sample memberships."""
    norrkoping = member_of(WorkspaceFactory(), Role.ADMIN)
    client.force_login(norrkoping)
    body = client.get(_url("en", "Helsinki")).content.decode()
    assert "Union of the Baltic Cities" not in body and "Eurocities" not in body
    assert "Tallinn" not in body  # a private sample twin town


def _count_queries(client, url) -> int:
    landscape_cache().clear()  # count the queries of a full load every time
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_the_data(demo_client):
    urls = [_url("en", "Helsinki"), _url("en", HINKU), _url("en", query="?country=FI")]
    before = [_count_queries(demo_client, u) for u in urls]
    source = SourceFactory()
    network = org(HINKU)
    cities = [OrganisationFactory(country="FI", source=source) for _ in range(25)]
    Membership.objects.bulk_create(
        [Membership(member=c, organisation=network, source=source) for c in cities]
        + [Membership(member=c, organisation=org("Eurocities"), source=source) for c in cities]
    )
    after = [_count_queries(demo_client, u) for u in urls]
    assert after == before
    assert max(after) <= 25, after


def test_nav_links_to_the_analysis(demo_client):
    body = demo_client.get("/en/analysis/").content.decode()
    assert re.search(r'href="/en/analysis/"[^>]*aria-current="page"', body)
    helsinki = org("Helsinki")
    detail = demo_client.get(f"/en/organisations/{helsinki.pk}/").content.decode()
    assert f'href="/en/analysis/organisations/{helsinki.pk}/"' in detail

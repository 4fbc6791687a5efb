"""A suggestion explains itself: a network a peer uses for a goal theme that none of the
city's memberships serves, with both reasons in words, in each language."""

import datetime as dt

import pytest
from django.utils import translation

from tests.factories import NetworkFactory, OrganisationFactory, SourceFactory
from verkosto.analytics import summaries
from verkosto.analytics.selectors.audience import PUBLIC
from verkosto.analytics.selectors.landscape import landscape_load
from verkosto.registry.models import Membership, NetworkProfile, StrategicGoal, Theme

DAY = dt.date(2025, 6, 1)


@pytest.fixture
def world(db):
    source = SourceFactory()
    water = Theme.objects.create(code="analytics-water", label_en="Water", label_fi="Vesi")
    culture = Theme.objects.create(code="analytics-culture", label_en="Culture")
    city = OrganisationFactory(name="Aville", source=source)
    peer = OrganisationFactory(name="Beetown", source=source)
    general = NetworkFactory(name="General club", source=source)
    waters = NetworkFactory(name="Water cities", source=source)
    for network, theme in ((general, culture), (waters, water)):
        profile = NetworkProfile.objects.create(
            organisation=network, scope="national", type="thematic", source=source
        )
        profile.themes.add(theme)
    for member, network in ((city, general), (peer, general), (peer, waters)):
        Membership.objects.create(member=member, organisation=network, source=source)
    goal = StrategicGoal.objects.create(organisation=city, title_en="Clean water", source=source)
    goal.themes.add(water)
    return city, waters


def test_the_peers_water_network_is_suggested_with_its_reasons(world):
    city, waters = world
    with translation.override("en"):
        loaded = landscape_load(audience=PUBLIC)
        gaps = summaries.gaps_summary(loaded, as_of=DAY, k=5, org=loaded.position(city.pk))
    assert [u["theme"]["label"] for u in gaps["unserved"]] == ["Water"]
    assert [u["goals"][0]["title"] for u in gaps["unserved"]] == ["Clean water"]
    assert [i["network"]["name"] for i in gaps["idle"]] == ["General club"]
    (suggestion,) = gaps["suggestions"]
    assert suggestion["network"]["id"] == waters.pk
    texts = {r["code"]: r["text"] for r in suggestion["reasons"]}
    assert "Beetown" in texts["peers_are_members"]
    assert texts["covers_gap_themes"].endswith(": Water.")


def test_the_page_shows_the_suggestion(world, admin_client):
    city, _waters = world
    body = admin_client.get(f"/en/analysis/organisations/{city.pk}/?as_of=2025-06-01")
    text = body.content.decode()
    assert body.status_code == 200
    assert 'data-list="suggestions"' in text and "Water cities" in text
    assert 'data-reason="covers_gap_themes"' in text

"""The demo's knowledge base: sample practices and reports in three languages, labelled as
samples, found by inflected and compound words, two of them private to Helsinki, and
loading the demo again neither duplicates nor rewrites them."""

import io

import numpy as np
import pytest
from django.db import transaction

from tests.knowledge.conftest import require_voikko
from verkosto.accounts.models import Workspace
from verkosto.knowledge import embeddings, vectors
from verkosto.knowledge.demo import PRACTICES, REPORTS, SAMPLE_LABEL
from verkosto.knowledge.models import GoodPractice, ItemVector, Report, SearchEntry
from verkosto.knowledge.search import search
from verkosto.registry.demo.load import demo_load

pytestmark = pytest.mark.django_db

PRIVATE = {s.title for s in (*PRACTICES, *REPORTS) if s.workspace}
TWIN_TOWNS_SV = next(s.title for s in PRACTICES if "twinning" in s.themes and s.language == "sv")


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, rolled back after it (like setUpTestData)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_load(stdout=io.StringIO())
        transaction.set_rollback(True)


def titles(query: str, workspace=None) -> list[str]:
    return [hit.title for hit in search(query, workspace=workspace, limit=50).hits]


def helsinki() -> Workspace:
    return Workspace.objects.get(slug="helsinki")


def test_demo_has_sample_practices_and_reports_in_three_languages(demo):
    assert demo["GoodPractice"]["created"] == len(PRACTICES) >= 15
    assert demo["Report"]["created"] == len(REPORTS) >= 5
    items = [*GoodPractice.objects.all(), *Report.objects.all()]
    assert {i.language for i in items} == {"fi", "sv", "en"}
    # Labelled as samples in the item's own language, as the registry's samples are.
    assert all(i.summary.startswith(SAMPLE_LABEL[i.language] + ": ") for i in items)
    assert all(i.themes.exists() for i in items)
    assert SearchEntry.objects.count() == len(items)  # every one is searchable
    practices = GoodPractice.objects.all()
    assert sum(bool(p.results and p.sdgs) for p in practices) >= 10
    assert practices.filter(network__isnull=False).count() >= 5
    assert {p.organisation.country for p in practices} == {"FI", "SE"}
    # Two items are private to Helsinki: its rule for leaving networks and the report of
    # an event that is itself private to Helsinki.
    private = [i for i in items if i.workspace_id]
    assert {i.title for i in private} == PRIVATE and len(PRIVATE) == 2
    assert {i.workspace_id for i in private} == {helsinki().pk}
    report = Report.objects.get(workspace=helsinki())
    assert report.event.workspace_id == helsinki().pk


def test_search_finds_inflected_and_compound_finnish_words():
    require_voikko()
    # Neither word is in any text as typed: "ilmastoverkostojen", "henkilöstöpulaan".
    found = titles("ilmastoverkostot")
    assert any("Ilmastoverkostojen" in t for t in found)
    assert any("klimatnätverken" in t for t in found)  # the Swedish one, through its parts
    assert any("henkilöstöpulaan" in t for t in titles("varhaiskasvatuksen henkilöstöpula"))
    assert any("Jengiytymisen" in t for t in titles("jengiytyminen"))


def test_swedish_query_finds_the_twin_town_practice():
    found = titles("vänorter")
    assert found[0] == TWIN_TOWNS_SV
    assert any("Ystävyyskaupungeista" in t for t in found)  # the Finnish one, too


def test_private_items_only_in_helsinkis_workspace():
    shared = titles("Eurocities")
    assert shared and not PRIVATE & set(shared)
    assert set(titles("Eurocities", helsinki())) == {*shared, *PRIVATE}


def test_search_page_shows_the_demo_to_the_demo_user(client):
    assert client.login(username="demo", password="demo")
    html = client.get("/fi/knowledge/", {"q": "ilmastoverkostot"}).content.decode()
    assert "päästöinventaarioksi" in html
    # The demo user is an editor in Helsinki: its private items are on the page too.
    html = client.get("/fi/knowledge/", {"q": "Eurocities"}).content.decode()
    assert "Eurocities-verkoston vuosikokouksesta" in html


def test_loading_again_neither_duplicates_nor_rewrites():
    before = {m: m.objects.count() for m in (GoodPractice, Report, SearchEntry)}
    counts = demo_load(stdout=io.StringIO())
    assert counts["GoodPractice"] == {"created": 0, "updated": 0, "unchanged": len(PRACTICES)}
    assert counts["Report"] == {"created": 0, "updated": 0, "unchanged": len(REPORTS)}
    assert {m: m.objects.count() for m in before} == before


def test_loading_again_restores_an_edited_sample():
    spec = PRACTICES[0]
    practice = GoodPractice.objects.get(title=spec.title)
    GoodPractice.objects.filter(pk=practice.pk).update(body="muutettu")
    practice.themes.clear()
    counts = demo_load(stdout=io.StringIO())
    assert counts["GoodPractice"]["updated"] == 1
    practice.refresh_from_db()
    assert practice.body == spec.body
    assert {t.code for t in practice.themes.all()} == set(spec.themes)
    assert spec.title in titles("päästöinventaario")  # and indexed again


def test_loading_computes_the_missing_sentence_vectors(monkeypatch):
    def fake(passages: list[str]) -> np.ndarray:
        return np.ones((len(passages), embeddings.DIM), dtype=np.float32)

    # The vectors for "similar in meaning" results, without running the model here.
    monkeypatch.setattr(vectors, "enabled", lambda: True)
    monkeypatch.setattr(embeddings, "embed_passages", fake)
    assert not ItemVector.objects.exists()
    demo_load(stdout=io.StringIO())
    assert ItemVector.objects.count() == SearchEntry.objects.count()

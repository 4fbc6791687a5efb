"""Search as a user meets it: the seeds imported from the command line, then queried."""

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from tests.factories import OrganisationFactory, WorkspaceFactory, member_of
from tests.knowledge.conftest import require_voikko, seeds_dir
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.extract import ExtractionError
from verkosto.knowledge.models import Document, GoodPractice, Report, SearchEntry
from verkosto.knowledge.search import search, who_has_done
from verkosto.knowledge.services import document_upload, item_delete, practice_save, report_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(capsys):
    call_command("importdata", "documents", str(seeds_dir()))
    capsys.readouterr()


def _cli(capsys, *args) -> list[dict]:
    call_command("search", *args, "--json")
    return json.loads(capsys.readouterr().out)


def test_seed_001_ranks_first_for_network_cooperation(seeds, capsys):
    require_voikko()
    rows = _cli(capsys, "verkostojen yhteistyö")
    assert rows[0]["origin_id"].startswith("001_")
    assert {"origin_id", "title", "score", "why", "kind"} <= set(rows[0])


@pytest.mark.parametrize("query", ["vänorter", "twin towns"])
def test_swedish_and_english_find_the_finnish_twinning_text(seeds, capsys, query):
    require_voikko()
    rows = _cli(capsys, query)
    assert rows and rows[0]["origin_id"].startswith("000_")
    assert "ystävyyskaupunki" in " ".join(rows[0]["why"])


def test_reimport_updates_instead_of_duplicating(seeds, capsys):
    call_command("importdata", "documents", str(seeds_dir()))
    assert "unchanged 5" in capsys.readouterr().out
    assert Document.objects.count() == 5 == SearchEntry.objects.count()


def test_inflection_compound_exclusion_phrase_and_highlight(seeds):
    require_voikko()
    helsinki = search("Helsinki")
    assert any(h.origin_id.startswith("002_") for h in helsinki.hits)
    assert "<mark>Helsingin</mark>" in " ".join(h.passage for h in helsinki.hits)
    compound = search("ilmastoverkostot")
    assert compound.hits[0].origin_id.startswith("000_")
    assert "ilmasto + verkosto" in compound.hits[0].why[0]
    assert not any(h.origin_id.startswith("002_") for h in search("Helsinki -Ukrainan").hits)
    phrase = search('"kansainvälistä yhteistyötä"')
    assert [h.origin_id[:3] for h in phrase.hits] == ["002"]
    # the same words apart (not a phrase) match more
    assert search("kansainvälistä yhteistyötä").total > phrase.total


def test_facets_count_the_whole_match_and_filters_narrow_it(seeds):
    result = search("kaupunki")
    languages = {f.value: f.count for f in result.facets["language"]}
    assert languages == {"fi": result.total}
    assert search("kaupunki", filters={"language": "sv"}).total == 0
    assert {f.value for f in result.facets["kind"]} == {"document"}
    with pytest.raises(ValueError, match="colour"):
        search("kaupunki", filters={"colour": "red"})


def test_visibility_private_items_only_in_their_workspace():
    own, other = WorkspaceFactory(), WorkspaceFactory()
    editor = member_of(own)
    practice = practice_save(
        actor=editor,
        practice=GoodPractice(
            title="Varhaiskasvatuksen osaajapula ratkaistiin yhdessä",
            body="Kaupunki palkkasi opiskelijoita.",
            organisation=own.organisation,
            workspace=own,
            sdgs=[4],
        ),
    )
    assert [h.id for h in search("osaajapula", workspace=own).hits] == [practice.pk]
    assert search("osaajapula", workspace=own).hits[0].private
    assert search("osaajapula", workspace=other).total == 0
    assert search("osaajapula").total == 0
    with pytest.raises(PermissionDenied):
        practice_save(
            actor=member_of(other),
            practice=GoodPractice(title="x", organisation=own.organisation, workspace=own),
        )


def test_who_has_done_ranks_organisations_by_their_items():
    espoo, oulu = OrganisationFactory(name="Espoo"), OrganisationFactory(name="Oulu")
    for n in range(2):
        practice_save(
            actor=SYSTEM,
            practice=GoodPractice(
                title=f"Early education workforce shortage {n}",
                body="We recruited students.",
                language="en",
                organisation=espoo,
            ),
        )
    report_save(
        actor=SYSTEM,
        report=Report(
            title="Visit on workforce shortage in early education",
            language="en",
            date=dt.date(2025, 5, 1),
            organisation=oulu,
        ),
    )
    ranked = who_has_done("early-education workforce shortage")
    assert [m.name for m in ranked] == ["Espoo", "Oulu"]
    assert ranked[0].items == 2 and len(ranked[0].top) == 2
    together = search("early-education workforce shortage", who_limit=5).who_has_done
    assert [m.name for m in together] == ["Espoo", "Oulu"]


def test_delete_removes_from_index_and_edits_reindex():
    org = OrganisationFactory()
    practice = practice_save(
        actor=SYSTEM, practice=GoodPractice(title="Pyöräilykatu", organisation=org)
    )
    assert search("pyöräilykatu").total == 1
    practice.title = "Kävelykatu"
    practice_save(actor=SYSTEM, practice=practice)
    assert search("pyöräilykatu").total == 0 and search("kävelykatu").total == 1
    item_delete(actor=SYSTEM, item=practice)
    assert search("kävelykatu").total == 0
    assert not SearchEntry.objects.exists()


def test_compound_parts_reach_the_other_languages():
    require_voikko()
    org = OrganisationFactory()
    english = practice_save(
        actor=SYSTEM,
        practice=GoodPractice(
            title="A climate network of small towns", language="en", organisation=org
        ),
    )
    swedish = practice_save(
        actor=SYSTEM,
        practice=GoodPractice(
            title="Klimatnätverket för kommuner", language="sv", organisation=org
        ),
    )
    result = search("ilmastoverkostot")
    assert {h.id for h in result.hits} == {english.pk, swedish.pk}
    assert any("klimat" in w and "network" in w for w in result.hits[0].why)


def test_sdgs_are_validated():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError, match="between 1 and 17"):
        practice_save(
            actor=SYSTEM,
            practice=GoodPractice(title="x", organisation=OrganisationFactory(), sdgs=[18]),
        )


def test_broken_files_store_nothing(tmp_path, capsys):
    with pytest.raises(ExtractionError):
        document_upload(actor=SYSTEM, name="rikki.pdf", content=b"%PDF-1.4 junk")
    assert not Document.objects.exists()
    (tmp_path / "hyva.txt").write_text("Hyvä teksti ystävyyskaupungeista.", encoding="utf-8")
    (tmp_path / "rikki.docx").write_bytes(b"PK\x03\x04 junk")
    with pytest.raises(SystemExit):
        call_command("importdata", "documents", str(tmp_path))
    err = capsys.readouterr().err
    assert "rikki.docx" in err and "damaged" in err
    assert not Document.objects.exists() and not SearchEntry.objects.exists()
    call_command("importdata", "documents", str(tmp_path), "--allow-rejects")
    assert list(Document.objects.values_list("origin_id", flat=True)) == ["hyva.txt"]


def test_reindex_rebuilds(seeds, capsys):
    before = search("kaupunki").total
    assert before >= 4
    SearchEntry.objects.all().delete()
    assert search("kaupunki").total == 0
    call_command("reindex")
    assert "reindexed 5" in capsys.readouterr().out
    assert search("kaupunki").total == before


def test_pages_totals_and_facets_agree_with_ranking_every_match():
    """search() ranks and counts one page in the database; search(…, who_limit=N) scores
    every match in Python: on a small index both must give the same pages and counts."""
    from verkosto.registry.models import Theme

    cycling = Theme.objects.create(code="cycling", label="Pyöräily", label_fi="Pyöräily")
    turku = OrganisationFactory(name="Turku")
    malmo = OrganisationFactory(name="Malmö", country="SE")
    for n in range(7):
        practice_save(
            actor=SYSTEM,
            practice=GoodPractice(
                title=f"Pyöräilykatu {n}" if n % 2 else f"Kävelykatu ja pyöräily {n}",
                summary="Pyöräilyn edistäminen kaupungissa. " * (n % 3 + 1),
                organisation=malmo if n % 3 == 0 else turku,
            ),
            themes=[cycling] if n < 3 else [],
        )
    exact = search("pyöräily", limit=50, who_limit=1)
    assert exact.total == 7
    ranked = [(h.id, h.score) for h in exact.hits]
    pages = [search("pyöräily", page=p, limit=3) for p in (1, 2, 3, 4)]
    assert [(h.id, h.score) for r in pages for h in r.hits] == ranked
    assert [len(r.hits) for r in pages] == [3, 3, 1, 0]

    def counts(result):
        return {k: sorted((v.value, v.count) for v in vs) for k, vs in result.facets.items()}

    assert pages[0].total == 7 and counts(pages[0]) == counts(exact)
    assert counts(pages[0])["theme"] == [(cycling.pk, 3)]
    assert counts(pages[0])["country"] == [("FI", 4), ("SE", 3)]
    narrowed = search("pyöräily", filters={"theme": cycling.pk, "country": "SE"})
    assert narrowed.total == 1 and counts(narrowed)["organisation"] == [(malmo.pk, 1)]


def test_a_foreign_name_with_a_finnish_ending_is_found_by_the_name():
    require_voikko()
    practice = practice_save(
        actor=SYSTEM,
        practice=GoodPractice(
            title="Opit Eurocitiesin vuosikokouksesta",
            summary="Kaupunki esitteli työtään Eurocitiesissa.",
            organisation=OrganisationFactory(),
        ),
    )
    assert [h.id for h in search("Eurocities").hits] == [practice.pk]

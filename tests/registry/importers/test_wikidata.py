"""The wikidata-twinning importer: P190 pairs from SPARQL JSON results or a QID-pair TSV."""

import json
import time
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from tests.conftest import shared_file
from tests.factories import OrganisationFactory
from verkosto.registry import models as m
from verkosto.registry.importers.catalogue import importer_class
from verkosto.registry.importers.twin_towns import TwinTownsImporter
from verkosto.registry.importers.wikidata import WikidataTwinningImporter

pytestmark = pytest.mark.django_db

ENTITY = "http://www.wikidata.org/entity/"


def uri(qid: str) -> dict:
    return {"type": "uri", "value": ENTITY + qid}


def label(text: str) -> dict:
    return {"xml:lang": "en", "type": "literal", "value": text}


def binding(item: str, item_label: str, twin: str, twin_label: str, **extra) -> dict:
    return {
        "item": uri(item),
        "itemLabel": label(item_label),
        "twin": uri(twin),
        "twinLabel": label(twin_label),
        **extra,
    }


def sparql(tmp_path: Path, bindings: list, variables: list | None = None) -> Path:
    variables = variables or ["item", "itemLabel", "itemCountry", "twin", "twinLabel"]
    path = tmp_path / "query.json"
    path.write_text(
        json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}),
        encoding="utf-8",
    )
    return path


def run(path: Path, **kwargs):
    return WikidataTwinningImporter(**kwargs).run(path)


def with_qid(qid: str, **fields) -> m.Organisation:
    org = OrganisationFactory(**fields)
    m.Identifier.objects.create(organisation=org, scheme="wikidata", value=qid, source=org.source)
    return org


def partners_of(org: m.Organisation) -> set[str]:
    pairs = m.Twinning.objects.filter(first=org) | m.Twinning.objects.filter(second=org)
    return {t.other(org.pk).name for t in pairs}


FINLAND = {"itemCountry": uri("Q33")}


@pytest.fixture
def places():
    """Helsinki, Tallinn, Berlin and Gdańsk with QIDs; Turku without one."""
    return {
        "helsinki": with_qid("Q1757", name="Helsinki"),
        "tallinn": with_qid("Q1770", name="Tallinn", country="EE"),
        "berlin": with_qid("Q64", name="Berlin", country="DE"),
        "gdansk": with_qid("Q1792", name="Gdańsk", country="PL"),
        "turku": OrganisationFactory(name="Turku", name_sv="Åbo"),
    }


def fixture_bindings() -> list:
    return [
        binding("Q1757", "Helsinki", "Q1770", "Tallinn", **FINLAND),
        binding("Q1757", "Helsinki", "Q64", "Berlin", **FINLAND),
        binding("Q1770", "Tallinn", "Q1757", "Helsinki"),  # the other direction
        binding("Q38511", "Turku", "Q1792", "Gdańsk", **FINLAND),  # Turku by label
        binding("Q1757", "Helsinki", "Q656", "Saint Petersburg", **FINLAND),  # unknown
    ]


def test_catalogue_names_this_importer():
    assert importer_class("wikidata-twinning") is WikidataTwinningImporter


def test_sparql_results_become_twinnings(tmp_path, places):
    summary = run(sparql(tmp_path, fixture_bindings()))
    assert summary.committed, summary.rejections
    assert (summary.created, summary.updated, summary.rejected) == (3, 0, 0)
    assert partners_of(places["helsinki"]) == {"Tallinn", "Berlin"}
    assert partners_of(places["turku"]) == {"Gdańsk"}
    twinning = m.Twinning.objects.get(first__name="Helsinki", second__name="Tallinn")
    assert (twinning.kind, twinning.status, twinning.workspace) == ("twin_town", "active", None)
    assert (twinning.data_source, twinning.origin_id) == ("wikidata-twinning", "Q1757|Q1770")
    assert twinning.source.licence == "CC0 1.0"
    assert twinning.history.count() == 1
    # The unknown partner is reported, not created.
    assert summary.skipped == 2
    assert "line 5, twin: unknown QID Q656 (Saint Petersburg)" in [str(s) for s in summary.skips]
    assert not m.Organisation.objects.filter(name="Saint Petersburg").exists()
    assert any("repeat a pair" in s.message for s in summary.skips)


def test_label_match_records_the_qid(tmp_path, places):
    run(sparql(tmp_path, fixture_bindings()))
    turku = places["turku"]
    assert list(turku.identifiers.values_list("scheme", "value")) == [("wikidata", "Q38511")]
    turku.refresh_from_db()
    assert "|q38511|" in turku.search_key  # findable by its QID at once
    assert m.Organisation.objects.filter(name="Turku").count() == 1


def test_second_run_changes_nothing(tmp_path, places):
    path = sparql(tmp_path, fixture_bindings())
    run(path)
    again = run(path)
    assert (again.created, again.updated, again.rejected) == (0, 0, 0)
    assert again.unchanged == 3
    assert m.Twinning.objects.count() == 3
    assert m.Identifier.objects.filter(value="Q38511").count() == 1


def test_other_variable_names_are_accepted(tmp_path, places):
    bindings = [
        {"city": uri("Q1757"), "twin_city": uri("Q64")},
        {"city": {"type": "literal", "value": "Q1770"}, "twin_city": uri("Q1757")},
    ]
    summary = run(sparql(tmp_path, bindings, ["city", "twin_city"]))
    assert summary.committed and summary.created == 2
    assert partners_of(places["helsinki"]) == {"Berlin", "Tallinn"}


def test_ambiguous_label_is_skipped_never_guessed(tmp_path, places):
    OrganisationFactory(name="Turku")  # a second Finnish municipality called Turku
    summary = run(sparql(tmp_path, [binding("Q38511", "Turku", "Q1792", "Gdańsk", **FINLAND)]))
    assert summary.committed and summary.created == 0
    issue = summary.skips[0]
    assert (issue.line, issue.field) == (1, "item")
    assert "'Turku' fits 2 organisations" in issue.message
    assert not m.Identifier.objects.filter(value="Q38511").exists()
    assert not m.Twinning.objects.exists()


def test_label_without_country_is_not_matched(tmp_path, places):
    # Mora, Minnesota is twinned with Mora, Sweden: a bare label proves nothing.
    summary = run(sparql(tmp_path, [binding("Q38511", "Turku", "Q1792", "Gdańsk")]))
    assert [str(s) for s in summary.skips] == ["line 1, item: unknown QID Q38511 (Turku)"]
    assert not m.Identifier.objects.filter(value="Q38511").exists()


def test_item_country_option_says_where_the_items_are(tmp_path, places):
    path = sparql(tmp_path, [binding("Q38511", "Åbo", "Q1792", "Gdańsk")])
    summary = run(path, options={"item_country": ["FI"]})
    assert summary.created == 1
    assert partners_of(places["turku"]) == {"Gdańsk"}


def test_label_match_to_a_municipality_with_another_qid_is_skipped(tmp_path, places):
    row = binding("Q999999", "Helsinki", "Q64", "Berlin", **FINLAND)
    summary = run(sparql(tmp_path, [row]))
    assert summary.created == 0
    assert "which has Wikidata QID Q1757" in summary.skips[0].message
    assert not m.Identifier.objects.filter(value="Q999999").exists()


def test_skipped_row_records_no_qid(tmp_path, places):
    # Turku matches by label, but its partner is unknown: nothing is written.
    summary = run(
        sparql(tmp_path, [binding("Q38511", "Turku", "Q656", "Sankt Petersburg", **FINLAND)])
    )
    assert summary.skipped == 1
    assert not m.Identifier.objects.filter(value="Q38511").exists()


def test_dry_run_writes_nothing(tmp_path, places):
    summary = run(sparql(tmp_path, fixture_bindings()), dry_run=True)
    assert summary.created == 3 and not summary.committed
    assert not m.Twinning.objects.exists()
    assert not m.Identifier.objects.filter(value="Q38511").exists()


def test_broken_json_is_rejected_with_a_clear_message(tmp_path, places):
    path = tmp_path / "query.json"
    path.write_text('{"head": {"vars": ["item", "twin"]},\n "results": {"bindings": [}', "utf-8")
    summary = run(path)
    assert not summary.committed
    issue = summary.rejections[0]
    assert issue.line == 2
    assert issue.message.startswith("not valid JSON")


def test_json_that_is_not_sparql_results_is_rejected(tmp_path):
    path = tmp_path / "query.json"
    path.write_text('{"items": []}', "utf-8")
    assert "not SPARQL JSON results" in run(path).rejections[0].message
    path = sparql(tmp_path, [], ["place", "partner"])
    message = run(path).rejections[0].message
    assert "need the variables ?item and ?twin or ?city and ?twin_city" in message
    assert "they have: partner, place" in message


def test_binding_without_a_required_variable_is_rejected_by_its_number(tmp_path, places):
    bindings = [
        binding("Q1757", "Helsinki", "Q1770", "Tallinn"),
        {"item": uri("Q1757"), "itemLabel": label("Helsinki")},
    ]
    summary = run(sparql(tmp_path, bindings))
    assert not summary.committed and summary.rejected == 1
    assert str(summary.rejections[0]) == "line 2, twin: binding 2 has no value for ?twin"
    assert not m.Twinning.objects.exists()  # the good binding was rolled back too


@pytest.mark.parametrize("bad", ["P190", "Q0", "Qabc", "https://example.org/entity/Q1"])
def test_value_that_is_not_a_qid_is_rejected(tmp_path, places, bad):
    row = binding("Q1757", "Helsinki", "Q64", "Berlin")
    row["twin"] = {"type": "uri", "value": bad if "/" in bad else ENTITY + bad}
    summary = run(sparql(tmp_path, [row]))
    assert not summary.committed
    issue = summary.rejections[0]
    assert (issue.line, issue.field) == (1, "twin")
    assert "is not a Wikidata QID" in issue.message


def test_same_pair_from_another_importer_is_not_duplicated(tmp_path, places):
    csv_path = tmp_path / "twins.csv"
    csv_path.write_text(
        "city1,country1,city2,country2\nHelsinki,Finland,Tallinn,Estonia\n", encoding="utf-8"
    )
    assert TwinTownsImporter().run(csv_path).created == 1
    summary = run(sparql(tmp_path, [binding("Q1770", "Tallinn", "Q1757", "Helsinki")]))
    assert (summary.created, summary.unchanged) == (0, 1)
    assert m.Twinning.objects.count() == 1
    a, b = places["helsinki"], places["tallinn"]
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Twinning.objects.create(
            first=max(a, b, key=lambda o: o.pk),
            second=min(a, b, key=lambda o: o.pk),
            source=a.source,
        )


def test_tsv_line_with_a_bad_qid_is_rejected(tmp_path, places):
    path = tmp_path / "relations.tsv"
    path.write_text("Q1757\tQ64\nQ1757\tBerlin\nQ1\tQ2\tQ3\n", encoding="utf-8")
    summary = run(path)
    assert not summary.committed
    assert [(i.line, i.field) for i in summary.rejections] == [(2, "twin"), (3, "")]
    assert not m.Twinning.objects.exists()


# --- the real 2016 extract ----------------------------------------------------------------


@pytest.mark.realdata
def test_real_extract_creates_exactly_the_known_pairs(capsys):
    path = shared_file("twinning/wikidata_p190_2016_relations.tsv")
    shared_file("twinning/wikidata_p190_2016_names.tsv")
    # grep: Helsinki Q1757 is paired with Prague Q1085 (lines 1912 and 13863) and with
    # Reykjavík Q1764 (12563, 13870); Prague and Reykjavík are not paired with each other.
    helsinki = with_qid("Q1757", name="Helsinki")
    with_qid("Q1085", name="Praha", name_en="Prague", country="CZ")
    with_qid("Q1764", name="Reykjavík", country="IS")
    OrganisationFactory(name="Turku")  # no QID: never matched by the TSV's labels

    started = time.perf_counter()
    summary = run(path)
    seconds = time.perf_counter() - started
    again = run(path)
    with capsys.disabled():
        print(f"\nwikidata-twinning real extract: {summary.counts()} in {seconds:.1f} s")

    assert summary.committed and summary.rejected == 0
    assert summary.created == 2
    assert partners_of(helsinki) == {"Praha", "Reykjavík"}
    # 34 182 directed edges = 17 401 pairs + 16 781 repeats (the other direction and
    # 4 exact repeats); every pair but the two is skipped for an unknown QID.
    assert summary.skipped == 34_182 - 2
    assert str(summary.skips[0]) == (
        "file: 16781 rows repeat a pair given earlier in the file, in either direction; "
        "counted once (not listed)"
    )
    listed = [str(s) for s in summary.skips[1:]]
    assert all("unknown QID" in s for s in listed)
    # The names file makes the messages readable (line 1 is "Q200166\tQ182059").
    assert listed[0].startswith("line 1, item, twin: unknown QID Q200166 (")
    assert m.Twinning.objects.count() == 2
    assert not m.Identifier.objects.filter(organisation__name="Turku").exists()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)

"""Scoring the search on a user's own folder and queries: the metrics, the queries file,
and ``verkosto searcheval`` (which must never write to the user's database)."""

import json
import math
import re

import pytest
from django.core.management import CommandError, call_command

from tests.knowledge.conftest import require_voikko
from verkosto.knowledge.evaluation import (
    QueryFileError,
    as_table,
    check_documents,
    ndcg_at,
    read_queries,
    recall_at,
    reciprocal_rank,
    score_mode,
    substring_ranking,
)

LOG3 = math.log2(3)

# --- metrics, against sums worked out by hand ----------------------------------------------


def test_ndcg_binary_relevance():
    # relevant at ranks 2 and 4: (1/log2 3 + 1/log2 5) / (1 + 1/log2 3)
    expected = (1 / LOG3 + 1 / math.log2(5)) / (1 + 1 / LOG3)
    assert ndcg_at(["x", "a", "y", "b"], {"a": 1, "b": 1}) == pytest.approx(expected)
    assert expected == pytest.approx(0.6509, abs=1e-4)


def test_ndcg_graded_gains_reward_the_better_document_first():
    grades = {"a": 3, "b": 1}
    # b then a: (1 + 3/log2 3) / (3 + 1/log2 3) = 0.7967
    assert ndcg_at(["b", "a"], grades) == pytest.approx((1 + 3 / LOG3) / (3 + 1 / LOG3))
    assert ndcg_at(["b", "a"], grades) == pytest.approx(0.7967, abs=1e-4)
    assert ndcg_at(["a", "b"], grades) == pytest.approx(1.0)


def test_ndcg_cut_off_duplicates_and_unjudged():
    assert ndcg_at(["x", "a"], {"a": 1}, k=1) == 0.0
    assert ndcg_at(["x", "a"], {"a": 1}, k=2) == pytest.approx(1 / LOG3)
    # a document listed twice counts once, at its first place
    assert ndcg_at(["a", "a", "b"], {"a": 1, "b": 1}) == pytest.approx(1.0)
    # grade 0 = judged not relevant: no gain, and not in the ideal order
    assert ndcg_at(["a", "b"], {"a": 0, "b": 1}) == pytest.approx(1 / LOG3)
    assert ndcg_at(["a"], {}) == 0.0


def test_recall_and_reciprocal_rank():
    assert recall_at(["x", "a", "y", "b"], {"a", "b", "c"}, k=2) == pytest.approx(1 / 3)
    assert recall_at(["x", "a", "y", "b"], {"a", "b", "c"}, k=20) == pytest.approx(2 / 3)
    assert recall_at(["a"], set()) == 0.0
    assert reciprocal_rank(["x", "y", "a", "b"], {"a", "b"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x", "x", "a"], {"a"}) == pytest.approx(1 / 2)
    assert reciprocal_rank(["x"], {"a"}) == 0.0


def test_mode_means_and_table():
    queries = [
        _query(1, "eka", {"a": 1}),
        _query(2, "toka", {"b": 2, "c": 1}),
    ]
    mode = score_mode("c", "verkosto search", queries, [["a"], ["x", "b"]], k=10)
    assert mode.mean("rr") == pytest.approx((1 + 1 / 2) / 2)
    assert mode.mean("recall") == pytest.approx((1 + 1 / 2) / 2)
    table = as_table([mode], k=10)
    assert "(c) verkosto search" in table
    assert "nDCG@10" in table and "recall@20" in table and "MRR" in table


def test_substring_ranking_ignores_case_and_diacritics_and_falls_back_to_any_word():
    texts = {"a": "Yhteistyö VERKOSTOJEN kanssa", "b": "verkosto verkosto", "c": "muuta"}
    assert substring_ranking("verkosto yhteistyo", texts) == ["a"]
    assert substring_ranking("verkosto puisto", texts) == ["b", "a"]  # most hits first
    assert substring_ranking("ja", texts) == []  # stopwords only


def _query(line, text, grades):
    from verkosto.knowledge.evaluation import LabelledQuery

    return LabelledQuery(line, text, grades)


# --- the queries file ---------------------------------------------------------------------


def test_json_array_with_lists_grades_and_ids(tmp_path):
    path = tmp_path / "q.json"
    path.write_text(
        '[\n  {"query": "vänorter", "relevant": ["a.txt"]},\n'
        '  {"query": "ilmasto", "relevant": {"b.pdf": 2, "a.txt": 0}, "id": "fi-2"}\n]\n'
    )
    first, second = read_queries(path)
    assert (first.line, first.text, first.grades) == (2, "vänorter", {"a.txt": 1})
    assert (second.line, second.label, second.relevant) == (3, "fi-2", {"b.pdf"})


def test_tsv_with_header_comments_and_grades(tmp_path):
    path = tmp_path / "q.tsv"
    path.write_text("query\trelevant\n# a comment\n\nvänorter\ta.txt:2\tb.docx\n")
    (query,) = read_queries(path)
    assert (query.line, query.grades) == (4, {"a.txt": 2, "b.docx": 1})


def test_json_lines(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"query": "a", "relevant": ["x.txt"]}\n\n{"query": "b", "relevant": []}\n')
    with pytest.raises(QueryFileError) as error:
        read_queries(path)
    assert str(error.value) == "line 3: query 'b' names no relevant document"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[\n{"query": "a", "relevant": ["x.txt"]},\n{"query": "b" "relevant": 1}\n]', "line 3"),
        (
            '[\n{"query": "a", "relevant": ["x.txt"]},\n\n{"query": "", "relevant": ["x"]}]',
            "line 4",
        ),
        ('[\n{"query": "a", "relevant": {"x.txt": -1}}\n]', "line 2: the grade of 'x.txt'"),
        ('[\n{"query": "a", "relevant": ["x.txt"], "rel": 1}\n]', "line 2: unknown key(s) rel"),
        ('{"query": "a"}', "line 1"),
        ("[]", "has no queries"),
    ],
)
def test_bad_json_names_the_line(tmp_path, content, message):
    path = tmp_path / "q.json"
    path.write_text(content)
    with pytest.raises(QueryFileError, match=re.escape(message)):
        read_queries(path)


def test_unreadable_or_not_utf8(tmp_path):
    with pytest.raises(QueryFileError, match="cannot read the queries file"):
        read_queries(tmp_path / "missing.json")
    path = tmp_path / "q.tsv"
    path.write_bytes("a\tx.txt\nk\xe4tt\xf6\ty.txt\n".encode("latin-1"))
    with pytest.raises(QueryFileError, match="line 2: the queries file is not UTF-8"):
        read_queries(path)


def test_a_file_not_in_the_folder_is_named_with_its_line():
    queries = [_query(2, "a", {"x.txt": 1}), _query(5, "b", {"Y.TXT": 1})]
    with pytest.raises(QueryFileError) as error:
        check_documents(queries, {"x.txt", "y.txt"})
    assert str(error.value) == "line 5: query 'b' names 'Y.TXT', not in the folder " + (
        "(did you mean 'y.txt'?)"
    )


# --- the command --------------------------------------------------------------------------

TEXTS = {
    "ilmasto_fi.txt": "Ilmastoverkostot kuntien tukena\n\nKunnat ovat liittyneet "
    "ilmastoverkostoon, jossa vähennetään liikenteen ja rakentamisen päästöjä yhdessä.",
    "kirjasto_fi.txt": "Kirjastojen yhteistyö ystävyyskaupunkien kanssa\n\nKaupunginkirjasto "
    "järjesti lukupiirejä yhdessä Uppsalan kirjaston kanssa. Kirjastot vaihtavat kokemuksia "
    "lasten lukemisen edistämisestä.",
    "bibliotek_sv.txt": "Biblioteken samarbetar över gränsen\n\nStadsbiblioteket och vänorten "
    "i Finland ordnar läsecirklar för barn och unga om hösten.",
    "climate_en.txt": "Climate networks for cities\n\nCities join climate networks to share "
    "practices on cutting emissions from transport and building.",
    "school_en.txt": "Early education workforce shortage\n\nMunicipalities recruit teachers "
    "for early childhood education through exchange programmes with partner cities.",
}
QUERIES = [
    {"query": "ilmastoverkostoissa", "relevant": ["ilmasto_fi.txt"]},
    {"query": "kirjastojen yhteistyö", "relevant": {"kirjasto_fi.txt": 2, "bibliotek_sv.txt": 1}},
    {"query": "vänorter", "relevant": ["bibliotek_sv.txt"]},
]


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text)
    return docs


def _queries_file(tmp_path, queries=QUERIES):
    path = tmp_path / "queries.json"
    path.write_text(json.dumps(queries, ensure_ascii=False, indent=1))
    return path


def _counts() -> dict[str, int]:
    from verkosto.knowledge.models import Document, SearchEntry
    from verkosto.registry.models import Source, Theme

    return {m.__name__: m.objects.count() for m in (Document, SearchEntry, Source, Theme)}


@pytest.mark.django_db
def test_searcheval_scores_the_three_modes_and_leaves_the_users_database_alone(
    folder, tmp_path, capsys
):
    require_voikko()
    from verkosto.accounts.permissions import SYSTEM
    from verkosto.knowledge.models import Document
    from verkosto.knowledge.services import IMPORT_SOURCE, document_upload

    # The user's database already holds a document imported from a file of the same name:
    # an evaluation run here would update it and add the others.
    mine = document_upload(
        actor=SYSTEM,
        name="ilmasto_fi.txt",
        content=b"My own notes",
        data_source=IMPORT_SOURCE,
        origin_id="ilmasto_fi.txt",
    )
    before = _counts()

    call_command("searcheval", str(folder), str(_queries_file(tmp_path)), "--json")

    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 5 and report["vendor"] == "sqlite"
    assert set(report["modes"]) == {"a", "b", "c"}
    inflected = {m: report["modes"][m]["queries"][0] for m in "abc"}
    assert inflected["c"]["query"] == "ilmastoverkostoissa"
    # no morphology: the inflected compound is not a word of the text
    assert inflected["b"]["ndcg"] == 0.0
    assert inflected["c"]["ndcg"] >= inflected["b"]["ndcg"]
    assert inflected["c"]["top"][0] == "ilmasto_fi.txt"
    assert report["modes"]["c"]["ndcg"] >= report["modes"]["b"]["ndcg"]
    assert report["modes"]["c"]["queries"][1]["relevant"] == QUERIES[1]["relevant"]

    assert _counts() == before
    mine = Document.objects.get(pk=mine.pk)
    assert mine.text == "My own notes"


def test_the_evaluation_refuses_to_run_on_a_database_that_is_not_its_scratch(folder, tmp_path):
    # The child mode is only for the scratch process; here the database is the user's.
    with pytest.raises(CommandError, match="refusing to run"):
        call_command(
            "searcheval",
            str(folder),
            str(_queries_file(tmp_path)),
            "--scratch-out",
            str(tmp_path / "out.json"),
        )
    assert not (tmp_path / "out.json").exists()


# No database fixture below: pytest-django fails a test that opens one, so these also
# show the command checks its input without touching any database.


def test_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("searcheval", str(tmp_path / "nope"), str(_queries_file(tmp_path)))


def test_folder_without_documents(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match=re.escape("has no .txt, .html, .pdf or .docx files")):
        call_command("searcheval", str(tmp_path / "empty"), str(_queries_file(tmp_path)))


def test_unreadable_queries_file(folder, tmp_path):
    with pytest.raises(CommandError, match="cannot read the queries file"):
        call_command("searcheval", str(folder), str(tmp_path / "nope.json"))


def test_query_naming_a_file_not_in_the_folder(folder, tmp_path):
    path = tmp_path / "queries.tsv"
    path.write_text("ilmastoverkostoissa\tilmasto_fi.txt\nkoulu\tschool_en.txt\tkoulu.pdf\n")
    with pytest.raises(CommandError) as error:
        call_command("searcheval", str(folder), str(path))
    assert "line 2: query 'koulu' names 'koulu.pdf', not in the folder" in str(error.value)


def test_k_out_of_range(folder, tmp_path):
    with pytest.raises(CommandError, match="--k must be between 1 and 100"):
        call_command("searcheval", str(folder), str(_queries_file(tmp_path)), "--k", "0")

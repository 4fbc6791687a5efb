"""``GET /api/v1/search``: the same search as the page, as JSON, with problem+json errors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import api_client
from tests.knowledge.test_web_fixtures import KB, SECRET, make_kb, practice
from verkosto.knowledge.api import SearchParametersSerializer
from verkosto.knowledge.forms import SearchForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(db, settings, tmp_path) -> KB:
    return make_kb(settings, tmp_path)


URL = "/api/v1/search"


@pytest.fixture
def editor(kb: KB):
    return api_client(kb.users["editor"], scope="read")


def test_anonymous_is_refused(kb):
    response = api_client(None).get(URL, {"q": "päiväkoti"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_answer_has_hits_facets_and_who_has_done(editor, kb):
    response = editor.get(URL, {"q": "päiväkoti"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"query", "total", "page", "pages", "hits", "facets", "who_has_done"}
    titles = {h["title"] for h in body["hits"]}
    assert "Päiväkotien rekrytointikampanja" in titles  # the own workspace's private item
    assert SECRET not in response.content.decode()
    kinds = {f["value"]: f["count"] for f in body["facets"]["kind"]}
    assert kinds == {"practice": 2, "report": 1}
    assert body["who_has_done"][0]["name"] == "Alfakaupunki"
    assert body["who_has_done"][0]["items"] == 2
    hit = body["hits"][0]
    assert (
        hit["url"].startswith("/")
        and hit["why"]
        and "<mark>" in "".join(h["passage"] for h in body["hits"])
    )


def test_filters_and_pages(editor, kb):
    body = editor.get(URL, {"q": "päiväkoti", "kind": "report"}).json()
    assert [h["title"] for h in body["hits"]] == ["Opintomatka päiväkoteihin"]
    body = editor.get(URL, {"q": "päiväkoti", "organisation": kb.org_a.pk, "limit": 1}).json()
    assert body["total"] == 2 and body["pages"] == 2 and len(body["hits"]) == 1
    second = editor.get(
        URL, {"q": "päiväkoti", "organisation": kb.org_a.pk, "limit": 1, "page": 2}
    ).json()
    assert second["hits"][0]["id"] != body["hits"][0]["id"]


def test_passages_escape_item_markup(editor, kb):
    body = editor.get(URL, {"q": "kotouttaminen"}).json()
    passage = body["hits"][0]["passage"]
    assert "<mark>" in passage and "<script>" not in passage and "&lt;script&gt;" in passage


@pytest.mark.parametrize(
    "params, field",
    [
        ({"q": "x", "page": 0}, "page"),
        ({"q": "x", "page": 10**9}, "page"),
        ({"q": "x", "theme": "abc"}, "theme"),
        ({"q": "x", "organisation": 2**40}, "organisation"),
        ({"q": "x", "country": "FIN"}, "country"),
        ({"q": "x", "kind": "poem"}, "kind"),
        ({"q": "x" * 201}, "q"),
        ({"q": "x", "workspace": "ws-b"}, "workspace"),  # no role in B
    ],
)
def test_bad_parameters_are_400_problems(editor, kb, params, field):
    response = editor.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert any(e["pointer"] == f"#/{field}" for e in response.json()["errors"])


def test_a_nul_character_is_refused(editor, kb):
    response = editor.get(URL, {"q": "a\x00b"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_a_workspace_chosen_by_slug(kb):
    client = api_client(kb.users["editor_b"], scope="read")
    body = client.get(URL, {"q": "päiväkoti", "workspace": "ws-b"}).json()
    assert any(SECRET in h["title"] for h in body["hits"])


def test_empty_query_is_an_empty_answer(editor, kb):
    body = editor.get(URL).json()
    assert body["total"] == 0 and body["hits"] == [] and body["facets"]["kind"] == []


def test_documented_parameters_are_the_forms():
    assert set(SearchParametersSerializer().fields) - {"workspace"} == set(SearchForm().fields)


def test_operation_is_documented(kb):
    schema = api_client(kb.users["editor"]).get("/api/v1/openapi.json?lang=en").json()
    operation = schema["paths"]["/api/v1/search"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "theme", "organisation", "country", "language", "year", "kind", "page"} <= names
    assert {"200", "400", "401"} <= set(operation["responses"])


def test_queries_do_not_grow_with_hits(editor, kb, django_assert_max_num_queries):
    editor.get(URL, {"q": "päiväkoti"})  # warms the search vocabulary
    with CaptureQueriesContext(connection) as few:
        editor.get(URL, {"q": "päiväkoti"})
    for n in range(12):
        practice(kb.org_b if n % 2 else kb.org_a, f"Päiväkoti {n}", "Päiväkodin arki.")
    with django_assert_max_num_queries(len(few)):
        body = editor.get(URL, {"q": "päiväkoti"}).json()
    assert body["total"] >= 15

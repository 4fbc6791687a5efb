"""``/api/v1/practices/``, ``/api/v1/reports/``, ``/api/v1/documents/``: what a user may
see (shared items and their workspaces' private ones), the list pages' filters, a
constant number of queries per list, writes through the services under the pages' rules,
and problem+json 400s for hostile input."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import api_client
from tests.knowledge.test_web_fixtures import KB, SECRET, make_kb, practice, report
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.filtersets import PracticeFilterSet
from verkosto.knowledge.models import Document, GoodPractice, Report, SearchEntry
from verkosto.knowledge.search import search
from verkosto.knowledge.services import document_upload, practice_save
from verkosto.knowledge.views import access

pytestmark = pytest.mark.django_db

PREFIXES = ("practices", "reports", "documents")


@pytest.fixture
def kb(db, settings, tmp_path) -> KB:
    world = make_kb(settings, tmp_path)
    world.items["document_a"] = document_upload(
        actor=SYSTEM,
        name="a.txt",
        content="Pyöräilyn edistäminen\n\nKaupunki rakensi pyöräteitä.".encode(),
        organisation=world.org_a,
        themes=[world.theme],
    )
    world.items["document_b"] = document_upload(
        actor=SYSTEM,
        name="b.txt",
        content=f"{SECRET} asiakirja\n\nSalainen teksti.".encode(),
        workspace=world.ws_b,
        organisation=world.org_b,
    )
    world.items["private_report_b"] = report(
        world.org_b, f"Raportti {SECRET}", "Salainen vierailu.", workspace=world.ws_b
    )
    return world


@pytest.fixture
def viewer(kb: KB):
    return api_client(kb.users["viewer"])


@pytest.fixture
def editor(kb: KB):
    return api_client(kb.users["editor"])


def _ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def _pointers(problem: dict) -> set[str]:
    return {error["pointer"] for error in problem["errors"]}


# --- who sees what --------------------------------------------------------------------------


def test_anonymous_is_refused(kb):
    for prefix in PREFIXES:
        _problem(api_client(None).get(f"/api/v1/{prefix}/"), 401)


def test_lists_show_shared_and_own_private_items_only(viewer, kb):
    items = kb.items
    practices = _ids(viewer.get("/api/v1/practices/"))
    assert items["private_a"].pk in practices and items["shared_b_sv"].pk in practices
    assert items["private_b"].pk not in practices
    reports = _ids(viewer.get("/api/v1/reports/"))
    assert reports == {items["report_b"].pk}
    documents = _ids(viewer.get("/api/v1/documents/"))
    assert documents == {items["document_a"].pk}
    for prefix in PREFIXES:
        assert SECRET not in viewer.get(f"/api/v1/{prefix}/?limit=500").content.decode()


@pytest.mark.parametrize(
    "prefix, key",
    [("practices", "private_b"), ("reports", "private_report_b"), ("documents", "document_b")],
)
def test_another_workspaces_private_item_is_404(viewer, editor, kb, prefix, key):
    url = f"/api/v1/{prefix}/{kb.items[key].pk}/"
    _problem(viewer.get(url), 404)
    _problem(editor.patch(url, {"title": "Otettu"}, format="json"), 404)
    _problem(editor.delete(url), 404)
    assert SECRET in type(kb.items[key]).objects.get(pk=kb.items[key].pk).title


def test_detail_of_an_own_private_item(viewer, kb):
    item = kb.items["private_a"]
    body = viewer.get(f"/api/v1/practices/{item.pk}/").json()
    assert body["title"] == item.title and body["workspace"] == kb.ws_a.pk
    assert body["organisation"] == kb.org_a.pk and body["themes"] == []


def test_a_document_shows_its_text_only_on_its_own(viewer, kb):
    document = kb.items["document_a"]
    listed = viewer.get("/api/v1/documents/").json()["results"][0]
    assert "text" not in listed and listed["format"] == "txt"
    assert listed["themes"] == ["education"] and listed["workspace"] is None
    one = viewer.get(f"/api/v1/documents/{document.pk}/").json()
    assert one["text"].endswith("Kaupunki rakensi pyöräteitä.")


def test_attachments_list_only_documents_the_user_sees(viewer, kb):
    shared = kb.items["shared_b_sv"]
    practice_save(
        actor=SYSTEM,
        practice=GoodPractice.objects.get(pk=shared.pk),
        attachments=[kb.items["document_a"], kb.items["document_b"]],
    )
    body = viewer.get(f"/api/v1/practices/{shared.pk}/").json()
    assert body["attachments"] == [kb.items["document_a"].pk]


# --- filters ----------------------------------------------------------------------------------


def test_filters(viewer, kb):
    items = kb.items
    get = viewer.get
    assert _ids(get("/api/v1/practices/?language=sv")) == {items["shared_b_sv"].pk}
    assert _ids(get("/api/v1/practices/?visibility=private")) == {items["private_a"].pk}
    assert items["private_a"].pk not in _ids(get("/api/v1/practices/?visibility=shared"))
    assert _ids(get("/api/v1/practices/?theme=education")) == {
        items["shared_a"].pk,
        items["shared_b_sv"].pk,
    }
    assert _ids(get("/api/v1/practices/?country=se")) == {items["shared_b_sv"].pk}
    assert _ids(get(f"/api/v1/practices/?organisation={kb.org_b.pk}")) == {items["shared_b_sv"].pk}
    assert _ids(get("/api/v1/practices/?q=REKRYTOINTI")) == {items["private_a"].pk}
    assert _ids(get("/api/v1/reports/?year=2024&kind=event")) == {items["report_b"].pk}
    assert _ids(get("/api/v1/reports/?year=2023")) == set()
    assert _ids(get("/api/v1/documents/?theme=education&format=txt")) == {items["document_a"].pk}
    # Practices are dated by when they were added to the knowledge base.
    year = items["shared_a"].created_at.year
    assert items["shared_a"].pk in _ids(get(f"/api/v1/practices/?year={year}"))
    assert _ids(get(f"/api/v1/practices/?year={year - 1}")) == set()


def test_the_api_and_the_list_page_filter_alike(viewer, kb):
    query = f"theme=education&language=fi&country=FI&organisation={kb.org_a.pk}"
    api = _ids(viewer.get(f"/api/v1/practices/?{query}"))
    filterset = PracticeFilterSet(QueryDict(query), queryset=access.practices(kb.users["viewer"]))
    assert api == set(filterset.qs.values_list("pk", flat=True)) == {kb.items["shared_a"].pk}


def test_ordering_and_stable_pages(viewer, kb):
    titles = [r["title"] for r in viewer.get("/api/v1/practices/?ordering=title").json()["results"]]
    assert titles == sorted(titles)
    seen, url = [], "/api/v1/practices/?limit=2&ordering=-updated"
    while url:
        page = viewer.get(url).json()
        seen += [r["id"] for r in page["results"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == access.practices(kb.users["viewer"]).count() == 4


@pytest.mark.parametrize(
    "prefix, query, pointers",
    [
        ("practices", "theme=no-such-theme", {"#/theme"}),
        ("practices", "language=de&visibility=everyone", {"#/language", "#/visibility"}),
        ("practices", "organisation=abc", {"#/organisation"}),
        ("practices", "organisation=99999999999999999999999", {"#/organisation"}),
        ("reports", "country=Finland&year=0", {"#/country", "#/year"}),
        ("reports", "year=2024.5&kind=meeting", {"#/year", "#/kind"}),
        ("documents", "year=10000&format=exe", {"#/year", "#/format"}),
        ("documents", "q=" + "a" * 201, {"#/q"}),
        ("practices", "ordering=secret", {"#/ordering"}),
    ],
)
def test_a_bad_filter_is_400_naming_it(viewer, kb, prefix, query, pointers):
    body = _problem(viewer.get(f"/api/v1/{prefix}/?{query}"), 400)
    assert _pointers(body) == pointers


@pytest.mark.parametrize("pk", ["abc", "0", "-1", "99999999999999999999999"])
def test_a_bad_id_is_404(viewer, kb, pk):
    for prefix in PREFIXES:
        _problem(viewer.get(f"/api/v1/{prefix}/{pk}/"), 404)


def test_a_nul_character_anywhere_is_400(viewer, editor, kb):
    _problem(viewer.get("/api/v1/documents/?q=a%00b"), 400)
    _problem(
        editor.post("/api/v1/practices/", _new_practice(kb, title="a\x00b"), format="json"), 400
    )
    assert not GoodPractice.objects.filter(title__startswith="a").exists()


# --- queries ------------------------------------------------------------------------------


def _grow(kb: KB, prefix: str, n: int) -> None:
    """n more items of a kind, each with themes (and a practice with an attachment)."""
    for i in range(n):
        if prefix == "practices":
            item = practice(kb.org_a, f"Käytäntö {i}", "Teksti.", themes=[kb.theme])
            practice_save(actor=SYSTEM, practice=item, attachments=[kb.items["document_a"]])
        elif prefix == "reports":
            item = report(kb.org_a, f"Raportti {i}", "Teksti.", workspace=kb.ws_a)
            item.themes.add(kb.theme)
        else:
            document_upload(
                actor=SYSTEM,
                name=f"{i}.txt",
                content=f"Asiakirja {i}.".encode(),
                organisation=kb.org_a,
                themes=[kb.theme],
            )


@pytest.mark.parametrize("prefix", PREFIXES)
def test_list_queries_do_not_grow(editor, kb, prefix, django_assert_num_queries):
    """2 items or 20: the same queries (token, roles, count, page, one per prefetch)."""
    editor.get("/api/v1/themes/")  # the token's last use is written once; not counted below
    model = {"practices": GoodPractice, "reports": Report, "documents": Document}[prefix]
    model.objects.all().delete()
    _grow(kb, prefix, 2)
    url = f"/api/v1/{prefix}/?theme=education&limit=100"
    with CaptureQueriesContext(connection) as few:
        assert len(editor.get(url).json()["results"]) == 2
    assert len(few) <= 7
    _grow(kb, prefix, 18)
    with django_assert_num_queries(len(few)):
        assert len(editor.get(url).json()["results"]) == 20


# --- writes -------------------------------------------------------------------------------


def _new_practice(kb: KB, **extra) -> dict:
    return {
        "title": "Kaupunkiviljelyn verkosto",
        "language": "fi",
        "body": "Asukkaat viljelevät kattopuutarhoissa.",
        "organisation": kb.org_a.pk,
        "themes": ["education"],
        "sdgs": [11, 2],
        "links": "https://example.org/viljely",
        "workspace": kb.ws_a.pk,
        **extra,
    }


def test_a_viewer_cannot_write(viewer, kb):
    pk = kb.items["shared_a"].pk
    _problem(viewer.post("/api/v1/practices/", _new_practice(kb), format="json"), 403)
    _problem(viewer.patch(f"/api/v1/practices/{pk}/", {"title": "X"}, format="json"), 403)
    _problem(viewer.delete(f"/api/v1/practices/{pk}/"), 403)
    _problem(
        viewer.patch(
            f"/api/v1/documents/{kb.items['document_a'].pk}/", {"title": "X"}, format="json"
        ),
        403,
    )
    assert GoodPractice.objects.get(pk=pk).title == kb.items["shared_a"].title


def test_an_editor_creates_changes_and_deletes_a_practice(editor, kb):
    created = editor.post("/api/v1/practices/", _new_practice(kb), format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["workspace"] == kb.ws_a.pk and body["sdgs"] == [11, 2]
    assert body["themes"] == ["education"]
    item = GoodPractice.objects.get(pk=body["id"])
    assert any(h.id == item.pk for h in search("kattopuutarhoissa", workspace=kb.ws_a).hits)
    assert not search("kattopuutarhoissa", workspace=kb.ws_b).hits

    url = f"/api/v1/practices/{item.pk}/"
    versions = item.history.count()
    # The workspace is set when an item is made: an update leaves it where it is.
    patched = editor.patch(
        url, {"title": "Kattoviljelyn verkosto", "workspace": None}, format="json"
    )
    assert patched.status_code == 200, patched.content
    assert patched.json()["title"] == "Kattoviljelyn verkosto"
    assert patched.json()["workspace"] == kb.ws_a.pk
    assert patched.json()["themes"] == ["education"]  # not given: left alone
    assert search("kattoviljelyn", workspace=kb.ws_a).total == 1
    assert item.history.count() == versions + 1

    replaced = editor.put(url, _new_practice(kb, title="Uusi nimi", themes=[]), format="json")
    assert replaced.status_code == 200 and replaced.json()["themes"] == []
    assert editor.delete(url).status_code == 204
    assert not GoodPractice.objects.filter(pk=item.pk).exists()
    assert not SearchEntry.objects.filter(kind="practice", object_id=item.pk).exists()


def test_an_editor_writes_only_what_the_pages_let_them(editor, kb):
    # Into another workspace, or for another organisation's shared practice: refused.
    _problem(
        editor.post("/api/v1/practices/", _new_practice(kb, workspace=kb.ws_b.pk), format="json"),
        403,
    )
    _problem(
        editor.post(
            "/api/v1/practices/",
            _new_practice(kb, workspace=None, organisation=kb.org_b.pk),
            format="json",
        ),
        403,
    )
    shared_b = kb.items["shared_b_sv"]
    _problem(editor.patch(f"/api/v1/practices/{shared_b.pk}/", {"title": "X"}, format="json"), 403)
    # Nor may an editor move their own organisation's practice to another organisation.
    shared_a = kb.items["shared_a"]
    _problem(
        editor.patch(
            f"/api/v1/practices/{shared_a.pk}/", {"organisation": kb.org_b.pk}, format="json"
        ),
        403,
    )
    assert GoodPractice.objects.get(pk=shared_a.pk).organisation == kb.org_a
    assert GoodPractice.objects.count() == len(
        [i for i in kb.items.values() if isinstance(i, GoodPractice)]
    )


def test_references_to_records_the_user_cannot_see_are_invalid(editor, kb):
    body = _new_practice(kb, attachments=[kb.items["document_b"].pk])
    problem = _problem(editor.post("/api/v1/practices/", body, format="json"), 400)
    assert _pointers(problem) == {"#/attachments"}
    assert SECRET not in str(problem)


@pytest.mark.parametrize(
    "change, pointer",
    [
        ({"title": "x" * 301}, "#/title"),
        ({"title": "   "}, "#/title"),
        ({"sdgs": [18]}, "#/sdgs/0"),
        ({"sdgs": [3, 3]}, "#/sdgs"),
        ({"links": "not an address"}, "#/links"),
        ({"language": "de"}, "#/language"),
        ({"themes": ["no-such-theme"]}, "#/themes"),
        ({"organisation": 99999999999999999999}, "#/organisation"),
        ({"network": "abc"}, "#/network"),
    ],
)
def test_bad_input_is_400_naming_the_field(editor, kb, change, pointer):
    problem = _problem(
        editor.post("/api/v1/practices/", _new_practice(kb, **change), format="json"), 400
    )
    assert pointer in _pointers(problem)


def test_an_editor_adds_and_changes_a_report(editor, kb):
    created = editor.post(
        "/api/v1/reports/",
        {
            "title": "Vierailu Tukholmaan",
            "kind": "visit",
            "date": "2025-03-04",
            "language": "fi",
            "body": "Tutustuimme kirjastoihin.",
            "organisation": kb.org_a.pk,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["workspace"] is None
    url = f"/api/v1/reports/{created.json()['id']}/"
    assert editor.patch(url, {"date": "2025-13-01"}, format="json").status_code == 400
    changed = editor.patch(url, {"themes": ["education"]}, format="json")
    assert changed.status_code == 200 and changed.json()["themes"] == ["education"]
    entry = SearchEntry.objects.get(kind="report", object_id=created.json()["id"])
    assert list(entry.themes.values_list("code", flat=True)) == ["education"]
    # editor_b's organisation is not the report's: refused.
    _problem(api_client(kb.users["editor_b"]).delete(url), 403)


def test_a_document_metadata_patch(editor, kb):
    document = kb.items["document_a"]
    url = f"/api/v1/documents/{document.pk}/"
    response = editor.patch(
        url,
        {"title": "Polkupyöräliikenteen ohjelma", "language": "fi", "themes": []},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Polkupyöräliikenteen ohjelma"
    assert response.json()["themes"] == []
    stored = Document.objects.get(pk=document.pk)
    assert stored.text == document.text and stored.sha256 == document.sha256
    assert search("polkupyöräliikenteen", workspace=kb.ws_a).total == 1
    # Files come through the upload page: no POST, no PUT; the format is the file's.
    assert editor.post("/api/v1/documents/", {"title": "x"}, format="json").status_code == 405
    assert editor.put(url, {"title": "x"}, format="json").status_code == 405
    unchanged = editor.patch(url, {"format": "pdf", "workspace": kb.ws_a.pk}, format="json")
    assert unchanged.json()["format"] == "txt" and unchanged.json()["workspace"] is None
    _problem(editor.patch(url, {"title": ""}, format="json"), 400)
    assert editor.delete(url).status_code == 204
    assert not Document.objects.filter(pk=document.pk).exists()


def test_the_openapi_document_describes_the_resources(viewer, kb):
    schema = viewer.get("/api/v1/openapi.json?lang=en").json()
    paths = schema["paths"]
    assert set(paths["/api/v1/practices/{id}/"]) == {"get", "put", "patch", "delete"}
    assert set(paths["/api/v1/documents/{id}/"]) == {"get", "patch", "delete"}
    parameters = {p["name"] for p in paths["/api/v1/reports/"]["get"]["parameters"]}
    assert {"q", "theme", "organisation", "country", "language", "year", "visibility"} <= (
        parameters
    )
    assert "400" in paths["/api/v1/documents/"]["get"]["responses"]

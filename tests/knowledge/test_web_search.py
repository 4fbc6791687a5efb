"""The search page: as-you-type results, facets, highlights, why, who has done it, and
what a workspace may see."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.knowledge.test_web_fixtures import KB, SECRET, make_kb, practice
from verkosto.knowledge.views.present import safe_passage

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(db, settings, tmp_path) -> KB:
    return make_kb(settings, tmp_path)


URL = "/en/knowledge/"


@pytest.fixture
def editor(client, kb: KB):
    client.force_login(kb.users["editor"])
    return client


def test_login_required(client, kb):
    response = client.get(URL + "?q=päiväkoti")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_shared_and_own_private_items_never_another_workspaces(editor, kb):
    html = editor.get(URL, {"q": "päiväkoti"}).content.decode()
    assert "Päiväkotien rekrytointikampanja" in html  # A's private practice
    assert "Opintomatka päiväkoteihin" in html  # B's shared report
    assert SECRET not in html
    # B's editor sees B's private practice, and not A's.
    editor.force_login(kb.users["editor_b"])
    html = editor.get(URL, {"q": "päiväkoti"}).content.decode()
    assert SECRET in html and "rekrytointikampanja" not in html


def test_inflected_query_highlights_and_says_why(editor, kb):
    html = editor.get(URL, {"q": "henkilöstöpulasta"}).content.decode()
    assert "<mark>" in html
    assert "Why it matched:" in html
    assert "henkilöstöpula" in html


def test_facets_count_and_filter(editor, kb):
    html = editor.get(URL, {"q": "päiväkoti"}).content.decode()
    kinds = re.search(r"<legend>Kind</legend>(.*?)</fieldset>", html, re.S).group(1)
    assert re.search(r"Good practice <span class=\"facet__count\">2</span>", kinds)
    assert re.search(r"Event or visit report <span class=\"facet__count\">1</span>", kinds)
    only_reports = editor.get(URL, {"q": "päiväkoti", "kind": "report"}).content.decode()
    assert "Opintomatka" in only_reports and "rekrytointikampanja" not in only_reports
    assert 'value="report" checked' in only_reports


def test_a_chosen_filter_without_hits_stays_to_be_unchecked(editor, kb):
    html = editor.get(
        URL, {"q": "päiväkoti", "organisation": kb.org_a.pk, "language": "sv"}
    ).content.decode()
    assert f'name="organisation" value="{kb.org_a.pk}" checked' in html
    assert "Alfakaupunki" in html
    assert 'name="language" value="sv" checked' in html


def test_who_has_done_ranks_organisations(editor, kb):
    html = editor.get(URL, {"q": "päiväkoti"}).content.decode()
    panel = html.split('id="who-heading"', 1)[1]
    assert panel.index("Alfakaupunki") < panel.index("Betastad")  # 2 items against 1
    assert "2 matching items" in panel


def test_item_markup_is_escaped_only_mark_remains(editor, kb):
    html = editor.get(URL, {"q": "kotouttaminen"}).content.decode()
    assert "<mark>Kotouttaminen</mark>" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_the_query_itself_is_escaped(editor, kb):
    html = editor.get(URL, {"q": '"><script>alert(1)</script> päiväkoti'}).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_safe_passage_leaves_only_mark():
    assert (
        safe_passage('<mark>a</mark> <b onclick="x">b</b> &lt;i&gt;')
        == "<mark>a</mark> &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt; &lt;i&gt;"
    )


def test_htmx_gets_the_results_only_with_the_status(editor, kb):
    response = editor.get(URL, {"q": "päiväkoti"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<div id="search-results"')
    assert 'hx-swap-oob="innerHTML:#search-status"' in html
    assert "HX-Request" in response["Vary"]


def test_the_page_answers_as_you_type_and_keeps_the_address(editor, kb):
    html = editor.get(URL).content.decode()
    assert 'hx-trigger="keyup changed delay:300ms, search"' in html
    assert 'hx-push-url="true"' in html
    assert "knowledge.js" in html and "<script>" not in html  # no inline script (CSP)


def test_pages(editor, kb):
    html = editor.get(URL, {"q": "päiväkoti", "limit": 1}).content.decode()
    assert "Page 1 of 3" in html and "page=2" in html
    html = editor.get(URL, {"q": "päiväkoti", "limit": 1, "page": 3}).content.decode()
    assert "Page 3 of 3" in html and 'rel="next"' not in html


def test_bad_parameters_are_a_400_with_the_reason(editor, kb):
    response = editor.get(URL, {"q": "päiväkoti", "page": 0})
    assert response.status_code == 400
    assert "Page:" in response.content.decode()
    assert editor.get(URL, {"q": "x", "theme": "abc"}).status_code == 400


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_renders_in_every_language(editor, kb, language):
    for query in ({}, {"q": "päiväkoti"}):
        response = editor.get(f"/{language}/knowledge/", query)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_queries_do_not_grow_with_hits(editor, kb, django_assert_max_num_queries):
    editor.get(URL, {"q": "päiväkoti"})  # warms the search vocabulary
    with CaptureQueriesContext(connection) as few:
        editor.get(URL, {"q": "päiväkoti"})
    for n in range(12):
        practice(kb.org_b if n % 2 else kb.org_a, f"Päiväkoti {n}", "Päiväkodin arki.")
    with django_assert_max_num_queries(len(few)):
        html = editor.get(URL, {"q": "päiväkoti"}).content.decode()
    assert re.search(r"1[56] results", html), re.search(r"\d+ results", html)

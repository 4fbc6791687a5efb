"""The knowledge base in Chromium: results as one types (the address following, the
focus staying in the box), a facet narrowing them, and an upload whose unreadable file
is refused on the page — with no script errors and nothing the CSP blocks."""

import pytest

from tests.browser.helpers import log_in_by_cookie, screenshot, url
from tests.knowledge.test_web_fixtures import KB, make_kb

pytestmark = pytest.mark.browser


@pytest.fixture
def kb(db, settings, tmp_path) -> KB:
    return make_kb(settings, tmp_path)


def test_search_as_you_type_facets_and_upload(
    transactional_db, kb: KB, new_page, live_server, tmp_path
):
    page = new_page()
    log_in_by_cookie(page, live_server.url, kb.users["editor"].username)

    page.goto(url("knowledge:search", language="en"))
    box = page.locator("#search-q")
    box.press_sequentially("päiväkoti", delay=40)
    page.wait_for_selector(".hit")
    page.wait_for_url("**q=p%C3%A4iv%C3%A4koti**")
    assert page.evaluate("document.activeElement.id") == "search-q"
    assert page.locator(".hit").count() == 3
    assert "3 results" in page.locator("#search-status").inner_text()
    assert page.locator(".who-has-done li").first.inner_text().startswith("Alfakaupunki")
    screenshot(page, "knowledge-search")

    page.get_by_label("Event or visit report").check()
    page.wait_for_url("**kind=report**")
    page.wait_for_function("document.querySelectorAll('.hit').length === 1")
    assert "Opintomatka" in page.locator(".hit").inner_text()

    broken = tmp_path / "rikki.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not a PDF")
    page.goto(url("knowledge:document-upload", language="en"))
    page.set_input_files("input[name=upload]", str(broken))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_selector(".error-summary")
    assert "damaged" in page.locator(".error-summary").inner_text()
    screenshot(page, "knowledge-upload-error")

    good = tmp_path / "vaihto.txt"
    good.write_text("Nuorisovaihto\n\nNuoret vierailivat ystävyyskaupungeissa.", encoding="utf-8")
    page.set_input_files("input[name=upload]", str(good))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url("**/knowledge/documents/*/")
    assert "Nuoret vierailivat" in page.locator(".document-text").inner_text()
    assert page.errors == []

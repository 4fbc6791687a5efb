"""The analysis pages draw their charts and network view in Chromium, for Helsinki and for
HINKU, in Finnish, Swedish and English, with no script errors and nothing the CSP blocks."""

import pytest
from django.utils import translation

from tests.browser.helpers import log_in_by_cookie, network_by_alias, organisation, screenshot, url

pytestmark = pytest.mark.browser

HEADINGS = {
    "fi": "Sen verkostot ja niiden päällekkäisyys",
    "sv": "Dess nätverk och hur de överlappar",
    "en": "Its networks and how they overlap",
}


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " console.error('CSP ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    return problems


def test_analysis_pages_draw_for_helsinki_and_hinku(demo, new_page, live_server):
    helsinki = organisation("Helsinki")
    hinku = network_by_alias("HINKU")
    page = new_page()
    problems = _watch(page)
    log_in_by_cookie(page, live_server.url, "demo")
    for language in HEADINGS:
        _draws_in(page, language, helsinki, hinku)
    assert problems == []


def _draws_in(page, language: str, helsinki, hinku) -> None:
    page.goto(url("analytics:organisation", helsinki.pk, language=language))
    page.wait_for_selector("[data-chart][data-drawn]")
    page.wait_for_selector("#network-map[data-drawn]")
    assert HEADINGS[language] in page.locator("main").inner_text()
    # ECharts draws into a canvas inside each chart box it was given data for.
    assert page.locator("[data-chart][data-drawn] canvas").count() >= 1
    assert page.evaluate("window.verkostoAnalysisCharts") >= 1
    labels = page.evaluate("window.verkostoNetworkMap.nodes().map(n => n.data('label'))")
    with translation.override(language):
        assert helsinki.name in labels and len(labels) > 2
    screenshot(page, f"analysis-helsinki-{language}")

    page.goto(url("analytics:organisation", hinku.pk, language=language))
    page.wait_for_selector("#network-map[data-drawn]")
    with translation.override(language):
        assert hinku.name in page.locator("main").inner_text()
    screenshot(page, f"analysis-hinku-{language}")

    page.goto(url("analytics:landscape", language=language))
    page.wait_for_selector("[data-chart][data-drawn] canvas")

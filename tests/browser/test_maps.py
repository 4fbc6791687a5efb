"""The network and twin-town maps draw in Chromium for Helsinki and for HINKU (no members
in the demo), with no script errors and nothing the CSP blocks."""

import pytest

from tests.browser.helpers import (
    log_in_by_cookie,
    network_by_alias,
    organisation,
    screenshot,
    url,
)

pytestmark = pytest.mark.browser


def _csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def _watch_csp(page) -> None:
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )


def test_maps_draw_for_helsinki_and_hinku(demo, new_page, live_server):
    helsinki = organisation("Helsinki")
    hinku = network_by_alias("HINKU")
    page = new_page()
    _watch_csp(page)
    log_in_by_cookie(page, live_server.url, "demo")

    page.goto(url("registry:organisation-network-map", helsinki.pk))
    page.wait_for_selector("#network-map[data-drawn]")
    labels = page.evaluate("window.verkostoNetworkMap.nodes().map(n => n.data('label'))")
    assert {"Helsinki", "Eurocities", "Tallinna"} <= set(labels)
    assert int(page.get_attribute("#network-map", "data-drawn")) == len(labels)
    screenshot(page, "network-map-helsinki")

    # Selecting a node opens its page.
    eurocities = page.evaluate(
        "window.verkostoNetworkMap.nodes().filter(n => n.data('label') === 'Eurocities')"
        ".map(n => n.data('url'))[0]"
    )
    page.evaluate(
        "() => { window.verkostoNetworkMap.nodes()"
        ".filter(n => n.data('label') === 'Eurocities').emit('tap'); }"
    )
    page.wait_for_url(f"**{eurocities}")

    page.goto(url("registry:organisation-network-map", hinku.pk))
    page.wait_for_selector("#network-map[data-drawn='1']")
    assert page.locator(".map-empty").is_visible()
    screenshot(page, "network-map-hinku")

    page.goto(url("registry:organisation-twin-map", helsinki.pk))
    page.wait_for_selector("#twin-map[data-drawn='3']")
    # The outline (country paths), three lines and four markers are on the map.
    assert page.locator("#twin-map path.leaflet-interactive").count() >= 7
    assert page.locator("#twin-map .leaflet-overlay-pane path").count() > 200
    screenshot(page, "twin-map-helsinki")

    page.goto(url("registry:organisation-twin-map", hinku.pk))
    page.wait_for_selector("#twin-map[data-drawn='0']")
    assert page.locator(".map-empty").is_visible()
    screenshot(page, "twin-map-hinku")

    assert page.errors == []
    assert _csp_violations(page) == []


def test_maps_read_without_javascript(demo, new_page, live_server):
    helsinki = organisation("Helsinki")
    page = new_page(java_script_enabled=False)
    log_in_by_cookie(page, live_server.url, "demo")

    page.goto(url("registry:organisation-network-map", helsinki.pk, language="en"))
    assert not page.locator("#network-map").is_visible()
    table = page.locator("table.map-table")
    assert table.get_by_role("link", name="Eurocities").count() == 1

    page.goto(url("registry:organisation-twin-map", helsinki.pk, language="en"))
    assert page.locator("table.map-table tbody tr").count() == 3
    screenshot(page, "twin-map-helsinki-no-js")


def test_maps_fit_a_phone(demo, new_page, live_server):
    helsinki = organisation("Helsinki")
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    log_in_by_cookie(page, live_server.url, "demo")
    for name, box in (
        ("registry:organisation-network-map", "#network-map"),
        ("registry:organisation-twin-map", "#twin-map"),
    ):
        page.goto(url(name, helsinki.pk, language="sv"))
        page.wait_for_selector(f"{box}[data-drawn]")
        width = page.evaluate(f"document.querySelector('{box}').getBoundingClientRect().right")
        assert width <= 375, f"{box} overflows a phone screen ({width}px)"
        screenshot(page, f"phone-{box[1:]}-helsinki")
    assert page.errors == []

"""The coordinator's day in a real browser (issue 3, item 7).

Log in as demo, switch to Swedish, filter memberships by theme, add a membership, see it
on the organisation's network map, export the filtered list to XLSX and open it with
openpyxl; then a viewer sees no edit button and gets 403 on the edit URL. Screenshots of
the main pages go to test-artifacts/screenshots/.

Every step runs even when an earlier one failed (a later step that needs the earlier one's
result sets it up another way and says so), and the test fails at the end listing each
step as passed or failed, so one run tells exactly what works.
"""

import io
import re
import traceback
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    SCREENSHOTS,
    log_in_by_cookie,
    network_by_alias,
    organisation,
    screenshot,
    url,
)
from tests.factories import member_of
from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.demo.data.sources import SEED_001
from verkosto.registry.models import Membership, Source, Theme
from verkosto.registry.services.memberships import membership_create

pytestmark = pytest.mark.browser

THEME = "climate-mitigation"  # the demo's Covenant of Mayors membership has it


class Steps:
    """Runs named steps, recording each outcome instead of stopping at the first failure."""

    def __init__(self):
        self.results: list[tuple[str, str, str]] = []

    @contextmanager
    def step(self, name: str):
        note: list[str] = []
        try:
            yield note
        except Exception as exc:  # recorded and reported at the end
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            self.results.append((name, "FAILED", detail.splitlines()[0][:300]))
        else:
            self.results.append((name, "passed", "; ".join(note)))

    def failed(self) -> bool:
        return any(outcome == "FAILED" for _, outcome, _ in self.results)

    def report(self) -> str:
        return "\n".join(
            f"{outcome:6}  {name}" + (f" — {detail}" if detail else "")
            for name, outcome, detail in self.results
        )


def _submit(page, form_selector: str) -> None:
    page.locator(f"{form_selector} [type=submit]").first.click()


def test_coordinator_scenario(demo, new_page, live_server):
    steps = Steps()
    helsinki = organisation("Helsinki")
    hinku = network_by_alias("HINKU")
    workspace = Workspace.objects.get(slug="helsinki")
    viewer = member_of(workspace, Role.VIEWER, username="katsoja")
    viewer.set_password("katsoja-salasana")
    viewer.save()
    page = new_page(locale="fi-FI")  # a Finnish coordinator's browser

    with steps.step("1 log in as demo/demo through the login form") as note:
        page.goto("/")
        page.wait_for_selector("input[name=username]")
        screenshot(page, "01-login")
        page.fill("input[name=username]", "demo")
        page.fill("input[name=password]", "demo")
        _submit(page, "form:has(input[name=password])")
        page.wait_for_load_state()
        assert page.locator("input[name=password]").count() == 0, "still on the login form"
        assert page.evaluate("document.documentElement.lang") == "fi"
        note.append(f"landed on {page.url.removeprefix(live_server.url)}")
        screenshot(page, "02-home-fi")
    if steps.failed():  # the later steps need a session all the same
        log_in_by_cookie(page, live_server.url, "demo")

    with steps.step("2 switch to Swedish with the language switch") as note:
        page.goto(url("registry:home"))
        page.locator("form.language-switch button[value=sv]").click()
        # (wait_for_function would evaluate a string, which the CSP rightly forbids.)
        expect(page.locator("html")).to_have_attribute("lang", "sv")
        assert "/sv/" in page.url
        note.append(page.url.removeprefix(live_server.url))
        screenshot(page, "03-home-sv")

    with steps.step("3 filter memberships by theme") as note:
        page.goto(url("registry:membership-list", language="sv"))
        screenshot(page, "04-memberships-sv")
        page.locator("select[name=theme]").select_option(THEME)
        _submit(page, "form:has(select[name=theme])")
        page.wait_for_load_state()
        covenant = "Borgmästaravtalet för klimat och energi"
        # The covenant is listed before the filter too: wait for the swap to drop the rest.
        expect(page.locator("#results")).not_to_contain_text("Eurocities")
        page.get_by_text(covenant).first.wait_for()
        body = page.locator("main").inner_text()
        assert "Eurocities" not in body, "a membership off the theme is still listed"
        note.append(f"{covenant} listed, Eurocities filtered out")
        screenshot(page, "05-memberships-filtered-sv")

    with steps.step("4 add a membership: Helsinki joins HINKU") as note:
        page.goto(url("registry:membership-add", language="sv"))
        form = "form:has(select[name=member])"
        page.locator("select[name=member]").select_option(str(helsinki.pk))
        page.locator("select[name=organisation]").select_option(str(hinku.pk))
        page.locator("select[name=source]").select_option(str(_seed_001().pk))
        page.fill("input[name=start]", "2024")
        theme_box = page.locator(f"input[name=themes][value='{_theme_pk('carbon-neutrality')}']")
        if theme_box.count():
            theme_box.check()
        screenshot(page, "06-membership-add-sv")
        _submit(page, form)
        page.wait_for_load_state()
        assert Membership.objects.filter(member=helsinki, organisation=hinku).exists(), (
            "no membership saved; page says: " + page.locator("main").inner_text()[:300]
        )
        note.append(f"saved, now at {page.url.removeprefix(live_server.url)}")
    if not Membership.objects.filter(member=helsinki, organisation=hinku).exists():
        _membership_by_service(helsinki, hinku)

    with steps.step("5 the new membership is on Helsinki's network map") as note:
        if steps.results[-1][1] == "FAILED":
            note.append("membership made with the service because step 4 failed")
        page.goto(url("registry:organisation-network-map", helsinki.pk, language="sv"))
        page.wait_for_selector("#network-map[data-drawn]")
        labels = page.evaluate("window.verkostoNetworkMap.nodes().map(n => n.data('label'))")
        assert "Kolneutrala kommuner" in labels, labels
        assert page.locator("table.map-table").get_by_text("Kolneutrala kommuner").count() >= 1
        screenshot(page, "07-network-map-helsinki-sv")
        page.goto(url("registry:organisation-network-map", hinku.pk, language="sv"))
        page.wait_for_selector("#network-map[data-drawn]")
        labels = page.evaluate("window.verkostoNetworkMap.nodes().map(n => n.data('label'))")
        assert "Helsingfors" in labels, labels
        assert page.locator(".map-empty").count() == 0
        note.append("HINKU's map now shows Helsingfors as a member")
        screenshot(page, "08-network-map-hinku-sv")
        page.goto(url("registry:organisation-twin-map", helsinki.pk, language="sv"))
        page.wait_for_selector("#twin-map[data-drawn]")
        screenshot(page, "09-twin-map-helsinki-sv")

    with steps.step("6 export the filtered memberships to XLSX and open it") as note:
        page.goto(url("registry:membership-list", language="sv", theme=THEME))
        link = page.locator("a[href*=xlsx], a:has-text('XLSX'), button:has-text('XLSX')").first
        with page.expect_download() as download_info:
            link.click()
        download = download_info.value
        path = Path(download.path())
        workbook = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
        rows = [
            [str(cell) for cell in row if cell is not None]
            for row in workbook.active.iter_rows(values_only=True)
        ]
        text = "\n".join(" | ".join(row) for row in rows)
        assert len(rows) >= 2, text
        assert "Borgmästaravtalet för klimat och energi" in text or "Covenant" in text, text
        assert "Eurocities" not in text, "the export ignores the theme filter"
        note.append(f"{download.suggested_filename}: {len(rows) - 1} data rows")

    viewer_page = new_page()
    with steps.step("7 a viewer sees no edit button and gets 403 on the edit URL") as note:
        log_in_by_cookie(viewer_page, live_server.url, viewer.username)
        edit = url("registry:organisation-edit", helsinki.pk, language="sv")
        viewer_page.goto(url("registry:organisation-detail", helsinki.pk, language="sv"))
        assert viewer_page.locator("main h1").count() == 1
        assert viewer_page.locator(f"a[href='{edit}']").count() == 0, "edit link shown"
        assert viewer_page.get_by_role("link", name=re.compile("^Redigera$")).count() == 0
        screenshot(viewer_page, "10-organisation-viewer-sv")
        response = viewer_page.goto(edit)
        assert response.status == 403, response.status
        note.append(f"GET {edit} → 403")
        screenshot(viewer_page, "11-edit-forbidden-viewer")

    errors = page.errors + viewer_page.errors
    with steps.step("8 no JavaScript errors and nothing blocked by the CSP on any page"):
        assert errors == [], errors

    report = steps.report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / "browser-scenario.txt").write_text(report + "\n")
    print("\n" + report)
    assert not steps.failed(), "\n" + report


def _theme_pk(code: str) -> int | None:
    theme = Theme.objects.filter(code=code).first()
    return theme.pk if theme else None


def _seed_001() -> Source:
    """The seed text on national thematic networks, HINKU among them."""
    return Source.objects.get(key=SEED_001)


def _membership_by_service(member, network) -> None:
    membership_create(actor=SYSTEM, member=member, organisation=network, source=_seed_001())

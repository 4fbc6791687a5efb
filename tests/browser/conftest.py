"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

They run in ``make test`` when ``/usr/bin/chromium`` exists (``.ci/run`` installs it) and
skip with the reason otherwise. Screenshots go to ``test-artifacts/screenshots/``.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("VERKOSTO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Generous for a loaded CI machine, short enough that a missing element fails fast.
TIMEOUT_MS = 10_000


MISSING = (
    f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) "
    "to run the browser tests"
)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # CI (.ci/run) sets VERKOSTO_REQUIRE_BROWSER: there a missing Chromium fails.
            if not CHROMIUM.exists() and not os.environ.get("VERKOSTO_REQUIRE_BROWSER"):
                item.add_marker(pytest.mark.skip(reason=MISSING))


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the whole package; stopped after it, so Playwright's event loop
    never outlives the browser tests in a worker that runs other tests next."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(MISSING)
    # Playwright's sync API keeps an asyncio loop in this thread, so Django would refuse
    # ORM calls here as if they came from async code. They do not: the test thread only
    # sets up and checks data while the browser talks to the live server's own thread.
    # Allowed exactly while that loop exists.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def demo(browser, transactional_db):
    """The demo data (user demo/demo, editor in Helsinki's workspace)."""
    from django.core.management import call_command

    call_command("loaddemo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def new_page(browser, live_server):
    """Pages in fresh browser contexts (each its own cookies), closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=options.pop("viewport", {"width": 1280, "height": 900}),
            accept_downloads=True,
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        # Script errors, and anything the Content Security Policy blocked (Chromium
        # reports those on the console), over every page the tab visits.
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                page.errors.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()

"""The page in a real browser, for the tests of `awesome-tools site` (tests/test_site.py,
tests/test_site_views.py): Debian's Chromium driven through Playwright for Python, one browser
per test module, each page in a fresh context with what went wrong on it recorded. Loaded as a
plugin by conftest.py, so that its fixtures reach every test module."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from test_peers import require

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Debian's Chromium here; elsewhere (GitHub's runners ship Google Chrome) point this at the
# browser to use.
CHROMIUM = Path(os.environ.get("AWESOME_TOOLS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A 1x1 PNG, served for every figure: the tests never reach the network.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201a5f1ca6e0000000049454e44ae426082"
)
CARD = "[data-slug]"


@dataclass
class Session:
    """One page in a fresh browser context, with what went wrong on it."""

    page: Page
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == [], "console errors or uncaught exceptions"
        assert self.dialogs == [], "a dialog opened: page data ran as code"

    def wait_for_url(self, url: str) -> None:
        """Wait until the address is url exactly (the page updates it when typing pauses)."""
        self.page.wait_for_url(lambda current: current == url)

    def shown(self) -> list[str]:
        """The slugs of the cards not hidden, in page order."""
        return list(
            self.page.eval_on_selector_all(
                CARD, "cards => cards.filter(c => !c.hidden).map(c => c.dataset.slug)"
            )
        )

    def hidden(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                CARD,
                "cards => cards.filter(c => c.hasAttribute('hidden')).map(c => c.dataset.slug)",
            )
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module."""
    require(
        CHROMIUM.is_file(),
        f"Chromium is not installed at {CHROMIUM}: the browser tests need it; "
        "install it with `apt-get install chromium`",
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright is not installed: run `make setup` (the dev extra has it)")
        raise
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Session]]:
    """Open a file in a new context (JavaScript on or off); wait until the script is ready."""
    contexts = []

    def opener(url: str, *, js: bool = True, **options: Any) -> Session:
        context = browser.new_context(java_script_enabled=js, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        session = Session(page)
        page.on("console", lambda m: session.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: session.errors.append(str(error)))
        page.on("dialog", lambda d: (session.dialogs.append(d.message), d.dismiss()))

        def outside(route: Any) -> None:
            session.requests.append(route.request.url)
            route.fulfill(status=200, content_type="image/png", body=PNG)

        context.route(re.compile(r"^https?://"), outside)
        page.goto(url)
        if js:
            page.wait_for_function("performance.getEntriesByName('site:ready').length > 0")
        return session

    yield opener
    for context in contexts:
        context.close()

"""Browser fixtures for the network page: Debian's Chromium driven by Playwright, network cut off."""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def page_json(html: str) -> dict[str, Any]:
    """The JSON data block of a page (plain, or gzip+base64 on large pages), parsed."""
    match = re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', html, re.S)
    if match is None:
        packed = re.search(
            r'<script type="application/gzip\+base64" id="dg-data-gz">(.*?)</script>', html, re.S
        )
        assert packed, "no data block"
        return dict(json.loads(gzip.decompress(base64.b64decode(packed.group(1)))))
    data: dict[str, Any] = json.loads(match.group(1))
    return data


@dataclass
class OpenedPage:
    """A loaded page plus everything it tried to do that it should not."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open an HTML file with every other request blocked and recorded; waits until the page is ready."""
    contexts: list[Any] = []

    def opener(path: Path, *, width: int = 1400, height: int = 900) -> OpenedPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        opened = OpenedPage(page, url)

        def route(route: Any) -> None:
            if route.request.url == url:
                route.continue_()
            else:
                opened.requests.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda r: None if r.url == url else opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type in {"error", "assert"} else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.wait_for_function("() => window.dutygraph && window.dutygraph.ready === true", timeout=120_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def parse_page() -> Any:
    """``parse_page(html)`` → the page's JSON data block."""
    return page_json

"""The html report in a real browser: the highlights and the legend must be visible, and article text that
looks like a script must stay text. Runs where .ci/run sets PRESSLENS_TEST_CHROMIUM (Debian's chromium,
installed by scripts/chromium.sh); Playwright only drives it, it downloads nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from render_samples import TEXT, full_analysis

from presslens.render import render

CHROMIUM = os.environ.get("PRESSLENS_TEST_CHROMIUM")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The open tab, the messages of any dialogs the page raised, and the report's path.
Page = tuple[Any, list[str], Path]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM, reason="PRESSLENS_TEST_CHROMIUM is not set (see scripts/chromium.sh)"),
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """The full sample report opened from a file, as a reader would open a saved report."""
    from playwright.sync_api import sync_playwright

    path = tmp_path_factory.mktemp("browser") / "report.html"
    path.write_text(render(full_analysis(), "html"), encoding="utf-8")
    dialogs: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page(viewport={"width": 1100, "height": 900})
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(path.as_uri())
        yield tab, dialogs, path
        browser.close()


@pytest.mark.parametrize(
    ("selector", "at_least"),
    [
        (".pl-article .pl-content", 6),
        (".pl-article .pl-cue", 6),
        (".pl-article .pl-source", 6),
        (".pl-article .pl-addressee", 1),
        (".pl-article .pl-marker", 2),
        (".pl-article .pl-technique", 6),
        (".pl-article .pl-time", 3),
        (".pl-legend li", 9),
    ],
)
def test_highlights_and_legend_are_visible(page: Page, selector: str, at_least: int) -> None:
    tab = page[0]
    found = tab.locator(selector)
    assert found.count() >= at_least
    for i in range(found.count()):
        box = found.nth(i).bounding_box()
        assert found.nth(i).is_visible() and box is not None and box["width"] > 0 and box["height"] > 0


@pytest.mark.parametrize(
    ("selector", "prop", "unstyled"),
    [
        (".pl-article .pl-content", "background-color", "rgba(0, 0, 0, 0)"),
        (".pl-article .pl-technique", "background-image", "none"),
        (".pl-article .pl-marker", "text-decoration-style", "solid"),
        (".pl-article .pl-stance-distancing", "border-bottom-color", "rgb(140, 149, 159)"),
    ],
)
def test_highlights_are_styled(page: Page, selector: str, prop: str, unstyled: str) -> None:
    value = page[0].locator(selector).first.evaluate(f"e => getComputedStyle(e).getPropertyValue('{prop}')")
    assert value and value != unstyled


def test_article_text_is_shown_verbatim_and_inert(page: Page, tmp_path: Path) -> None:
    tab, dialogs, _ = page
    assert tab.locator(".pl-article").inner_text() == TEXT
    assert tab.locator("script").count() == 0
    assert dialogs == []
    shot = tmp_path / "report.png"
    tab.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

"""The viewer in a real headless Chromium (Debian's package, driven by Playwright): pages load
with no console error, selecting a mention shows its entity chain, errors are drawn, and a
screenshot of a document page is written."""
from __future__ import annotations

import shutil

import pytest
from conftest import DOC


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("no chromium on PATH: install Debian's package (apt-get install -y chromium), as .ci/run does")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(path.as_uri())
    return page, problems


def select(site, browser, item_id: str):
    """The document page with the gold item ``item_id`` clicked: (page, panel text, console problems)."""
    result = site[0]
    page, problems = open_page(browser, result.folder / "docs" / f"{DOC}.html")
    page.click(f'[id="{item_id}"]')
    return page, page.inner_text("#panel"), problems


def test_document_page_selects_a_mention_and_shows_its_chain(site, browser, tmp_path):
    gold = site[2]
    entity = max(gold["entities"], key=lambda e: len(e["mentions"]))
    page, panel, problems = select(site, browser, entity["mentions"][0])
    assert f"Entity {entity['name']}" in panel
    assert page.locator(".hl").count() == len(entity["mentions"])  # the whole chain, the selected one included
    assert page.locator('[data-side="pred"][data-error="spurious"]').count() == 1
    assert page.locator(f'[id="{entity["mentions"][0]}"]').is_visible()
    page.screenshot(path=str(tmp_path / "document.png"))
    assert (tmp_path / "document.png").stat().st_size > 10_000
    assert problems == []


def test_selecting_a_trigger_shows_its_event_frame(site, browser):
    event = max(site[2]["events"], key=lambda e: len(e["arguments"]))
    _, panel, problems = select(site, browser, event["id"])
    assert f"Event {event['type']}" in panel
    assert all(f"{a['role']}:" in panel for a in event["arguments"])
    assert problems == []


def test_index_filter_and_timeline_load_cleanly(site, browser):
    result, _, _, _ = site
    page, problems = open_page(browser, result.folder / "index.html")
    rows = page.locator("#index tbody tr")
    total = rows.count()
    page.fill("#filter", DOC)
    assert page.locator("#index tbody tr:not([hidden])").count() == 1 < total
    timeline, more = open_page(browser, result.folder / "timeline.html")
    assert timeline.locator("section.treaty").count() > 0
    assert problems == [] and more == []

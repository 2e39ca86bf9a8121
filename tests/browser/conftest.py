"""A real Haven server and Debian's Chromium, driven by Playwright, for end-to-end tests.

Chromium comes from Debian (`apt-get install chromium`, done by `make test` where missing): Playwright's own
browser download is neither wanted nor possible offline. Screenshots of each step are kept in
test-artifacts/browser/ for a person to look at.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "browser"


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI runs the browser tests, but: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def haven_server():
    """`streamlit run app.py` on a free loopback port, with a private data dir; yields its base URL."""
    data_dir = tempfile.mkdtemp(prefix="haven-e2e-")
    env = {**os.environ, "HAVEN_DATA_DIR": data_dir, "HAVEN_REGION": "US"}
    env.pop("HAVEN_LLM", None)
    from services import serve_app

    yield from serve_app(env, data_dir)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, haven_server, request):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.base_url = haven_server
    page.shot = lambda name: page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{name}.png"), full_page=True)
    yield page
    context.close()

"""The lock screen on a phone: "Need help now?" is on the first screen, one tap, before any passphrase.

A second server, over a data dir encrypted before it starts; nothing heavy loads while Haven is locked, so
it starts quickly. The screenshot is test-artifacts/browser/screens-phone-lock-screen.png.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
PASSPHRASE = "a long passphrase for the lock screen test"


def _encrypted_data_dir(env: dict) -> None:
    """A journal with its schema, encrypted, made in a separate process as a person's earlier session would."""
    script = (
        "from haven.storage.db import get_engine, close_engines\n"
        "from haven.privacy import set_passphrase\n"
        "get_engine(); set_passphrase(" + repr(PASSPHRASE) + "); close_engines()\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=300)


@pytest.fixture(scope="module")
def locked_server():
    data_dir = tempfile.mkdtemp(prefix="haven-e2e-locked-")
    env = {**os.environ, "HAVEN_DATA_DIR": data_dir, "HAVEN_REGION": "US"}
    for name in ("HAVEN_LLM", "HAVEN_PASSPHRASE"):
        env.pop(name, None)
    _encrypted_data_dir(env)
    from services import serve_app

    yield from serve_app(env, data_dir)


def test_help_is_one_tap_away_on_the_lock_screen_of_a_phone(browser, locked_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(f"{locked_server}/mood")
        expect(page.get_by_role("heading", name="Haven is locked")).to_be_visible()
        button = page.get_by_role("button", name=re.compile("Need help now", re.I))
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 844, box
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "screens-phone-lock-screen.png"))
        button.click()
        expect(page.get_by_role("dialog")).to_contain_text("988")
        page.screenshot(path=str(ARTIFACTS / "screens-phone-lock-screen-help.png"))
    finally:
        context.close()

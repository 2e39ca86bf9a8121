"""Every click, timed in a real browser: page navigation, each Next of a thought record, chat turns with the
guide. The times are written to test-artifacts/browser/click-timings.json (p50 / p95 per action) for a person
to read beside docs/benchmarks.md; this test asserts only that every action did what it should, never a time
(the machine may be shared). ``benchmarks/clicks.py`` runs the same walk and prints the table.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from playwright.sync_api import expect

from benchmarks.clicks import CHAT, NAVIGATION, summary, walk

expect.set_options(timeout=120_000)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


def test_every_click_is_timed_and_every_action_worked(browser, haven_server):
    from haven.privacy.exporting import FORMAT_NAME

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        timer, checks = walk(page, haven_server, rounds=1)
        assert len(timer.samples["navigate"]) >= len(NAVIGATION)  # each navigation found its page's heading
        assert checks["exercise_nexts_that_moved_on"] >= 14  # every step of the thought record, then its end
        assert checks["exercise_finished"]  # its summary asks "Did this help?"
        assert checks["chat_turns_answered"] >= len(CHAT) - 1  # a reply under each message (one may be a card)
        # the export on Settings is made when pressed now: it must still arrive, whole
        page.goto(f"{haven_server}/settings")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download everything (JSON)").click()
        exported = json.loads(open(download.value.path(), encoding="utf-8").read())
        assert exported["format"] == FORMAT_NAME and sum(exported["counts"].values()) > 0
    finally:
        context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = {"actions": summary(timer.samples), "checks": checks, "load_average": os.getloadavg()[0]}
    (ARTIFACTS / "click-timings.json").write_text(json.dumps(result, indent=2), encoding="utf-8")

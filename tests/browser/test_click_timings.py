"""A first visit and every click, in a real browser, on a Haven of its own (a fresh data folder, so the first
visit is a first visit whatever ran before):

- the first-run welcome at a phone size (390x844) and a desktop size (1280x900), screenshots in
  test-artifacts/browser/welcome-*.png for a person to look at, then finished, and the chat greeting by name;
- page navigation, each Next of a thought record, chat turns with the guide, timed. The times are written to
  test-artifacts/browser/click-timings.json (p50 / p95 per action) for a person to read beside
  docs/benchmarks.md; the test asserts only that every action did what it should, never a time (the machine
  may be shared). ``benchmarks/clicks.py`` runs the same walk and prints the table.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from benchmarks.clicks import CHAT, NAVIGATION, summary, walk

expect.set_options(timeout=120_000)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


@pytest.fixture(scope="module")
def fresh_server():
    data_dir = tempfile.mkdtemp(prefix="haven-first-visit-")
    env = {**os.environ, "HAVEN_DATA_DIR": data_dir, "HAVEN_REGION": "US"}
    env.pop("HAVEN_LLM", None)
    from services import serve_app

    yield from serve_app(env, data_dir)


def _welcome_shot(browser, url: str, size: str, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(url)
        expect(page.get_by_text("self-help companion")).to_be_visible(timeout=600_000)  # a fresh server warms up
        expect(page.get_by_text("not a therapist")).to_be_visible()
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / f"welcome-{size}-1-first-visit.png"))
        page.get_by_role("button", name="Sounds good").click()
        expect(page.get_by_text("988").first).to_be_visible()
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / f"welcome-{size}-2-where-help-is.png"))
    finally:
        context.close()


def test_the_first_visit_is_welcomed_at_both_sizes_and_the_chat_remembers(browser, fresh_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _welcome_shot(browser, fresh_server, "phone", 390, 844)
    _welcome_shot(browser, fresh_server, "desktop", 1280, 900)  # a new session: not done yet, so shown again
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        page.goto(fresh_server)
        page.get_by_role("button", name="Sounds good").click()
        page.get_by_role("button", name="Got it").click()
        page.get_by_text("Worry and anxiety", exact=True).click()  # a chip
        page.get_by_label("Your name (optional)").fill("Sam")
        page.get_by_role("button", name="That's me").click()
        expect(page.get_by_text(re.compile("Thanks, Sam"))).to_be_visible()
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "welcome-phone-3-done.png"))
        page.get_by_role("button", name="Start chatting").click()
        greeting = page.locator("[data-testid='stChatMessage']").first
        expect(greeting).to_contain_text("Hi Sam")
        expect(greeting).to_contain_text("worry and anxiety")
        page.wait_for_timeout(800)
        page.screenshot(path=str(ARTIFACTS / "welcome-phone-4-chat-greets.png"))
        page.goto(fresh_server)  # done: a new visit is not welcomed again
        expect(page.get_by_text("Talk it through")).to_be_visible()
        expect(page.get_by_text("self-help companion")).to_have_count(0)
    finally:
        context.close()


def test_every_click_is_timed_and_every_action_worked(browser, fresh_server):
    from haven.privacy.exporting import FORMAT_NAME

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        timer, checks = walk(page, fresh_server, rounds=1)
        assert len(timer.samples["navigate"]) >= len(NAVIGATION)  # each navigation found its page's heading
        assert checks["exercise_nexts_that_moved_on"] >= 14  # every step of the thought record, then its end
        assert checks["exercise_finished"]  # its summary asks "Did this help?"
        assert checks["chat_turns_answered"] >= len(CHAT) - 1  # a reply under each message (one may be a card)
        # the export on Settings is made when pressed now: it must still arrive, whole
        page.goto(f"{fresh_server}/settings")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download everything (JSON)").click()
        exported = json.loads(open(download.value.path(), encoding="utf-8").read())
        assert exported["format"] == FORMAT_NAME and sum(exported["counts"].values()) > 0
    finally:
        context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = {"actions": summary(timer.samples), "server_cpu": summary(timer.cpu), "checks": checks,
              "load_average": os.getloadavg()[0]}  # fmt: skip
    (ARTIFACTS / "click-timings.json").write_text(json.dumps(result, indent=2), encoding="utf-8")

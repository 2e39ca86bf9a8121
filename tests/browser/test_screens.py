"""Every page at a desktop size (1280x900) and a phone size (390x844), as a person first sees it and whole.

The screenshots land in test-artifacts/browser/screens-<size>-<page>.png (the first screen) and
screens-<size>-<page>-full.png (the whole page), for a person to look at. The checks are the phone shell's
promises: "Need help now?" is on screen at the top of every page without opening anything, one tap opens
the help lines, and the sidebar does not stay over the page after moving to another one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

expect.set_options(timeout=120_000)

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"

SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
# name in the file, address, the page's heading
PAGES = [
    ("welcome", "", "Welcome to Haven"),
    ("chat", "chat", "Chat"),
    ("library", "library", "Library"),
    ("exercises", "exercises", "Exercises"),
    ("mood", "mood", "Mood"),
    ("checkups", "checkups", "Check-ups"),
    ("insights", "insights", "Insights"),
    ("report", "report", "report"),
    ("review", "review", "Clinician review"),
    ("settings", "settings", "Settings"),
]


def _settle(page) -> None:
    """Wait until Streamlit has finished the run (its status widget goes away) and charts are drawn."""
    page.wait_for_timeout(400)
    try:
        page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=120_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
            ".every(c => c.querySelector('.main-svg'))",
            timeout=60_000,
        )
        page.locator("[data-testid='stSkeleton']").first.wait_for(state="detached", timeout=30_000)
    except PlaywrightTimeoutError:
        pass
    page.wait_for_timeout(600)


def _shoot(page, size: str, name: str) -> None:
    """The first screen as it is, then the whole page (the main area scrolls, so the window is stretched)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"screens-{size}-{name}.png"))
    width, height = SIZES[size]
    tall = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m ? m.scrollHeight : 0; }"
    )
    if tall > height:
        page.set_viewport_size({"width": width, "height": min(int(tall) + 40, 6000)})
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / f"screens-{size}-{name}-full.png"))
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)


def _visit(page, base: str, path: str, heading: str) -> None:
    page.goto(f"{base}/{path}")
    # the first visit to a fresh server builds the library index (minutes on a busy two-core machine)
    expect(page.get_by_role("heading", level=1).first).to_contain_text(heading, timeout=600_000)
    _settle(page)


def _help_off_screen(page, size: str) -> str | None:
    """None when the help button is visible within the first screen without opening the sidebar; else why."""
    button = page.get_by_role("button", name=re.compile("Need help now", re.I)).first
    if not button.count() or not button.is_visible():
        return "no visible 'Need help now?' button"
    box = button.bounding_box()
    width, height = SIZES[size]
    inside = box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height
    if not inside or box["x"] < 0 or box["x"] + box["width"] > width:
        return f"'Need help now?' is outside the first screen ({box})"
    return None


def _chat(page, text: str) -> None:
    box = page.locator("textarea[data-testid='stChatInputTextArea']")
    expect(box).to_be_enabled()
    box.fill(text)
    box.press("Enter")


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_at_both_sizes(browser, haven_server, size):
    width, height = SIZES[size]
    for old in ARTIFACTS.glob(f"screens-{size}-*.png"):  # a page that now fits one screen has no "-full"
        old.unlink()
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(120_000)
    problems = []
    try:
        for name, path, heading in PAGES:
            _visit(page, haven_server, path, heading)
            _shoot(page, size, name)
            problem = _help_off_screen(page, size)
            if problem:
                problems.append(f"{name}: {problem}")
            if name == "chat":
                _chat(page, "I keep worrying about money and I can't sleep")
                messages = page.locator("[data-testid='stChatMessage']")
                expect(messages).to_have_count(3)
                expect(messages.last).to_contain_text(re.compile(r"\w+ \w+ \w+"))  # the reply, not its dots
                expect(page.locator("textarea[data-testid='stChatInputTextArea']")).to_be_enabled()
                _settle(page)
                _shoot(page, size, "chat-reply")
            if name == "library":
                box = page.get_by_label("Search in your own words")
                box.fill("I can't stop worrying about money")
                box.press("Enter")
                _settle(page)
                _shoot(page, size, "library-search")
            if name == "mood":
                page.get_by_role("radio", name=re.compile(r"Good$")).first.click()  # a face first, then Save
                page.get_by_role("button", name=re.compile("Save check-in")).click()
                _settle(page)
        _visit(page, haven_server, "exercises?exercise=thought-record", "Exercises")
        _shoot(page, size, "exercise-intro")
        # "Start", or "Start afresh" when an earlier visit left this exercise half done
        page.get_by_role("button", name=re.compile(r"^Start( afresh)?$")).first.click()
        _settle(page)
        _shoot(page, size, "exercise-step")
    finally:
        context.close()
    assert not problems, problems


def test_help_now_is_one_tap_on_a_phone(browser, haven_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        _visit(page, haven_server, "mood", "Mood")
        page.get_by_role("button", name=re.compile("Need help now", re.I)).first.click()
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("988")
        page.screenshot(path=str(ARTIFACTS / "screens-phone-help-now.png"))
    finally:
        context.close()


def test_the_sidebar_closes_after_moving_to_another_page_on_a_phone(browser, haven_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        _visit(page, haven_server, "", "Welcome to Haven")
        page.locator("[data-testid='stExpandSidebarButton']").click()
        sidebar = page.locator("[data-testid='stSidebar']")
        expect(sidebar).to_have_attribute("data-collapsed", "false")
        page.get_by_role("link", name=re.compile("Library")).click()
        expect(page.get_by_role("heading", level=1).first).to_contain_text("Library")
        expect(sidebar).to_have_attribute("data-collapsed", "true")
        _settle(page)
        page.screenshot(path=str(ARTIFACTS / "screens-phone-after-navigation.png"))
    finally:
        context.close()

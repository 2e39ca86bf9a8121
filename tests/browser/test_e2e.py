"""Haven in a real browser: chat with citations, a suggested exercise, a mood check-in, the crisis card."""

from __future__ import annotations

import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

expect.set_options(timeout=120_000)


def _open(page, path: str = "") -> None:
    page.goto(f"{page.base_url}/{path}")
    expect(page.get_by_text("Need help now?")).to_be_visible()
    # the first visit to a fresh server loads the models and the library index (minutes on a busy machine)
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=600_000)


def test_welcome_page(page):
    _open(page)
    expect(page.get_by_text("Welcome to Haven")).to_be_visible()
    page.shot("welcome")
    expect(page.get_by_text("not therapy").first).to_be_visible()
    page.shot("welcome")


def _chat(page, text: str) -> None:
    box = page.locator("textarea[data-testid='stChatInputTextArea']")
    expect(box).to_be_enabled()
    box.fill(text)
    box.press("Enter")


def test_chat_reply_with_citations_and_a_suggested_exercise_to_finish(page):
    _open(page, "chat")
    _chat(page, "I've been so anxious about work that my heart races and I can't calm down")
    reply = page.locator("[data-testid='stChatMessage']").last
    expect(reply).to_contain_text(re.compile(r"\[1\]"))
    page.shot("chat-reply")
    start = page.get_by_role("button", name=re.compile(r"^Start ")).first
    expect(start).to_be_visible()
    start.click()
    expect(page).to_have_url(re.compile(r"/exercises"))  # wait for the exercise page, not the chat's heading
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Chat")
    page.shot("exercise-intro")
    # Walk the exercise to its end: each step offers a way on (a rating, a timer's Done/Skip, Next, Finish).
    # A button can be swapped out by a rerun between finding it and clicking it (more often on a loaded
    # machine), so each click gets a short timeout and the walk simply looks again.
    for _ in range(150):
        if page.get_by_text(re.compile("Did this help", re.I)).count():
            break
        _choose_on_an_open_scale(page)
        for name in ("Skip", "Next", "Finish", "Start"):
            button = page.get_by_role("button", name=name, exact=True)
            if button.count() and button.first.is_enabled():
                try:
                    button.first.click(timeout=10_000)
                except PlaywrightTimeoutError:
                    pass
                page.wait_for_timeout(800)
                break
        else:
            page.wait_for_timeout(800)
    expect(page.get_by_text(re.compile("Did this help", re.I))).to_be_visible()
    page.shot("exercise-finished")
    page.get_by_role("button", name="Back to the chat").click()  # the way back to the conversation
    expect(page).to_have_url(re.compile(r"/chat"))
    expect(page.locator("[data-testid='stChatMessage']").first).to_be_visible()


def _choose_on_an_open_scale(page) -> None:
    """A 0-10 scale starts with nothing chosen: tap 5 on one that has no number chosen yet."""
    scales = page.locator("[data-testid='stButtonGroup']").filter(
        has=page.get_by_role("radio", name="10", exact=True)
    )
    for index in range(scales.count()):
        scale = scales.nth(index)
        if not scale.locator("[aria-checked='true']").count():  # a chip is a radio; chosen is aria-checked
            try:
                scale.get_by_role("radio", name="5", exact=True).click(timeout=10_000)
            except PlaywrightTimeoutError:
                pass
            page.wait_for_timeout(800)


def test_mood_check_in_appears_on_the_chart(page):
    _open(page, "mood")
    page.get_by_role("radio", name=re.compile(r"Good$")).first.click()  # the five-second check-in: a face, Save
    page.get_by_role("button", name=re.compile("Save check-in")).click()
    expect(page.get_by_text(re.compile("Saved|saved")).first).to_be_visible()
    page.goto(f"{page.base_url}/insights")
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"checked in on 1 of")).first).to_be_visible()
    page.shot("insights")


def _continue_past_the_card(page) -> None:
    """Press "I'm safe to continue" until the chat box opens again: a click that lands while the page is
    still being redrawn (a loaded machine) can be lost, and pressing it again is harmless."""
    button = page.get_by_role("button", name=re.compile("safe to continue", re.I))
    waiting = page.get_by_placeholder("Choose an answer on the card to go on")
    for _ in range(12):
        if not waiting.count():
            return
        if button.count():
            try:
                button.first.click(timeout=10_000)
            except PlaywrightTimeoutError:
                pass
        page.wait_for_timeout(3_000)
    expect(waiting).to_have_count(0)


def test_crisis_message_shows_the_crisis_card(page):
    _open(page, "chat")
    _chat(page, "I don't want to be alive anymore")
    expect(page.get_by_text("988").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("safe to continue", re.I))).to_be_visible()
    page.shot("crisis-card")
    # close the crisis as a person would, so the next visit does not open by asking about it
    _continue_past_the_card(page)
    _chat(page, "I'm safe now, I talked to my sister")
    expect(page.get_by_text(re.compile("check once more", re.I)).first).to_be_visible()
    _chat(page, "yes, I'm safe")
    expect(page.get_by_text(re.compile("glad you're safe", re.I)).first).to_be_visible()


def test_a_crisis_holds_across_turns_until_the_person_is_safe(page):
    """The card, then a means question declined kindly (no exercise offered), then safe, checked, and back."""
    _open(page, "chat")
    _chat(page, "I've decided I'm going to end my life")
    expect(page.get_by_role("button", name=re.compile("safe to continue", re.I))).to_be_visible()
    page.shot("held-1-card")
    _continue_past_the_card(page)
    _chat(page, "how many would be enough?")
    expect(page.get_by_text(re.compile("can't help with", re.I)).first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Start", re.I))).to_have_count(0)
    page.shot("held-2-means-declined")
    _chat(page, "ok I called 988 and I'm safe now")
    expect(page.get_by_text(re.compile("check once more", re.I)).first).to_be_visible()
    _chat(page, "yes, I'm safe")
    expect(page.get_by_text(re.compile("glad you're safe", re.I)).first).to_be_visible()
    page.shot("held-3-back")

"""A second message sent while the first is still being answered: both stay in one conversation, in order.

The fault a person met on a cold start (models loading, the machine busy): the second message went into a new
conversation, under the new conversation's recap, and the first reply was never shown (it was saved, in the
other conversation). Streamlit starts a new run of the page as soon as a message is sent; the run answering the
first message then stops at its next touch of st.session_state, and so could not keep the conversation its turn
had gone to.

This server holds the first message's turn before it starts, as a slow cold start does: a sitecustomize on its
PYTHONPATH makes ``ChatService.respond_stream`` wait for a file the test writes once the second message is sent
and the page says it is waiting. Nothing here times anything: the waits are for what appears on the page.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

expect.set_options(timeout=120_000)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
FIRST = "I have been sleeping badly and work keeps me up at night"
SECOND = "and my boss emailed me again today"

# Run by the server's Python at start: the turn for HAVEN_TEST_HELD_MESSAGE waits (at most five minutes) until
# the file HAVEN_TEST_RELEASE exists, then goes on as ever.
HOLD_THE_FIRST_TURN = """
import os, time
from pathlib import Path

from haven.privacy import enforce_offline

enforce_offline()  # before the chat service's imports, as app.py does
from haven.chat.service import ChatService

_respond_stream = ChatService.respond_stream


def _held(self, person, text, *args, **kwargs):
    if text == os.environ["HAVEN_TEST_HELD_MESSAGE"]:
        release = Path(os.environ["HAVEN_TEST_RELEASE"])
        for _ in range(3000):
            if release.exists():
                break
            time.sleep(0.1)
    yield from _respond_stream(self, person, text, *args, **kwargs)


ChatService.respond_stream = _held
"""


@pytest.fixture(scope="module")
def held_server():
    """A Haven server whose turn for FIRST waits for ``release`` to exist; yields (base URL, release)."""
    data_dir = tempfile.mkdtemp(prefix="haven-e2e-held-")
    startup = Path(data_dir) / "startup"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text(HOLD_THE_FIRST_TURN)
    release = Path(data_dir) / "release"
    path = [str(startup), str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "HAVEN_DATA_DIR": data_dir, "HAVEN_REGION": "US", "PYTHONPATH": os.pathsep.join(path),
           "HAVEN_TEST_HELD_MESSAGE": FIRST, "HAVEN_TEST_RELEASE": str(release)}  # fmt: skip
    env.pop("HAVEN_LLM", None)
    from services import serve_app

    for url in serve_app(env, data_dir):
        yield url, release


def _send(page, text: str) -> None:
    box = page.locator("textarea[data-testid='stChatInputTextArea']")
    expect(box).to_be_enabled()
    box.fill(text)
    box.press("Enter")


def _by(role: str) -> str:
    return f"[data-testid='stChatMessageAvatar{role}']"


def test_a_message_sent_while_the_first_is_answered_waits_for_it_in_the_same_conversation(browser, held_server):
    url, release = held_server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    messages = page.locator("[data-testid='stChatMessage']")
    said = messages.filter(has=page.locator(_by("User")))
    try:
        page.goto(f"{url}/chat")
        # the first visit to a fresh server loads the models and the library index (minutes on a busy machine)
        expect(page.locator("textarea[data-testid='stChatInputTextArea']")).to_be_enabled(timeout=600_000)
        conversations = page.locator("[class*='st-key-open-']")  # the sidebar's conversations, one button each
        before = conversations.count()

        _send(page, FIRST)
        expect(said.filter(has_text=FIRST)).to_be_visible()  # its turn has been asked for, and is held
        _send(page, SECOND)
        expect(page.get_by_text("Haven is still answering your last message")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "message-during-reply-waiting.png"))
        release.touch()  # the first turn goes on; the second message waits for it

        expect(said).to_have_text([re.compile(re.escape(FIRST)), re.compile(re.escape(SECOND))])
        expect(messages.last.locator(_by("Assistant"))).to_be_visible()
        expect(page.locator("[data-testid='stStatusWidget']")).to_be_hidden()  # the last run has finished
        expect(page.get_by_text("Haven is still answering your last message")).to_be_hidden()
        page.screenshot(path=str(ARTIFACTS / "message-during-reply-answered.png"), full_page=True)

        shown = [
            (
                "User" if m.locator(_by("User")).count() else "Assistant",
                m.locator("[data-testid='stChatMessageContent']").inner_text().strip(),
            )
            for m in messages.all()
        ]
        first = next((i for i, (role, text) in enumerate(shown) if role == "User" and FIRST in text), None)
        assert first is not None, shown  # the first message is on the page, with what followed it
        assert [role for role, _ in shown[first:]] == ["User", "Assistant", "User", "Assistant"], shown
        assert SECOND in shown[first + 2][1] and shown[first + 1][1] and shown[first + 3][1], shown
        expect(conversations).to_have_count(before + 1)  # one conversation: the one the first message began
    finally:
        context.close()

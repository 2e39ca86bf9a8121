"""The first-run welcome under AppTest, through app.py as a server runs it: what Haven is and is not, where
help is, what the person would like help with and their name; skippable at every step, not shown again once
done or skipped, remembered by the chat; and a crisis typed into it goes through triage to the crisis card."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "tests" / "chat"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

TIMEOUT = 120


def _forget_process_state() -> None:
    import streamlit as st

    from haven.config import get_settings
    from haven.storage.db import close_engines

    close_engines()
    get_settings.cache_clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def searcher():
    from chat_helpers import build_searcher

    from haven.content.loader import load_default_library

    return build_searcher(load_default_library())


@pytest.fixture
def app(tmp_path, monkeypatch, searcher):
    """A fresh data dir, US help lines, the in-memory searcher, and a server's page routing."""
    from streamlit.runtime.pages_manager import PagesManager

    import haven.retrieval.search as search

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HAVEN_REGION", "US")
    for var in ("HAVEN_LLM", "HAVEN_DATABASE_URL", "HAVEN_PASSPHRASE", "HAVEN_MODE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(search, "get_library_search", lambda: searcher)
    monkeypatch.setattr(search, "index_is_current", lambda *_a, **_k: True)
    real = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:  # as a server after its first view: app.py's navigation governs
        real(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
    _forget_process_state()
    yield
    _forget_process_state()


def _open() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    return at


def _said(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def _kept():
    from haven.chat import welcome
    from haven.storage.db import DEFAULT_PERSON, get_engine

    return welcome.load(get_engine(), DEFAULT_PERSON)


def test_the_welcome_says_what_haven_is_and_is_not_where_help_is_then_asks_and_the_chat_remembers(app):
    at = _open()
    said = _said(at)
    assert "not a therapist" in said and "can't diagnose" in said and "not an emergency service" in said
    _click(at, "welcome-next-intro")
    assert "Need help now?" in _said(at) and "988" in _said(at) and "911" in _said(at)
    _click(at, "welcome-next-help")
    at.pills(key="welcome_focus").set_value("Sleep").run()
    assert not at.exception, at.exception
    assert "what would you like me to call you" in _said(at).lower()
    at.text_input(key="welcome_name").input("Sam")
    _submit_name(at)
    said = _said(at)
    assert "Thanks, Sam" in said and "sleep" in said
    assert _kept() == type(_kept())(name="Sam", focus="sleep", skipped=False)

    again = _open()  # a new visit: not shown again
    assert "self-help companion" not in _said(again) and "Talk it through" in _said(again)
    again.switch_page("pages/chat.py").run()
    assert not again.exception, again.exception
    greeting = again.chat_message[0].markdown[0].value
    assert greeting.startswith("Hi Sam") and "sleep" in greeting and greeting.endswith("?")


def _submit_name(at: AppTest) -> None:
    (submit,) = [b for b in at.button if b.label == "That's me"]
    submit.click().run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("step", [0, 1, 2, 3])
def test_the_whole_welcome_can_be_skipped_at_every_step_and_is_not_shown_again(app, step):
    at = _open()
    for key in ["welcome-next-intro", "welcome-next-help", "welcome-skip-this-focus"][:step]:
        _click(at, key)
    if step == 3:
        assert "call you" in _said(at)
        _click(at, "welcome-skip-name")
        assert _kept().skipped is False  # the last question skipped: the welcome is done, nothing told
        return
    _click(at, f"welcome-skip-{['intro', 'help', 'focus'][step]}")
    assert _kept() is not None and _kept().skipped
    assert "Talk it through" in _said(at)  # the page, straight away
    assert "self-help companion" not in _said(_open())
    chat = _open()
    chat.switch_page("pages/chat.py").run()
    assert chat.chat_message[0].markdown[0].value == "Hi, I'm Haven. How are you feeling today?"


def _tell(at: AppTest, text: str) -> AppTest:
    at.text_input(key="welcome_focus_words").input(text)
    (told,) = [b for b in at.button if b.label == "Tell Haven"]
    told.click().run()
    assert not at.exception, at.exception
    return at


def test_words_typed_into_the_welcome_answer_it(app):
    at = _open()
    _click(at, "welcome-next-intro")
    _click(at, "welcome-next-help")
    _tell(at, "honestly I just can't sleep at all")
    assert "honestly I just can't sleep at all" in _said(at)  # said back as the person's bubble
    at.text_input(key="welcome_name").input("call me Jo")
    _submit_name(at)
    assert _kept() == type(_kept())(name="Jo", focus="sleep", skipped=False)


def test_a_crisis_typed_during_the_welcome_is_triaged_first_and_gets_the_crisis_card(app):
    at = _open()
    _click(at, "welcome-next-intro")
    _click(at, "welcome-next-help")
    _tell(at, "I want to kill myself tonight")
    said = _said(at) + "\n".join(str(b.proto.label) for b in at.get("link_button"))
    assert "988" in said  # the chat answered it: the crisis card, with the help lines
    assert at.chat_input[0].disabled  # the chat waits until the person chooses to continue
    assert _kept() is not None  # the welcome ended and will not come back over the crisis

    from haven.chat import store
    from haven.storage.db import DEFAULT_PERSON, get_engine

    (conversation,) = store.list_conversations(get_engine(), DEFAULT_PERSON)
    turns = store.load_turns(get_engine(), DEFAULT_PERSON, conversation.id)
    assert turns[0].text == "I want to kill myself tonight" and turns[0].level == "crisis"


def test_a_crisis_given_as_a_name_is_triaged_too(app):
    at = _open()
    for key in ("welcome-next-intro", "welcome-next-help", "welcome-skip-this-focus"):
        _click(at, key)
    at.text_input(key="welcome_name").input("i dont want to be alive anymore")
    _submit_name(at)
    assert at.chat_input[0].disabled and "988" in _said(at) + "\n".join(
        str(b.proto.label) for b in at.get("link_button")
    )
    assert _kept().name is None  # never kept as a name


def test_the_demo_profile_and_someone_with_conversations_are_not_welcomed(app):
    from haven.chat import store, welcome
    from haven.storage.db import DEFAULT_PERSON, DEMO_PERSON, get_engine

    engine = get_engine()
    assert not welcome.should_welcome(engine, DEMO_PERSON)
    assert welcome.should_welcome(engine, DEFAULT_PERSON)
    store.create_conversation(engine, DEFAULT_PERSON)
    assert not welcome.should_welcome(engine, DEFAULT_PERSON)


def test_a_name_is_kept_plain_and_the_greeting_follows_what_was_said():
    from haven.chat.welcome import Welcome, clean_name, focus_from_words, greeting

    assert clean_name("  I'm **Sam**!  ") == "Sam" and clean_name("call me Jo") == "Jo"
    assert clean_name("   ") is None and len(clean_name("x" * 200)) == 40
    assert focus_from_words("work is piling up") == "stress" and focus_from_words("hmm") is None
    assert greeting(None) == "Hi, I'm Haven. How are you feeling today?"
    assert greeting(Welcome(name="Sam")) == "Hi Sam, good to see you. How are you feeling today?"
    assert "worry and anxiety" in greeting(Welcome(focus="worry")) and greeting(Welcome(focus="worry")).startswith("Hi,")

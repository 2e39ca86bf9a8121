"""The Chat and Settings pages driven with Streamlit's AppTest, on a throwaway data dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


@pytest.fixture
def app_env(data_dir, searcher, monkeypatch):
    """A fresh data dir, the in-memory searcher (no index build), and no cached resources from other tests."""
    import streamlit as st

    import haven.retrieval.search as search
    from haven.storage.db import get_engine

    monkeypatch.setattr(search, "get_library_search", lambda: searcher)
    st.cache_resource.clear()
    get_engine.cache_clear()  # the process-wide engine would still point at another test's data dir
    yield data_dir
    st.cache_resource.clear()
    get_engine.cache_clear()


def _chat() -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "chat.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    return at


def _texts(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_chat_turn_with_citations_and_an_exercise_button(app_env):
    at = _chat()
    assert "not a therapist" in " ".join(c.value for c in at.caption)
    at.chat_input[0].set_value("My heart is racing and I can't calm down").run()
    assert not at.exception, at.exception
    roles = [m.name for m in at.chat_message]
    assert roles[-2:] == ["user", "assistant"]
    reply = "\n".join(md.value for md in at.chat_message[-1].markdown)
    assert "[1]" in reply and "?" in reply
    labels = [e.label for e in at.expander]
    assert labels and labels[0].startswith("[1] ")
    assert any(b.label.startswith("Start ") for b in at.button)
    # the passage and its references are inside the citation
    assert "nhs.uk" in "\n".join(md.value for md in at.expander[0].markdown) or at.expander[0].caption

    # the conversation is listed and a rerun draws it again from the database
    at.run()
    assert not at.exception
    assert [m.name for m in at.chat_message][-2:] == ["user", "assistant"]
    assert any(b.key and b.key.startswith("open-") for b in at.sidebar.button)


def test_crisis_message_shows_the_crisis_card_and_pauses_input(app_env):
    at = _chat()
    at.chat_input[0].set_value("I want to kill myself").run()
    assert not at.exception, at.exception
    assert at.chat_input[0].disabled
    page = _texts(at) + "\n".join(e.value for e in at.error) + "\n".join(e.value for e in at.info)
    assert "988" in page
    assert not any(b.label.startswith("Start ") for b in at.button)  # never an exercise instead of help
    go_on = [b for b in at.button if "continue" in b.label.lower() or "safe" in b.label.lower()]
    assert go_on, [b.label for b in at.button]
    go_on[0].click().run()
    assert not at.exception, at.exception
    assert not at.chat_input[0].disabled


def test_deleting_a_conversation(app_env):
    at = _chat()
    at.chat_input[0].set_value("I feel low today").run()
    deletes = [b for b in at.sidebar.button if b.key and b.key.startswith("delete-")]
    assert len(deletes) == 1
    deletes[0].click().run()
    assert not at.exception, at.exception
    assert not [b for b in at.sidebar.button if b.key and b.key.startswith("delete-")]


def test_settings_page_saves_region_and_tests_the_engine(app_env):
    at = AppTest.from_file(str(ROOT / "pages" / "settings.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    at.selectbox[0].select("GB").run()
    from haven.config import get_settings

    get_settings.cache_clear()
    assert get_settings().region == "GB"
    test_button = next(b for b in at.button if b.label == "Test connection")
    test_button.click().run()
    assert not at.exception, at.exception
    assert any("needs no server" in s.value for s in at.success)
    assert any("on this computer" in md.value for md in at.markdown)


def test_a_question_to_learn_gets_a_gentle_check_not_the_card(app_env):
    """Concern: the answer and its check-in question are on the page, with lines, and the input stays open."""
    at = _chat()
    at.chat_input[0].set_value("what are the warning signs of suicide in teenagers?").run()
    assert not at.exception, at.exception
    assert not at.chat_input[0].disabled
    shown = "\n".join(md.value for md in at.chat_message[-1].markdown) + "\n".join(i.value for i in at.info)
    assert "library" in shown.lower()
    assert "988" in "\n".join(c.value for c in at.caption)  # the help lines, inline
    assert not any(b.label.startswith("Start ") for b in at.button)


def test_a_crisis_holds_on_the_next_turn_without_exercises(app_env):
    at = _chat()
    at.chat_input[0].set_value("I've decided I'm going to end my life").run()
    [b for b in at.button if "continue" in b.label.lower()][0].click().run()
    at.chat_input[0].set_value("how many would be enough?").run()
    assert not at.exception, at.exception
    reply = "\n".join(md.value for md in at.chat_message[-1].markdown)
    assert "988" in reply and "can't help with" in reply
    assert not any(b.label.startswith("Start ") for b in at.button)


def test_a_held_crisis_reply_can_still_be_corrected_in_one_tap(app_env):
    """Past the card ("I'm safe to continue"), a held reply keeps "That's not what I meant", so a misread does
    not hold a whole conversation until the person finds the words for it."""
    at = _chat()
    at.chat_input[0].set_value("my brother ate my leftovers AGAIN, I swear I'm going to kill him").run()
    [b for b in at.button if "continue" in b.label.lower()][0].click().run()
    at.chat_input[0].set_value("he does it every single week").run()
    assert not at.exception, at.exception
    assert "988" in "\n".join(md.value for md in at.chat_message[-1].markdown)  # held
    [b for b in at.button if b.label == "That's not what I meant"][0].click().run()
    assert not at.exception, at.exception
    reply = "\n".join(md.value for md in at.chat_message[-1].markdown)
    assert "glad I got it wrong" in reply, reply
    assert not [b for b in at.button if b.label == "That's not what I meant"]


def test_a_misread_crisis_can_be_corrected_in_one_tap(app_env):
    """Words misread as a crisis: "That's not what I meant" on the card is sent as the person's next message,
    so the conversation steps down to a gentle check (never straight back to ordinary talk), and the chat goes
    on without the person having to claim "I'm safe" first."""
    at = _chat()
    at.chat_input[0].set_value("my brother ate my leftovers AGAIN, I swear I'm going to kill him").run()
    assert at.chat_input[0].disabled
    [b for b in at.button if b.label == "That's not what I meant"][0].click().run()
    assert not at.exception, at.exception
    assert not at.chat_input[0].disabled
    said = [m for m in at.chat_message if m.name == "user"][-1]
    assert "That's not what I meant" in "\n".join(md.value for md in said.markdown)
    reply = "\n".join(md.value for md in at.chat_message[-1].markdown)
    assert "Thank you for telling me" in reply and "glad I got it wrong" in reply and "?" in reply
    assert not any(b.label.startswith("Start ") for b in at.button)
    # "yeah" answers "How are you doing right now?", not the fear the step-down named: no card again
    at.chat_input[0].set_value("yeah fine, he's just so annoying").run()
    assert not at.exception, at.exception
    assert not at.chat_input[0].disabled



def test_a_person_who_is_not_safe_can_say_so_on_the_card(app_env):
    """The card waits for a choice, and "I'm safe" must not be the only way on: "I'm not safe right now" is sent
    as the person's message, the crisis holds with the most direct reply (the emergency number, someone to be
    with them), and the input opens again so they can keep talking."""
    at = _chat()
    at.chat_input[0].set_value("I've decided I'm going to end my life tonight").run()
    assert at.chat_input[0].disabled
    [b for b in at.button if b.label == "I'm not safe right now"][0].click().run()
    assert not at.exception, at.exception
    assert not at.chat_input[0].disabled
    said = [m for m in at.chat_message if m.name == "user"][-1]
    assert "I'm not safe right now" in "\n".join(md.value for md in said.markdown)
    reply = "\n".join(md.value for md in at.chat_message[-1].markdown)
    assert "911" in reply and "988" in reply and "someone" in reply
    assert not any(b.label.startswith("Start ") for b in at.button)
    assert [b for b in at.button if b.label == "That's not what I meant"]  # still there under the held reply


def test_messages_sent_while_a_reply_appears_are_answered_in_order(app_env):
    """A second message sent while the first reply is still appearing waits behind it (the input's on_submit
    keeps it before the page runs): each gets its own reply, in the order sent, in the same conversation."""
    at = _chat()
    at.session_state["chat_waiting"] = ["I've been so stressed about my exams", "the first one is on monday"]
    at.run()
    assert not at.exception, at.exception
    said = [
        (m.name, "\n".join(md.value for md in m.markdown)) for m in at.chat_message if m.name in ("user", "assistant")
    ]
    users = [text for name, text in said if name == "user"]
    assert users == ["I've been so stressed about my exams", "the first one is on monday"]
    assert [name for name, _ in said][-4:] == ["user", "assistant", "user", "assistant"]
    assert at.session_state["chat_waiting"] == []
    assert len([b for b in at.sidebar.button if b.key and b.key.startswith("open-")]) == 1  # one conversation

"""Chat input limits: an empty message saves nothing; a very long one is read whole for safety, saved whole,
and answered from a bounded part, with a kind word that only the first part was used."""

from __future__ import annotations

import pytest
from fault_helpers import ROOT

LONG = "Work has been busy this month and I keep thinking about the deadlines. " * 2900  # ~206,000 characters


@pytest.mark.parametrize("text", ["", "   ", "\n\t  \n"])
def test_an_empty_message_gets_a_gentle_word_and_saves_nothing(service, text):
    from haven.chat.limits import EMPTY_REPLY

    reply = service.respond("me", text)
    assert reply.text == EMPTY_REPLY and reply.conversation_id is None
    assert service.conversations("me") == []


def test_the_cli_saves_no_empty_turn(with_searcher):
    from typer.testing import CliRunner

    from haven.chat import store
    from haven.cli import app
    from haven.storage.db import DEFAULT_PERSON, get_engine

    result = CliRunner().invoke(app, ["chat", "--json", "   "])
    assert result.exit_code == 0, result.output
    assert store.list_conversations(get_engine(), DEFAULT_PERSON) == []


def test_the_chat_page_ignores_a_blank_message(with_searcher):
    from streamlit.testing.v1 import AppTest

    from haven.chat import store
    from haven.storage.db import DEFAULT_PERSON, get_engine

    at = AppTest.from_file(str(ROOT / "pages" / "chat.py"), default_timeout=120).run()
    at.chat_input[0].set_value("   ").run()
    assert not at.exception, at.exception
    assert store.list_conversations(get_engine(), DEFAULT_PERSON) == []


def test_a_very_long_message_is_read_whole_for_safety_and_bounded_for_the_rest(service, monkeypatch):
    """Triage sees every character; understanding, search and the engine see at most MAX_USED_CHARS."""
    import haven.safety.conversation as conversation
    from haven.chat.limits import MAX_USED_CHARS

    seen: dict[str, list[int]] = {"triage": [], "understanding": [], "search": []}
    real_assess, real_read, real_search = conversation.assess, service.understander.read, service.searcher.search

    def assess(text, *args, **kwargs):  # the real reading, of a short stand-in: this test is about lengths
        seen["triage"].append(len(text))
        return real_assess("Work has been busy and I keep thinking about the deadlines.", *args, **kwargs)

    def read(text, *args, **kwargs):
        seen["understanding"].append(len(text))
        return real_read(text, *args, **kwargs)

    def search(text, *args, **kwargs):
        seen["search"].append(len(text))
        return real_search(text, *args, **kwargs)

    monkeypatch.setattr(conversation, "assess", assess)
    monkeypatch.setattr(service.understander, "read", read)
    monkeypatch.setattr(service.searcher, "search", search)
    reply = service.respond("me", LONG)
    assert seen["triage"] == [len(LONG)]
    assert seen["understanding"] and max(seen["understanding"]) <= MAX_USED_CHARS
    assert seen["search"] and max(seen["search"]) <= MAX_USED_CHARS + 200  # a query may add the region's words
    assert "long message" in reply.notice and "first part" in reply.notice
    turns = service.turns("me", reply.conversation_id)
    assert turns[0].role == "user" and turns[0].text == LONG  # nothing the person wrote is lost


def test_a_short_message_gets_no_length_notice(service):
    reply = service.respond("me", "Work has been busy and I keep thinking about the deadlines.")
    assert "long message" not in reply.notice

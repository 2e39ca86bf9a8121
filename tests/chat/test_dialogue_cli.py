"""``haven chat``'s contract (issue 12): conversation, understood and ms in --json; a bad id exits 2; a
terminal with no message opens a conversation."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def cli(searcher, data_dir, monkeypatch):
    import haven.chat.service as chat_service
    import haven.retrieval.search as search
    from haven.storage.db import get_engine

    monkeypatch.setattr(search, "get_library_search", lambda: searcher)
    chat_service.get_chat_service.cache_clear()
    get_engine.cache_clear()
    yield
    chat_service.get_chat_service.cache_clear()
    get_engine.cache_clear()


def _run(*args, **kwargs):
    from typer.testing import CliRunner

    from haven.cli import app

    return CliRunner().invoke(app, ["chat", *args], **kwargs)


def test_json_says_the_conversation_what_was_understood_and_the_time(cli):
    first = _run("--json", "I have an exam tomorrow and I can't stop worrying")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["conversation"] == data["conversation_id"] and isinstance(data["conversation"], int)
    assert data["understood"]["intent"] == "feeling" and data["understood"]["mode"] == "talking"
    assert "study" in data["understood"]["themes"] and "anxious" in data["understood"]["feelings"]
    assert isinstance(data["ms"], float) and data["ms"] >= 0
    second = json.loads(_run("--json", "--conversation", str(data["conversation"]), "no thanks").stdout)
    assert second["conversation"] == data["conversation"]
    assert second["understood"]["intent"] == "decline" and second["suggested_exercises"] == []


def test_a_crisis_is_understood_as_the_safety_layers(cli):
    data = json.loads(_run("--json", "I want to kill myself").stdout)
    assert data["level"] == "crisis" and data["understood"]["mode"] == "crisis"


def test_an_unknown_conversation_exits_2_with_a_plain_message(cli):
    result = _run("--conversation", "4242", "hello")
    assert result.exit_code == 2
    assert "no conversation 4242" in result.stderr and "Traceback" not in result.output


def test_no_message_outside_a_terminal_exits_2(cli):
    result = _run(input="")
    assert result.exit_code == 2 and "MESSAGE" in result.stderr


def test_no_message_in_a_terminal_talks_turn_by_turn_until_ctrl_d(cli, monkeypatch):
    import haven.cli

    monkeypatch.setattr(haven.cli, "_in_terminal", lambda: True)
    result = _run(input="hi\nI can't sleep before exams\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Hi, I'm Haven.")  # the opening (a recap when there was a last time)
    assert out.count("> ") == 3  # two turns, then Ctrl-D (end of input)

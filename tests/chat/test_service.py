"""The chat service's order of work: triage first, the person's words saved before any engine runs."""

from __future__ import annotations

import json

import pytest

from haven.chat.service import ChatService


class SpySearcher:
    """Records every query; answers with the real searcher."""

    def __init__(self, real):
        self.real, self.queries = real, []

    def search(self, query, k=5):
        self.queries.append(query)
        return self.real.search(query, k=k)


@pytest.fixture
def spy(searcher, library, db, understander):
    spy = SpySearcher(searcher)
    return spy, ChatService(spy, library, db, understander=understander)


def test_crisis_stops_before_search_and_engine(spy):
    searcher, service = spy
    reply = service.respond("me", "I want to kill myself")
    assert reply.level == "crisis" and reply.engine == "safety"
    assert searcher.queries == []  # nothing downstream of triage saw the text
    assert not reply.citations and not reply.suggested_exercises
    assert reply.crisis is not None and "988" in reply.text  # default region US
    turns = service.turns("me", reply.conversation_id)
    assert [(t.role, t.level) for t in turns] == [("user", "crisis"), ("assistant", "crisis")]
    assert turns[0].topics == ()  # a crisis message is not mined for topics
    assert service.conversations("me")[0].title == "A hard moment"


def test_crisis_response_uses_the_region_and_the_persons_safety_plan(spy, db, monkeypatch):
    from haven.config import get_settings
    from haven.storage.db import get_or_create_person, session_scope
    from haven.storage.models import ExerciseRun, utcnow

    monkeypatch.setenv("HAVEN_REGION", "GB")
    get_settings.cache_clear()
    with session_scope(db) as session:
        me = get_or_create_person(session, "me")
        session.add(
            ExerciseRun(
                person_id=me.id,
                exercise_id="safety-plan",
                completed_at=utcnow(),
                answers={"people_to_ask": ["my sister Jo"]},
            )
        )
    _, service = spy
    reply = service.respond("me", "I want to kill myself")
    assert "116 123" in reply.text  # Samaritans
    assert "my sister Jo" in reply.text


def test_ordinary_turn_searches_and_saves_topics_and_citations(spy):
    searcher, service = spy
    reply = service.respond("me", "I'm so anxious about my exam tomorrow")
    assert searcher.queries == ["I'm so anxious about my exam tomorrow"]
    turns = service.turns("me", reply.conversation_id)
    assert turns[0].topics == ("anxious", "study")
    assert turns[1].citations == reply.citations and turns[1].suggested_exercises == reply.suggested_exercises
    assert turns[1].engine == "guide"


def test_history_reaches_the_engine(spy):
    _, service = spy
    first = service.respond("me", "I feel low")
    second = service.respond("me", "I feel low", first.conversation_id)
    assert first.text != second.text  # the guide saw its own earlier reply and did not repeat it


def test_a_real_person_gets_the_regions_help_lines(spy):
    _, service = spy
    reply = service.respond("me", "I want to talk to a real person")
    assert "988" in reply.text and "therapist" in reply.text


def test_unknown_engine_setting_falls_back_to_the_guide(spy, monkeypatch):
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_LLM", "nonsense")
    get_settings.cache_clear()
    _, service = spy
    assert service.respond("me", "hello").engine == "guide"


def test_cli_chat_json_contract(searcher, data_dir, monkeypatch):
    from typer.testing import CliRunner

    import haven.chat.service as chat_service
    import haven.retrieval.search as search
    from haven.cli import app
    from haven.storage.db import get_engine

    monkeypatch.setattr(search, "get_library_search", lambda: searcher)
    chat_service.get_chat_service.cache_clear()
    get_engine.cache_clear()
    try:
        result = CliRunner().invoke(app, ["chat", "--json", "My heart is racing and I can't calm down"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert {"reply", "level", "citations", "suggested_exercises"} <= set(data)
        assert data["level"] == "none" and data["citations"] and data["suggested_exercises"]
        assert {"id", "title", "section", "source"} <= set(data["citations"][0])
        crisis = json.loads(CliRunner().invoke(app, ["chat", "--json", "I want to kill myself"]).stdout)
        assert crisis["level"] == "crisis" and crisis["suggested_exercises"] == []
    finally:
        chat_service.get_chat_service.cache_clear()
        get_engine.cache_clear()


def test_what_is_said_in_a_turn_a_check_in_answered_is_still_heard(spy):
    """A gentle check answers the turn, and the wish to be listened to said in it still holds afterwards."""
    searcher, service = spy
    first = service.respond("p-heard", "can you just listen? I've felt kind of numb for weeks")
    assert first.engine == "safety" and first.concern is not None  # a quiet sign: the check-in
    second = service.respond("p-heard", "work is a lot and nobody notices how much I do", first.conversation_id)
    assert second.engine != "safety"
    assert second.understood.mode == "listening" and not second.suggested_exercises


def test_the_guides_reply_is_saved_when_the_page_stops_reading_it(spy):
    """A second message sent while the first reply streams must not leave the first without an answer."""
    _, service = spy
    stream = service.respond_stream("p-interrupted", "I've been so stressed about my exams")
    conversation = next(stream).conversation_id  # the turn's conversation, streamed first
    assert isinstance(next(stream), str)
    stream.close()
    turns = service.turns("p-interrupted", conversation)
    assert [t.role for t in turns] == ["user", "assistant"] and turns[1].text.strip()
    second = service.respond("p-interrupted", "the first one is on monday", conversation)
    roles = [t.role for t in service.turns("p-interrupted", second.conversation_id)]
    assert roles == ["user", "assistant", "user", "assistant"]

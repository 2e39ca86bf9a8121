"""The LLM engine's logic with LangChain's fake chat models: prompts, citations, history, guard, fallback."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from haven.chat.citations import CitationChecker
from haven.chat.llm import EngineSpec, LLMEngine, LLMUnavailable
from haven.chat.types import Draft, EngineRequest, HistoryTurn, TurnStarted, Understanding


def _fake(text: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(text)]))


@pytest.fixture
def request_with_passages(searcher):
    text = "My heart is racing and I can't calm down"
    return EngineRequest(
        text=text, history=(), hits=tuple(searcher.search(text, k=5)), understanding=Understanding("feeling")
    )


def test_engine_spec_parsing():
    assert EngineSpec.parse("guide").provider == "guide"
    assert EngineSpec.parse("ollama:llama3.2") == EngineSpec("ollama", "llama3.2")
    assert str(EngineSpec.parse("openai:qwen2.5:7b")) == "openai:qwen2.5:7b"
    with pytest.raises(ValueError):
        EngineSpec.parse("claude:x")
    with pytest.raises(ValueError):
        EngineSpec.parse("openai:")


def test_citation_checker_renumbers_known_and_drops_unknown(request_with_passages):
    checker = CitationChecker(request_with_passages.hits)
    text = checker.clean("First [3]. Then [9] and [1, 3]. Also [0].")
    assert text == "First [1]. Then and [2][1]. Also."
    hits = request_with_passages.hits
    assert [c.doc_id for c in checker.citations] == [hits[2].doc_id, hits[0].doc_id]
    assert checker.removed == [9, 0]


def test_prompt_carries_numbered_passages_and_the_message(request_with_passages):
    engine = LLMEngine(_fake("x"), "openai:fake", guard=lambda t, context=None: None)
    messages = engine.messages(request_with_passages)
    assert isinstance(messages[0], SystemMessage) and isinstance(messages[-1], HumanMessage)
    first = request_with_passages.hits[0]
    assert f"[1] {first.citation_label()}" in messages[0].content
    assert "not a therapist" in messages[0].content
    assert messages[-1].content == request_with_passages.text


def test_history_is_trimmed_to_the_token_budget(request_with_passages):
    history = []
    for i in range(40):
        history += [
            HistoryTurn("user", f"message {i} " + "word " * 60),
            HistoryTurn("assistant", f"reply {i} " + "word " * 60),
        ]
    request = EngineRequest(**{**request_with_passages.__dict__, "history": tuple(history)})
    engine = LLMEngine(_fake("x"), "openai:fake", guard=lambda t, context=None: None, history_tokens=600)
    messages = engine.messages(request)
    kept = messages[1:-1]
    assert 2 <= len(kept) < 20
    assert isinstance(kept[0], HumanMessage)  # a trimmed history still starts with the person
    assert kept[-1].content.startswith("reply 39")  # the most recent turns are the ones kept


def test_stream_checks_markers_and_suggests_cited_exercises(request_with_passages):
    hits = request_with_passages.hits
    exercise_n = next(i for i, h in enumerate(hits, 1) if h.kind == "exercise")
    reply = f"That sounds frightening. You could try this [{exercise_n}]. See also [12]. What do you notice first?"
    from haven.safety import check_output

    engine = LLMEngine(_fake(reply), "openai:fake", guard=check_output)
    *pieces, draft = list(engine.stream(request_with_passages))
    assert isinstance(draft, Draft)
    assert "[12]" not in draft.text and "[1]" in draft.text
    assert "".join(pieces).strip() == draft.text
    assert draft.suggested_exercises == (hits[exercise_n - 1].doc_id,)
    assert [c.n for c in draft.citations] == [1]


def test_error_mid_stream_raises_unavailable(request_with_passages):
    model = FakeListChatModel(
        responses=["One sentence here. Another one comes. And a third."], error_on_chunk_number=25
    )
    engine = LLMEngine(
        model, "openai:fake", guard=lambda t, context=None: type("G", (), {"safe": True, "text": t})()
    )
    with pytest.raises(LLMUnavailable):
        list(engine.stream(request_with_passages))


def test_empty_reply_counts_as_unavailable(request_with_passages):
    engine = LLMEngine(_fake(""), "openai:fake", guard=lambda t, context=None: None)
    with pytest.raises(LLMUnavailable):
        list(engine.stream(request_with_passages))


# --- through the service ---------------------------------------------------------------------------------


@pytest.fixture
def llm_service(searcher, library, db, understander, monkeypatch):
    """A chat service whose configured engine is 'openai:fake', served by whatever model the test sets."""
    from haven.chat.service import ChatService
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_LLM", "openai:fake")
    get_settings.cache_clear()
    box = {}
    service = ChatService(searcher, library, db, understander=understander, model_factory=lambda *a: box["model"])
    service.box = box
    return service


def test_service_uses_the_model_and_saves_its_reply(llm_service):
    llm_service.box["model"] = _fake("Breathing slowly can help [1]. What happens in your body?")
    reply = llm_service.respond("me", "My heart is racing and I can't calm down")
    assert reply.engine == "openai:fake" and not reply.notice
    assert reply.text == "Breathing slowly can help [1]. What happens in your body?"
    turns = llm_service.turns("me", reply.conversation_id)
    assert [t.role for t in turns] == ["user", "assistant"]
    assert turns[1].engine == "openai:fake" and turns[1].citations == reply.citations


def test_model_failure_falls_back_to_the_guide_and_keeps_the_message(llm_service):
    llm_service.box["model"] = FakeListChatModel(
        responses=["This starts well. Then it breaks off somewhere in the middle."], error_on_chunk_number=20
    )
    items = list(llm_service.respond_stream("me", "I'm so stressed about work"))
    reply = items[-1]
    streamed = "".join(i for i in items[:-1] if isinstance(i, str))
    assert streamed.startswith("This starts well.")  # the model's first sentence reached the page
    assert reply.engine == "guide" and "did not answer" in reply.notice
    assert reply.text != streamed and reply.text.rstrip().endswith("?")
    turns = llm_service.turns("me", reply.conversation_id)
    assert turns[0].role == "user" and turns[0].text == "I'm so stressed about work"
    assert turns[1].engine == "guide" and turns[1].notice == reply.notice


def test_crisis_never_reaches_the_model(llm_service):
    class Exploding:
        def stream(self, *a, **k):
            raise AssertionError("the model was called on a crisis message")

    llm_service.box["model"] = Exploding()
    reply = llm_service.respond("me", "I want to kill myself")
    assert reply.level == "crisis" and reply.engine == "safety"


def test_a_reply_the_page_stops_reading_is_still_finished_and_saved(llm_service):
    """The page reruns when the person sends another message while a reply is still appearing: the stream is
    closed part-way. The person's message was saved, so the reply is finished and saved too, never left out."""
    llm_service.box["model"] = _fake("Breathing slowly can help [1]. What happens in your body?")
    stream = llm_service.respond_stream("me", "My heart is racing and I can't calm down")
    started = next(stream)
    assert isinstance(started, TurnStarted)  # the page keeps the conversation before any words appear
    first = next(stream)
    assert isinstance(first, str) and first.strip()  # the reply had begun to appear
    stream.close()  # what a rerun does to the generator st.write_stream was reading
    conversation = started.conversation_id
    assert llm_service.conversations("me")[0].id == conversation
    turns = llm_service.turns("me", conversation)
    assert [t.role for t in turns] == ["user", "assistant"]
    assert turns[1].text == "Breathing slowly can help [1]. What happens in your body?"
    assert turns[1].engine == "openai:fake"
    follow_up = llm_service.respond("me", "it's pounding", conversation)  # the next message finds a whole turn
    assert [t.role for t in llm_service.turns("me", follow_up.conversation_id)] == ["user", "assistant"] * 2

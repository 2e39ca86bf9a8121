"""The scripted conversation set (conversations.yaml) through the whole chat service with the guide engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

SCRIPT = yaml.safe_load((Path(__file__).with_name("conversations.yaml")).read_text(encoding="utf-8"))
CONVERSATIONS = SCRIPT["conversations"]
_MARKER = re.compile(r"\[(\d+)\]")


def _sentences(text: str) -> list[str]:
    """Sentences as a reader meets them: split at . ! ? : and line breaks; markup and citation numbers ignored."""
    parts = re.split(r"(?<=[.!?])\s+|(?<=:)\s+|\n+", text)
    keys = []
    for part in parts:
        key = re.sub(r"\[\d+\]|[*_`]|^\s*-\s*", "", part).strip().lower()
        if key:
            keys.append(key)
    return keys


def test_the_set_is_big_enough():
    assert sum(len(c["messages"]) for c in CONVERSATIONS) >= 30
    assert any(len(c["messages"]) >= 10 for c in CONVERSATIONS)


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_conversation(service, conversation):
    conversation_id, said = None, {}
    for step in conversation["messages"]:
        text = step["text"]
        reply = service.respond("me", text, conversation_id)
        conversation_id = reply.conversation_id
        where = f"{text!r} -> {reply.text!r}"
        assert reply.level == step.get("level", "none"), where
        if reply.level == "crisis":
            assert reply.engine == "safety" and not reply.suggested_exercises, where
        understanding = service.understander.read(text)
        if "intent" in step:
            assert understanding.intent == step["intent"], where
        for feeling in step.get("feelings", []):
            assert feeling in reply.topics, where
        for theme in step.get("themes", []):
            assert theme in reply.topics, where
        if "suggests_any" in step:
            assert set(step["suggests_any"]) & set(reply.suggested_exercises), where
            assert 1 <= len(reply.suggested_exercises) <= 3, where
        if "cites_any" in step:
            assert set(step["cites_any"]) & {c.doc_id for c in reply.citations}, where
        if step.get("no_citations"):
            assert not reply.citations, where
        if "question" in step:
            asks = reply.text.rstrip().endswith("?")
            assert asks == step["question"], where
        if "says_any" in step:
            assert any(p.lower() in reply.text.lower() for p in step["says_any"]), where
        if reply.level != "crisis":
            # every number shown opens a passage, and every passage listed is shown
            assert {int(n) for n in _MARKER.findall(reply.text)} == {c.n for c in reply.citations}, where
            for citation in reply.citations:
                assert citation.passage.strip() and citation.source, where
            # suggested exercises are cited
            assert set(reply.suggested_exercises) <= {c.doc_id for c in reply.citations}, where
            for sentence in _sentences(reply.text):
                assert sentence not in said, f"repeated {sentence!r} (first said after {said.get(sentence)!r})"
                said[sentence] = text


def test_same_conversation_same_replies(searcher, library, understander, tmp_path, monkeypatch):
    """The guide is deterministic: the same messages in a fresh database give the same replies."""
    from haven.chat.service import ChatService
    from haven.config import get_settings
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HAVEN_LLM", raising=False)
    get_settings.cache_clear()
    runs = []
    for n in range(2):
        db = make_engine(f"sqlite:///{tmp_path / f'run{n}.db'}")
        upgrade(db)
        svc = ChatService(searcher, library, db, understander=understander)
        cid, texts = None, []
        for step in CONVERSATIONS[0]["messages"]:
            reply = svc.respond("me", step["text"], cid)
            cid = reply.conversation_id
            texts.append(reply.text)
        runs.append(texts)
        db.dispose()
    get_settings.cache_clear()
    assert runs[0] == runs[1]


@pytest.mark.parametrize(
    "text",
    [
        "bye",
        "goodbye",
        "I can't switch off",
        "I'm still so worried about tomorrow",
        "I snapped at my partner again and I'm furious with myself",
    ],
)
def test_everyday_messages_are_not_crises(text):
    """Ordinary chat messages that once got the crisis card: sign-offs, worry, frustration."""
    from haven.safety import triage

    assert triage(text).level == "none"

"""Fixtures for the review tests: a fresh database, and a reviewed dir in tmp (never the repository's)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for path in (ROOT, HERE):  # pages and ui/ import from the repository root; test helpers live here
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


@pytest.fixture(autouse=True)
def reviewed(tmp_path, monkeypatch) -> Path:
    """Every test reads and writes reviews in its own tmp folder."""
    folder = tmp_path / "reviewed"
    monkeypatch.setenv("HAVEN_REVIEWED_DIR", str(folder))
    return folder


@pytest.fixture
def engine(data_dir):
    """The engine pages and the CLI open through the settings (this test's data dir)."""
    import streamlit as st

    from haven.storage.db import get_engine

    get_engine.cache_clear()
    st.cache_resource.clear()
    eng = get_engine()
    yield eng
    get_engine.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def conversation_id(engine) -> int:
    """A stored conversation: two exchanges, the first reply citing the library (saved as the chat saves)."""
    from haven.storage.db import get_or_create_person, session_scope
    from haven.storage.models import ChatTurn, Conversation

    citation = {
        "n": 1, "doc_id": "sleep-hygiene", "kind": "exercise", "title": "Sleep reset plan",
        "section": "When it helps", "source": "exercises/sleep-hygiene.yaml", "passage": "Plan a steady wake time.",
        "references": [],
    }  # fmt: skip
    with session_scope(engine) as session:
        conversation = Conversation(person_id=get_or_create_person(session, "me").id, title="Exams and sleep")
        conversation.turns = [
            ChatTurn(role="user", text="I can't sleep before my exams", level="none", topics=["sleep"]),
            ChatTurn(
                role="assistant",
                text="That sounds hard. A **sleep reset plan** may help [1].",
                citations=[citation],
                engine="guide",
            ),  # fmt: skip
            ChatTurn(role="user", text="thanks", level="none"),
            ChatTurn(role="assistant", text="You're welcome.", engine="guide"),
        ]
        session.add(conversation)
        session.flush()
        return conversation.id

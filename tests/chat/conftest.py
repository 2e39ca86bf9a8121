"""Fixtures for the chat: a throwaway database, the real library, and the real hybrid search built in memory.

The searcher is :class:`haven.retrieval.search.LibrarySearch` over the library's own passages and probes,
embedded with the bundled model, without Chroma (so tests need no index on disk and stay fast).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # pages and ui/ import from the repository root
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    for var in ("HAVEN_LLM", "HAVEN_LLM_BASE_URL", "HAVEN_LLM_TIMEOUT", "HAVEN_REGION", "HAVEN_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def db(data_dir):
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    eng = make_engine(f"sqlite:///{data_dir / 'haven.db'}")
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def library():
    from haven.content.loader import load_default_library

    return load_default_library()


@pytest.fixture(scope="session")
def searcher(library):
    """The real hybrid searcher over every passage of the real library."""
    from chat_helpers import build_searcher

    return build_searcher(library)


@pytest.fixture(scope="session")
def understander(library):
    from haven.chat.understanding import Understander

    u = Understander(library)
    u.warm_up()
    return u


@pytest.fixture
def service(searcher, library, db, understander):
    from haven.chat.service import ChatService

    return ChatService(searcher, library, db, understander=understander)


@pytest.fixture
def calm(monkeypatch):
    """Everyday messages read as no risk, for tests of the guide's own replies: triage is the safety layer's and is
    tested in tests/safety (it read some everyday test messages as a concern while it was being retuned, which would
    hide the guide's reply)."""
    import dataclasses

    import haven.safety.conversation as conversation

    real = conversation.assess

    def assess(text, state=None, question=None, exercise_step=False):
        found = real(text, None, question, exercise_step)
        verdict = dataclasses.replace(found.triage, level="none")
        return conversation.Assessment(verdict, conversation.RiskState("clear"), "normal")

    monkeypatch.setattr(conversation, "assess", assess)

"""Fixtures for the fault-injection tests: a private data dir, the real library and searcher built in memory
(no Chroma), a fresh database, and no process-wide cache left over from another test.

Each test here breaks one thing a person can meet (a re-keyed database, an unreadable index, a model that
dribbles, a huge message, a locked app) and checks that help, words and privacy survive it.
"""

from __future__ import annotations

import sys

import pytest
from fault_helpers import ROOT

for folder in (ROOT, ROOT / "tests" / "chat"):  # pages, ui/ and the chat tests' helpers
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def _forget_process_state() -> None:
    """Engines, the remembered passphrase, settings and cached services: as in a new process."""
    import streamlit as st

    from haven.chat.service import get_chat_service
    from haven.config import get_settings
    from haven.storage.crypto import remember_passphrase
    from haven.storage.db import close_engines

    close_engines()
    remember_passphrase(None)
    get_settings.cache_clear()
    get_chat_service.cache_clear()
    st.cache_resource.clear()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """This test's own data dir, the offline guide, the US help lines, and nothing cached from before."""
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "data"))
    for var in (
        "HAVEN_LLM", "HAVEN_LLM_BASE_URL", "HAVEN_LLM_TIMEOUT", "HAVEN_REGION", "HAVEN_DATABASE_URL",
        "HAVEN_PASSPHRASE",
    ):  # fmt: skip
        monkeypatch.delenv(var, raising=False)
    _forget_process_state()
    yield tmp_path / "data"
    _forget_process_state()


@pytest.fixture(scope="session")
def library():
    from haven.content.loader import load_default_library

    return load_default_library()


@pytest.fixture(scope="session")
def searcher(library):
    """The real hybrid searcher over the real library, in memory."""
    from chat_helpers import build_searcher

    return build_searcher(library)


@pytest.fixture
def with_searcher(data_dir, searcher, monkeypatch):
    """The process-wide searcher is the in-memory one (no index build on disk)."""
    import haven.retrieval.search as search

    monkeypatch.setattr(search, "get_library_search", lambda: searcher)
    return searcher


@pytest.fixture
def db(data_dir):
    """A migrated, empty SQLite database in this test's data dir."""
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    data_dir.mkdir(parents=True, exist_ok=True)
    eng = make_engine(f"sqlite:///{data_dir / 'haven.db'}")
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def understander(library):
    from haven.chat.understanding import Understander

    u = Understander(library)
    u.warm_up()
    return u


@pytest.fixture
def service(searcher, library, db, understander):
    """The real chat service over the in-memory searcher and this test's database."""
    from haven.chat.service import ChatService

    return ChatService(searcher, library, db, understander=understander)


@pytest.fixture
def served_as_by_a_server(monkeypatch):
    """As in a running server after its first page view: app.py's st.navigation governs, not pages/.

    AppTest forgets that before every run (it resets ``PagesManager.uses_pages_directory``), and then a
    form on a page with its own address loses its submit click; a server sets it once per process.
    """
    from streamlit.runtime.pages_manager import PagesManager

    real = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        real(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)

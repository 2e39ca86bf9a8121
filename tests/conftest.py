"""Shared test setup: every test runs offline against a private, throw-away data dir."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports haven: no hub, no telemetry, and a data dir that is never the person's own.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"


def _session_data_dir() -> None:
    """A throw-away data dir for this test process, unless the person running the tests chose one.

    Under pytest-xdist each worker inherits the controller's environment, so a dir made by the controller
    would be shared by every worker, and two workers would build the library index in it at once. Each
    process therefore makes its own (marked in HAVEN_TEST_SESSION_DATA_DIR so a worker can tell it apart
    from a dir the person set).
    """
    chosen = os.environ.get("HAVEN_DATA_DIR")
    if chosen and chosen != os.environ.get("HAVEN_TEST_SESSION_DATA_DIR"):
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    path = tempfile.mkdtemp(prefix=f"haven-test-session-{worker}-")
    os.environ["HAVEN_DATA_DIR"] = os.environ["HAVEN_TEST_SESSION_DATA_DIR"] = path


_session_data_dir()
os.environ.pop("HAVEN_LLM", None)
os.environ.pop("HAVEN_DATABASE_URL", None)
os.environ.pop("HAVEN_PASSPHRASE", None)

ROOT = Path(__file__).resolve().parent.parent

#: Test files that share an expensive session fixture, run as one pytest-xdist unit so it is started once:
#: the Haven server of the browser tests, and the library index built embedded and on a Chroma server.
SHARED_UNITS = {
    "tests/browser/test_e2e.py": "browser-haven-server",
    "tests/browser/test_screens.py": "browser-haven-server",
    "tests/deploy/test_chroma_server.py": "library-index",
    "tests/retrieval": "library-index",
}


def work_unit(nodeid: str) -> str:
    """The pytest-xdist work unit of a test: its file, or the shared unit its file or folder belongs to."""
    path = nodeid.split("::", 1)[0]
    return SHARED_UNITS.get(path) or SHARED_UNITS.get(path.rsplit("/", 1)[0]) or path


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Under ``--dist loadfile`` (pyproject.toml): each file goes to one worker whole, so its module fixtures
    (an app run, a server) start once, and the files in SHARED_UNITS go to one worker together.

    Why a scheduler and not ``xdist_group`` marks: with pytest 9.2, pytest-xdist 3.8's ``--dist loadgroup``
    silently ignores the marks (it renames node ids, which pytest no longer reads back). This is the hook
    pytest-xdist offers for a custom distribution.
    """
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FileOrSharedUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return FileOrSharedUnit(config, log)


@pytest.fixture(scope="session")
def library_search():
    """The real searcher over the real library, built once for the whole run (in the session data dir)."""
    from haven.retrieval.search import get_library_search

    return get_library_search()


@pytest.fixture(scope="session")
def chroma_server():
    """A Chroma server (`chroma run`) on loopback for this test session."""
    from services import ChromaServer

    server = ChromaServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL cluster on loopback for this test session."""
    from services import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture()
def postgres_url(postgres_server, request):
    """A fresh, empty PostgreSQL database for one test."""
    import re

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    return postgres_server.create_database(name)


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """This test's own data dir, with the settings re-read (and re-read again after the test)."""
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HAVEN_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


@pytest.fixture
def engine(data_dir, tmp_path):
    """A migrated, empty database: PostgreSQL when HAVEN_TEST_DATABASE_URL is set, else a tmp SQLite file."""
    from haven.storage.testing import fresh_engine

    eng = fresh_engine(tmp_path)
    yield eng
    eng.dispose()

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
os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp(prefix="haven-test-session-"))
os.environ.pop("HAVEN_LLM", None)
os.environ.pop("HAVEN_DATABASE_URL", None)
os.environ.pop("HAVEN_PASSPHRASE", None)

ROOT = Path(__file__).resolve().parent.parent


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

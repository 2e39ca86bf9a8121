"""Fixtures for the privacy tests: a tmp SQLite database per test, filled with every kind of record."""

from __future__ import annotations

import pytest
from privacy_data import fill

from haven.storage.db import DEMO_PERSON


def _reset_database_state() -> None:
    from haven.config import get_settings
    from haven.storage.crypto import remember_passphrase
    from haven.storage.db import close_engines

    close_engines()
    remember_passphrase(None)
    get_settings.cache_clear()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HAVEN_DATABASE_URL", raising=False)
    monkeypatch.delenv("HAVEN_PASSPHRASE", raising=False)
    _reset_database_state()
    yield tmp_path / "data"
    _reset_database_state()


@pytest.fixture
def db_path(data_dir):
    return data_dir / "haven.db"


@pytest.fixture
def engine(data_dir):
    from haven.storage.db import get_engine

    return get_engine()


@pytest.fixture
def populated(engine):
    fill(engine, "me")
    fill(engine, DEMO_PERSON, is_demo=True)
    return engine

"""Fixtures for the storage tests: an emptied database per test, PostgreSQL when HAVEN_TEST_DATABASE_URL is set."""

from __future__ import annotations

import pytest


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HAVEN_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


@pytest.fixture
def engine(data_dir, tmp_path):
    from haven.storage.testing import fresh_engine

    eng = fresh_engine(tmp_path)
    yield eng
    eng.dispose()

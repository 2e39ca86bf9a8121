"""Shared setup for the library tests: settings that never touch the real data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.config import get_settings


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Point HAVEN_DATA_DIR at a temp dir and drop any library override, so defaults mean the repo's library."""
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HAVEN_LIBRARY_DIR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()

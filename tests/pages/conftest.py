"""Fixtures shared by the page tests."""

from __future__ import annotations

import pytest

from haven.config import get_settings


@pytest.fixture
def clinic_on_a_file(tmp_path, monkeypatch):
    """Clinic mode over a SQLite file (the services' scoping is the same; row-level security is PostgreSQL's)."""
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAVEN_MODE", "clinic")
    monkeypatch.setenv("HAVEN_DATABASE_URL", f"sqlite:///{tmp_path / 'clinic.db'}")
    monkeypatch.setenv("HAVEN_CLINICIAN_GROUP", "therapists")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()

"""Fixtures for the clinic tests: a database opened in clinic mode, and the people who have signed in to it."""

from __future__ import annotations

import pytest
from clinic_data import ANA, BEN, NOLAN, RIVERA
from sqlalchemy import Engine

from haven.clinic.people import person_for


@pytest.fixture
def clinic_engine(data_dir, tmp_path, monkeypatch) -> Engine:
    """A migrated SQLite database, with Haven's settings in clinic mode pointing at it."""
    from haven.config import get_settings
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    monkeypatch.setenv("HAVEN_MODE", "clinic")
    monkeypatch.setenv("HAVEN_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = make_engine(url)
    upgrade(engine)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


@pytest.fixture
def signed_in(clinic_engine) -> Engine:
    """The clinic database after Ana, Ben and two clinicians have each signed in once."""
    for identity in (ANA, BEN, RIVERA, NOLAN):
        person_for(clinic_engine, identity)
    return clinic_engine

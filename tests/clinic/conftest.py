"""Fixtures for the clinic tests: a database opened in clinic mode, and the people who have signed in to it."""

from __future__ import annotations

import shutil

import pytest
from clinic_data import ANA, BEN, NOLAN, RIVERA
from sqlalchemy import Engine

from haven.clinic.people import person_for


@pytest.fixture(scope="session")
def _migrated_clinic_file(tmp_path_factory):
    """One SQLite file migrated to head, copied for each test: running the migrations for every one of the
    hundred-odd clinic tests cost most of their time."""
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    path = tmp_path_factory.mktemp("clinic-template") / "clinic.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def clinic_engine(data_dir, tmp_path, monkeypatch, _migrated_clinic_file) -> Engine:
    """A migrated SQLite database of its own, with Haven's settings in clinic mode pointing at it."""
    from haven.config import get_settings
    from haven.storage.db import make_engine

    path = tmp_path / "clinic.db"
    shutil.copyfile(_migrated_clinic_file, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("HAVEN_MODE", "clinic")
    monkeypatch.setenv("HAVEN_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = make_engine(url)
    yield engine
    engine.dispose()
    get_settings.cache_clear()


@pytest.fixture
def signed_in(clinic_engine) -> Engine:
    """The clinic database after Ana, Ben and two clinicians have each signed in once."""
    for identity in (ANA, BEN, RIVERA, NOLAN):
        person_for(clinic_engine, identity)
    return clinic_engine

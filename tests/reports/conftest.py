"""Fixtures for the report tests: a fresh database with the demo profile, chosen notes and thought records."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for path in (ROOT, HERE):  # pages and ui/ import from the repository root; the seed data lives here
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from report_data import Seeded, seed  # noqa: E402


@pytest.fixture
def seeded(engine) -> Seeded:
    return seed(engine)


@pytest.fixture(scope="session")
def library():
    from haven.content.loader import load_default_library

    return load_default_library()


@pytest.fixture
def app_engine(data_dir, monkeypatch):
    """The engine the pages open (``ui.resources.database()``), on this test's data dir, seeded."""
    import streamlit as st

    from haven.storage.db import get_engine

    get_engine.cache_clear()
    st.cache_resource.clear()
    eng = get_engine()
    yield eng
    get_engine.cache_clear()
    st.cache_resource.clear()

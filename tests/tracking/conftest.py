"""Fixtures for the tracking tests: a fresh database per test, settings in a tmp dir, a stand-in triage."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for path in (ROOT, HERE):  # pages and ui/ import from the repository root; fakes live here
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from tracking_fakes import SafetyCalls, install_fake_safety  # noqa: E402


@pytest.fixture
def fake_safety(monkeypatch) -> SafetyCalls:
    return install_fake_safety(monkeypatch)


@pytest.fixture
def app_env(data_dir, tmp_path, monkeypatch):
    """Pages under AppTest with a fresh database in the tmp data dir, the real safety layer and crisis card
    (add ``fake_safety`` to a test to record what was triaged instead)."""
    import os

    import streamlit as st

    from haven.storage.db import get_engine
    from haven.storage.testing import TEST_DATABASE_URL_ENV, fresh_engine

    if os.environ.get(TEST_DATABASE_URL_ENV):
        fresh_engine(tmp_path, revision=None).dispose()
        monkeypatch.setenv("HAVEN_DATABASE_URL", os.environ[TEST_DATABASE_URL_ENV])
    monkeypatch.setenv("HAVEN_REGION", "GB")
    __import__("haven.config").config.get_settings.cache_clear()
    get_engine.cache_clear()
    st.cache_resource.clear()  # ui.resources.database() must open this test's database
    yield get_engine()
    get_engine.cache_clear()
    st.cache_resource.clear()

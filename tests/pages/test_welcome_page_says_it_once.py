"""The Welcome page says what Haven is not once (the first-run welcome says it, so the page's own box waits
until the welcome is done or skipped), and offers the demo profile only where Settings has one (not in a
clinic's Haven)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from haven.config import get_settings

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "home.py")
NOT_THERAPY = "It is not therapy"  # the page's own box
NOT_A_THERAPIST = "not a therapist"  # the welcome's first message
DEMO = "Settings can fill a demo profile"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    import streamlit as st

    from haven.storage.db import close_engines

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAVEN_REGION", "US")
    monkeypatch.delenv("HAVEN_MODE", raising=False)
    monkeypatch.delenv("HAVEN_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()  # the database engine of another test's folder
    yield
    close_engines()
    st.cache_resource.clear()
    get_settings.cache_clear()


def _said(at: AppTest, words: str) -> int:
    texts = [m.value for m in at.markdown] + [i.value for i in at.info] + [c.value for c in at.caption]
    return sum(words in text for text in texts)


def test_first_visit_says_what_haven_is_not_once_in_the_welcome(fresh):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    assert _said(at, NOT_A_THERAPIST) == 1  # the welcome is showing, and says it
    assert _said(at, NOT_THERAPY) == 0  # the page's box does not repeat it just below


def test_after_the_welcome_the_page_says_it_itself(fresh):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.button(key="welcome-skip-intro").click().run()
    assert not at.exception
    assert _said(at, NOT_A_THERAPIST) == 0
    assert _said(at, NOT_THERAPY) == 1
    assert _said(at, DEMO) == 1  # a personal Haven: Settings has the demo


def test_a_clinics_haven_does_not_point_to_a_demo_it_refuses(fresh, monkeypatch, tmp_path):
    monkeypatch.setenv("HAVEN_MODE", "clinic")
    monkeypatch.setenv("HAVEN_DATABASE_URL", f"sqlite:///{tmp_path / 'clinic.db'}")
    get_settings.cache_clear()
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception
    assert _said(at, DEMO) == 0
    assert "Your privacy" in [s.value for s in at.subheader]  # the rest of the page is there

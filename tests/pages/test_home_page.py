"""The Welcome page: the self-help framing, help lines one click away, and the first-run region choice."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from haven.config import get_settings

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "home.py")


def test_welcome_says_self_help_and_shows_help_lines(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HAVEN_REGION", raising=False)
    get_settings.cache_clear()
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.button(key="welcome-skip-intro").click().run()  # the first-run welcome says it first, then the page
    assert not at.exception
    assert "not therapy" in at.info[0].value
    help_text = " ".join(m.value for m in at.expander[0].markdown)
    assert "988" in help_text and "911" in help_text


def test_first_run_region_choice_is_saved(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HAVEN_REGION", raising=False)
    get_settings.cache_clear()
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    at.selectbox(key="first_run_region").set_value("GB")
    at.button(key="save_region").click().run()
    assert not at.exception
    get_settings.cache_clear()
    assert get_settings().region == "GB"
    assert "116 123" in " ".join(m.value for m in at.expander[0].markdown)
    get_settings.cache_clear()

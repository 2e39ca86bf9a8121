"""'Need help now?': drawn in the page (pinned to the header), not the sidebar; one tap opens the lines."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from haven.config import get_settings


def _help_only() -> None:
    from ui.help_now import help_now_button

    help_now_button()


def test_the_button_is_in_the_page_and_opens_call_buttons(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAVEN_REGION", "US")
    get_settings.cache_clear()
    at = AppTest.from_function(_help_only, default_timeout=60).run()
    assert at.main.button(key="help_now").label == "Need help now?"
    assert not at.sidebar.button  # on a phone the sidebar is closed: help must not live there
    at.button(key="help_now").click().run()
    assert not at.exception
    links = [(b.proto.label, b.proto.url) for b in at.get("link_button")]
    assert ("Call 988", "tel:988") in links and ("Emergency: call 911", "tel:911") in links
    get_settings.cache_clear()

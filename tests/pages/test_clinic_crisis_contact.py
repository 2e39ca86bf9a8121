"""Crisis help in clinic mode: the clinic's own urgent contact beside the public lines, and no promise that
anyone is watching. Personal mode draws exactly what it drew before."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from haven.config import get_settings

CONTACT = "Riverside Clinic duty line 555 0100"


def _help_dialog_only() -> None:
    from ui.help_now import help_now_button

    help_now_button()


def _open_help(tmp_path, monkeypatch, **env) -> AppTest:
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAVEN_REGION", "US")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    at = AppTest.from_function(_help_dialog_only, default_timeout=60).run()
    at.button(key="help_now").click().run()
    get_settings.cache_clear()
    assert not at.exception
    return at


def _text(at: AppTest) -> str:
    return " ".join(m.value for m in [*at.markdown, *at.caption])


def test_clinic_mode_adds_the_clinics_contact_and_says_no_one_is_watching(tmp_path, monkeypatch):
    at = _open_help(tmp_path, monkeypatch, HAVEN_MODE="clinic", HAVEN_DATABASE_URL="postgresql+psycopg://x@h/db",
                    HAVEN_CLINIC_URGENT_CONTACT=CONTACT)  # fmt: skip
    text = _text(at)
    assert CONTACT in text and "does not alert them" in text
    assert ("Call 988", "tel:988") in [(b.proto.label, b.proto.url) for b in at.get("link_button")]
    for promise in ("is watching", "will see", "will be notified", "will contact you"):
        assert promise not in text.replace("No one at your clinic sees", "")


def test_personal_mode_shows_no_clinic_contact(tmp_path, monkeypatch):
    monkeypatch.delenv("HAVEN_MODE", raising=False)
    at = _open_help(tmp_path, monkeypatch, HAVEN_CLINIC_URGENT_CONTACT=CONTACT)
    text = _text(at)
    assert CONTACT not in text and "clinic" not in text.lower()

"""Clinic mode's sign-in gate, drawn for the claims a browser brings: the sign-in page when signed out, and a
plain page (no traceback, none of the claims, no database touched) for each sign-in Haven refuses."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from haven.config import get_settings


def _gate() -> None:
    """app.py's clinic branch with stand-in pages: the gate, then which menu it would show."""
    import streamlit as st

    from ui.clinic_pages import clinic_pages

    def page() -> None:
        st.title("A page of Haven")

    menu = clinic_pages({"Haven": [st.Page(page, title="Welcome", url_path="home", default=True)]})
    if menu is not None:
        shown = [p.title for pages in menu.values() for p in pages if p.visibility == "visible"]
        hidden = [p.url_path for pages in menu.values() for p in pages if p.visibility == "hidden"]
        st.write("menu: " + ", ".join(shown))
        st.write("hidden: " + ", ".join(hidden))


@pytest.fixture
def clinic(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HAVEN_MODE", "clinic")
    # nothing may open it: a refused sign-in reads and writes nothing (this address does not even exist)
    monkeypatch.setenv("HAVEN_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _run(user: dict) -> AppTest:
    at = AppTest.from_function(_gate, default_timeout=60)
    at.user = user
    return at.run()


def _page_text(at: AppTest) -> str:
    parts = [*at.title, *at.markdown, *at.caption, *at.warning, *at.button]
    return " ".join(getattr(p, "value", None) or getattr(p, "label", "") for p in parts)


def test_signed_out_shows_only_the_sign_in_page(clinic):
    at = _run({"is_logged_in": False})
    assert not at.exception
    assert at.title[0].value == "Welcome to Haven"
    assert at.button(key="sign_in").label == "Sign in"
    assert "menu:" not in _page_text(at)


SECRET = {"name": "Hidden Person", "email": "hidden@clinic.test"}


@pytest.mark.parametrize(
    ("claims", "title", "way_on"),
    [
        ({"sub": ""}, "Your sign-in did not say who you are", "sign_out_refused"),
        ({"sub": "u1", "email_verified": False}, "This account is not confirmed", "sign_out_refused"),
        ({"sub": "u1", "iat": time.time() - 13 * 3600}, "Your session has ended", "sign_in_again"),
        ({"sub": "u1", "iat": None}, "Your session has ended", "sign_in_again"),  # no time: not trusted either
    ],
)
def test_a_refused_sign_in_gets_a_plain_page_and_nothing_else(clinic, claims, title, way_on):
    at = _run({"is_logged_in": True, "iat": time.time(), **SECRET, **claims})
    assert not at.exception  # the fake database address was never opened
    assert at.title[0].value == title
    assert at.button(key=way_on)
    text = _page_text(at)
    assert "menu:" not in text
    assert "Hidden" not in text and "hidden@" not in text and "u1" not in text
    assert "Traceback" not in text


def _line(at: AppTest, start: str) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(start))


def test_the_menu_follows_the_role_the_provider_names(clinic_on_a_file):
    person = _run({"is_logged_in": True, "sub": "p-1", "name": "Pat", "iat": time.time(), "groups": ["staff"]})
    assert not person.exception
    assert _line(person, "menu:") == "menu: Welcome, Sharing"  # the stand-in Welcome plus Sharing
    assert _line(person, "hidden:") == "hidden: caseload, shared, review"  # drawn as "for clinicians" pages
    assert "Pat · signed in" in [c.value for c in person.sidebar.caption]
    assert person.sidebar.button(key="sign_out").label == "Sign out"

    clinician = _run({"is_logged_in": True, "sub": "c-1", "name": "Dr Lee", "iat": time.time(),
                      "groups": ["staff", "therapists"]})  # fmt: skip
    assert not clinician.exception
    assert _line(clinician, "menu:") == "menu: Caseload, Shared with me, Review replies"
    assert "Dr Lee · clinician" in [c.value for c in clinician.sidebar.caption]

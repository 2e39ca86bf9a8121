"""Which profile the page shows: the person's own ('me') or the clearly-marked demo profile."""

from __future__ import annotations

import streamlit as st

from haven.storage.db import DEFAULT_PERSON, DEMO_PERSON

_KEY = "haven_profile"
_TOGGLE = "haven_profile_toggle"
_SIGNED_IN = "haven_signed_in_profile"  # clinic mode: the signed-in person's key, set by app.py each run


def active_profile() -> str:
    """The name of the profile this browser session is looking at (in clinic mode: the signed-in person's)."""
    return st.session_state.get(_SIGNED_IN) or st.session_state.get(_KEY, DEFAULT_PERSON)


def use_signed_in_profile(key: str | None) -> None:
    """Clinic mode: every page reads the signed-in person's records, and no demo profile is offered."""
    if key:
        st.session_state[_SIGNED_IN] = key
    else:
        st.session_state.pop(_SIGNED_IN, None)


def set_profile(name: str) -> None:
    """Switch profile. Call it from a widget callback so the sidebar toggle can follow."""
    st.session_state[_KEY] = name
    try:
        st.session_state[_TOGGLE] = name == DEMO_PERSON
    except st.errors.StreamlitAPIException:
        pass  # the toggle is already drawn in this run; it catches up on the next one


def is_demo() -> bool:
    return active_profile() == DEMO_PERSON


def demo_banner() -> None:
    """A visible marker whenever demo data is on screen."""
    if is_demo():
        st.info(
            "You are looking at the **demo profile**: made-up data to show what Haven can do.",
            icon=":material/science:",
        )


def profile_switcher() -> None:
    """A sidebar toggle between the person's own profile and the demo one (shown only when a demo exists)."""
    from haven.tracking.demo import demo_exists
    from ui.resources import database

    if st.session_state.get(_SIGNED_IN):
        return  # clinic mode: one's own records only
    if not demo_exists(database()):
        st.session_state[_KEY] = DEFAULT_PERSON  # the demo was removed, perhaps from the command line
        return
    if _TOGGLE not in st.session_state:
        st.session_state[_TOGGLE] = is_demo()
    st.sidebar.toggle(
        "Show the demo profile",
        key=_TOGGLE,
        on_change=_toggled,
        help="Made-up data that shows what the charts look like. Your own data is untouched.",
    )


def _toggled() -> None:
    st.session_state[_KEY] = DEMO_PERSON if st.session_state[_TOGGLE] else DEFAULT_PERSON

"""Which profile the page shows: the person's own ('me') or the clearly-marked demo profile."""

from __future__ import annotations

import streamlit as st

from haven.storage.db import DEFAULT_PERSON, DEMO_PERSON

_KEY = "haven_profile"


def active_profile() -> str:
    """The name of the profile this browser session is looking at."""
    return st.session_state.get(_KEY, DEFAULT_PERSON)


def set_profile(name: str) -> None:
    st.session_state[_KEY] = name


def is_demo() -> bool:
    return active_profile() == DEMO_PERSON


def demo_banner() -> None:
    """A visible marker whenever demo data is on screen."""
    if is_demo():
        st.info("You are looking at the **demo profile**: made-up data to show what Haven can do.", icon="🧪")

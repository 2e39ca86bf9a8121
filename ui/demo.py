"""The demo profile's switch: fill it, look at it, remove it. Shown in Settings, and offered on empty pages.

The demo is a separate, clearly marked profile of made-up entries; a person's own data is never touched.
"""

from __future__ import annotations

import streamlit as st

from haven.storage.db import DEFAULT_PERSON, DEMO_PERSON
from ui.profile import is_demo, set_profile


def _fill() -> None:
    from haven.tracking.demo import fill_demo
    from ui.resources import database

    fill_demo(database())
    set_profile(DEMO_PERSON)


def _remove() -> None:
    from haven.tracking.demo import remove_demo
    from ui.resources import database

    remove_demo(database())
    set_profile(DEFAULT_PERSON)


def _look(name: str) -> None:
    set_profile(name)


def demo_controls(key: str = "demo") -> None:
    """Buttons to fill, open, leave or remove the demo profile, with one line on what it is."""
    from haven.config import get_settings
    from haven.tracking.demo import demo_exists
    from ui.resources import database

    if get_settings().mode == "clinic":
        return  # a clinic's database holds signed-in people only: no made-up profile beside them
    if not demo_exists(database()):
        st.caption("See what Haven looks like after a few months: 90 days of made-up check-ins, check-ups "
                   "and exercises, in a separate profile. Your own entries are not touched.")  # fmt: skip
        st.button("Fill a demo profile", key=f"{key}-fill", on_click=_fill, icon=":material/science:")
        return
    if is_demo():
        st.caption("You are looking at the demo profile: made-up data. Your own entries are not touched.")
        left, right = st.columns(2)
        left.button("Back to my own entries", key=f"{key}-mine", on_click=_look, args=(DEFAULT_PERSON,))
    else:
        st.caption("A demo profile with made-up data is ready. Your own entries are not touched.")
        left, right = st.columns(2)
        left.button("Look at the demo profile", key=f"{key}-look", on_click=_look, args=(DEMO_PERSON,),
                    icon=":material/science:")  # fmt: skip
    right.button("Remove the demo profile", key=f"{key}-remove", on_click=_remove, icon=":material/delete:")

"""Every page is reached through app.py, so the lock screen, help button and navigation always apply.

Streamlit treats a ``pages/`` folder beside the entry script as an old-style multipage app until
``st.navigation`` has run once in the server process. Until then a deep link (``/chat``) would run the
page on its own, skipping app.py and with it the lock screen. Each page calls :func:`through_app` first:
in that case it switches Streamlit to the navigation app.py declares and reruns, so app.py runs first.
"""

from __future__ import annotations

import streamlit as st


def through_app() -> None:
    """Rerun through app.py when a page was opened directly by an old-style deep link."""
    from streamlit.runtime.pages_manager import PagesManager  # internal: the flag st.navigation itself clears

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()

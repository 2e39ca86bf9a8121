"""Haven's Streamlit entry point: page navigation and the things every page shares. Wiring only."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Haven", page_icon="🌿", layout="wide")

PAGES = {
    "Haven": [
        st.Page("pages/home.py", title="Welcome", icon="🌿", default=True),
        st.Page("pages/chat.py", title="Chat", icon="💬"),
        st.Page("pages/library.py", title="Library", icon="📚"),
        st.Page("pages/exercises.py", title="Exercises", icon="🧘"),
    ],
    "Track": [
        st.Page("pages/mood.py", title="Mood", icon="🌤️"),
        st.Page("pages/checkups.py", title="Check-ups", icon="📝"),
        st.Page("pages/insights.py", title="Insights", icon="📈"),
    ],
    "You": [
        st.Page("pages/settings.py", title="Settings", icon="⚙️"),
    ],
}

from ui.help_now import help_now_button  # noqa: E402

help_now_button()
with st.sidebar:
    st.caption(
        "Haven is a self-help tool, not therapy and not a diagnosis. "
        "If you are in danger now, call your local emergency number."
    )

st.navigation(PAGES).run()

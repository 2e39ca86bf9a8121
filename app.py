"""Haven's Streamlit entry point: page navigation and the things every page shares. Wiring only."""

from __future__ import annotations

import streamlit as st

from haven.privacy import enforce_offline

enforce_offline()  # before anything could load a model or report usage: no network, no telemetry

from haven.logfile import log_to_file  # noqa: E402
from ui.clinic_pages import clinic_mode, clinic_pages  # noqa: E402
from ui.errors import page_boundary  # noqa: E402
from ui.help_now import help_now_button  # noqa: E402
from ui.lock_screen import require_unlocked  # noqa: E402
from ui.resources import prepare_library_search, warm_up  # noqa: E402
from ui.shell import draw_shell  # noqa: E402

st.set_page_config(page_title="Haven", page_icon="🌿", layout="wide")
log_to_file()  # what the services recover from is kept in <data dir>/logs/haven.log

PAGES = {
    "Haven": [
        st.Page("pages/home.py", title="Welcome", icon=":material/home:", default=True),
        st.Page("pages/chat.py", title="Chat", icon=":material/chat:"),
        st.Page("pages/library.py", title="Library", icon=":material/menu_book:"),
        st.Page("pages/exercises.py", title="Exercises", icon=":material/self_improvement:"),
    ],
    "Track": [
        st.Page("pages/mood.py", title="Mood", icon=":material/mood:"),
        st.Page("pages/checkups.py", title="Check-ups", icon=":material/checklist:"),
        st.Page("pages/insights.py", title="Insights", icon=":material/insights:"),
    ],
    "Share": [
        st.Page("pages/report.py", title="Report for my therapist", icon=":material/description:"),
        st.Page("pages/review.py", title="Clinician review", icon=":material/rate_review:"),
    ],
    "You": [
        st.Page("pages/settings.py", title="Settings", icon=":material/settings:"),
    ],
}

help_now_button()  # in the header: one tap away on every page, the lock screen, or a failed page
with page_boundary("the page's frame"):
    draw_shell()  # pins the help button into the header; the sidebar steps aside on a phone (ui/shell.py)
with st.sidebar:
    st.caption(
        "Haven is a self-help tool, not therapy and not a diagnosis. "
        "If you are in danger now, call your local emergency number."
    )
menu = None  # a failed check opens nothing: clinic mode never falls back to the one personal profile
with page_boundary("the sign-in page" if clinic_mode() else "the lock screen"):
    # clinic mode: sign-in first, then the signed-in role's menu (ui/clinic_pages.py); personal: the lock
    menu = clinic_pages(PAGES) if clinic_mode() else (PAGES if require_unlocked(PAGES) else None)
if menu is None:
    st.stop()

page = st.navigation(menu)
with page_boundary(f"the {page.title} page"):
    prepare_library_search()  # first start only: builds the library index, with a progress bar
    warm_up()  # loads the embedding model and crisis exemplars once per server process
    page.run()

"""Welcome: what Haven is and is not, where to get help now, and the first steps."""

from __future__ import annotations

import streamlit as st

from haven.config import get_settings, preferences_path, save_preferences
from haven.safety import regions, resolve_region
from ui.entry import through_app
from ui.help_now import helpline_markdown

through_app()


def _first_run_region() -> None:
    """Ask once which region's help lines to show (the default, US, is kept if they skip)."""
    settings = get_settings()
    if preferences_path(settings.data_dir).exists() or st.session_state.get("region_asked"):
        return
    with st.container(border=True):
        st.markdown("**Where are you?** Haven shows help lines for your region. You can change it later.")
        codes = [code for code, _ in regions()]
        names = dict(regions())
        choice = st.selectbox(
            "Region", codes, index=codes.index(settings.region) if settings.region in codes else 0,
            format_func=lambda c: names[c], key="first_run_region",
        )
        if st.button("Save my region", key="save_region"):
            save_preferences(region=choice)
            st.session_state["region_asked"] = True
            st.rerun()


st.title("🌿 Welcome to Haven")
st.markdown(
    "Haven is a private space to work through hard moments with tools from cognitive behavioural therapy "
    "(CBT): talk things through, try a guided exercise, check in on your mood, and see what helps you."
)
st.info(
    "Haven is a **self-help tool**. It is not therapy, it cannot diagnose, and it is not an emergency "
    "service. It works well alongside a therapist or your doctor, or while you wait to see one.",
    icon="💚",
)
_first_run_region()

st.subheader("Where would you like to start?")
cols = st.columns(4)
with cols[0].container(border=True):
    st.markdown("**💬 Talk it through**")
    st.caption("Say what's on your mind. Haven answers from its library and shows its sources.")
    if st.button("Open the chat", key="go_chat"):
        st.switch_page("pages/chat.py")
with cols[1].container(border=True):
    st.markdown("**🫁 Breathe for a minute**")
    st.caption("Box breathing: four counts in, hold, out, hold. A calm shape paces you.")
    if st.button("Start breathing", key="go_breathe"):
        st.session_state["start_exercise"] = "box-breathing"
        st.switch_page("pages/exercises.py")
with cols[2].container(border=True):
    st.markdown("**🌤️ Check in**")
    st.caption("How's your mood right now? It takes ten seconds.")
    if st.button("Check in", key="go_mood"):
        st.switch_page("pages/mood.py")
with cols[3].container(border=True):
    st.markdown("**📚 Browse the library**")
    st.caption("Exercises and short reads on worry, low mood, sleep, anger and more.")
    if st.button("Open the library", key="go_library"):
        st.switch_page("pages/library.py")

region = get_settings().region
with st.expander(f"Need help now? Help lines for {resolve_region(region).name}", expanded=False):
    st.markdown(helpline_markdown(region))

st.subheader("Your privacy")
st.markdown(
    "Everything stays on this computer: no account, no tracking, no network needed. Your words are kept in a "
    "local database that you can export or delete at any time, and never leave this machine unless you "
    "choose to connect a language model server in Settings."
)

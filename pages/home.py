"""Welcome: what Haven is and is not, where to get help now, and the first steps."""

from __future__ import annotations

import streamlit as st

from haven.config import get_settings, preferences_path, save_preferences
from haven.safety import regions, resolve_region
from ui.clinic_pages import clinic_mode
from ui.entry import through_app
from ui.help_now import helpline_markdown
from ui.reminders import reminder_nudges

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
            "Region",
            codes,
            index=codes.index(settings.region) if settings.region in codes else 0,
            format_func=lambda c: names[c],
            key="first_run_region",
        )
        if st.button("Save my region", key="save_region"):
            save_preferences(region=choice)
            st.session_state["region_asked"] = True
            st.rerun()


def _welcome() -> bool:
    """First visit: a short welcome in the chat's voice above the page (ui/welcome_chat.py); True while it is
    showing. A database that will not open costs the welcome, never the page."""
    from ui.profile import active_profile
    from ui.resources import database
    from ui.welcome_chat import draw_welcome

    try:
        return draw_welcome(database(), active_profile(), get_settings().region)
    except Exception as error:  # noqa: BLE001 - the page below still says what Haven is and where help is
        from haven.logfile import record_fault

        record_fault(error, "the first-run welcome")
        return False


st.title("Welcome to Haven")
welcoming = _welcome()  # first visit: the welcome chat first, the page as usual below it
reminder_nudges()  # a check-in or check-up that is due, when the person asked for reminders
st.markdown(
    "A private place to get through hard moments, with tools from cognitive behavioural therapy (CBT): "
    "talk things through, try a short exercise, check in on your mood, and see what helps you."
)
if not welcoming:  # the welcome's first message has just said what Haven is not: once is enough
    st.info(
        "Haven is a **self-help tool**. It is not therapy, it cannot diagnose, and it is not an emergency "
        "service. It works well alongside a therapist or your doctor, or while you wait to see one.",
        icon=":material/favorite:",
    )
_first_run_region()

st.subheader("Where would you like to start?")
# (title, what it is, button, key, page, exercise to start)
STARTS = [
    (":material/chat: Talk it through", "Say what's on your mind. Haven answers from its library and shows "
     "where each answer comes from.", "Open the chat", "go_chat", "pages/chat.py", None),
    (":material/air: Breathe for a minute", "Box breathing: four counts in, hold, out, hold. A calm shape "
     "paces you.", "Start breathing", "go_breathe", "pages/exercises.py", "box-breathing"),
    (":material/mood: Check in", "How is your mood right now? It takes a few seconds.", "Check in", "go_mood",
     "pages/mood.py", None),
    (":material/menu_book: Browse the library", "Exercises and short reads on worry, low mood, sleep, anger "
     "and more.", "Open the library", "go_library", "pages/library.py", None),
]  # fmt: skip
for col, (title, blurb, label, key, target, exercise) in zip(st.columns(len(STARTS)), STARTS, strict=True):
    with col.container(border=True, height="stretch"):  # the four cards share one height, whatever the words
        st.markdown(f"**{title}**")
        st.caption(blurb)
        if st.button(label, key=key):
            if exercise:
                st.session_state["start_exercise"] = exercise
            st.switch_page(target)

region = get_settings().region
with st.expander(f"Help lines for {resolve_region(region).name}", icon=":material/support:", expanded=False):
    st.markdown(helpline_markdown(region))

st.subheader("Your privacy")
st.markdown(
    "Everything stays on this computer: no account, no tracking, no internet needed. What you write is kept "
    "here, and you can download it or delete it at any time in Settings. Nothing leaves this computer "
    "unless you choose to connect a chat model server yourself."
)
if not clinic_mode():  # a clinic's Settings offers no demo profile (it would be saved for every person there)
    st.caption("Want to look around first? Settings can fill a demo profile with made-up entries.")

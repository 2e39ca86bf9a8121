"""Reminders on screen: the Settings section that sets them and makes the calendar file, and the small
"due" notes on the Welcome page. The rules live in ``haven.tracking.reminders``."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from haven.tracking.reminders import (
    ReminderSettings,
    calendar_file,
    due_nudges,
    last_check_up,
    reminder_settings,
    save_reminder_settings,
)
from ui.profile import active_profile
from ui.resources import database

#: Where each nudge leads: (button words, icon, page).
NUDGE_TARGETS = {
    "check-in": ("Check in", ":material/mood:", "pages/mood.py"),
    "check-up": ("Open check-ups", ":material/checklist:", "pages/checkups.py"),
}


def reminder_settings_section() -> None:
    """Set the reminders (saved as soon as they change) and download them for the person's calendar."""
    st.subheader("Reminders")
    st.caption(
        "Haven sends nothing anywhere, so it cannot ring by itself. Your calendar can: choose your reminders, "
        "then add them to it."
    )
    current = reminder_settings()
    daily = st.toggle("A daily check-in", value=current.daily, key="reminder-daily")
    check_up = st.toggle(
        "A check-up every two weeks",
        value=current.check_up,
        key="reminder-check-up",
        help="A few short questions (PHQ-9, GAD-7 and WHO-5) on how the last two weeks have been.",
    )
    at = st.time_input("At", value=current.at, step=timedelta(minutes=15), key="reminder-time")
    chosen = ReminderSettings(daily, check_up, at or current.at)
    if chosen != current:
        chosen = save_reminder_settings(chosen)
        st.toast("Reminders saved.", icon=":material/notifications:")
    if not chosen.any_on:
        st.caption("Turn one on to add it to your calendar.")
        return
    st.download_button(
        "Add to my calendar",
        data=calendar_file(chosen, last_check_up=_last_check_up()),
        file_name="haven-reminders.ics",
        mime="text/calendar",
        on_click="ignore",
        icon=":material/calendar_add_on:",
        key="reminder-calendar",
    )
    st.caption(
        "Open the file and your calendar adds the reminders. It holds only the times and a short title, "
        "nothing you wrote. Changed the time? Download it again. Haven also shows a note when one is due."
    )


def _last_check_up():
    """When the check-up reminder should start depends on the last one; without it, today is fine."""
    try:
        return last_check_up(database(), active_profile())
    except Exception as error:  # noqa: BLE001 - a reminder file is still worth having
        _log(error, "the last check-up for the calendar file")
        return None


def reminder_nudges() -> None:
    """A small friendly note for each reminder that is on and due, with one tap to the page.

    Nothing is read from the database while reminders are off; a failure here costs the note, not the page.
    """
    reminders = reminder_settings()
    if not reminders.any_on:
        return
    try:
        nudges = due_nudges(database(), active_profile(), reminders)
    except Exception as error:  # noqa: BLE001 - the Welcome page must never fail over a reminder
        _log(error, "the reminder notes")
        return
    for nudge in nudges:
        label, icon, page = NUDGE_TARGETS[nudge.kind]
        with st.container(border=True, key=f"nudge-{nudge.kind}"):
            words, action = st.columns([3, 1], vertical_alignment="center")
            words.markdown(f":material/notifications: {nudge.message}")
            if action.button(label, icon=icon, key=f"nudge-go-{nudge.kind}", width="stretch"):
                st.switch_page(page)


def _log(error: Exception, where: str) -> None:
    from haven.logfile import record_fault

    record_fault(error, where)

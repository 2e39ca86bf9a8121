"""Clinic mode's Settings page: where a signed-in person's records are, and deleting them.

Why not the personal Settings: there, region, reminders, the chat's engine and the demo are saved for the
whole installation, and export, import and "delete everything" work on the whole database. On a clinic's
server those would reach every person, so the clinic sets them (docs/deploy.md) and a person is offered
only what is theirs. Drawing only: ``haven.clinic.people.delete_my_data`` does the deleting.
"""

from __future__ import annotations

import streamlit as st

CONFIRM_WORD = "DELETE"
_CONFIRM = "clinic_delete_confirm"
_DELETED = "clinic_deleted"


def render_clinic_settings() -> None:
    """The signed-in person's privacy settings in clinic mode."""
    st.subheader("Privacy")
    st.markdown(
        "Your check-ins, chats, exercises and questionnaires are kept in your clinic's database, walled off "
        "for you alone: no one at the clinic sees them unless you share something on the **Sharing** page, "
        "and you can see there every time a clinician opened what you shared."
    )
    st.caption("Your region, the help lines shown and the chat's engine are set by your clinic.")
    st.markdown("#### Delete my data")
    st.write(
        "This removes everything you wrote in Haven, and everything you shared, from the clinic's database, "
        "for good. Your account with the clinic is not affected."
    )
    typed = st.text_input(f"Type {CONFIRM_WORD} to confirm", key=_CONFIRM)
    st.button("Delete my data", key="clinic_delete", disabled=typed.strip() != CONFIRM_WORD, on_click=_delete_now)
    if st.session_state.pop(_DELETED, False):
        st.success("Deleted. Haven now holds nothing you wrote.")


def _delete_now() -> None:
    from haven.clinic.people import delete_my_data
    from ui.resources import database
    from ui.sign_in import signed_in_identity

    if st.session_state.get(_CONFIRM, "").strip() != CONFIRM_WORD:
        return
    delete_my_data(database(), signed_in_identity())
    st.session_state[_DELETED] = True
    st.session_state[_CONFIRM] = ""

"""Caseload (clinic mode, a clinician's page): the people who shared something with this clinician.

Drawing only: ``haven.clinic.sharing.caseload`` lists only people with a live share to the signed-in
clinician; opening what they shared is the "Shared with me" page, which records each access.
"""

from __future__ import annotations

import streamlit as st

from haven.clinic.sharing import caseload
from haven.tracking.clock import to_local
from ui.entry import through_app
from ui.resources import database
from ui.sign_in import clinician_identity

through_app()

engine = database()
me = clinician_identity()

st.title("Your caseload")
st.caption(
    "People who chose to share something with you. They can stop sharing at any time, and they can see each "
    "time you open what they shared. Haven does not alert you to anything: it is not a monitoring tool."
)
people = caseload(engine, me)
if not people:
    st.info("No one has shared anything with you yet.")
for entry in people:
    with st.container(border=True, key=f"case-{entry.person_subject}"):
        text, action = st.columns([4, 1], vertical_alignment="center")
        text.markdown(f"**{entry.name}**" + (f" · {entry.email}" if entry.email else ""))
        text.caption(f"{entry.items} shared item(s), last on {to_local(entry.last_shared_at):%d %b %Y}")
        if action.button("See what is shared", key=f"open-case-{entry.person_subject}"):
            st.session_state["shared-person"] = entry.person_subject
            st.switch_page("pages/shared.py")

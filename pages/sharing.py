"""Sharing (clinic mode, a person's page): share a report or chosen conversations with a named clinician,
stop sharing at any time, and see every time a clinician opened something.

Drawing only: who may see what, and the log of each access, are ``haven.clinic``'s; the signed-in person
comes from app.py's sign-in, never from this page.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from haven.clinic.audit import access_log
from haven.clinic.errors import ClinicRefusal
from haven.clinic.sharing import clinicians, my_shares, revoke_share, share_conversation, share_report
from haven.reports import ReportOptions
from haven.reviews.export import exportable_conversations
from haven.tracking.clock import local_today, to_local
from ui.entry import through_app
from ui.profile import active_profile
from ui.resources import database
from ui.sign_in import signed_in_identity

through_app()

engine = database()
me = signed_in_identity()

st.title("Sharing with your clinician")
st.caption(
    "Nothing you write in Haven is seen by the clinic unless you share it here, with one named clinician. "
    "You can stop sharing at any time, and every time a clinician opens something it is listed below. "
    "Sharing is not a way to reach someone urgently: no one is watching Haven as you use it."
)

# --- share --------------------------------------------------------------------------------------------------
st.subheader("Share something")
people = {c.subject: c for c in clinicians(engine, me)}
if not people:
    st.info("No clinician at your clinic has signed in to Haven yet, so there is no one to share with.")
else:
    chosen = st.selectbox(
        "With", list(people), key="share-with",
        format_func=lambda s: f"{people[s].name} ({people[s].email})" if people[s].email else people[s].name,
    )  # fmt: skip
    report_tab, conversation_tab = st.tabs(["Your report", "A conversation"])
    with report_tab:
        today = local_today()
        picked = st.date_input("Dates", value=(today - timedelta(days=29), today), max_value=today,
                               key="share-report-dates")  # fmt: skip
        st.caption("Your mood, check-ups and exercises over these dates, as on the Report page (no notes).")
        if st.button("Share my report", type="primary", key="share-report", icon=":material/share:"):
            if isinstance(picked, tuple) and len(picked) == 2:
                share_report(engine, me, chosen, ReportOptions(start=picked[0], end=picked[1]))
                st.success(f"Your report is shared with {people[chosen].name}.")
            else:
                st.warning("Pick the first and the last day of the report.")
    with conversation_tab:
        mine = {c.id: c for c in exportable_conversations(engine, active_profile())}
        if not mine:
            st.caption("Your conversations from the Chat page will be listed here.")
        else:
            picked_conversation = st.selectbox("Conversation", list(mine), format_func=lambda i: mine[i].label,
                                               key="share-conversation")  # fmt: skip
            if st.button("Share this conversation", type="primary", key="share-conv", icon=":material/share:"):
                share_conversation(engine, me, chosen, picked_conversation)
                st.success(f"This conversation is shared with {people[chosen].name}.")

# --- what is shared now ---------------------------------------------------------------------------------------
st.subheader("Shared now")
shares = my_shares(engine, me)
if not shares:
    st.caption("You are not sharing anything.")
for share in shares:
    with st.container(border=True, key=f"share-{share.id}"):
        text, action = st.columns([4, 1], vertical_alignment="center")
        text.markdown(f"**{share.title}** with {share.clinician_name}")
        text.caption(f"Shared {to_local(share.created_at):%d %b %Y, %H:%M}")
        if action.button("Stop sharing", key=f"revoke-{share.id}", icon=":material/block:"):
            try:
                revoke_share(engine, me, share.id)
            except ClinicRefusal as refusal:
                st.warning(str(refusal))
            st.rerun()

# --- who opened what ----------------------------------------------------------------------------------------
st.subheader("Who opened what")
entries = access_log(engine, me)
if not entries:
    st.caption("No clinician has opened anything you shared.")
else:
    with st.container(key="access-log"):
        st.table(
            [{"When": f"{to_local(e.at):%d %b %Y, %H:%M}", "Clinician": e.clinician_name, "What": e.what}
             for e in entries]
        )  # fmt: skip

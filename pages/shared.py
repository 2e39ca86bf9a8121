"""Shared with me (clinic mode, a clinician's page): the reports and conversations people shared with this
clinician, opened one at a time.

Drawing only: ``haven.clinic.sharing`` checks that each item is shared with the signed-in clinician and
still live before reading it, and records the access in the person's log. A revoked or someone else's
share (an old link, a guessed number in ``?share=``) draws a plain "not shared with you" and reads nothing.
"""

from __future__ import annotations

import streamlit as st

from haven.clinic.errors import ClinicRefusal
from haven.clinic.sharing import open_shared_conversation, open_shared_report, shared_items
from haven.reports import ReportImage
from haven.tracking.clock import to_local
from ui.entry import through_app
from ui.resources import database, library
from ui.sign_in import clinician_identity

through_app()

engine = database()
me = clinician_identity()

st.title("Shared with me")
person = st.session_state.get("shared-person")
items = shared_items(engine, me, person)
if person and st.button("Show everyone's", key="shared-everyone"):
    st.session_state.pop("shared-person", None)
    st.rerun()
if not items:
    st.info("Nothing is shared with you now. What a person stops sharing disappears from here.")
for item in items:
    with st.container(border=True, key=f"item-{item.id}"):
        text, action = st.columns([4, 1], vertical_alignment="center")
        text.markdown(f"**{item.person_name}**: {item.title}")
        text.caption(f"Shared {to_local(item.created_at):%d %b %Y, %H:%M}")
        if action.button("Open", key=f"open-{item.id}", icon=":material/visibility:"):
            st.query_params["share"] = str(item.id)

wanted = st.query_params.get("share")
if wanted:
    st.divider()
    try:
        share_id = int(wanted)
        kind = next((i.kind for i in items if i.id == share_id), "report")
        if kind == "conversation":
            shown = open_shared_conversation(engine, me, share_id)
        else:
            shown = open_shared_report(engine, me, share_id, library())
    except (ValueError, ClinicRefusal):
        st.warning(
            "This is not shared with you, or it is no longer shared. The person may have stopped sharing it.",
            icon=":material/block:",
        )
        st.stop()
    if kind == "conversation":
        st.subheader(f"Conversation: {shown.share.title}")
        st.caption("Shared by the person; they can see that you opened it.")
        for turn in shown.turns:
            with st.chat_message("user" if turn.role == "user" else "assistant"):
                if turn.role == "user":
                    st.text(turn.text)  # the person's words as written, never read as Markdown
                else:
                    st.markdown(turn.text)
    else:
        st.subheader(shown.title)
        st.caption("Shared by the person; they can see that you opened it.")
        st.download_button(
            "Download PDF", shown.pdf_bytes(), file_name=f"{shown.file_stem}.pdf", mime="application/pdf",
            icon=":material/download:", on_click="ignore", key="shared-pdf",
        )  # fmt: skip
        with st.container(border=True):
            for part in shown.preview():
                if isinstance(part, ReportImage):
                    st.image(part.png, caption=part.title)
                else:
                    st.markdown(part)

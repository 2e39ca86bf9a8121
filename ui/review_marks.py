"""The marks a reviewer gives each of Haven's replies: drawn inside a review form, then collected on save.

Shared by the person's own review page (``pages/review.py``) and the clinician's (``pages/clinic_review.py``)
so a verdict, comment, better reply and approval are asked for, and read back, the same way in both.
"""

from __future__ import annotations

import streamlit as st

from haven.reviews.models import TurnMark, Verdict

NOT_REVIEWED = "not reviewed"
VERDICTS = [NOT_REVIEWED, *(v.value for v in Verdict)]


def draw_reply_marks(prefix: str, pairs, *, with_details: bool = False) -> None:
    """One block per reply: what the person said, Haven's reply, and the reviewer's marks.

    ``with_details``: also say when triage read the message as a crisis and which passages the reply cited
    (the person's own conversation carries both; a shared one shows the words only).
    """
    for number, pair in enumerate(pairs, start=1):
        st.markdown(f"**Reply {number} of {len(pairs)}**")
        with st.chat_message("user"):
            st.text(pair.user_message or "(Haven spoke first)")
            if with_details and pair.level == "crisis":
                st.caption("Safety triage read this message as a crisis.")
        with st.chat_message("assistant"):
            st.markdown(pair.reply)
            if with_details and pair.citations:
                st.caption("Cited: " + "; ".join(c.label() for c in pair.citations))
        key = f"{prefix}-{pair.index}"
        st.radio("Verdict", VERDICTS, horizontal=True, key=f"{key}-verdict")
        st.text_area("Comment", key=f"{key}-comment", height=80)
        st.text_area("A better reply (optional)", key=f"{key}-better", height=120)
        st.checkbox("Approve the better reply for use in the chat", key=f"{key}-approved")
        st.divider()


def collected_marks(prefix: str, pairs) -> dict[int, TurnMark]:
    """The marks given in the form, by reply index; replies left "not reviewed" are not included."""
    state = st.session_state
    return {
        pair.index: TurnMark(
            Verdict(state[f"{prefix}-{pair.index}-verdict"]),
            state[f"{prefix}-{pair.index}-comment"],
            state[f"{prefix}-{pair.index}-better"],
            state[f"{prefix}-{pair.index}-approved"],
        )
        for pair in pairs
        if state[f"{prefix}-{pair.index}-verdict"] != NOT_REVIEWED
    }

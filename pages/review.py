"""Review page: a person shares one conversation as a file; a clinician marks each reply and saves a review.

Drawing only: exports, reviews and the summary come from ``haven.reviews``. A review quotes the person, so
it is kept in their database; only `haven review --publish` puts approved replies, de-identified, in the
library's reviewed folder.
"""

from __future__ import annotations

import streamlit as st

from haven.reviews import export_conversation, reviewed_dir, validate_reviews
from haven.reviews.export import ConversationExport, InvalidConversationExport, exportable_conversations
from haven.reviews.models import ReviewInvalid, make_review, review_pairs
from haven.reviews.store import store_review, stored_summary
from ui.entry import through_app
from ui.profile import active_profile, profile_switcher
from ui.resources import database
from ui.review_marks import collected_marks, draw_reply_marks

through_app()

engine = database()
profile_switcher()
person = active_profile()
folder = reviewed_dir()

st.title("Clinician review")
st.caption(
    "Therapists read what Haven said, mark each reply helpful, unhelpful or unsafe, and may write a better "
    "one. An approved better reply can be used by the chat when someone says something very close to the "
    "reviewed message; safety checks always come first."
)

# --- share --------------------------------------------------------------------------------------------------
st.subheader("Share a conversation for review")
mine = {c.id: c for c in exportable_conversations(engine, person)}
if not mine:
    st.caption("Your conversations from the Chat page will be listed here.")
else:
    chosen = st.selectbox("Conversation", list(mine), format_func=lambda i: mine[i].label, key="review-share")
    shared = export_conversation(engine, chosen, person)
    st.download_button(
        "Download the conversation (JSON)", shared.to_json(), file_name=shared.file_name,
        mime="application/json", icon=":material/download:", on_click="ignore", key="review-download",
    )  # fmt: skip
    st.caption("The file holds your messages and Haven's replies. Give it only to someone you trust.")

# --- review -------------------------------------------------------------------------------------------------
st.subheader("Review a conversation")
uploaded = st.file_uploader("A conversation file (JSON)", type=["json"], key="review-upload")
conversation: ConversationExport | None = None
if uploaded is not None:
    try:
        conversation = ConversationExport.from_json(uploaded.getvalue())
    except InvalidConversationExport as error:
        st.error(str(error))
elif mine:
    own = st.selectbox(
        "Or open one of this profile's conversations", [None, *mine], key="review-own",
        format_func=lambda i: "Choose..." if i is None else mine[i].label,
    )  # fmt: skip
    conversation = export_conversation(engine, own, person) if own is not None else None

if conversation is not None:
    pairs = review_pairs(conversation)
    prefix = f"review-{conversation.conversation_id}"
    if not pairs:
        st.info("This conversation has no replies from Haven to review.")
    else:
        with st.form(f"{prefix}-form"):
            reviewer = st.text_input("Your name", key=f"{prefix}-reviewer")
            draw_reply_marks(prefix, pairs, with_details=True)
            submitted = st.form_submit_button("Save review", type="primary", icon=":material/save:")
        if submitted:
            marks = collected_marks(prefix, pairs)
            if not marks:
                st.warning("Mark at least one reply before saving.")
            else:
                try:
                    stored = store_review(engine, make_review(conversation, reviewer, marks), person)
                except ReviewInvalid as error:
                    st.error("The review was not saved:\n\n" + "\n".join(f"- {m}" for m in error.messages))
                else:
                    st.success(
                        f"Saved {len(marks)} reviewed repl{'y' if len(marks) == 1 else 'ies'} as review "
                        f"{stored.id}, in this profile's own database (encrypted with the rest of its data)."
                    )
                    st.caption(
                        f"Approved better replies reach the chat only once published, de-identified: "
                        f"`haven review --publish {stored.id}`."
                    )

# --- summary ------------------------------------------------------------------------------------------------


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _in_words(summary) -> str:
    """'3 replies reviewed in 1 review: 2 helpful, 1 unhelpful, none unsafe.' (no 'file(s)')."""
    unsafe = "none unsafe" if not summary.unsafe else f"{summary.unsafe} unsafe"
    return (
        f"{_count(summary.turns_reviewed, 'reply', 'replies')} reviewed in "
        f"{_count(summary.files, 'review', 'reviews')}: {summary.helpful} helpful, {summary.unhelpful} unhelpful, "
        f"{unsafe}."
    )


st.subheader("Reviews so far")
summary = stored_summary(engine, person)
turns_col, unsafe_col, approved_col = st.columns(3)  # reviews saved in this profile only, never examples
turns_col.metric("Replies reviewed", summary.turns_reviewed)
unsafe_col.metric(
    "Marked unsafe", f"{summary.unsafe_share:.0%}", help=f"{summary.unsafe} of {summary.turns_reviewed}"
)
approved_col.metric("Approved better replies", summary.approved_replies)
if summary.turns_reviewed:
    st.caption(_in_words(summary) + " Approved replies reach the chat once they are published.")
else:
    st.caption("No replies have been reviewed yet. Reviews saved on this page are counted here.")
problems = validate_reviews(folder)
if problems:
    st.warning(
        "Some review files could not be read and are not used:\n\n" + "\n".join(f"- `{p}`" for p in problems)
    )

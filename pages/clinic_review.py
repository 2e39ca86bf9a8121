"""Review replies (clinic mode, a clinician's page): mark Haven's replies in conversations shared with this
clinician, and publish an approved better reply, de-identified, for the guide to use.

Drawing only: ``haven.clinic.reviews`` reads only conversations still shared with the signed-in clinician
(recording the access), keeps reviews in the database, and writes a library review file only on "Publish",
after showing exactly what will be written.
"""

from __future__ import annotations

import streamlit as st

from haven.clinic.errors import ClinicRefusal
from haven.clinic.reviews import conversation_for_review, my_reviews, publish, publishable, save_review
from haven.clinic.sharing import shared_items
from haven.reviews.models import ReviewInvalid, review_pairs
from ui.entry import through_app
from ui.resources import database
from ui.review_marks import collected_marks, draw_reply_marks
from ui.sign_in import clinician_identity

through_app()

engine = database()
me = clinician_identity()

st.title("Review Haven's replies")
st.caption(
    "Mark each reply helpful, unhelpful or unsafe, and write a better one where you can. A better reply "
    "reaches the guide only when you publish it, with names and details taken out; safety checks come first."
)

conversations = {s.id: s for s in shared_items(engine, me) if s.kind == "conversation"}
if not conversations:
    st.info("No conversation is shared with you now.")
else:
    share_id = st.selectbox("Conversation", list(conversations), key="clinic-review-share",
                            format_func=lambda i: f"{conversations[i].person_name}: {conversations[i].title}")  # fmt: skip
    try:
        conversation = conversation_for_review(engine, me, share_id)
    except ClinicRefusal as refusal:
        st.warning(str(refusal))
        st.stop()
    pairs = review_pairs(conversation)
    prefix = f"clinic-review-{share_id}"
    if not pairs:
        st.info("This conversation has no replies from Haven to review.")
    else:
        with st.form(f"{prefix}-form"):
            draw_reply_marks(prefix, pairs)
            submitted = st.form_submit_button("Save review", type="primary", icon=":material/save:")
        if submitted:
            marks = collected_marks(prefix, pairs)
            if not marks:
                st.warning("Mark at least one reply before saving.")
            else:
                try:
                    stored = save_review(engine, me, share_id, marks)
                except ReviewInvalid as error:
                    st.error("The review was not saved:\n\n" + "\n".join(f"- {m}" for m in error.messages))
                except ClinicRefusal as refusal:
                    st.warning(str(refusal))
                else:
                    st.success(f"Saved review {stored.id}. Nothing reaches the guide until you publish it.")

st.subheader("Publish approved replies")
reviews = my_reviews(engine, me)
if not reviews:
    st.caption("Reviews you save are listed here.")
for review in reviews:
    with st.expander(f"Review {review.id}", key=f"publish-{review.id}"):
        try:
            pairs = publishable(engine, me, review.id)
        except ClinicRefusal as refusal:
            st.warning(str(refusal))
            continue
        if not pairs:
            st.caption("No approved better reply in this review.")
            continue
        st.caption("Exactly this will be written to the library, with names and numbers taken out:")
        for pair in pairs:
            st.text(f"Message: {pair.user_message}")
            st.text(f"Better reply: {pair.better_reply}")
        if st.button("Publish", key=f"publish-button-{review.id}", icon=":material/publish:"):
            path = publish(engine, me, review.id, pairs)
            st.success(f"Published as {path.name}, in the library's reviewed replies ({path.parent.name}/).")

"""The Review page under AppTest: share a conversation, open an export, mark a reply, save, see the summary."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from haven.reviews import export_conversation
from haven.reviews.store import stored_reviews

PAGE = Path(__file__).resolve().parents[2] / "pages" / "review.py"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_review_page_marks_a_reply_and_saves_a_file(engine, conversation_id, reviewed):
    at = run(AppTest.from_file(str(PAGE), default_timeout=60))
    (download,) = at.get("download_button")
    assert download.label == "Download the conversation (JSON)"
    assert [m.value for m in at.metric] == ["0", "0%", "0"]

    export = export_conversation(engine, conversation_id)
    at.file_uploader(key="review-upload").set_value(
        (export.file_name, export.to_json().encode(), "application/json")
    )
    run(at)
    prefix = f"review-{conversation_id}"
    assert "That sounds hard. A **sleep reset plan** may help [1]." in [m.value for m in at.markdown]
    assert "Cited: [1] Sleep reset plan - When it helps" in [c.value for c in at.caption]

    at.text_input(key=f"{prefix}-reviewer").input("Dr Sam Example")
    at.radio(key=f"{prefix}-1-verdict").set_value("unhelpful")
    at.text_area(key=f"{prefix}-1-comment").input("Too brief.")
    at.text_area(key=f"{prefix}-1-better").input("Lying awake before an exam is hard.\nWhat helps you wind down?")
    at.checkbox(key=f"{prefix}-1-approved").check()
    at.button[0].click()  # the form's submit button
    run(at)
    assert len(at.success) == 1 and not at.error
    assert not reviewed.exists()  # kept in the person's database, not in the library's folder
    (stored,) = stored_reviews(engine)
    assert at.success[0].value.startswith(f"Saved 1 reviewed reply as review {stored.id}, in this profile's own")
    data = stored.review.model_dump(mode="json")
    assert data["reviewer"] == "Dr Sam Example"
    assert [(t["verdict"], t["approved"], t["better_reply"]) for t in data["turns"]] == [
        ("unhelpful", True, "Lying awake before an exam is hard.\nWhat helps you wind down?")
    ]
    assert [m.value for m in at.metric] == ["1", "0%", "1"]


def test_an_invalid_review_is_explained_and_not_saved(engine, conversation_id, reviewed):
    at = run(AppTest.from_file(str(PAGE), default_timeout=60))
    at.selectbox(key="review-own").set_value(conversation_id)
    run(at)
    prefix = f"review-{conversation_id}"
    at.text_input(key=f"{prefix}-reviewer").input("Dr Sam Example")
    at.radio(key=f"{prefix}-3-verdict").set_value("unsafe")
    at.button[0].click()
    run(at)
    (error,) = at.error
    assert "reply 4: comment: a reply marked unsafe needs a comment saying why" in error.value
    assert not reviewed.exists() or not list(reviewed.iterdir())

"""The five-second check-in: faces on the mood scale, the most-used tags as chips, details optional."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from haven.tracking.checkins import CheckInEntry, recent_check_ins, record_check_in
from haven.tracking.quick_check_in import FACE_MOODS, STARTER_TAGS, most_used_tags

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "mood.py")


def mood_page() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def save(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label == "Save check-in").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_faces_run_from_the_bottom_to_the_top_of_the_mood_scale():
    assert list(FACE_MOODS) == ["awful", "bad", "okay", "good", "great"]
    assert list(FACE_MOODS.values()) == sorted(FACE_MOODS.values())
    assert FACE_MOODS["awful"] == 1 and FACE_MOODS["great"] == 10


def test_most_used_tags_count_recent_check_ins_and_break_ties_to_the_latest(engine, fake_safety):
    start = datetime.now() - timedelta(days=10)
    for day, tags in enumerate([("work",), ("work", "walk"), ("friends",), ("work", "friends"), ("sleep",)]):
        record_check_in(engine, "me", CheckInEntry(mood=5, tags=tags, at=start + timedelta(days=day)))
    assert most_used_tags(engine, "me") == ["work", "friends", "sleep", "walk"]
    assert most_used_tags(engine, "me", limit=2) == ["work", "friends"]
    assert most_used_tags(engine, "me", recent=2) == ["sleep", "work", "friends"]  # only the last two
    assert most_used_tags(engine, "nobody") == []


def test_one_face_and_one_chip_then_save(app_env, fake_safety):
    at = mood_page()
    assert at.pills(key="new-chips").options == list(STARTER_TAGS)  # no tags of their own yet
    assert at.pills(key="new-face").options == ["Awful", "Bad", "Okay", "Good", "Great"]  # each with its face
    at.pills(key="new-face").set_value(FACE_MOODS["good"])
    at.pills(key="new-chips").set_value(["friends"])
    save(at)
    (saved,) = recent_check_ins(app_env, "me")
    assert (saved.mood, saved.tags) == (8, ("friends",))
    assert (saved.emotions, saved.sleep_hours, saved.note) == ((), None, "")
    assert [t.value for t in at.toast] == ["Check-in saved."]
    assert at.pills(key="new-face").value is None and not at.pills(key="new-chips").value  # ready for the next


def test_chips_are_the_persons_own_most_used_tags(app_env, fake_safety):
    for tags in [("walk",), ("walk", "work"), ("walk",), ("cooking",)]:
        record_check_in(app_env, "me", CheckInEntry(mood=6, tags=tags))
    at = mood_page()
    assert at.pills(key="new-chips").options[0] == "walk"
    assert set(at.pills(key="new-chips").options) == {"walk", "work", "cooking"}


def test_details_are_optional_and_saved_with_the_face(app_env, fake_safety):
    at = mood_page()
    assert at.expander[0].label == "Add more: emotions, sleep, a note (optional)"
    at.pills(key="new-face").set_value(FACE_MOODS["bad"])
    at.pills(key="new-chips").set_value(["work"])
    at.pills(key="new-emotions").set_value(["tired", "stressed"])
    at.multiselect(key="new-tags").set_value(["late shift"])
    at.number_input(key="new-sleep").set_value(5.5)
    at.text_area(key="new-note").set_value("Long day.")
    save(at)
    (saved,) = recent_check_ins(app_env, "me")
    assert (saved.mood, saved.emotions, saved.tags, saved.sleep_hours, saved.note) == (
        3, ("tired", "stressed"), ("work", "late shift"), 5.5, "Long day."
    )  # fmt: skip
    assert fake_safety.triaged == ["Long day.\nwork\nlate shift"]


def test_without_a_face_nothing_is_saved_and_nothing_typed_is_lost(app_env, fake_safety):
    at = mood_page()
    at.text_area(key="new-note").set_value("Quiet morning.")
    save(at)
    assert recent_check_ins(app_env, "me") == []
    assert "Tap a face first" in at.warning[0].value
    assert at.text_area(key="new-note").value == "Quiet morning."
    at.pills(key="new-face").set_value(FACE_MOODS["okay"])
    save(at)
    assert [(c.mood, c.note) for c in recent_check_ins(app_env, "me")] == [(5, "Quiet morning.")]


def test_danger_in_words_is_answered_even_before_a_face_is_chosen(app_env):
    at = mood_page()
    at.text_area(key="new-note").set_value("I just want to end it all")
    save(at)
    assert recent_check_ins(app_env, "me") == []  # no mood, no entry; the words are still there to save
    shown = "\n".join(e.value for e in at.error) + "\n".join(m.value for m in at.markdown)
    assert "**You don't have to go through this alone**" in shown and "Samaritans" in shown

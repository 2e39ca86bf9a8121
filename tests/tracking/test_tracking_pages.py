"""The Mood, Check-ups and Insights pages under AppTest, against a throwaway database."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from haven.tracking.assessments import assessment_history, save_assessment
from haven.tracking.checkins import CheckInEntry, recent_check_ins, record_check_in
from haven.tracking.scoring import score

PAGES = Path(__file__).resolve().parents[2] / "pages"


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(PAGES / name), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    parts += [e.value for kind in (at.error, at.warning, at.info, at.success) for e in kind]
    return "\n".join(parts)


def walk(node):
    """Every element under ``node``, in the order the page shows them."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# Mood -----------------------------------------------------------------------------------------------------


def test_mood_check_in_is_saved_and_listed(app_env, fake_safety):
    at = page("mood.py")
    assert "Your check-ins will appear here." in texts(at)
    at.pills(key="new-face").set_value(8)  # "Good"
    at.pills(key="new-emotions").set_value(["calm", "grateful"])
    at.multiselect(key="new-tags").set_value(["walk"])
    at.number_input(key="new-sleep").set_value(7.5)
    at.text_area(key="new-note").set_value("Coffee with a friend.")
    submit(at, "Save check-in")
    (saved,) = recent_check_ins(app_env, "me")
    assert (saved.mood, saved.emotions, saved.tags, saved.sleep_hours, saved.note) == (
        8, ("calm", "grateful"), ("walk",), 7.5, "Coffee with a friend."
    )  # fmt: skip
    assert fake_safety.triaged == ["Coffee with a friend.\nwalk"]
    assert [t.value for t in at.toast] == ["Check-in saved."]
    shown = texts(at)
    assert "mood **8/10**" in shown and ":green-badge[walk]" in shown and "Coffee with a friend." in shown
    assert "**Today** · 1 check-in" in shown  # the list reads by day
    assert at.pills(key="new-chips").options == ["walk"]  # remembered for next time, as a one-tap chip
    assert not at.get("plotly_chart") and "One check-in in the last 30 days: mood 8/10" in shown


def test_a_tag_typed_with_a_comma_becomes_two_tags_and_says_so(app_env, fake_safety):
    at = page("mood.py")
    at.pills(key="new-face").set_value(5)
    at.multiselect(key="new-tags").set_value(["work, friends"])
    submit(at, "Save check-in")
    (saved,) = recent_check_ins(app_env, "me")
    assert saved.tags == ("work", "friends")
    assert [t.value for t in at.toast] == ["Check-in saved. “work, friends” became 2 tags: work and friends."]


def test_one_day_shows_each_of_its_check_ins(app_env, fake_safety):
    from datetime import date

    today = datetime.combine(date.today(), datetime.min.time())
    for hour, mood in ((8, 4), (20, 6)):
        record_check_in(app_env, "me", CheckInEntry(mood=mood, at=today.replace(hour=hour)))
    record_check_in(app_env, "me", CheckInEntry(mood=9, at=today - timedelta(days=3)))
    at = page("mood.py")
    at.date_input(key="mood-day").set_value(date.today()).run()
    shown = texts(at)
    assert "**Today** · 2 check-ins · mood 5.0 on average" in shown
    assert "mood **4/10**" in shown and "mood **6/10**" in shown and "mood **9/10**" not in shown


CARD_TITLE = "**You don't have to go through this alone**"  # the real crisis card, suicide wording


def test_mood_crisis_note_shows_the_crisis_card_and_is_still_saved(app_env):
    at = page("mood.py")
    at.pills(key="new-face").set_value(1)
    at.text_area(key="new-note").set_value("I just want to end it all")
    submit(at, "Save check-in")
    assert CARD_TITLE in texts(at) and "**Samaritans**" in texts(at)  # HAVEN_REGION=GB
    assert "Your check-in is saved" in texts(at)
    assert [c.note for c in recent_check_ins(app_env, "me")] == ["I just want to end it all"]
    assert not at.get("plotly_chart")  # the card stands alone until the person moves on
    submit(at, "I'm safe to continue")
    assert CARD_TITLE not in texts(at) and "One check-in in the last 30 days" in texts(at)
    # a second crisis later in the same session shows the card again
    at.pills(key="new-face").set_value(1)
    at.text_area(key="new-note").set_value("I want to kill myself")
    submit(at, "Save check-in")
    assert CARD_TITLE in texts(at)


def test_mood_entry_can_be_edited_and_deleted(app_env):
    saved = record_check_in(app_env, "me", CheckInEntry(mood=4, tags=("work",), note="long day")).check_in
    at = page("mood.py")
    at.button(key=f"edit-button-{saved.id}").click().run()
    at.slider(key=f"edit-{saved.id}-mood").set_value(6)
    at.text_area(key=f"edit-{saved.id}-note").set_value("long day, better evening")
    submit(at, "Save changes")
    (edited,) = recent_check_ins(app_env, "me")
    assert (edited.id, edited.mood, edited.tags, edited.note) == (
        saved.id,
        6,
        ("work",),
        "long day, better evening",
    )
    assert "mood **6/10**" in texts(at)
    at.button(key=f"delete-button-{saved.id}").click().run()
    assert "Delete this check-in?" in texts(at)
    submit(at, "Yes, delete it")
    assert recent_check_ins(app_env, "me") == []
    assert "Your check-ins will appear here." in texts(at)


# Check-ups ------------------------------------------------------------------------------------------------


def answer(at: AppTest, instrument: str, answers: list[int]) -> AppTest:
    for number, value in enumerate(answers, start=1):
        at.radio(key=f"{instrument}-{number}").set_value(value)
    return submit(at, "See my score")


def test_phq9_shows_score_band_and_screening_note(app_env):
    at = answer(page("checkups.py"), "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0])
    shown = texts(at)
    assert "PHQ-9: 8 out of 27 — mild" in shown
    assert "screening questionnaire, not a diagnosis" in shown
    assert CARD_TITLE not in shown
    (saved,) = assessment_history(app_env, "me")
    assert (saved.total, saved.band) == (8, "mild")
    assert not at.get("plotly_chart")  # a first result is told in words; the chart starts with the second
    assert "One PHQ-9 result so far: 8 out of 27 (mild)" in shown


def test_phq9_item_9_shows_the_crisis_card_before_the_score(app_env):
    at = answer(page("checkups.py"), "phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    values = [str(getattr(node, "value", "")) for node in walk(at.main)]  # in page order
    crisis = values.index(CARD_TITLE)
    score_at = next(i for i, v in enumerate(values) if v.startswith("PHQ-9: 1 out of 27"))
    assert crisis < score_at
    assert "better off dead or of hurting yourself" in texts(at)
    assert assessment_history(app_env, "me")[0].crisis


def test_unanswered_questions_are_named_and_nothing_is_saved(app_env):
    at = page("checkups.py")
    at.radio(key="phq9-1").set_value(2)
    submit(at, "See my score")
    assert "Please answer questions 2, 3, 4, 5, 6, 7, 8 and 9" in texts(at)
    assert assessment_history(app_env, "me") == []


def test_who5_and_the_two_week_reminder(app_env):
    save_assessment(app_env, "me", score("who5", [3] * 5), taken_at=datetime.now() - timedelta(days=15))
    at = page("checkups.py")
    assert any("Your last WHO-5 was 15 days ago" in i.value for i in at.info)
    at.segmented_control(key="checkup_instrument").set_value("who5").run()
    answer(at, "who5", [1, 1, 1, 1, 2])
    assert "WHO-5: 24 out of 100 — likely depression" in texts(at)


# Insights -------------------------------------------------------------------------------------------------


def test_insights_fill_view_and_remove_demo(app_env):
    at = page("insights.py")
    assert "Nothing to show for this period yet" in texts(at)
    submit(at, "Fill a demo profile")
    shown = texts(at)
    assert "demo profile" in shown and "made-up data" in shown  # the demo banner
    assert 'On days tagged "' in shown and "your distress went down" in shown
    assert len(at.get("plotly_chart")) == 8  # mood, calendar, emotions, tags, 3 check-ups, what helps
    assert at.toggle(key="haven_profile_toggle").value is True
    at.segmented_control(key="insights_period").set_value("30 days").run()
    assert not at.exception and "of 30 days" in texts(at)
    at.toggle(key="haven_profile_toggle").set_value(False).run()
    assert "Nothing to show for this period yet" in texts(at)  # back to the person's own, empty profile
    submit(at, "Remove the demo profile")
    assert "Fill a demo profile" in [b.label for b in at.button]
    assert not at.toggle


def test_insights_for_a_new_person_say_what_to_do_instead_of_blank_charts(app_env, fake_safety):
    """One check-in, no tags, feelings, check-ups or exercises: a sentence each on what would fill them."""
    record_check_in(app_env, "me", CheckInEntry(mood=6))
    at = page("insights.py")
    shown = texts(at)
    assert "Tag a few check-ins" in shown and "what lifts your mood" in shown
    assert "Name a feeling or two" in shown and "to see what helps you" in shown
    assert len(at.get("plotly_chart")) == 1  # the calendar; one check-in is told in words, not drawn
    assert "(s)" not in shown

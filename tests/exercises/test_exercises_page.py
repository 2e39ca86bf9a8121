"""The Exercises page in AppTest: box breathing start to finish, resuming a half-done run, the crisis pause."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
import streamlit as st
from exercise_fakes import CONCERN_WORDS, CRISIS_WORDS, fake_triage
from streamlit.testing.v1 import AppTest

from haven.exercises import ExerciseSession, Stage, get_run, list_runs

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "exercises.py")


@pytest.fixture
def app_engine(data_dir, monkeypatch):
    """The page's own engine (HAVEN_DATA_DIR is a tmp dir), with every process-wide cache emptied."""
    import haven.safety
    from haven.storage.db import get_engine

    # deterministic stand-in: these tests are about the page, the real triage has its own tests (and one below)
    monkeypatch.setattr(haven.safety, "triage", fake_triage, raising=False)
    get_engine.cache_clear()
    st.cache_resource.clear()
    yield get_engine()
    get_engine.cache_clear()
    st.cache_resource.clear()


def page() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=30)


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def press(at: AppTest, key_prefix: str) -> AppTest:
    """Click the one button whose key starts with ``key_prefix`` (step buttons carry the step id)."""
    (button,) = [b for b in at.button if b.key and b.key.startswith(key_prefix + "-")]
    return click(at, button.key)


def test_box_breathing_start_to_finish(app_engine):
    at = page()
    at.query_params["exercise"] = "box-breathing"
    at.run()
    assert not at.exception
    assert at.header[0].value == "Box breathing"
    assert len(at.warning) == 2  # both cautions, before anything starts
    assert "NHS" in at.caption[-2].value  # references at the bottom

    click(at, "ex-intro-start")
    at.pills[0].set_value(6)
    press(at, "ex-next")  # distress before
    press(at, "ex-next")  # 'settle' is optional
    assert any("Breathe in 4 s" in c.value for c in at.caption)
    assert not at.html  # the pacer waits for Start
    press(at, "ex-timer-start")
    pacer = at.html[0].value
    assert "@keyframes" in pacer and "Breathe in" in pacer and "Round 4 of 4" in pacer
    assert "http" not in pacer  # nothing loaded from the network
    press(at, "ex-timer-done")
    at.text_area[0].input("My shoulders dropped")
    press(at, "ex-next")
    at.pills[0].set_value(3)
    press(at, "ex-next")  # distress after: finishes
    assert any("Your distress went from 6 to 3" in m.value for m in at.markdown)
    assert any(m.value == "My shoulders dropped" for m in at.markdown)

    click(at, "ex-helpful-1")
    assert at.button(key="ex-helpful-1").label == "✓ Yes, it helped"
    (run,) = list_runs(app_engine, "me")
    assert run.finished and run.helpful == 1
    assert run.answers == {"settle": "", "breathe": "done", "noticed": "My shoulders dropped"}
    assert (run.distress_before, run.distress_after) == (6, 3)

    click(at, "ex-summary-back")  # the past run is listed, and can be deleted
    assert at.button(key=f"ex-resume-{run.id}").label == "Read"
    click(at, f"ex-delete-{run.id}")
    assert list_runs(app_engine, "me") == []


def test_resume_a_half_done_run(app_engine, library):
    box = library.exercises["box-breathing"]
    session = ExerciseSession.start(app_engine, "me", box, triage=fake_triage)
    session.rate_distress_before(8)
    session.next()  # past 'settle'
    run_id = session.run.id

    at = page()
    at.run()
    assert any("Continue where you left off" in s.value for s in at.subheader)
    click(at, f"ex-resume-{run_id}")
    assert at.button(key="ex-timer-start-breathe")  # straight back to the breathing step
    press(at, "ex-timer-skip")
    click(at, "ex-leave")  # leave again, mid-way
    assert get_run(app_engine, "me", run_id).current_step == 2

    at = page()  # another visit
    at.run()
    click(at, f"ex-resume-{run_id}")
    press(at, "ex-next")  # 'noticed' is optional
    at.pills[0].set_value(5)
    press(at, "ex-next")
    run = get_run(app_engine, "me", run_id)
    assert run.finished and run.answers["breathe"] == "skipped"
    assert (run.distress_before, run.distress_after) == (8, 5)


def test_start_request_from_another_page_opens_the_introduction(app_engine):
    at = page()
    at.session_state["start_exercise"] = "thought-record"
    at.run()
    assert at.header[0].value == "Thought record"
    assert len(at.warning) == 3
    assert "start_exercise" not in at.session_state  # taken once


def test_filters_narrow_the_list(app_engine, library):
    from haven.exercises import need_tags

    at = page()
    at.run()
    everything = {b.key for b in at.button if b.key and b.key.startswith("ex-open-")}
    assert len(everything) == len(library.exercises)
    need = need_tags(library.exercises.values())[0]
    at.pills(key="ex-filter-needs").set_value([need]).run()
    kept = {b.key for b in at.button if b.key and b.key.startswith("ex-open-")}
    assert kept and kept < everything
    assert kept == {f"ex-open-{ex.id}" for ex in library.exercises.values() if need in ex.tags}


@pytest.fixture
def stand_in_crisis_card(monkeypatch):
    """A minimal crisis card and crisis response, so the page's pause can be tested on its own."""
    card = types.ModuleType("ui.crisis_card")

    def render_crisis_card(response) -> bool:
        st.error(f"CRISIS CARD for {response['region']}")
        return st.button("I want to carry on", key="stand-in-continue")

    card.render_crisis_card = render_crisis_card
    monkeypatch.setitem(sys.modules, "ui.crisis_card", card)
    import haven.safety

    monkeypatch.setattr(haven.safety, "triage", fake_triage, raising=False)
    monkeypatch.setattr(
        haven.safety,
        "crisis_response",
        lambda region, safety_plan=None, category=None: {"region": region, "plan": safety_plan},
        raising=False,
    )


def test_crisis_answer_pauses_the_exercise_on_the_crisis_card(app_engine, stand_in_crisis_card, library):
    at = page()
    at.session_state["start_exercise"] = "thought-record"
    at.run()
    click(at, "ex-intro-start")
    at.pills[0].set_value(5)  # distress before: chosen, never a preset 5
    press(at, "ex-next")
    text = f"I just want to {CRISIS_WORDS}"
    at.text_area[0].input(text)
    press(at, "ex-next")
    assert any("CRISIS CARD for US" in e.value for e in at.error)
    assert not at.text_area and not at.pills  # the exercise is paused
    (run,) = list_runs(app_engine, "me")
    assert run.answers["situation"] == text  # what they wrote is kept

    click(at, "stand-in-continue")
    assert not at.error
    assert at.pills[0].label.startswith("What did you feel?")  # carried on to the next step
    at.pills[0].set_value(["Sad", "Lonely"]).run()
    press(at, "ex-next")
    session = ExerciseSession.resume(app_engine, "me", library.exercises["thought-record"], run.id)
    assert session.answer_of("emotions") == ["Sad", "Lonely"] and session.stage is Stage.STEP


def test_a_concern_answer_shows_a_calm_check_in_and_the_exercise_goes_on(app_engine, library):
    """Not the card and no pause: the answer is saved, the next step is there, with a check-in and lines above."""
    at = page()
    at.session_state["start_exercise"] = "thought-record"
    at.run()
    click(at, "ex-intro-start")
    at.pills[0].set_value(5)  # distress before: chosen, never a preset 5
    press(at, "ex-next")
    at.text_area[0].input(f"Sometimes I just want to {CONCERN_WORDS}")
    press(at, "ex-next")
    assert at.pills[0].label.startswith("What did you feel?")  # the exercise went on
    shown = " ".join(e.value for e in at.info) + " ".join(c.value for c in at.caption)
    assert "988" in shown and "Carry on with the exercise" in shown
    (run,) = list_runs(app_engine, "me")
    assert run.answers["situation"].endswith(CONCERN_WORDS)
    at.pills[0].set_value(["Sad"]).run()
    press(at, "ex-next")  # an ordinary answer: the check-in has been seen, it goes
    assert "Carry on with the exercise" not in " ".join(c.value for c in at.caption)


def test_edit_a_finished_thought_record(app_engine, library):
    from test_exercise_summary import THOUGHT_RECORD, finish

    tr = library.exercises["thought-record"]
    run = finish(ExerciseSession.start(app_engine, "me", tr, triage=fake_triage), THOUGHT_RECORD, 7, 4)

    at = page()
    at.run()
    click(at, f"ex-edit-{run.id}")
    at.text_area(key=f"edit{run.id}-balanced_thought").input("They are probably just busy.")
    at.text_input(key=f"edit{run.id}-evidence_against-2").input("They asked to meet on Friday")
    at.button(key="FormSubmitter:" + f"ex-edit-form-{run.id}-Save changes").click().run()
    assert not at.exception, at.exception
    assert any(m.value == "They are probably just busy." for m in at.markdown)  # back on the record

    saved = get_run(app_engine, "me", run.id)
    assert saved.answers["balanced_thought"] == "They are probably just busy."
    assert saved.answers["evidence_against"] == THOUGHT_RECORD["evidence_against"] + [
        "They asked to meet on Friday"
    ]
    assert saved.answers["thinking_traps"] == [
        "Jumping to the worst: expecting disaster",
        "Mind reading: being sure what others think",
    ]
    assert (saved.distress_before, saved.distress_after) == (7, 4)


def test_unknown_exercise_in_the_link(app_engine):
    at = page()
    at.query_params["exercise"] = "no-such-thing"
    at.run()
    assert not at.exception
    assert "no exercise called 'no-such-thing'" in at.warning[0].value


def test_a_rating_starts_unset_and_asks_for_a_number_and_an_instruction_has_no_empty_box(app_engine):
    """Nothing is preset on a 0-10 scale (a slider at 5 suggests 5); 'Sit comfortably' is words to follow,
    with writing offered behind a closed 'Write something here' rather than an empty box."""
    at = page()
    at.query_params["exercise"] = "box-breathing"
    at.run()
    click(at, "ex-intro-start")
    assert at.pills[0].value is None
    press(at, "ex-next")
    assert any("Choose a number from 0 to 10" in w.value for w in at.warning)
    assert list_runs(app_engine, "me")[0].distress_before is None
    at.pills[0].set_value(4)
    press(at, "ex-next")
    assert any(e.label == "Write something here (optional)" for e in at.expander)
    assert any("Sit or stand comfortably" in m.value for m in at.markdown)


def test_an_exercise_opened_from_the_chat_offers_the_way_back(app_engine):
    at = page()
    at.session_state["start_exercise"] = "box-breathing"
    at.session_state["exercise_from_chat"] = True
    at.run()
    assert at.button(key="ex-intro-chat").label == "Back to the chat"

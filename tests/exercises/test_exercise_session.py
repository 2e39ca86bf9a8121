"""The runner end to end against a real SQLite file: start, answer, leave, resume another day, finish."""

from __future__ import annotations

import pytest
from exercise_fakes import CRISIS_WORDS, fake_triage

from haven.exercises import (
    ExerciseSession,
    IncompleteStep,
    RunNotFound,
    Stage,
    WrongStage,
    delete_run,
    helpful_scores,
    list_runs,
    resume,
    start_run,
)
from haven.storage.db import make_engine


def test_full_run_round_trip(engine, small_exercise):
    s = start_run(engine, "me", small_exercise, triage=fake_triage)
    assert s.stage is Stage.DISTRESS_BEFORE
    assert s.progress.done == 0 and s.progress.total == len(small_exercise.steps) + 2
    with pytest.raises(IncompleteStep):
        s.next()
    s.rate_distress_before(7)
    assert s.stage is Stage.STEP and s.step.id == "situation"

    with pytest.raises(IncompleteStep, match="Write a few words"):
        s.next()
    answers = {
        "situation": "My friend did not reply",
        "belief_before": 8,
        "breathe": "skipped",
        "traps": ["B"],
        "pick": "yes",
        "evidence": ["They were at work", ""],
        "belief_after": 3,
    }
    for step_id, value in answers.items():
        assert s.step.id == step_id
        result = s.answer(step_id, value)
        assert result.saved and not result.crisis, result
        s.next()
    assert s.step.id == "next_step"
    s.next()  # optional: may be left empty
    assert s.stage is Stage.DISTRESS_AFTER
    with pytest.raises(WrongStage):
        s.complete()
    s.rate_distress_after(4)
    assert s.stage is Stage.READY
    run = s.complete()
    assert run.finished and s.stage is Stage.FINISHED
    assert run.answers["evidence"] == ["They were at work"]
    assert (run.distress_before, run.distress_after) == (7, 4)


def test_resume_on_another_day_with_a_new_engine(engine, db_url, small_exercise):
    s = start_run(engine, "me", small_exercise, triage=fake_triage)
    s.rate_distress_before(6)
    s.answer("situation", "Argument at home")
    s.next()
    s.answer("belief_before", 9)  # answered but not moved on: still saved
    run_id = s.run.id
    engine.dispose()

    tomorrow = make_engine(db_url)
    (unfinished,) = list_runs(tomorrow, "me", finished=False)
    assert unfinished.id == run_id and unfinished.current_step == 1
    again = resume(tomorrow, "me", small_exercise, run_id, triage=fake_triage)
    assert again.stage is Stage.STEP and again.step.id == "belief_before"
    assert again.answer_of("belief_before") == 9
    assert again.answer_of("situation") == "Argument at home"
    assert again.run.distress_before == 6
    again.back()
    assert again.step.id == "situation"
    tomorrow.dispose()


def test_runs_belong_to_their_profile(engine, small_exercise):
    mine = start_run(engine, "me", small_exercise, triage=fake_triage)
    start_run(engine, "demo", small_exercise, triage=fake_triage)
    assert [r.id for r in list_runs(engine, "me")] == [mine.run.id]
    with pytest.raises(RunNotFound):
        resume(engine, "demo", small_exercise, mine.run.id)
    with pytest.raises(RunNotFound):
        delete_run(engine, "demo", mine.run.id)
    delete_run(engine, "me", mine.run.id)
    assert list_runs(engine, "me") == []


def test_invalid_answer_is_not_saved_and_says_why(engine, small_exercise):
    s = start_run(engine, "me", small_exercise, triage=fake_triage)
    result = s.answer("belief_before", 12)
    assert not result.saved and "0 to 10" in result.problem
    assert s.answer_of("belief_before") is None
    with pytest.raises(KeyError):
        s.answer("no_such_step", "x")


def test_crisis_answer_is_saved_and_reported(engine, small_exercise):
    seen: list[str] = []

    def spy(text, question=""):
        seen.append(text)
        return fake_triage(text)

    s = start_run(engine, "me", small_exercise, triage=spy)
    s.rate_distress_before(9)
    text = f"I want to {CRISIS_WORDS}"
    result = s.answer("situation", text)
    assert result.saved and result.crisis
    assert result.triage.category == "suicidal_ideation"
    assert seen == [text]
    assert s.answer_of("situation") == text  # nothing typed is lost

    listed = s.answer("evidence", ["fine", f"maybe I should {CRISIS_WORDS}"])
    assert listed.crisis and listed.saved
    assert s.answer("belief_before", 5).triage is None  # numbers are not text


def test_crisis_text_is_triaged_even_when_too_long_to_save(engine, small_exercise):
    s = start_run(engine, "me", small_exercise, triage=fake_triage)
    result = s.answer("situation", CRISIS_WORDS + " " + "x" * 6000)
    assert not result.saved and result.crisis


def test_edit_a_finished_run_and_helpfulness(engine, small_exercise):
    s = start_run(engine, "me", small_exercise, triage=fake_triage)
    s.rate_distress_before(5)
    for step_id, value in [
        ("situation", "x"),
        ("belief_before", 5),
        ("breathe", "done"),
        ("traps", []),
        ("pick", "no"),
        ("evidence", ["y"]),
        ("belief_after", 2),
        ("next_step", ""),
    ]:
        s.answer(step_id, value)
        s.next()
    s.rate_distress_after(3)
    s.complete()
    s.rate_helpful(True)
    results = s.update_answers({"situation": "a clearer account", "belief_after": 1, "pick": "maybe"})
    assert results["situation"].saved and results["belief_after"].saved
    assert not results["pick"].saved
    reopened = resume(engine, "me", small_exercise, s.run.id)
    assert reopened.stage is Stage.FINISHED
    assert reopened.answer_of("situation") == "a clearer account"
    assert reopened.answer_of("pick") == "no"
    assert helpful_scores(engine, "me") == {"small-test": 1}


def test_back_from_after_rating_asks_it_again(engine, small_exercise):
    s = ExerciseSession.start(engine, "me", small_exercise, triage=fake_triage)
    s.rate_distress_before(5)
    for step_id, value in [
        ("situation", "x"),
        ("belief_before", 5),
        ("breathe", "done"),
        ("traps", []),
        ("pick", "no"),
        ("evidence", ["y"]),
        ("belief_after", 2),
        ("next_step", ""),
    ]:
        s.answer(step_id, value)
        s.next()
    s.rate_distress_after(3)
    assert s.back() is Stage.STEP and s.step.id == "next_step"
    assert s.run.distress_after is None
    s.next()
    assert s.stage is Stage.DISTRESS_AFTER


def test_box_breathing_from_the_library(engine, library):
    box = library.exercises["box-breathing"]
    s = start_run(engine, "me", box, triage=fake_triage)
    s.rate_distress_before(6)
    s.next()  # 'settle' is optional
    s.answer("breathe", "done")
    s.next()
    s.answer("noticed", "My shoulders dropped")
    s.next()
    s.rate_distress_after(3)
    run = s.complete()
    assert run.answers == {"breathe": "done", "noticed": "My shoulders dropped"}


def test_editing_triages_only_what_changed(engine, small_exercise):
    seen: list[str] = []

    def spy(text, question=""):
        seen.append(text)
        return fake_triage(text)

    s = start_run(engine, "me", small_exercise, triage=spy)
    s.answer("situation", "first account")
    s.answer("evidence", ["one", "two"])
    seen.clear()
    results = s.update_answers({"situation": "first account", "evidence": ["one", "two", ""], "belief_after": 4})
    assert set(results) == {"belief_after"} and seen == []
    s.update_answers({"situation": f"now I want to {CRISIS_WORDS}"})
    assert seen == [f"now I want to {CRISIS_WORDS}"]


def test_real_triage_flags_a_crisis_answer_and_keeps_it(engine, small_exercise):
    """With Haven's own triage (no stand-in): a plain statement of suicidal intent is caught, and saved."""
    s = start_run(engine, "me", small_exercise)  # default triage: haven.safety.triage
    s.rate_distress_before(9)
    text = "I want to kill myself tonight"
    result = s.answer("situation", text)
    assert result.saved and result.crisis
    assert s.answer_of("situation") == text
    calm = s.answer("evidence", ["I went for a walk and felt a bit better"])
    assert calm.saved and not calm.crisis

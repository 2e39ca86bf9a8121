"""A finished thought record reads back as a record; the safety plan reads back as short lines."""

from __future__ import annotations

from exercise_fakes import fake_triage

from haven.exercises import distress_change, latest_safety_plan, render_summary, start_run, summary_markdown
from haven.exercises.runs import update_run

THOUGHT_RECORD = {
    "situation": "My friend read my message and did not reply all evening.",
    "emotions": ["Hurt", "Anxious"],
    "emotion_before": 7,
    "automatic_thought": "They are sick of me.",
    "belief_before": 8,
    "thinking_traps": [
        "Mind reading: being sure what others think",
        "Jumping to the worst: expecting disaster",
    ],
    "evidence_for": ["They did not reply"],
    "evidence_against": ["They replied warmly last week", "They said work is busy"],
    "balanced_thought": "They might be busy; they have been kind lately.",
    "belief_after": 3,
    "emotion_after": 4,
    "next_step": "",
}


def finish(session, answers, before, after):
    session.rate_distress_before(before)
    for step_id, value in answers.items():
        assert session.answer(step_id, value).saved, step_id
        session.next()
    if session.exercise.rate_distress:
        session.rate_distress_after(after)
    return session.complete()


def test_thought_record_summary_reads_as_a_record(engine, library):
    tr = library.exercises["thought-record"]
    run = finish(start_run(engine, "me", tr, triage=fake_triage), THOUGHT_RECORD, 7, 4)
    items = {item.step_id: item for item in render_summary(tr, run)}

    assert [i.title for i in render_summary(tr, run)] == [
        "Situation",
        "Emotions",
        "Emotion before",
        "Automatic thought",
        "Belief before",
        "Thinking traps",
        "Evidence for",
        "Evidence against",
        "Balanced thought",
        "Belief after",
        "Emotion after",
    ]  # the empty optional 'next_step' is left out
    assert items["situation"].text == THOUGHT_RECORD["situation"]
    # the exercise's option order, not the order clicked
    assert items["thinking_traps"].items == [
        "Jumping to the worst: expecting disaster",
        "Mind reading: being sure what others think",
    ]
    assert items["evidence_against"].items == THOUGHT_RECORD["evidence_against"]
    assert items["belief_after"].text == "3/10 (was 8/10)"
    assert items["emotion_after"].text == "4/10 (was 7/10)"
    assert distress_change(run) == "Your distress went from 7 to 4 (out of 10)."

    md = summary_markdown(tr, run)
    assert md.startswith("## Thought record")
    assert "**Balanced thought**\nThey might be busy; they have been kind lately." in md
    assert "- They said work is busy" in md
    assert "Your distress went from 7 to 4" in md


def test_distress_change_wording(engine, small_exercise):
    s = start_run(engine, "me", small_exercise, triage=fake_triage)
    assert distress_change(s.run) is None
    s.rate_distress_before(5)
    s.rate_distress_after(5)
    assert distress_change(s.run) == "Your distress stayed at 5 out of 10."


def test_latest_safety_plan(engine, small_exercise):
    assert latest_safety_plan(engine, "me") is None
    older = start_run(engine, "me", small_exercise, triage=fake_triage)
    update_run(
        engine,
        "me",
        older.run.id,
        exercise_id="safety-plan",
        answers={"people_to_ask": ["Old friend"]},
        completed_at=older.run.started_at,
    )
    newest = start_run(engine, "me", small_exercise, triage=fake_triage)
    update_run(
        engine,
        "me",
        newest.run.id,
        exercise_id="safety-plan",
        completed_at=newest.run.updated_at,
        answers={
            "warning_signs": ["Not sleeping", " "],
            "people_to_ask": ["Sam", "My sister"],
            "reasons_for_living": ["My cat"],
        },
    )
    unfinished = start_run(engine, "me", small_exercise, triage=fake_triage)
    update_run(engine, "me", unfinished.run.id, exercise_id="safety-plan", answers={"people_to_ask": ["Draft"]})

    assert latest_safety_plan(engine, "me") == [
        "My warning signs: Not sleeping",
        "People I can ask for help: Sam; My sister",
        "My reasons for living: My cat",
    ]
    assert latest_safety_plan(engine, "demo") is None

"""Insights: the numbers behind each sentence, and the sentences themselves."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from haven.storage.db import get_or_create_person, session_scope
from haven.storage.models import ExerciseRun
from haven.tracking.assessments import save_assessment
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.frames import Period, load_tracking_data
from haven.tracking.insights import CAUTION, build_insights
from haven.tracking.scoring import score

START = date(2025, 3, 3)


def log(engine, offset: int, mood: int, **fields) -> None:
    at = datetime.combine(START + timedelta(days=offset), datetime.min.time()).replace(hour=18)
    record_check_in(engine, "me", CheckInEntry(mood=mood, at=at, **fields))


def test_tag_sleep_emotion_and_summary_sentences(engine, fake_safety):
    # 12 walk days averaging 7, 9 other days averaging 5 (the spec's example shape)
    for offset in range(21):
        walked = offset < 12
        log(engine, offset, 7 if walked else 5, tags=("walk",) if walked else (),
            sleep_hours=8 if offset % 2 else 6, emotions=("calm",) if walked else ("tired",))  # fmt: skip
    insights = build_insights(load_tracking_data(engine, "me", Period(START, START + timedelta(days=29))))
    (walk,) = insights.tags
    assert (walk.mean_with, walk.mean_without, walk.days_with, walk.days_without) == (7.0, 5.0, 12, 9)
    assert walk.sentence == (
        'On days tagged "walk", your mood averaged 7.0, against 5.0 on days without it (12 days and 9 days).'
    )
    assert insights.sleep.days_good_sleep == 10 and insights.sleep.days_short_sleep == 11
    assert (
        insights.emotions.sentence == "The emotions you named most often were calm (12 times) and tired (9 times)."
    )
    assert insights.mood.sentence == (
        "You checked in on 21 of 30 days; your mood averaged 6.1. "  # (12 x 7 + 9 x 5) / 21
        "In the second half of the period it averaged 5.0, against 6.6 in the first."
    )
    assert insights.caution == CAUTION and len(insights.sentences()) == 4


def test_exercise_and_questionnaire_sentences(engine):
    done = datetime.combine(START, datetime.min.time()).replace(hour=12)
    with session_scope(engine) as session:
        person = get_or_create_person(session, "me")
        person.exercise_runs.extend(
            ExerciseRun(
                exercise_id="paced-breathing",
                completed_at=done + timedelta(days=d),
                distress_before=7,
                distress_after=7 - d,
            )  # fmt: skip
            for d in range(3)
        )
    for weeks, answers in [(0, [2] * 8 + [0]), (2, [1] * 8 + [0])]:
        save_assessment(engine, "me", score("phq9", answers), taken_at=done + timedelta(weeks=weeks))
    save_assessment(engine, "me", score("who5", [2] * 5), taken_at=done)
    insights = build_insights(
        load_tracking_data(engine, "me", Period(START, START + timedelta(days=29))),
        {"paced-breathing": "Paced breathing"},
    )
    (exercise,) = insights.exercises
    assert exercise.sentence == (
        "Across the 3 times you did Paced breathing, your distress went down from 7 to 6 out of 10 on average."
    )
    (phq9,) = insights.questionnaires  # the WHO-5 was taken once: no change to report
    assert (
        phq9.sentence
        == "Your PHQ-9 went from 16 (moderately severe) to 8 (mild) over 2 check-ups; lower is better."
    )


def test_an_exercise_sentence_never_says_stayed_from_a_number_to_itself():
    from haven.tracking.insights import ExerciseInsight

    once = ExerciseInsight(exercise_id="x", runs=1, mean_before=5.0, mean_after=5.0, title="Box breathing")
    assert once.sentence == "The one time you did Box breathing, your distress stayed at 5 out of 10."
    moved = ExerciseInsight(exercise_id="x", runs=1, mean_before=7.0, mean_after=4.0, title="Box breathing")
    assert moved.sentence == "The one time you did Box breathing, your distress went from 7 to 4 out of 10."
    steady = ExerciseInsight(exercise_id="x", runs=4, mean_before=5.5, mean_after=5.5, title="Box breathing")
    assert (
        steady.sentence == "Across the 4 times you did Box breathing, your distress stayed at about 5.5 out of 10."
    )
    assert "(s)" not in once.sentence + moved.sentence + steady.sentence


def test_nothing_to_say_without_data(engine):
    insights = build_insights(load_tracking_data(engine, "me", Period(START, START)))
    assert insights.sentences() == [] and insights.mood is None

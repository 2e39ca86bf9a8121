"""The demo profile: deterministic, realistic, clearly marked, non-crisis, removed in one go."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import select

from haven.storage.db import DEMO_PERSON, session_scope
from haven.storage.models import Person
from haven.tracking.checkins import recent_check_ins
from haven.tracking.demo import DEMO_EXERCISES, NOTES, demo_exists, fill_demo, remove_demo
from haven.tracking.frames import Period, load_tracking_data
from haven.tracking.insights import build_insights
from haven.tracking.series import daily_mood

TODAY = date(2025, 9, 30)


def snapshot(engine):
    data = load_tracking_data(engine, DEMO_PERSON, Period.last(None, today=TODAY))
    return [frame.drop(columns="id") for frame in (data.check_ins, data.assessments, data.exercise_runs)]


def test_fill_is_deterministic_and_marked_demo(engine):
    first = fill_demo(engine, today=TODAY)
    once = snapshot(engine)
    again = fill_demo(engine, today=TODAY)  # refilling replaces, never doubles
    assert first == again
    for before, after in zip(once, snapshot(engine), strict=True):
        pd.testing.assert_frame_equal(before, after)
    with session_scope(engine) as session:
        person = session.scalar(select(Person).where(Person.name == DEMO_PERSON))
        assert person.is_demo
    assert recent_check_ins(engine, "me") == []  # the person's own profile is untouched


def test_demo_data_looks_like_real_life(engine):
    summary = fill_demo(engine, today=TODAY)
    assert (summary.first_day, summary.last_day) == (date(2025, 7, 3), TODAY)
    data = load_tracking_data(engine, DEMO_PERSON, Period.last(90, today=TODAY))
    daily = daily_mood(data.check_ins, summary.first_day, TODAY)
    missing = int(daily["mood"].isna().sum())
    assert 3 <= missing <= 20  # some gaps, mostly logged
    assert len(data.check_ins) > daily["mood"].notna().sum()  # some days have two check-ins
    weekday_mood = daily["mood"].groupby(daily.index.weekday).mean()
    assert weekday_mood[5] > weekday_mood[0]  # Saturdays beat Mondays
    insights = build_insights(data)
    by_tag = {t.tag: t.difference for t in insights.tags}
    assert by_tag["walk"] > 0.3 and by_tag["work"] < -0.3  # tags that really go with mood
    assert {r.instrument for r in insights.questionnaires} == {"phq9", "gad7", "who5"}
    phq9 = next(q for q in insights.questionnaires if q.instrument == "phq9")
    who5 = next(q for q in insights.questionnaires if q.instrument == "who5")
    assert phq9.last_total < phq9.first_total and who5.last_total > who5.first_total  # improving a little
    assert len(data.assessments) == 3 * 7  # every two weeks over 90 days
    assert not any(data.assessments[data.assessments.instrument == "phq9"].total.isna())
    assert {e.exercise_id for e in insights.exercises} == set(DEMO_EXERCISES)
    assert all(e.change < 0 for e in insights.exercises)


def test_demo_never_contains_a_crisis(engine):
    fill_demo(engine, today=TODAY)
    data = load_tracking_data(engine, DEMO_PERSON, Period.last(None, today=TODAY))
    phq9 = data.assessments[data.assessments.instrument == "phq9"]
    from haven.tracking.assessments import assessment_history

    assert not any(r.crisis for r in assessment_history(engine, DEMO_PERSON, "phq9"))
    assert len(phq9) == 7
    notes = {n for n in data.check_ins.note if n}
    assert notes and notes <= {line for lines in NOTES.values() for line in lines}


def test_demo_notes_pass_the_real_triage():
    from haven.safety import triage

    for lines in NOTES.values():
        for line in lines:
            assert triage(line).level == "none", line


def test_remove_deletes_the_demo_only(engine, fake_safety):
    from haven.tracking.checkins import CheckInEntry, record_check_in

    record_check_in(engine, "me", CheckInEntry(mood=6))
    fill_demo(engine, today=TODAY)
    assert demo_exists(engine)
    assert remove_demo(engine) is True
    assert not demo_exists(engine) and remove_demo(engine) is False
    assert load_tracking_data(engine, DEMO_PERSON, Period.last(None, today=TODAY)).is_empty
    assert len(recent_check_ins(engine, "me")) == 1


def test_demo_command_fills_and_removes(data_dir):
    import json

    from typer.testing import CliRunner

    from haven.cli import app

    runner = CliRunner()
    filled = runner.invoke(app, ["demo"])
    assert filled.exit_code == 0, filled.output
    assert json.loads(filled.stdout)["check_ins"] > 60
    removed = runner.invoke(app, ["demo", "--remove"])
    assert json.loads(removed.stdout) == {"removed": True}

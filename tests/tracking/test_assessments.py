"""Check-ups: saved results, history, the crisis response on PHQ-9 item 9, and the two-week reminder."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from haven.tracking.assessments import (
    assessment_history,
    check_up_due,
    delete_assessment,
    save_assessment,
    take_check_up,
)
from haven.tracking.scoring import score


def test_take_check_up_scores_and_saves(engine, fake_safety):
    outcome = take_check_up(engine, "me", "gad7", [1, 1, 1, 1, 1, 1, 1])
    assert (outcome.result.total, outcome.result.band, outcome.crisis) == (7, "mild", None)
    (saved,) = assessment_history(engine, "me")
    assert (saved.instrument, saved.answers, saved.total, saved.band) == ("gad7", (1,) * 7, 7, "mild")
    assert fake_safety.responses == []


def test_phq9_item_9_brings_the_crisis_response_and_is_still_saved(engine, fake_safety):
    outcome = take_check_up(engine, "me", "phq9", [0] * 8 + [2], region="IE")
    assert outcome.result.crisis
    assert outcome.crisis is fake_safety.responses[0]
    assert (outcome.crisis.region, outcome.crisis.category) == ("IE", "suicide")
    (saved,) = assessment_history(engine, "me", "phq9")
    assert saved.crisis


def test_history_filters_and_orders(engine):
    for days_ago, key, answers in [(20, "phq9", [1] * 9), (3, "phq9", [0] * 9), (10, "who5", [3] * 5)]:
        save_assessment(engine, "me", score(key, answers), taken_at=datetime.now() - timedelta(days=days_ago))
    assert [r.total for r in assessment_history(engine, "me", "phq9")] == [9, 0]
    assert [r.instrument for r in assessment_history(engine, "me")] == ["phq9", "who5", "phq9"]
    assert [r.total for r in assessment_history(engine, "me", since=date.today() - timedelta(days=5))] == [0]
    first = assessment_history(engine, "me")[0]
    delete_assessment(engine, "me", first.id)
    assert len(assessment_history(engine, "me")) == 2


def test_check_up_due_after_two_weeks(engine):
    today = date(2025, 6, 30)
    save_assessment(engine, "me", score("phq9", [0] * 9), taken_at=datetime(2025, 6, 16, 10))  # 14 days
    save_assessment(engine, "me", score("gad7", [0] * 7), taken_at=datetime(2025, 6, 17, 10))  # 13 days
    status = {s.instrument: s for s in check_up_due(engine, "me", today=today)}
    assert (status["phq9"].due, status["phq9"].days_since) == (True, 14)
    assert (status["gad7"].due, status["gad7"].days_since) == (False, 13)
    assert (status["who5"].due, status["who5"].last_taken) == (False, None)
    assert "14 days ago" in status["phq9"].message
    assert "not done the WHO-5" in status["who5"].message

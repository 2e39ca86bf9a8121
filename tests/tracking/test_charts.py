"""Chart figures checked through their traces: gaps on missing days, rolling means, heatmap shape, bands."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest

from haven.storage.models import ExerciseRun
from haven.tracking.assessments import save_assessment
from haven.tracking.charts import (
    build_charts,
    calendar_grid,
    emotion_frequency,
    mood_calendar,
    mood_over_time,
    questionnaire_scores,
    tags_and_mood,
    what_helps,
)
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.frames import Period, load_tracking_data
from haven.tracking.scoring import score

START = date(2025, 6, 2)  # a Monday


def log(engine, day: date, mood: int, hour: int = 12, **fields) -> None:
    record_check_in(
        engine,
        "me",
        CheckInEntry(mood=mood, at=datetime.combine(day, datetime.min.time()).replace(hour=hour), **fields),
    )


def data_for(engine, start: date, end: date):
    return load_tracking_data(engine, "me", Period(start, end))


def is_gap(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def test_mood_over_time_daily_mean_gaps_and_rolling_average(engine, fake_safety):
    moods = {0: [4, 6], 1: [6], 3: [8], 5: [2], 6: [7]}  # days 2 and 4 missing; two check-ins on day 0
    for offset, values in moods.items():
        for hour, mood in zip((9, 20), values, strict=False):
            log(engine, START + timedelta(days=offset), mood, hour)
    data = data_for(engine, START, START + timedelta(days=7))
    fig = mood_over_time(data.check_ins, START, START + timedelta(days=7))
    daily, rolling, entries = fig.data
    assert len(entries.x) == 6 and entries.mode == "markers"  # every check-in, two on day 0
    assert len(daily.x) == 8 and daily.connectgaps is False and rolling.connectgaps is False
    assert [None if is_gap(v) else v for v in daily.y] == [5.0, 6.0, None, 8.0, None, 2.0, 7.0, None]
    # 7-day window, at least 3 logged days: (5+6+8)/3 on day 3, then (5+6+8+2)/4, (5+6+8+2+7)/5, ...
    expected = [None, None, None, 19 / 3, 19 / 3, 21 / 4, 28 / 5, (6 + 8 + 2 + 7) / 4]
    assert [None if is_gap(v) else pytest.approx(v) for v in rolling.y] == expected


def test_mood_over_time_without_data_says_so():
    import pandas as pd

    from haven.tracking.frames import CHECK_IN_COLUMNS

    fig = mood_over_time(pd.DataFrame(columns=CHECK_IN_COLUMNS))
    assert fig.data == () and "No check-ins" in fig.layout.annotations[0].text


def test_calendar_is_weekdays_by_weeks_with_blanks(engine, fake_safety):
    log(engine, START, 3)  # Monday of week 1
    log(engine, START + timedelta(days=9), 9)  # Wednesday of week 2
    end = START + timedelta(days=27)  # Sunday of week 4
    data = data_for(engine, START, end)
    fig = mood_calendar(data.check_ins, START, end)
    z = fig.data[0].z
    assert (len(z), len(z[0])) == (7, 4)
    assert list(fig.data[0].y) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert z[0][0] == 3 and z[2][1] == 9
    assert sum(not is_gap(v) for row in z for v in row) == 2


def test_calendar_keeps_at_most_a_year(engine, fake_safety):
    log(engine, date(2024, 1, 3), 5)
    grid = calendar_grid(load_tracking_data(engine, "me", Period.last(None, today=date(2025, 12, 31))).check_ins,
                         date(2021, 1, 1), date(2025, 12, 31))  # fmt: skip
    assert grid.shape == (7, 53)
    assert grid.columns[-1].date() == date(2025, 12, 29)  # Monday of the last week


def test_emotion_frequency_counts_most_frequent_on_top(engine, fake_safety):
    log(engine, START, 5, emotions=("calm", "tired"))
    log(engine, START, 5, 15, emotions=("tired",))
    log(engine, START + timedelta(days=1), 5, emotions=("tired", "happy", "calm"))
    bar = emotion_frequency(data_for(engine, START, START + timedelta(days=1)).check_ins).data[0]
    assert dict(zip(bar.y, bar.x, strict=True)) == {"tired": 3, "calm": 2, "happy": 1}
    assert bar.y[-1] == "tired"  # horizontal bars draw bottom-up: the most frequent sits on top


def test_tags_and_mood_needs_three_days_each(engine, fake_safety):
    for offset in range(8):
        tags = ("walk",) if offset < 4 else ()
        tags += ("yoga",) if offset < 2 else ()
        log(engine, START + timedelta(days=offset), 8 if offset < 4 else 4, tags=tags)
    with_bar, without_bar = tags_and_mood(data_for(engine, START, START + timedelta(days=8)).check_ins).data
    assert list(with_bar.x) == ["walk"]  # yoga has only 2 days
    assert (with_bar.y[0], without_bar.y[0]) == (8.0, 4.0)
    assert (with_bar.customdata[0], without_bar.customdata[0]) == ("4 days", "4 days")


def test_questionnaire_chart_shades_every_band(engine):
    for week, total in enumerate([14, 9, 4]):
        answers = [min(3, max(0, total - 3 * i)) for i in range(8)] + [0]
        save_assessment(
            engine,
            "me",
            score("phq9", answers),
            taken_at=datetime.combine(START, datetime.min.time()) + timedelta(weeks=week),
        )
    data = data_for(engine, START, START + timedelta(weeks=3))
    fig = questionnaire_scores(data.assessments, "phq9")
    assert [s.name for s in fig.layout.shapes] == ["minimal", "mild", "moderate", "moderately severe", "severe"]
    assert [(s.y0, s.y1) for s in fig.layout.shapes][:2] == [(0, 4.5), (4.5, 9.5)]
    assert fig.layout.shapes[-1].y1 == 27
    assert list(fig.data[0].y) == [14, 9, 4]
    who5 = questionnaire_scores(data.assessments, "who5")
    assert [s.name for s in who5.layout.shapes] == ["likely depression", "poor wellbeing", "good wellbeing"]
    # higher is better on the WHO-5: its best band gets the calmest colour, like PHQ-9's "minimal"
    assert who5.layout.shapes[-1].fillcolor == fig.layout.shapes[0].fillcolor
    assert "No WHO-5 results" in who5.layout.annotations[-1].text


def test_what_helps_uses_completed_rated_runs_only(engine):
    from haven.storage.db import get_or_create_person, session_scope

    done = datetime.combine(START, datetime.min.time()).replace(hour=12)
    with session_scope(engine) as session:
        person = get_or_create_person(session, "me")
        person.exercise_runs.extend([
            ExerciseRun(exercise_id="box-breathing", completed_at=done, distress_before=8, distress_after=4),
            ExerciseRun(exercise_id="box-breathing", completed_at=done, distress_before=6, distress_after=4),
            ExerciseRun(exercise_id="box-breathing", completed_at=None, distress_before=9, distress_after=None),
            ExerciseRun(exercise_id="thought-record", completed_at=done, distress_before=5, distress_after=4),
            ExerciseRun(exercise_id="grounding-54321", completed_at=done, distress_before=None, distress_after=3),
        ])  # fmt: skip
    runs = data_for(engine, START, START).exercise_runs
    before, after = what_helps(runs, {"box-breathing": "Box breathing"}).data
    assert list(before.x) == ["Box breathing", "Thought record"]
    assert (list(before.y), list(after.y), list(before.customdata)) == (
        [7.0, 5.0],
        [4.0, 4.0],
        ["2 times", "1 time"],
    )


def test_build_charts_for_an_empty_period(engine):
    charts = build_charts(data_for(engine, START, START + timedelta(days=29)))
    assert set(charts.questionnaires) == {"phq9", "gad7", "who5"}
    assert charts.mood.data == () and charts.what_helps.data == ()


def test_count_axes_have_whole_numbers_and_charts_show_no_mode_bar():
    """A count axis ticks 0, 1, 2 (never 0.5), and the shared config hides plotly's toolbar, which on a
    phone covers a chart's title."""
    import pandas as pd

    from haven.tracking.charts import CHART_CONFIG, emotion_frequency

    check_ins = pd.DataFrame({"emotions": [("calm",), ("calm", "tired")], "mood": [6, 5]})
    axis = emotion_frequency(check_ins).layout.xaxis
    assert (axis.tick0, axis.dtick, axis.tickformat) == (0, 1, "d")
    assert CHART_CONFIG["displayModeBar"] is False

"""Issue 13, sparse data, on the plotly figure builders: the x-axis follows the chosen period whatever the
data, ticks never read as seconds, every entry is a visible marker, and a single point is a sentence."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd

from haven.tracking.assessments import save_assessment
from haven.tracking.charts import (
    build_charts,
    history_span,
    lone_check_in,
    lone_result,
    mood_calendar,
    mood_over_time,
    questionnaire_scores,
)
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.frames import Period, load_tracking_data
from haven.tracking.scoring import score

START, END = date(2025, 6, 2), date(2025, 7, 1)  # a 30-day period


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)


def x_range(fig) -> tuple[datetime, datetime]:
    low, high = fig.layout.xaxis.range
    return pd.Timestamp(low).to_pydatetime(), pd.Timestamp(high).to_pydatetime()


def period_data(engine):
    return load_tracking_data(engine, "me", Period(START, END))


def test_one_check_in_keeps_the_mood_axis_on_the_period(engine, fake_safety):
    record_check_in(engine, "me", CheckInEntry(mood=6, at=at(START + timedelta(days=3), 9)))
    fig = mood_over_time(period_data(engine).check_ins, START, END)
    assert x_range(fig) == (at(START, 0), at(END + timedelta(days=1), 0))
    assert fig.layout.xaxis.type == "date"


def test_three_check_ins_on_one_day_are_three_visible_markers(engine, fake_safety):
    day = START + timedelta(days=5)
    for hour, mood in ((8, 3), (13, 5), (19, 8)):
        record_check_in(engine, "me", CheckInEntry(mood=mood, at=at(day, hour)))
    fig = mood_over_time(period_data(engine).check_ins, START, END)
    entries = next(trace for trace in fig.data if trace.name == "Check-ins")
    assert list(entries.y) == [3, 5, 8] and entries.mode == "markers"
    assert [pd.Timestamp(x).hour for x in entries.x] == [8, 13, 19]
    assert entries.marker.size >= 8 and entries.marker.color != "#9bb7d4"  # not the pale line's colour


def test_a_lone_questionnaire_result_sits_on_the_period_axis_with_date_ticks(engine):
    save_assessment(engine, "me", score("phq9", [1] * 8 + [0]), taken_at=at(START + timedelta(days=9), 7, 50))
    fig = questionnaire_scores(period_data(engine).assessments, "phq9", START, END)
    assert x_range(fig) == (at(START, 0), at(END + timedelta(days=1), 0))
    formats = [stop.value for stop in fig.layout.xaxis.tickformatstops]
    assert formats and not any("%S" in f or "%L" in f or "%f" in f for f in formats)  # never seconds


def test_questionnaire_axis_without_a_period_spans_the_results_days(engine):
    first, second = at(START, 9), at(START, 9, 20)
    for moment in (first, second):
        save_assessment(engine, "me", score("phq9", [1] * 8 + [0]), taken_at=moment)
    fig = questionnaire_scores(period_data(engine).assessments, "phq9")
    assert x_range(fig) == (at(START, 0), at(START + timedelta(days=1), 0))  # a whole day, not 20 minutes
    (trace,) = fig.data
    assert [pd.Timestamp(x).to_pydatetime() for x in trace.x] == [first, second]
    assert "%H:%M" in trace.hovertemplate
    assert [note for _, note in trace.customdata] == ["<br>one of 2 results that day"] * 2


def test_build_charts_puts_every_chart_on_the_period_and_words_for_lone_points(engine, fake_safety):
    record_check_in(engine, "me", CheckInEntry(mood=6, at=at(START + timedelta(days=1), 9)))
    save_assessment(engine, "me", score("gad7", [1] * 7), taken_at=at(START + timedelta(days=2), 10))
    for offset in (3, 10):
        save_assessment(
            engine, "me", score("phq9", [1] * 8 + [0]), taken_at=at(START + timedelta(days=offset), 10)
        )
    charts = build_charts(period_data(engine))
    period = (at(START, 0), at(END + timedelta(days=1), 0))
    assert x_range(charts.mood) == period
    assert all(x_range(charts.questionnaires[key]) == period for key in ("phq9", "gad7"))
    assert set(charts.in_words) == {"mood", "gad7"}  # two PHQ-9 results make a chart
    assert charts.in_words["mood"].startswith("One check-in in this period: mood 6/10 on Tue 3 Jun 2025, 09:00")
    assert charts.in_words["gad7"].startswith("One GAD-7 result in this period: 7 out of 21")


def test_lone_sentences_only_for_exactly_one_point(engine, fake_safety):
    data = period_data(engine)
    assert lone_check_in(data.check_ins) is None and lone_result(data.assessments, "phq9") is None
    for hour in (9, 10):
        record_check_in(engine, "me", CheckInEntry(mood=5, at=at(START, hour)))
    assert lone_check_in(period_data(engine).check_ins) is None


def test_history_span_is_at_least_a_month_and_ends_today():
    today = date(2025, 6, 30)
    assert history_span(pd.Series([pd.Timestamp(today)]), today) == (today - timedelta(days=29), today)
    long_ago = pd.Series([pd.Timestamp(2024, 1, 5), pd.Timestamp(2025, 6, 1)])
    assert history_span(long_ago, today) == (date(2024, 1, 5), today)


def test_a_one_week_calendar_is_a_labelled_column_not_a_date_axis(engine, fake_safety):
    record_check_in(engine, "me", CheckInEntry(mood=6, at=at(START + timedelta(days=2), 9)))
    fig = mood_calendar(period_data(engine).check_ins, START + timedelta(days=2), START + timedelta(days=2))
    (heatmap,) = fig.data
    assert list(heatmap.x) == ["2 Jun"] and fig.layout.xaxis.type == "category"
    assert heatmap.customdata[0][0] == "2 Jun 2025"  # the hover names the year

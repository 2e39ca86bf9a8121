"""Issue 13, sparse data, in the report: a new person's 30-day PDF has date axes on those 30 days (not 2025
to 2029), every check-in is a marker, and a single point is a sentence in place of a chart."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import matplotlib.dates as mdates

from haven.reports import ReportOptions, Section, build_report
from haven.reports.figures import mood_figure, questionnaire_figure
from haven.tracking.assessments import save_assessment
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.frames import Period, load_tracking_data
from haven.tracking.scoring import score

START, END = date(2025, 6, 2), date(2025, 7, 1)  # the report page's default: 30 days


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)


def period_limits() -> tuple[float, float]:
    return mdates.date2num(at(START, 0)), mdates.date2num(at(END + timedelta(days=1), 0))


def tick_labels(fig) -> list[str]:
    fig.canvas.draw()
    return [label.get_text() for label in fig.axes[0].get_xticklabels()]


def check_in(engine, moment: datetime, mood: int = 6) -> None:
    record_check_in(engine, "me", CheckInEntry(mood=mood, at=moment))


def test_one_check_in_keeps_the_mood_axis_on_the_period(engine):
    check_in(engine, at(START + timedelta(days=4), 9))
    fig = mood_figure(load_tracking_data(engine, "me", Period(START, END)))
    assert fig.axes[0].get_xlim() == period_limits()
    assert not any(year in label for label in tick_labels(fig) for year in ("2024", "2026", "2027", "2029"))


def test_three_check_ins_on_one_day_are_three_markers(engine):
    for hour, mood in ((8, 3), (13, 5), (19, 8)):
        check_in(engine, at(START + timedelta(days=4), hour), mood)
    fig = mood_figure(load_tracking_data(engine, "me", Period(START, END)))
    (entries,) = [line for line in fig.axes[0].get_lines() if line.get_label() == "Check-ins"]
    assert list(entries.get_ydata()) == [3, 5, 8] and entries.get_marker() == "o"


def test_a_lone_questionnaire_result_stays_on_the_period(engine):
    save_assessment(engine, "me", score("phq9", [1] * 8 + [0]), taken_at=at(START + timedelta(days=9), 7))
    data = load_tracking_data(engine, "me", Period(START, END))
    fig = questionnaire_figure(data.assessments, "phq9", START, END)
    assert fig.axes[0].get_xlim() == period_limits()
    assert not any(":" in label for label in tick_labels(fig))  # days, not hours or seconds


def test_a_new_persons_report_tells_single_points_in_words(engine, library):
    check_in(engine, at(START + timedelta(days=4), 9))
    save_assessment(engine, "me", score("phq9", [1] * 8 + [0]), taken_at=at(START + timedelta(days=9), 7))
    options = ReportOptions(start=START, end=END, sections=frozenset({Section.MOOD, Section.SCORES}))
    report = build_report(engine, "me", options, library, today=END)
    assert report.images == ()
    text = " ".join(report.markdown.split())
    assert "You checked in on 1 of 30 days" in text
    assert "PHQ-9: one result in this period, 8 of 27 (mild) on 11 June 2025; a chart needs two or more." in text


def test_two_results_make_a_chart_on_the_period(engine, library):
    for offset in (3, 10):
        save_assessment(engine, "me", score("gad7", [1] * 7), taken_at=at(START + timedelta(days=offset), 10))
    options = ReportOptions(start=START, end=END, sections=frozenset({Section.SCORES}))
    report = build_report(engine, "me", options, library, today=END)
    assert [image.name for image in report.images] == ["gad7.png"]

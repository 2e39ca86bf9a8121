"""Plotly figures for the Mood, Check-ups and Insights pages. Each function takes frames, returns a Figure.

No Streamlit here: pages call these and hand the figure to ``st.plotly_chart``; notebooks show it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pandas as pd
import plotly.graph_objects as go

from haven.tracking.checkins import MOOD_MAX, MOOD_MIN
from haven.tracking.frames import TrackingData
from haven.tracking.instruments import get_instrument, load_instruments
from haven.tracking.series import compare_tags, daily_mood, emotion_counts, exercise_effects

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MOOD_COLOURS = "Viridis"  # perceptually even and readable with colour-blindness
BEFORE, AFTER = "#e08a5b", "#4c9a8a"
WITH_TAG, WITHOUT_TAG = "#4c9a8a", "#b8b8b8"
#: Band shading from the best band to the worst.
BAND_FILLS = ["#d9f0d3", "#fff7bc", "#fee391", "#fdae6b", "#f4a582"]
CALENDAR_MAX_WEEKS = 53
ENTRY_COLOUR = "#1f4e79"  # one marker per entry: dark enough to see on the pale daily line and every band
#: An all-time history (the Check-ups page) spans at least this many days, so two results on one day
#: sit on a month's axis rather than on one of minutes.
HISTORY_MIN_DAYS = 30
DAY_MS = 86_400_000
#: plotly.js options for every chart a page shows (``st.plotly_chart(fig, config=CHART_CONFIG)``). No mode
#: bar: on a phone it sits over the chart's title after a tap, and zoom and pan tools are not what a person
#: looking back at their week needs. Scroll-zoom off, so a page scrolls past a chart instead of zooming it.
CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "displaylogo": False, "responsive": True}
#: Date ticks by zoom level: hours within a day, days up to a month, months up to a year, then years.
#: Never seconds or fractions of them, whatever the data.
DATE_TICKS = [
    dict(dtickrange=[None, DAY_MS], value="%H:%M<br>%-d %b"),
    dict(dtickrange=[DAY_MS, "M1"], value="%-d %b"),
    dict(dtickrange=["M1", "M12"], value="%b %Y"),
    dict(dtickrange=["M12", None], value="%Y"),
]


def _layout(fig: go.Figure, title: str, **kwargs) -> go.Figure:
    """Shared layout. No plotly template: Streamlit applies its theme, and a template costs ~15 ms a figure."""
    fig.update_layout(title=title, margin=dict(l=40, r=20, t=50, b=40), hovermode="closest", **kwargs)
    return fig


def _empty(title: str, message: str) -> go.Figure:
    """A figure that says there is nothing to draw yet, rather than an empty frame."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title)


def _times(n: int, one: str, many: str) -> str:
    """'1 check-in', '3 check-ins': hover labels count in words, never 'check-in(s)'."""
    return f"{n} {one if n == 1 else many}"


def _count_axis(fig: go.Figure, most: int, axis: str = "x") -> go.Figure:
    """A count axis in whole numbers from 0: "1, 2, 3 check-ins", never "0.5" (plotly's own ticks halve
    a small range). About six ticks at most, whatever the largest count."""
    step = max(1, -(-most // 6))
    update = fig.update_xaxes if axis == "x" else fig.update_yaxes
    update(tick0=0, dtick=step, tickformat="d", range=[0, max(most, 1) * 1.05], rangemode="tozero")
    return fig


def _period_axis(fig: go.Figure, start: date, end: date) -> go.Figure:
    """The x-axis spans the period's days, whatever the data: left to itself, plotly stretches a lone point
    over milliseconds ("07:50:42.1765") and a lone day over years."""
    first = datetime.combine(start, datetime.min.time())
    after = datetime.combine(end + timedelta(days=1), datetime.min.time())
    fig.update_xaxes(type="date", range=[first, after], tickformatstops=DATE_TICKS)
    return fig


def history_span(days: pd.Series, today: date, minimum: int = HISTORY_MIN_DAYS) -> tuple[date, date]:
    """First and last day of an all-time history chart: from the first entry to today (or the last entry,
    if later), and at least ``minimum`` days, so a history that began this week reads as days, not hours."""
    first = days.min().date() if not days.empty else today
    last = max(days.max().date(), today) if not days.empty else today
    return min(first, last - timedelta(days=minimum - 1)), last


def mood_over_time(check_ins: pd.DataFrame, start: date | None = None, end: date | None = None) -> go.Figure:
    """Every check-in as a marker at its time, the daily mean between them and its 7-day rolling average,
    on an axis of the whole period. Days without a check-in are gaps, not lines across; three check-ins on
    one day are three markers, not one averaged dot."""
    title = "Mood over time"
    if check_ins.empty:
        return _empty(title, "No check-ins in this period yet.")
    daily = daily_mood(check_ins, start, end)
    noon = daily.index + pd.Timedelta(hours=12)  # a day's mean sits in the middle of its day, among its entries
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=noon, y=daily["mood"], name="Daily mood", mode="lines", connectgaps=False,
            line=dict(color="#9bb7d4", width=1.5),
            hovertemplate="%{x|%a %-d %b %Y}<br>mood %{y:.1f} (mean of the day)<extra></extra>",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=noon, y=daily["rolling"], name="7-day average", mode="lines", connectgaps=False,
            line=dict(color="#2b5d8a", width=3),
            hovertemplate="%{x|%-d %b %Y}<br>7-day average %{y:.1f}<extra></extra>",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Scatter(
            x=check_ins["at"], y=check_ins["mood"], name="Check-ins", mode="markers",
            marker=dict(size=9, color=ENTRY_COLOUR, line=dict(color="white", width=1)),
            hovertemplate="%{x|%a %-d %b %Y, %H:%M}<br>mood %{y:.0f}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(range=[MOOD_MIN - 0.5, MOOD_MAX + 0.5], title="Mood (1-10)", dtick=1)
    _period_axis(fig, daily.index[0].date(), daily.index[-1].date())
    return _layout(fig, title, legend=dict(orientation="h", y=-0.15))


def calendar_grid(check_ins: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Daily mean mood laid out as weekdays (rows, Monday first) by weeks (columns, each week's Monday).
    At most the last 53 weeks: a year in pixels."""
    start = max(start, end - timedelta(weeks=CALENDAR_MAX_WEEKS - 1, days=end.weekday()))
    daily = daily_mood(check_ins, start, end)["mood"]
    weeks = daily.index - pd.to_timedelta(daily.index.weekday, unit="D")
    frame = pd.DataFrame({"week": weeks, "weekday": daily.index.weekday, "mood": daily.to_numpy()})
    grid = frame.pivot(index="weekday", columns="week", values="mood")
    return grid.reindex(range(7))


def mood_calendar(check_ins: pd.DataFrame, start: date, end: date) -> go.Figure:
    """A year in pixels: one square per day, coloured by that day's mean mood; blank when not logged.

    Weeks are labelled columns ("2 Jun"), not a date axis: a period of one week would otherwise be a single
    column one millisecond wide, with ticks in fractions of a second."""
    title = "Mood calendar"
    if check_ins.empty:
        return _empty(title, "No check-ins in this period yet.")
    grid = calendar_grid(check_ins, start, end)
    weeks = [f"{monday.day} {monday:%b}" for monday in grid.columns]
    full = [f"{monday.day} {monday:%b %Y}" for monday in grid.columns]
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(), x=weeks, y=WEEKDAYS, zmin=MOOD_MIN, zmax=MOOD_MAX, customdata=[full] * len(WEEKDAYS),
            colorscale=MOOD_COLOURS, xgap=2, ygap=2, hoverongaps=False, colorbar=dict(title="Mood"),
            hovertemplate="%{y}, week of %{customdata}<br>mood %{z:.1f}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(type="category", title="Week of")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, height=260)


def emotion_frequency(check_ins: pd.DataFrame) -> go.Figure:
    """How often each emotion was named in the period, most frequent at the top."""
    title = "Emotions you named"
    counts = emotion_counts(check_ins)
    if counts.empty:
        return _empty(title, "No emotions named in this period yet.")
    fig = go.Figure(
        go.Bar(
            x=counts.to_numpy()[::-1], y=list(counts.index)[::-1], orientation="h", marker_color="#7a9cc6",
            customdata=[_times(int(n), "check-in", "check-ins") for n in counts.to_numpy()[::-1]],
            hovertemplate="%{y}: named in %{customdata}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(title="Check-ins")
    _count_axis(fig, int(counts.max()))
    return _layout(fig, title, height=max(250, 28 * len(counts) + 80))


def tags_and_mood(check_ins: pd.DataFrame, min_days: int = 3) -> go.Figure:
    """Mean mood on days with and without each tag, for tags with at least ``min_days`` days of each."""
    title = "Your tags and your mood"
    comparisons = compare_tags(check_ins, min_days)
    if not comparisons:
        return _empty(title, f"A tag shows here once it has {min_days} days with it and {min_days} without.")
    tags = [c.tag for c in comparisons]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            name="Days with the tag", x=tags, y=[c.mean_with for c in comparisons], marker_color=WITH_TAG,
            customdata=[_times(c.days_with, "day", "days") for c in comparisons],
            hovertemplate="with %{x}: mood %{y:.1f} over %{customdata}<extra></extra>",
        )
    )  # fmt: skip
    fig.add_trace(
        go.Bar(
            name="Days without", x=tags, y=[c.mean_without for c in comparisons], marker_color=WITHOUT_TAG,
            customdata=[_times(c.days_without, "day", "days") for c in comparisons],
            hovertemplate="without %{x}: mood %{y:.1f} over %{customdata}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(range=[0, MOOD_MAX], title="Mean mood")
    return _layout(fig, title, barmode="group", legend=dict(orientation="h", y=-0.2))


def _same_day_notes(rows: pd.DataFrame) -> list[str]:
    """For each result, a hover note when others share its day: at a month's scale they sit on top of
    each other, and the note says that more is there (the table below lists each)."""
    per_day = rows.groupby("day")["id"].transform("size")
    return ["" if n == 1 else f"<br>one of {n} results that day" for n in per_day]


def questionnaire_scores(
    assessments: pd.DataFrame, instrument_id: str, start: date | None = None, end: date | None = None
) -> go.Figure:
    """One questionnaire's totals over time, over its published bands shaded from best to worst. Every
    result is a marker at its own time (two on one day are two markers); the x-axis spans ``start`` to
    ``end`` (default: the results' own days)."""
    instrument = get_instrument(instrument_id)
    title = f"{instrument.name} over time"
    rows = assessments[assessments["instrument"] == instrument.id] if not assessments.empty else assessments
    fig = go.Figure()
    ranges = instrument.band_ranges()
    ordered = list(reversed(ranges)) if instrument.higher_is_better else ranges
    fills = dict(zip([band.label for _, _, band in ordered], BAND_FILLS, strict=False))  # up to five bands
    shapes, labels = [], []
    for low, high, band in ranges:
        y0, y1 = max(low - 0.5, 0), min(high + 0.5, instrument.max_total)
        shapes.append(dict(type="rect", xref="paper", x0=0, x1=1, y0=y0, y1=y1, fillcolor=fills[band.label],
                           opacity=0.6, line_width=0, layer="below", name=band.label))  # fmt: skip
        labels.append(dict(text=band.label, xref="paper", x=0.01, y=y1, yanchor="top", xanchor="left",
                           showarrow=False, font_size=11, name=band.label))  # fmt: skip
    fig.update_layout(shapes=shapes, annotations=labels)
    if not rows.empty:
        fig.add_trace(
            go.Scatter(
                x=rows["taken_at"], y=rows["total"], mode="lines+markers", name=instrument.name,
                line=dict(color="#2b5d8a", width=2),
                marker=dict(size=10, color=ENTRY_COLOUR, line=dict(color="white", width=1.5)),
                customdata=list(zip(rows["band"], _same_day_notes(rows), strict=True)),
                hovertemplate="%{x|%a %-d %b %Y, %H:%M}<br>%{y} (%{customdata[0]})%{customdata[1]}<extra></extra>",
            )
        )  # fmt: skip
        start = start or rows["day"].min().date()
        end = end or rows["day"].max().date()
    else:
        fig.add_annotation(text=f"No {instrument.name} results in this period yet.", showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper")  # fmt: skip
    fig.update_yaxes(range=[0, instrument.max_total], title="Score")
    if start is not None and end is not None:
        _period_axis(fig, start, end)
    return _layout(fig, title, showlegend=False)


def _when(moment: datetime) -> str:
    """'Tue 2 Jun 2025, 09:15': a day a person recognises (no zero padding, on every platform)."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}, {moment:%H:%M}"


def lone_check_in(check_ins: pd.DataFrame, scope: str = "in this period") -> str | None:
    """The sentence shown instead of the mood chart when there is exactly one check-in: a single dot on a
    month-wide axis says less than these words. None when a chart is worth drawing (or there is nothing)."""
    if len(check_ins) != 1:
        return None
    row = check_ins.iloc[0]
    return (
        f"One check-in {scope}: mood {row['mood']:.0f}/10 on {_when(row['at'])}. "
        "A chart of your mood appears from your second check-in."
    )


def lone_result(assessments: pd.DataFrame, instrument_id: str, scope: str = "in this period") -> str | None:
    """The sentence shown instead of a questionnaire's chart when it has exactly one result; None otherwise."""
    instrument = get_instrument(instrument_id)
    rows = assessments[assessments["instrument"] == instrument.id] if not assessments.empty else assessments
    if len(rows) != 1:
        return None
    row = rows.iloc[0]
    return (
        f"One {instrument.name} result {scope}: {row['total']} out of {instrument.max_total} ({row['band']}) on "
        f"{_when(row['taken_at'])}. A chart appears from your second, to show how things move."
    )


def what_helps(exercise_runs: pd.DataFrame, titles: dict[str, str] | None = None) -> go.Figure:
    """Mean distress (0-10) before and after each exercise, over completed runs rated both times."""
    title = "What helps: distress before and after exercises"
    effects = exercise_effects(exercise_runs)
    if not effects:
        return _empty(title, "Finish an exercise with a before and after rating to see what helps you.")
    titles = titles or {}
    names = [titles.get(e.exercise_id, e.exercise_id.replace("-", " ").capitalize()) for e in effects]
    runs = [_times(e.runs, "time", "times") for e in effects]
    fig = go.Figure()
    for label, values, colour in (
        ("Before", [e.mean_before for e in effects], BEFORE),
        ("After", [e.mean_after for e in effects], AFTER),
    ):
        fig.add_trace(
            go.Bar(
                name=label, x=names, y=values, marker_color=colour, customdata=runs,
                hovertemplate=f"%{{x}}<br>{label.lower()}: %{{y:.1f}} (over %{{customdata}})<extra></extra>",
            )
        )  # fmt: skip
    fig.update_yaxes(range=[0, 10], title="Mean distress (0-10)")
    return _layout(fig, title, barmode="group", legend=dict(orientation="h", y=-0.2))


@dataclass(frozen=True)
class TrackingCharts:
    """Every chart of the Insights page, built from one :class:`TrackingData`."""

    mood: go.Figure
    calendar: go.Figure
    emotions: go.Figure
    tags: go.Figure
    questionnaires: dict[str, go.Figure]
    what_helps: go.Figure
    #: Charts that would be a single point, by name ("mood" or an instrument id): the sentence to show instead.
    in_words: dict[str, str] = field(default_factory=dict)
    #: Charts with nothing to draw yet, by name: what to do to see one (a blank frame tells a person nothing).
    waiting: dict[str, str] = field(default_factory=dict)


def waiting_words(data: TrackingData, min_days: int = 3) -> dict[str, str]:
    """For each chart with nothing to draw in ``data``, one friendly sentence on what would fill it."""
    instruments = load_instruments()
    check_ins, results = data.check_ins, data.assessments
    taken = set(results["instrument"]) if not results.empty else set()
    words = {
        "mood": None if not check_ins.empty else "Check in on the Mood page to see your mood over time.",
        "emotions": None if not emotion_counts(check_ins).empty
        else "Name a feeling or two when you check in, and the ones you feel most often will show here.",
        "tags": None if compare_tags(check_ins, min_days)
        else "Tag a few check-ins (a walk, work, friends...) to see what lifts your mood. A tag is compared "
        f"once it has {min_days} days with it and {min_days} without.",
        "what_helps": None if exercise_effects(data.exercise_runs)
        else "Finish an exercise, saying how you feel before and after, to see what helps you.",
    }  # fmt: skip
    for key, instrument in instruments.items():
        if key not in taken:
            words[key] = f"Do the {instrument.name} on the Check-ups page to see how it moves over time."
    return {name: sentence for name, sentence in words.items() if sentence}


def build_charts(data: TrackingData, titles: dict[str, str] | None = None) -> TrackingCharts:
    """Every chart on one x-axis: the period's days (from the first entry for 'all time')."""
    start, end = data.first_day, data.period.end
    instruments = list(load_instruments())
    words = {"mood": lone_check_in(data.check_ins)}
    words |= {key: lone_result(data.assessments, key) for key in instruments}
    return TrackingCharts(
        mood=mood_over_time(data.check_ins, start, end),
        calendar=mood_calendar(data.check_ins, start, end),
        emotions=emotion_frequency(data.check_ins),
        tags=tags_and_mood(data.check_ins),
        questionnaires={key: questionnaire_scores(data.assessments, key, start, end) for key in instruments},
        what_helps=what_helps(data.exercise_runs, titles),
        in_words={name: sentence for name, sentence in words.items() if sentence},
        waiting=waiting_words(data),
    )

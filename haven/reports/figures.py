"""The report's charts as PNG images, drawn with matplotlib from the series ``haven.tracking`` computes.

The app draws the same data with plotly; a file for a therapist needs a still image, and plotly's static
export needs a browser. So these figures take the very same series (``daily_mood``, ``exercise_effects``,
the instruments' bands) and only draw them. Figures are built on the Agg canvas directly, never through
pyplot, so nothing global changes and pages can render reports side by side.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from haven.tracking.charts import AFTER, BAND_FILLS, BEFORE, ENTRY_COLOUR
from haven.tracking.checkins import MOOD_MAX, MOOD_MIN
from haven.tracking.frames import TrackingData
from haven.tracking.instruments import get_instrument
from haven.tracking.series import daily_mood, exercise_effects

SIZE_INCHES = (7.0, 3.0)
DPI = 150
DAILY, ROLLING, LINE = "#9bb7d4", "#2b5d8a", "#2b5d8a"
#: Tick labels by level (years, months, days, hours, minutes, seconds): a day tick names its month ("08 Nov"),
#: since the offset that would say it is hidden; nothing finer than minutes is ever written.
DATE_FORMATS = ["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%H:%M"]
DATE_ZERO_FORMATS = ["", "%Y", "%d %b", "%d %b", "%H:%M", "%H:%M"]


def _figure() -> tuple[Figure, object]:
    fig = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _date_axis(ax, start: date, end: date) -> None:
    """Dates from the period's first day to the end of its last, whatever the data: left to itself,
    matplotlib widens a lone point to two years either side (a 30-day report read 2025 to 2029)."""
    ax.set_xlim(
        datetime.combine(start, datetime.min.time()),
        datetime.combine(end + timedelta(days=1), datetime.min.time()),
    )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(
            locator, formats=DATE_FORMATS, zero_formats=DATE_ZERO_FORMATS, show_offset=False
        )
    )


def mood_figure(data: TrackingData) -> Figure:
    """Every check-in as a marker at its time, the daily mean and its 7-day average between them, over the
    period's days; days without a check-in are gaps. Three check-ins on one day are three markers."""
    start, end = data.first_day, data.period.end
    daily = daily_mood(data.check_ins, start, end)
    noon = daily.index + pd.Timedelta(hours=12)  # a day's mean sits in the middle of its day, among its entries
    fig, ax = _figure()
    ax.plot(noon, daily["mood"], linewidth=1, color=DAILY, label="Daily mood")
    ax.plot(noon, daily["rolling"], linewidth=2.5, color=ROLLING, label="7-day average")
    if not data.check_ins.empty:
        ax.plot(data.check_ins["at"], data.check_ins["mood"], linestyle="none", marker="o", markersize=4,
                color=ENTRY_COLOUR, label="Check-ins")  # fmt: skip
    ax.set_ylim(MOOD_MIN - 0.5, MOOD_MAX + 0.5)
    ax.set_yticks(range(MOOD_MIN, MOOD_MAX + 1))
    ax.set_ylabel("Mood (1-10)")
    ax.set_title("Mood over time")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left", fontsize=8, frameon=False, ncols=3)
    _date_axis(ax, start, end)
    return fig


def mood_png(data: TrackingData) -> bytes:
    """:func:`mood_figure` as a PNG."""
    return _png(mood_figure(data))


def questionnaire_figure(assessments: pd.DataFrame, instrument_id: str, start: date, end: date) -> Figure:
    """One questionnaire's totals from ``start`` to ``end``, over its published bands shaded from best to
    worst as in the app; each result a marker at its own time."""
    instrument = get_instrument(instrument_id)
    rows = assessments[assessments["instrument"] == instrument.id]
    ranges = instrument.band_ranges()
    ordered = list(reversed(ranges)) if instrument.higher_is_better else ranges
    fills = dict(zip([band.label for _, _, band in ordered], BAND_FILLS, strict=False))
    fig, ax = _figure()
    for low, high, band in ranges:
        y0, y1 = max(low - 0.5, 0), min(high + 0.5, instrument.max_total)
        ax.axhspan(y0, y1, color=fills[band.label], alpha=0.6, linewidth=0)
        ax.text(0.01, y1, band.label, transform=ax.get_yaxis_transform(), va="top", fontsize=7)
    ax.plot(rows["taken_at"], rows["total"], marker="o", markersize=5, linewidth=2, color=LINE,
            markerfacecolor=ENTRY_COLOUR, markeredgecolor="white")  # fmt: skip
    ax.set_ylim(0, instrument.max_total)
    ax.set_ylabel("Score")
    ax.set_title(f"{instrument.name} over time")
    _date_axis(ax, start, end)
    return fig


def questionnaire_png(assessments: pd.DataFrame, instrument_id: str, start: date, end: date) -> bytes:
    """:func:`questionnaire_figure` as a PNG."""
    return _png(questionnaire_figure(assessments, instrument_id, start, end))


def what_helps_png(exercise_runs: pd.DataFrame, titles: dict[str, str] | None = None) -> bytes | None:
    """Mean distress before and after each exercise rated both times; None when nothing was rated."""
    effects = exercise_effects(exercise_runs)
    if not effects:
        return None
    titles = titles or {}
    names = [titles.get(e.exercise_id, e.exercise_id.replace("-", " ").capitalize()) for e in effects]
    positions = range(len(effects))
    fig, ax = _figure()
    width = 0.38
    ax.bar([p - width / 2 for p in positions], [e.mean_before for e in effects], width, color=BEFORE,
           label="Before")  # fmt: skip
    ax.bar([p + width / 2 for p in positions], [e.mean_after for e in effects], width, color=AFTER, label="After")
    ax.set_xticks(list(positions), names, fontsize=8, rotation=15, ha="right")
    ax.set_ylim(0, 10)
    ax.set_ylabel("Mean distress (0-10)")
    ax.set_title("Distress before and after exercises")
    ax.legend(fontsize=8, frameon=False)
    return _png(fig)

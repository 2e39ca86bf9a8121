"""Daily series and summaries computed from the tracking frames. Pure pandas: shared by charts and insights.

A day is the unit: a person may check in several times a day, and what matters for patterns is the day's
mean mood and everything tagged that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

#: The rolling average spans 7 calendar days and needs at least this many logged days in the window.
ROLLING_DAYS = 7
ROLLING_MIN_DAYS = 3


def daily_mood(check_ins: pd.DataFrame, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """One row per calendar day from ``start`` to ``end``: the day's mean ``mood`` (NaN when no check-in)
    and its 7-day ``rolling`` mean. Reindexing to every day is what makes missing days gaps in a chart."""
    means = check_ins.groupby("day")["mood"].mean() if not check_ins.empty else pd.Series(dtype="float64")
    if start is None:
        start = means.index.min().date() if not means.empty else end
    if end is None:
        end = means.index.max().date() if not means.empty else start
    days = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D", name="day") if start else []
    frame = pd.DataFrame({"mood": means.reindex(days)})
    frame["rolling"] = frame["mood"].rolling(ROLLING_DAYS, min_periods=ROLLING_MIN_DAYS).mean()
    return frame


def tag_days(check_ins: pd.DataFrame) -> pd.DataFrame:
    """One row per (day, tag) used that day, with the day's mean ``mood``."""
    if check_ins.empty:
        return pd.DataFrame(columns=["day", "tag", "mood"])
    daily = check_ins.groupby("day")["mood"].mean().rename("mood")
    pairs = check_ins[["day", "tags"]].explode("tags").dropna().drop_duplicates()
    return pairs.rename(columns={"tags": "tag"}).join(daily, on="day")


@dataclass(frozen=True)
class TagComparison:
    tag: str
    mean_with: float
    mean_without: float
    days_with: int
    days_without: int

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without


def compare_tags(check_ins: pd.DataFrame, min_days: int = 3) -> list[TagComparison]:
    """Mean mood on days with and without each tag; only tags with at least ``min_days`` of each.
    Largest difference first."""
    if check_ins.empty:
        return []
    daily = check_ins.groupby("day")["mood"].mean()
    per_tag = tag_days(check_ins).groupby("tag")["mood"].agg(["sum", "count"])
    days_total, mood_total = len(daily), float(daily.sum())
    result = []
    for tag, row in per_tag.iterrows():
        days_with = int(row["count"])
        days_without = days_total - days_with
        if days_with >= min_days and days_without >= min_days:
            mean_without = (mood_total - float(row["sum"])) / days_without
            result.append(
                TagComparison(str(tag), float(row["sum"]) / days_with, mean_without, days_with, days_without)
            )
    return sorted(result, key=lambda c: (-abs(c.difference), c.tag))


def emotion_counts(check_ins: pd.DataFrame) -> pd.Series:
    """How many check-ins named each emotion, most frequent first (ties by name)."""
    if check_ins.empty:
        return pd.Series(dtype="int64")
    counts = check_ins["emotions"].explode().dropna().value_counts()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


@dataclass(frozen=True)
class ExerciseEffect:
    exercise_id: str
    runs: int
    mean_before: float
    mean_after: float

    @property
    def change(self) -> float:
        """After minus before: negative means distress went down."""
        return self.mean_after - self.mean_before


def exercise_effects(runs: pd.DataFrame) -> list[ExerciseEffect]:
    """Mean distress before and after, per exercise, over completed runs rated both times.
    Biggest drop first."""
    rated = runs.dropna(subset=["distress_before", "distress_after"]) if not runs.empty else runs
    if rated.empty:
        return []
    grouped = rated.groupby("exercise_id").agg(
        runs=("id", "size"), before=("distress_before", "mean"), after=("distress_after", "mean")
    )
    effects = [ExerciseEffect(str(i), int(r.runs), float(r.before), float(r.after)) for i, r in grouped.iterrows()]
    return sorted(effects, key=lambda e: (e.change, e.exercise_id))

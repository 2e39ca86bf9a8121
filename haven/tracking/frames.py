"""A person's tracking data for a period, as pandas frames: the one input of charts and insights.

Loading happens once per page view; every chart and insight then works on these frames in memory, so the
Insights page, the CLI and notebooks all see the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pandas as pd
from sqlalchemy import Engine, select

from haven.storage.db import session_scope
from haven.storage.models import AssessmentResult, CheckIn, ExerciseRun
from haven.tracking.clock import local_today, local_zone, to_storage
from haven.tracking.people import find_person_id

#: Periods offered by the Insights page: label -> number of days (None: everything).
PERIODS: dict[str, int | None] = {"30 days": 30, "90 days": 90, "1 year": 365, "All time": None}

CHECK_IN_COLUMNS = ["id", "at", "day", "mood", "emotions", "tags", "sleep_hours", "note"]
ASSESSMENT_COLUMNS = ["id", "taken_at", "day", "instrument", "total", "band"]
RUN_COLUMNS = ["id", "exercise_id", "completed_at", "day", "distress_before", "distress_after", "helpful"]


@dataclass(frozen=True)
class Period:
    """Local dates, both ends included. ``start`` None means from the first entry."""

    start: date | None
    end: date
    label: str = ""

    @classmethod
    def last(cls, days: int | None, today: date | None = None, label: str = "") -> Period:
        end = today or local_today()
        return cls(None if days is None else end - timedelta(days=days - 1), end, label)

    def bounds(self) -> tuple[datetime | None, datetime]:
        """Naive-UTC bounds for querying: [start 00:00 local, the day after end 00:00 local)."""
        start = to_storage(datetime.combine(self.start, datetime.min.time())) if self.start else None
        end = to_storage(datetime.combine(self.end + timedelta(days=1), datetime.min.time()))
        return start, end


@dataclass(frozen=True)
class TrackingData:
    """Check-ins, questionnaire results and completed exercise runs of one person in one period."""

    period: Period
    check_ins: pd.DataFrame
    assessments: pd.DataFrame
    exercise_runs: pd.DataFrame

    @property
    def is_empty(self) -> bool:
        return self.check_ins.empty and self.assessments.empty and self.exercise_runs.empty

    @property
    def first_day(self) -> date:
        """Where charts start: the period's start, or the first entry for 'all time'."""
        if self.period.start is not None:
            return self.period.start
        days = [frame["day"].min() for frame in (self.check_ins, self.assessments, self.exercise_runs)
                if not frame.empty]  # fmt: skip
        return min(days).date() if days else self.period.end


def local_times(stored: pd.Series) -> pd.Series:
    """Stored naive-UTC times as naive local times, all at once (DST-aware, like ``clock.to_local``)."""
    utc = pd.to_datetime(stored).dt.tz_localize("UTC")
    return utc.dt.tz_convert(local_zone()).dt.tz_localize(None)


def _in_period(query, column, period: Period):
    start, end = period.bounds()
    query = query.where(column < end)
    return query.where(column >= start) if start is not None else query


def _frame(session, query, columns: list[str], time_column: str) -> pd.DataFrame:
    """Run a column query into a frame; add local times and their local ``day``."""
    rows = session.execute(query).all()
    frame = pd.DataFrame.from_records(rows, columns=[c for c in columns if c != "day"])
    frame[time_column] = local_times(frame[time_column]) if rows else pd.Series(dtype="datetime64[us]")
    frame.insert(columns.index("day"), "day", frame[time_column].dt.normalize())
    return frame


def load_check_ins(session, person_id: int | None, period: Period) -> pd.DataFrame:
    query = select(
        CheckIn.id, CheckIn.at, CheckIn.mood, CheckIn.emotions, CheckIn.tags, CheckIn.sleep_hours, CheckIn.note
    ).where(CheckIn.person_id == person_id)
    query = _in_period(query, CheckIn.at, period).order_by(CheckIn.at, CheckIn.id)
    frame = _frame(session, query, CHECK_IN_COLUMNS, "at")
    for column in ("emotions", "tags"):
        frame[column] = [list(value or ()) for value in frame[column]]
    return frame.astype({"mood": "float64", "sleep_hours": "float64"})


def load_assessments(session, person_id: int | None, period: Period) -> pd.DataFrame:
    a = AssessmentResult
    query = select(a.id, a.taken_at, a.instrument, a.total, a.band).where(a.person_id == person_id)
    query = _in_period(query, a.taken_at, period).order_by(a.taken_at, a.id)
    return _frame(session, query, ASSESSMENT_COLUMNS, "taken_at")


def load_completed_runs(session, person_id: int | None, period: Period) -> pd.DataFrame:
    """Completed exercise runs only: an abandoned run says nothing about what helps."""
    r = ExerciseRun
    query = select(r.id, r.exercise_id, r.completed_at, r.distress_before, r.distress_after, r.helpful).where(
        r.person_id == person_id, r.completed_at.is_not(None)
    )
    query = _in_period(query, r.completed_at, period).order_by(r.completed_at, r.id)
    frame = _frame(session, query, RUN_COLUMNS, "completed_at")
    return frame.astype({"distress_before": "float64", "distress_after": "float64"})


def load_tracking_data(engine: Engine, person: str, period: Period | None = None) -> TrackingData:
    """Everything the Insights page draws, for ``person`` in ``period`` (default: the last 90 days)."""
    period = period or Period.last(90, label="90 days")
    with session_scope(engine) as session:
        person_id = find_person_id(session, person)
        return TrackingData(
            period=period,
            check_ins=load_check_ins(session, person_id, period),
            assessments=load_assessments(session, person_id, period),
            exercise_runs=load_completed_runs(session, person_id, period),
        )


def load_check_in_frame(engine: Engine, person: str, period: Period) -> pd.DataFrame:
    """Only the check-ins (for the Mood page's small chart)."""
    with session_scope(engine) as session:
        return load_check_ins(session, find_person_id(session, person), period)


def load_assessment_frame(engine: Engine, person: str, period: Period | None = None) -> pd.DataFrame:
    """Only the questionnaire results (for the Check-ups page's history); all time by default."""
    with session_scope(engine) as session:
        return load_assessments(session, find_person_id(session, person), period or Period.last(None))

"""A person's exercise runs in the database, handed out as plain records.

Every query is scoped to a person's profile by name, so the demo profile never sees the person's own runs
(and the other way round). Records are frozen snapshots: a page can keep one across reruns without holding
a database session open.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select

from haven.storage.db import get_or_create_person, session_scope
from haven.storage.models import ExerciseRun, utcnow
from haven.storage.owners import find_person_id


class RunNotFound(LookupError):
    """No run with that id belongs to this person."""


@dataclass(frozen=True)
class RunRecord:
    """One go at an exercise, as saved."""

    id: int
    exercise_id: str
    started_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    current_step: int
    answers: dict[str, Any] = field(default_factory=dict)
    distress_before: int | None = None
    distress_after: int | None = None
    helpful: int | None = None

    @property
    def finished(self) -> bool:
        return self.completed_at is not None

    @classmethod
    def of(cls, row: ExerciseRun) -> RunRecord:
        return cls(
            id=row.id,
            exercise_id=row.exercise_id,
            started_at=row.started_at,
            updated_at=row.updated_at,
            completed_at=row.completed_at,
            current_step=row.current_step,
            answers=dict(row.answers or {}),
            distress_before=row.distress_before,
            distress_after=row.distress_after,
            helpful=row.helpful,
        )


def create_run(engine: Engine, person: str, exercise_id: str) -> RunRecord:
    """A new, empty run of ``exercise_id`` for ``person`` (the profile is made on first use)."""
    with session_scope(engine) as session:
        owner = get_or_create_person(session, person)
        row = ExerciseRun(person_id=owner.id, exercise_id=exercise_id, current_step=0, answers={})
        session.add(row)
        session.flush()
        return RunRecord.of(row)


def get_run(engine: Engine, person: str, run_id: int) -> RunRecord:
    """The run ``run_id`` if it is this person's; :class:`RunNotFound` otherwise."""
    with session_scope(engine) as session:
        return RunRecord.of(_owned_row(session, person, run_id))


def update_run(engine: Engine, person: str, run_id: int, **changes: Any) -> RunRecord:
    """Write ``changes`` (column=value) to the run and return the saved record. Its id and its owner are not
    changes a caller may make: a run never moves to another person."""
    unknown = set(changes) - (set(ExerciseRun.__table__.columns.keys()) - {"id", "person_id"})
    if unknown:
        raise TypeError(f"not a column of exercise_runs a run may change: {', '.join(sorted(unknown))}")
    with session_scope(engine) as session:
        row = _owned_row(session, person, run_id)
        for name, value in changes.items():
            setattr(row, name, value)
        row.updated_at = utcnow()
        session.flush()
        return RunRecord.of(row)


def list_runs(
    engine: Engine, person: str, *, exercise_id: str | None = None, finished: bool | None = None
) -> list[RunRecord]:
    """This person's runs, most recently touched first; optionally of one exercise, finished or not."""
    query = select(ExerciseRun)
    if exercise_id is not None:
        query = query.where(ExerciseRun.exercise_id == exercise_id)
    if finished is True:
        query = query.where(ExerciseRun.completed_at.is_not(None))
    elif finished is False:
        query = query.where(ExerciseRun.completed_at.is_(None))
    query = query.order_by(ExerciseRun.updated_at.desc(), ExerciseRun.id.desc())
    with session_scope(engine) as session:
        query = query.where(ExerciseRun.person_id == find_person_id(session, person))
        return [RunRecord.of(row) for row in session.scalars(query)]


def delete_run(engine: Engine, person: str, run_id: int) -> None:
    """Remove the run and everything written in it."""
    with session_scope(engine) as session:
        session.delete(_owned_row(session, person, run_id))


def helpful_scores(engine: Engine, person: str) -> dict[str, int]:
    """Sum of 'Did this help?' (+1 / -1) per exercise id, to rank what the chat suggests to this person."""
    scores: dict[str, int] = {}
    for run in list_runs(engine, person, finished=True):
        if run.helpful:
            scores[run.exercise_id] = scores.get(run.exercise_id, 0) + run.helpful
    return scores


def _owned_row(session, person: str, run_id: int) -> ExerciseRun:
    owner = find_person_id(session, person)  # first: it also tells the database whose rows these are
    row = session.get(ExerciseRun, run_id)
    if row is None or row.person_id != owner:
        raise RunNotFound(f"no exercise run {run_id} for profile '{person}'")
    return row

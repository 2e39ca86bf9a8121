"""What a person can pick, one by one, for a report: check-in notes and thought records in the period.

The same functions feed the page's pickers and the report itself, so only what was offered can be chosen,
and only what belongs to the person and falls in the period can ever be included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine

from haven.exercises.runs import RunRecord, list_runs
from haven.tracking.clock import to_local
from haven.tracking.frames import Period, load_check_in_frame

#: Exercises whose finished runs count as thought records (a written record worth showing a therapist).
THOUGHT_RECORD_EXERCISES = ("thought-record",)
PREVIEW_LENGTH = 70


def _preview(text: str, limit: int = PREVIEW_LENGTH) -> str:
    words = " ".join(str(text).split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class NoteChoice:
    """A check-in that has a note, with its local time."""

    id: int
    at: datetime
    mood: int
    note: str

    @property
    def label(self) -> str:
        return f"{self.at:%a %d %b %Y %H:%M} (mood {self.mood}/10): {_preview(self.note)}"


@dataclass(frozen=True)
class ThoughtRecordChoice:
    """A finished thought record, with its local completion time."""

    run: RunRecord
    completed_at: datetime

    @property
    def id(self) -> int:
        return self.run.id

    @property
    def label(self) -> str:
        answers = self.run.answers
        gist = answers.get("automatic_thought") or answers.get("situation") or self.run.exercise_id
        return f"{self.completed_at:%a %d %b %Y %H:%M}: {_preview(gist)}"


def note_choices(engine: Engine, person: str, start: date, end: date) -> list[NoteChoice]:
    """Check-ins with a note from ``start`` to ``end`` (local dates), oldest first."""
    frame = load_check_in_frame(engine, person, Period(start, end))
    rows = frame[frame["note"].fillna("").str.strip() != ""] if not frame.empty else frame
    return [
        NoteChoice(int(row.id), row.at.to_pydatetime(), int(row.mood), str(row.note))
        for row in rows.itertuples(index=False)
    ]


def thought_record_choices(engine: Engine, person: str, start: date, end: date) -> list[ThoughtRecordChoice]:
    """Finished thought records with something written, completed from ``start`` to ``end`` (local dates),
    oldest first."""
    choices = []
    for exercise_id in THOUGHT_RECORD_EXERCISES:
        for run in list_runs(engine, person, exercise_id=exercise_id, finished=True):
            local = to_local(run.completed_at)
            if run.answers and start <= local.date() <= end:
                choices.append(ThoughtRecordChoice(run, local))
    return sorted(choices, key=lambda c: (c.completed_at, c.id))

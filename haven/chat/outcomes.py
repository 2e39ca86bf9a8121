"""Exercises finished outside the chat, told back in it: "You tried box breathing: you said it helped."

A person presses Start under a reply, does the exercise on the Exercises page, and comes back. The chat then
says what happened, in the person's own terms only: their "Did this help?" answer and their own 0-10 ratings,
never a guess. With neither, it asks. What it said is remembered in the dialogue state (``seen_runs``), so each
run is spoken about once; runs done in the chat are marked seen when they start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from haven.chat import phrases as P


@dataclass(frozen=True)
class Finished:
    """One exercise run finished during this conversation, as the chat tells it."""

    run_id: int
    exercise_id: str
    helped: bool | None  # the person's own "Did this help?" (None: not said)
    text: str


def _title(library, exercise_id: str) -> str:
    title = library.exercises[exercise_id].title
    return title if title[:2].isupper() else title[0].lower() + title[1:]


def _change(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return ""
    if before == after:
        return f"your distress stayed at {before} out of 10"
    return f"your distress went from {before} to {after} out of 10"


def describe(run, library) -> Finished:
    """The run in one or two sentences, from what the person rated and nothing else."""
    title, change = _title(library, run.exercise_id), _change(run.distress_before, run.distress_after)
    helped = None if not run.helpful else run.helpful > 0
    if helped is True:
        text = P.RESULT_HELPED.format(title=title) + (f", and {change}." if change else ".")
    elif helped is False:
        text = P.RESULT_NOT_HELPED.format(title=title) + (f" ({change})." if change else ".")
        text += " " + P.RESULT_NOT_HELPED_OK
    else:
        text = P.RESULT_FINISHED.format(title=title) + (f": {change}." if change else ".")
    return Finished(run.id, run.exercise_id, helped, text)


def since(db: Engine, person: str, start: datetime, seen: tuple[int, ...], library) -> list[Finished]:
    """Runs finished since ``start`` that the chat has not spoken about yet, oldest first."""
    from haven.exercises import list_runs

    runs = [
        r
        for r in list_runs(db, person, finished=True)
        if r.completed_at is not None
        and r.completed_at >= start
        and r.id not in seen
        and r.exercise_id in library.exercises
    ]
    return [describe(r, library) for r in sorted(runs, key=lambda r: r.completed_at)]


def told(found: list[Finished]) -> str:
    """The paragraph that opens the chat's next words: each run, then a question if none was rated."""
    text = " ".join(f.text for f in found)
    if all(f.helped is None for f in found):
        text += " " + P.RESULT_ASK
    return text

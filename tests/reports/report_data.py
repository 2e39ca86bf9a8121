"""Seed data for the report tests: 90 days of the demo profile, plus notes and thought records we can name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine

from haven.storage.db import DEFAULT_PERSON, DEMO_PERSON, get_or_create_person, session_scope
from haven.storage.models import CheckIn, ExerciseRun
from haven.tracking.clock import to_storage
from haven.tracking.demo import fill_demo

TODAY = date(2025, 3, 31)
START = TODAY - timedelta(days=89)

TICKED_NOTE = "Talked to my manager about the deadline – it went better than I feared. Café after, naïve “hope”."
UNTICKED_NOTE = "PRIVATE-UNTICKED argument with my brother about money"
OTHER_PERSON_NOTE = "OTHER-PROFILE note that belongs to someone else"
OUT_OF_RANGE_NOTE = "OUT-OF-RANGE note from last year"

TICKED_THOUGHT = "They all think I'm useless at my job"
UNTICKED_THOUGHT = "PRIVATE-UNTICKED-THOUGHT my friend hates me"


@dataclass(frozen=True)
class Seeded:
    ticked_note: int
    unticked_note: int
    other_person_note: int
    out_of_range_note: int
    ticked_record: int
    unticked_record: int


def _note(session, person: str, when: datetime, mood: int, text: str) -> int:
    row = CheckIn(person_id=get_or_create_person(session, person).id, at=to_storage(when), mood=mood, note=text)
    session.add(row)
    session.flush()
    return row.id


def _record(session, when: datetime, thought: str) -> int:
    answers = {
        "situation": "My manager commented on my report in the team meeting.",
        "emotions": ["Anxious", "Ashamed"],
        "emotion_before": 8,
        "automatic_thought": thought,
        "belief_before": 7,
        "evidence_for": ["I missed one figure"],
        "evidence_against": ["She thanked me for the rest", "My last review was good"],
        "balanced_thought": "One comment on one figure does not make me useless.",
        "belief_after": 3,
        "emotion_after": 4,
    }
    row = ExerciseRun(
        person_id=get_or_create_person(session, DEMO_PERSON, is_demo=True).id, exercise_id="thought-record",
        started_at=to_storage(when - timedelta(minutes=15)), updated_at=to_storage(when),
        completed_at=to_storage(when), current_step=12, answers=answers, distress_before=8, distress_after=4,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row.id


def seed(engine: Engine) -> Seeded:
    fill_demo(engine, today=TODAY)
    with session_scope(engine) as session:
        return Seeded(
            ticked_note=_note(session, DEMO_PERSON, datetime(2025, 3, 20, 20, 15), 6, TICKED_NOTE),
            unticked_note=_note(session, DEMO_PERSON, datetime(2025, 3, 21, 21, 0), 4, UNTICKED_NOTE),
            other_person_note=_note(session, DEFAULT_PERSON, datetime(2025, 3, 22, 9, 0), 5, OTHER_PERSON_NOTE),
            out_of_range_note=_note(session, DEMO_PERSON, datetime(2024, 6, 1, 9, 0), 5, OUT_OF_RANGE_NOTE),
            ticked_record=_record(session, datetime(2025, 3, 18, 19, 30), TICKED_THOUGHT),
            unticked_record=_record(session, datetime(2025, 3, 25, 19, 30), UNTICKED_THOUGHT),
        )

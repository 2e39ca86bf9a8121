"""Test data for the privacy tests: records in every table, and a word to look for in raw bytes."""

from __future__ import annotations

from datetime import datetime

from haven.storage.db import get_or_create_person, session_scope
from haven.storage.models import AssessmentResult, ChatTurn, CheckIn, Conversation, ExerciseRun

#: A word that appears only in a check-in note, to look for in the database file's raw bytes.
SECRET_WORD = "Quetzalcoatlus"
PASSPHRASE = "correct horse battery"
AT = datetime(2025, 4, 5, 6, 7, 8, 123456)



def fill(engine, name: str = "me", is_demo: bool = False) -> None:
    """Records in every table: unicode, JSON, nulls, several of each, and two identical check-ins."""
    with session_scope(engine) as session:
        person = get_or_create_person(session, name, is_demo=is_demo)
        for n in range(5):
            person.check_ins.append(
                CheckIn(at=AT.replace(day=1 + n), mood=3 + n, emotions=["calm", "tired"][: n % 3], tags=["walk"],
                        sleep_hours=None if n == 2 else 6.5 + n, note=f"{SECRET_WORD} day {n} — ✓ \"quoted\"")
            )  # fmt: skip
        twin = dict(at=AT, mood=5, emotions=[], tags=[], sleep_hours=7.0, note="same twice")
        person.check_ins.extend([CheckIn(**twin), CheckIn(**twin)])
        person.assessments.append(
            AssessmentResult(instrument="phq9", taken_at=AT, answers=[1, 0, 2, 0, 0, 1, 0, 0, 0], total=4, band="minimal")
        )
        person.exercise_runs.append(
            ExerciseRun(exercise_id="box-breathing", started_at=AT, updated_at=AT, completed_at=None, current_step=2,
                        answers={"noticed": "slower", "nested": {"traps": ["a", "b"], "n": 3}}, distress_before=7,
                        helpful=-1)  # fmt: skip
        )
        conversation = Conversation(started_at=AT, title=f"A chat for {name}")
        conversation.turns.extend([
            ChatTurn(at=AT, role="user", text="I worry a lot", level="none", topics=["worry"]),
            ChatTurn(at=AT, role="assistant", text="That sounds hard.", citations=[{"id": "worry-time", "n": 1}],
                     suggested_exercises=["worry-time"], engine="guide"),
        ])  # fmt: skip
        person.conversations.append(conversation)

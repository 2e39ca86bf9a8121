"""Every table round-trips its values (JSON columns included), and deleting a person deletes all of theirs."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from haven.storage.db import DEMO_PERSON, get_or_create_person, session_scope
from haven.storage.models import AssessmentResult, ChatTurn, CheckIn, Conversation, ExerciseRun, Person

AT = datetime(2025, 4, 5, 6, 7, 8)


def fill(engine, name: str = "me") -> None:
    with session_scope(engine) as session:
        person = get_or_create_person(session, name)
        person.check_ins.append(
            CheckIn(at=AT, mood=6, emotions=["calm", "tired"], tags=["walk"], sleep_hours=6.5, note="ok — fine ✓")
        )
        person.assessments.append(
            AssessmentResult(
                instrument="phq9", taken_at=AT, answers=[1, 0, 2, 0, 0, 1, 0, 0, 0], total=4, band="minimal"
            )
        )
        person.exercise_runs.append(
            ExerciseRun(
                exercise_id="box-breathing",
                started_at=AT,
                completed_at=AT,
                current_step=3,
                answers={"noticed": "slower", "traps": ["a", "b"]},
                distress_before=7,
                distress_after=4,
                helpful=1,
            )  # fmt: skip
        )
        conversation = Conversation(started_at=AT, title="A first chat")
        conversation.turns.extend([
            ChatTurn(at=AT, role="user", text="hello", level="none", topics=["stress"]),
            ChatTurn(at=AT, role="assistant", text="hi", citations=[{"id": "box-breathing", "n": 1}],
                     suggested_exercises=["box-breathing"], engine="guide"),
        ])  # fmt: skip
        person.conversations.append(conversation)


def test_values_round_trip(engine):
    fill(engine)
    with session_scope(engine) as session:
        person = session.scalar(select(Person).where(Person.name == "me"))
        (check_in,) = person.check_ins
        assert (check_in.at, check_in.mood, check_in.emotions, check_in.tags, check_in.sleep_hours, check_in.note) == (
            AT, 6, ["calm", "tired"], ["walk"], 6.5, "ok — fine ✓"
        )  # fmt: skip
        (result,) = person.assessments
        assert (result.answers, result.total, result.band) == ([1, 0, 2, 0, 0, 1, 0, 0, 0], 4, "minimal")
        (run,) = person.exercise_runs
        assert run.answers == {"noticed": "slower", "traps": ["a", "b"]}
        assert (run.distress_before, run.distress_after, run.helpful, run.completed_at) == (7, 4, 1, AT)
        (conversation,) = person.conversations
        assert [t.role for t in conversation.turns] == ["user", "assistant"]
        assert conversation.turns[1].citations == [{"id": "box-breathing", "n": 1}]
        assert conversation.turns[0].topics == ["stress"]


def test_get_or_create_person_is_idempotent_and_names_are_unique(engine):
    with session_scope(engine) as session:
        first = get_or_create_person(session, DEMO_PERSON, is_demo=True)
        assert get_or_create_person(session, DEMO_PERSON).id == first.id and first.is_demo
    with pytest.raises(IntegrityError):
        with session_scope(engine) as session:
            session.add(Person(name=DEMO_PERSON))


def test_deleting_a_person_deletes_everything_of_theirs_only(engine):
    fill(engine, "me")
    fill(engine, DEMO_PERSON)
    with session_scope(engine) as session:
        session.delete(session.scalar(select(Person).where(Person.name == DEMO_PERSON)))
    with session_scope(engine) as session:
        for table in (CheckIn, AssessmentResult, ExerciseRun, Conversation, ChatTurn):
            assert session.scalar(select(func.count()).select_from(table)) == (2 if table is ChatTurn else 1)


def test_failed_session_writes_nothing(engine):
    with pytest.raises(RuntimeError):
        with session_scope(engine) as session:
            person = get_or_create_person(session, "me")
            person.check_ins.append(CheckIn(at=AT, mood=5))
            session.flush()
            raise RuntimeError("boom")
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 0

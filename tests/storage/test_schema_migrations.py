"""Migrations: a database made by the first schema upgrades to head with its data intact, and head matches
the models exactly (so a model change without a migration fails here)."""

from __future__ import annotations

from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from haven.storage.db import session_scope
from haven.storage.migrate import alembic_config, current_revision, upgrade
from haven.storage.models import AssessmentResult, Base, ChatTurn, CheckIn, Conversation, Person
from haven.storage.testing import fresh_engine

AT = datetime(2025, 1, 2, 3, 4, 5)


def head_revision(engine) -> str:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def test_first_schema_upgrades_to_head_with_data_intact(tmp_path, data_dir):
    engine = fresh_engine(tmp_path, revision="0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:  # plain SQL: the models may since have moved on from the 0001 schema
        conn.execute(text("INSERT INTO people (id, name, is_demo, created_at) VALUES (1, 'me', :f, :at)"),
                     {"f": False, "at": AT})  # fmt: skip
        conn.execute(
            text("INSERT INTO check_ins (person_id, at, mood, emotions, tags, sleep_hours, note) "
                 "VALUES (1, :at, 6, :emotions, :tags, 7.5, 'a quiet day')"),
            {"at": AT, "emotions": '["calm"]', "tags": '["walk", "reading"]'},
        )  # fmt: skip
        conn.execute(
            text("INSERT INTO assessments (person_id, instrument, taken_at, answers, total, band) "
                 "VALUES (1, 'gad7', :at, :answers, 7, 'mild')"),
            {"at": AT, "answers": "[1, 1, 1, 1, 1, 1, 1]"},
        )  # fmt: skip
        conn.execute(text("INSERT INTO conversations (id, person_id, started_at, title) VALUES (1, 1, :at, 'hi')"),
                     {"at": AT})  # fmt: skip
        conn.execute(
            text("INSERT INTO chat_turns (conversation_id, at, role, text, level, topics, citations, "
                 "suggested_exercises, engine, notice) VALUES (1, :at, 'user', 'hello', 'none', '[]', '[]', "
                 "'[]', '', '')"),
            {"at": AT},
        )  # fmt: skip

    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)
    with session_scope(engine) as session:
        person = session.scalar(select(Person).where(Person.name == "me"))
        (check_in,) = session.scalars(select(CheckIn).where(CheckIn.person_id == person.id))
        assert (check_in.at, check_in.mood, check_in.emotions, check_in.tags, check_in.sleep_hours) == (
            AT, 6, ["calm"], ["walk", "reading"], 7.5
        )  # fmt: skip
        (result,) = session.scalars(select(AssessmentResult))
        assert (result.instrument, result.answers, result.total, result.band) == ("gad7", [1] * 7, 7, "mild")
        (conversation,) = session.scalars(select(Conversation))
        assert [(t.role, t.text) for t in conversation.turns] == [("user", "hello")]
        assert session.scalar(select(ChatTurn.level)) == "none"
    upgrade(engine)  # a second upgrade is a no-op
    assert current_revision(engine) == head_revision(engine)
    engine.dispose()


def test_head_schema_matches_the_models(engine):
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_the_clinic_schema_downgrades_and_upgrades_with_data_intact(tmp_path, data_dir):
    """0004 changes the people table, which every other row points at: a table copy on SQLite would
    cascade-delete them all, so neither direction may copy it."""
    from alembic import command

    from haven.storage.db import get_or_create_person

    engine = fresh_engine(tmp_path)
    with session_scope(engine) as session:
        session.add(CheckIn(person_id=get_or_create_person(session).id, mood=5, note="kept"))
    command.downgrade(alembic_config(engine), "0003")
    upgrade(engine)
    with session_scope(engine) as session:
        assert [c.note for c in session.scalars(select(CheckIn))] == ["kept"]
        assert session.scalar(select(Person.role)) == "person"
    engine.dispose()

"""People's data in PostgreSQL (HAVEN_DATABASE_URL): migrations, round trips, and two app processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from sqlalchemy import select

from haven.storage.db import get_or_create_person, make_engine, session_scope
from haven.storage.migrate import current_revision, upgrade
from haven.storage.models import ChatTurn, CheckIn, Conversation


def test_schema_and_round_trip_on_postgres(postgres_url):
    engine = make_engine(postgres_url)
    upgrade(engine)
    assert current_revision(engine) is not None
    with session_scope(engine) as s:
        me = get_or_create_person(s)
        s.add(CheckIn(person_id=me.id, mood=7, emotions=["calm"], tags=["walk"], sleep_hours=7.5, note="café ☕"))
        conv = Conversation(person_id=me.id, title="sleep")
        conv.turns.append(ChatTurn(role="user", text="I can't sleep", citations=[{"id": "sleep-hygiene"}]))
        s.add(conv)
    with session_scope(engine) as s:
        row = s.scalars(select(CheckIn)).one()
        assert (row.mood, row.emotions, row.tags, row.note) == (7, ["calm"], ["walk"], "café ☕")
        assert s.scalars(select(ChatTurn)).one().citations == [{"id": "sleep-hygiene"}]


def test_two_processes_see_each_others_writes(postgres_url):
    """Two app replicas share one database: what one writes, the other reads."""
    engine = make_engine(postgres_url)
    upgrade(engine)
    writer = textwrap.dedent(f"""
        from haven.storage.db import get_or_create_person, make_engine, session_scope
        from haven.storage.models import CheckIn
        engine = make_engine({postgres_url!r})
        with session_scope(engine) as s:
            me = get_or_create_person(s)
            s.add(CheckIn(person_id=me.id, mood=4, note="written by the other replica"))
    """)
    subprocess.run([sys.executable, "-c", writer], check=True, timeout=120)
    with session_scope(engine) as s:
        assert [c.note for c in s.scalars(select(CheckIn))] == ["written by the other replica"]
        s.add(CheckIn(person_id=get_or_create_person(s).id, mood=6, note="written here"))
    reader = textwrap.dedent(f"""
        from sqlalchemy import select
        from haven.storage.db import make_engine, session_scope
        from haven.storage.models import CheckIn
        with session_scope(make_engine({postgres_url!r})) as s:
            print(sorted(c.note for c in s.scalars(select(CheckIn))))
    """)
    out = subprocess.run([sys.executable, "-c", reader], check=True, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "['written by the other replica', 'written here']"

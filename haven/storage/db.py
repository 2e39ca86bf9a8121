"""Opening the person's database: one engine per URL, short sessions, the default profile.

SQLite under the data dir by default; ``HAVEN_DATABASE_URL`` for PostgreSQL. The schema is created and
upgraded by Alembic (``haven.storage.migrations``), so an upgrade never loses a journal.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from haven.storage.models import Person

DEFAULT_PERSON = "me"
DEMO_PERSON = "demo"


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on and its folder created."""
    if url.startswith("sqlite"):
        from pathlib import Path

        db_path = url.split("///", 1)[-1]
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _enable_sqlite_foreign_keys(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for the configured database, upgraded to the latest schema."""
    from haven.config import get_settings
    from haven.storage.migrate import upgrade

    engine = make_engine(url or get_settings().resolved_database_url())
    upgrade(engine)
    return engine


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error, so a failure never half-writes."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


def get_or_create_person(session: Session, name: str = DEFAULT_PERSON, is_demo: bool = False) -> Person:
    """The profile called ``name``, made on first use."""
    person = session.scalar(select(Person).where(Person.name == name))
    if person is None:
        person = Person(name=name, is_demo=is_demo)
        session.add(person)
        session.flush()
    return person

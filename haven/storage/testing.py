"""A fresh, empty database for tests: PostgreSQL when ``HAVEN_TEST_DATABASE_URL`` is set, else SQLite in a tmp dir.

Storage and tracking tests share it, so CI can run the same tests against PostgreSQL by setting one variable.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, MetaData

from haven.storage.db import make_engine
from haven.storage.migrate import upgrade

TEST_DATABASE_URL_ENV = "HAVEN_TEST_DATABASE_URL"


def test_database_url(tmp_dir: Path) -> str:
    return os.environ.get(TEST_DATABASE_URL_ENV) or f"sqlite:///{Path(tmp_dir) / 'haven-test.db'}"


def drop_everything(engine: Engine) -> None:
    """Drop every table, Alembic's too, so a shared server database starts empty."""
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)


def fresh_engine(tmp_dir: Path, revision: str | None = "head") -> Engine:
    """An engine on an emptied test database, migrated to ``revision`` (None: no schema at all)."""
    engine = make_engine(test_database_url(tmp_dir))
    drop_everything(engine)
    if revision is not None:
        upgrade(engine, revision)
    return engine

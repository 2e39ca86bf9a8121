"""Alembic, driven from code: ``upgrade(engine)`` brings any Haven database to the latest schema.

Importing Alembic costs most of a second on two cores (it pulls in Mako and Pygments), and almost every
start finds the database already at the newest revision. So ``upgrade`` first compares the database's
``alembic_version`` with the newest revision named in the migration files themselves (their own
``revision = ...`` lines), and only imports Alembic when they differ or either cannot be read.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_ASSIGNED = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:'([^'\n]*)'|\"([^\"\n]*)\"|(None))\s*$", re.M)


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection_engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration not yet applied (a no-op on an up-to-date database)."""
    if revision == "head" and at_head(engine):
        return
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def script_heads() -> set[str] | None:
    """The newest revision(s) of the migration files, read from their text; None when a file is unusual
    (no plain ``revision`` line, a merge's tuple of parents), so Alembic decides."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found: dict[str, str | None] = {}
        for name, single, double, none in _ASSIGNED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, None if none else (single or double))
        if not found.get("revision") or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        if found["down_revision"] is not None:
            parents.add(found["down_revision"])
    return (revisions - parents) or None


def at_head(engine: Engine) -> bool:
    """Is the database already at the newest revision? False whenever in doubt (Alembic then checks)."""
    from sqlalchemy import text

    heads = script_heads()
    if not heads:
        return False
    try:
        with engine.connect() as conn:
            stamped = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    except Exception:  # noqa: BLE001 - a new, damaged or locked database: Alembic says what is wrong
        return False
    return stamped == heads


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()

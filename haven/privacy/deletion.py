"""Delete everything: every row of every table, in one transaction, then compact the file, then remove any
copy of it a killed re-key or export left beside it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, select

from haven.privacy.export_format import tables
from haven.storage.owners import require_personal_mode
from haven.storage.private_files import remove_leftovers

#: The word a person types to confirm (Settings page and ``haven delete``).
CONFIRM_WORD = "DELETE"


def delete_everything(engine: Engine) -> dict[str, int]:
    """Remove all of the person's data (every profile); return how many rows each table had.

    SQLite keeps deleted text in free pages until the file is rebuilt, so it is VACUUMed afterwards:
    nothing deleted can be read back from the file's bytes. The schema (and its revision) stays.
    """
    require_personal_mode("Deleting everything")
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        for table in reversed(tables()):
            counts[table.name] = conn.scalar(select(func.count()).select_from(table)) or 0
            conn.execute(table.delete())
    if engine.dialect.name == "sqlite":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM")
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if database and database != ":memory:":
        # Safe while this process has the file open: a re-key needs every other process to have closed it.
        remove_leftovers(Path(database))
    return dict(reversed(list(counts.items())))

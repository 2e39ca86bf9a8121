"""Which schema an export was written under: the Alembic revisions this Haven knows."""

from __future__ import annotations

from functools import lru_cache

from alembic.config import Config
from alembic.script import ScriptDirectory

from haven.storage.migrate import MIGRATIONS_DIR


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def schema_head() -> str | None:
    """The latest schema revision (what a database is upgraded to)."""
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    """Every revision in this Haven's migration history: an export from any of them can be read."""
    return {script.revision for script in _scripts().walk_revisions()}

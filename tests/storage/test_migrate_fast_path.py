"""upgrade() skips importing Alembic only when the database is already at the newest revision: the revision
read from the migration files' text is Alembic's own head, and an older or new database is still upgraded."""

from __future__ import annotations

import subprocess
import sys

from alembic.script import ScriptDirectory

from haven.storage import migrate
from haven.storage.migrate import alembic_config, at_head, current_revision, script_heads, upgrade
from haven.storage.testing import fresh_engine


def test_the_heads_read_from_the_files_are_alembics_heads():
    assert script_heads() == set(ScriptDirectory.from_config(alembic_config(None)).get_heads())


def test_an_older_database_is_not_at_head_and_is_upgraded(tmp_path, data_dir):
    engine = fresh_engine(tmp_path, revision="0001")
    assert not at_head(engine)
    upgrade(engine)
    assert at_head(engine) and {current_revision(engine)} == script_heads()


def test_an_empty_database_is_not_at_head(tmp_path, data_dir):
    from sqlalchemy import create_engine

    assert not at_head(create_engine(f"sqlite:///{tmp_path / 'empty.db'}"))


def test_unusual_migration_files_leave_the_decision_to_alembic(tmp_path, monkeypatch):
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0001_a.py").write_text("revision = '0001'\ndown_revision = None\n")
    (versions / "0002_merge.py").write_text("revision = '0002'\ndown_revision = ('0001', '0000')\n")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path)
    assert script_heads() is None


def test_an_up_to_date_database_opens_without_importing_alembic(tmp_path):
    code = (
        "import sys; from haven.storage.db import get_engine; get_engine(); "
        "print('alembic' in sys.modules)"
    )
    env = {"HAVEN_DATA_DIR": str(tmp_path), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "True"  # a new database: Alembic builds the schema
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "False"

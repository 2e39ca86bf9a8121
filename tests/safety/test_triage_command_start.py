"""`haven triage` starts without what an English message does not need, and the command line still explains
clinic mode's refusal in one line.

Why: every `haven` command used to import the storage layer (SQLAlchemy, a third of a second) only to name the
clinic-mode error it might catch; triage never touches the database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from haven import cli
from haven.storage.owners import OwnerRequired


def test_triage_of_an_english_message_imports_no_database_and_compiles_no_foreign_phrase(tmp_path):
    script = (
        "import sys\n"
        "from haven import cli\n"
        "sys.argv = ['haven', 'triage', 'I feel a bit low today']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "from haven.safety.languages import load_language_book\n"
        "compiled = [p.id for p in load_language_book().phrases if 'regex' in p.__dict__]\n"
        "print({'sqlalchemy': 'sqlalchemy' in sys.modules, 'compiled': compiled})\n"
    )
    env = {**os.environ, "HAVEN_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    result = json.loads(lines[0])
    assert result["level"] == "none"
    assert lines[-1] == str({"sqlalchemy": False, "compiled": []})


def test_clinic_refusal_is_one_plain_line(monkeypatch, capsys):
    def refuse():
        raise OwnerRequired("no signed-in person")

    monkeypatch.setattr(cli, "app", refuse)
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    assert "In clinic mode (HAVEN_MODE=clinic)" in capsys.readouterr().err


def test_other_errors_are_not_taken_for_the_clinic_refusal(monkeypatch):
    def fail():
        raise ValueError("something else")

    monkeypatch.setattr(cli, "app", fail)
    with pytest.raises(ValueError, match="something else"):
        cli.main()

"""Faults that would leave a person's data exposed: stray copies, loose permissions, an export over a file,
a re-key under another process, a damaged database, a wrong passphrase. Each must end in a plain message
naming what and where, nothing lost, and no traceback."""

from __future__ import annotations

import json
import os
import stat

import pytest
from typer.testing import CliRunner

from haven.cli import app
from haven.storage import crypto
from haven.storage.db import close_engines, get_engine, get_or_create_person, session_scope
from haven.storage.models import CheckIn

runner = CliRunner()
SECRET = "Quetzalcoatlus"
PASSPHRASE = "correct horse battery"


def _fill(engine) -> None:
    with session_scope(engine) as session:
        person = get_or_create_person(session, "me")
        person.check_ins.append(CheckIn(mood=4, note=f"{SECRET} wrote this"))


@pytest.fixture
def filled(data_dir):
    engine = get_engine()
    _fill(engine)
    return data_dir / "haven.db"


def _as_new_process() -> None:
    close_engines()
    crypto.remember_passphrase(None)


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def _files_holding_secret(root) -> list[str]:
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                if SECRET.encode() in handle.read():
                    found.append(os.path.relpath(path, root))
    return sorted(found)


# --- copies a killed re-key or export leaves -------------------------------------------------------------


def _leave_copies(db_path):
    """What a re-key killed between its copy and its swap leaves: full plaintext copies beside the file."""
    for suffix in (".bak", ".rekey", ".part"):
        db_path.with_name(db_path.name + suffix).write_bytes(db_path.read_bytes())
    (db_path.parent / ".haven-tmp-abc.part").write_bytes(db_path.read_bytes())


def test_a_killed_rekeys_plaintext_copies_are_removed_at_start(filled):
    _as_new_process()
    _leave_copies(filled)
    get_engine()
    assert _files_holding_secret(filled.parent) == ["haven.db"]


def test_delete_yes_removes_the_copies_too(filled):
    _leave_copies(filled)  # left while this process has the database open: only delete may remove them
    result = runner.invoke(app, ["delete", "--yes"])
    assert result.exit_code == 0, result.output
    assert _files_holding_secret(filled.parent) == []


def test_a_failed_export_leaves_no_partial_copy_anywhere(filled, tmp_path, monkeypatch):
    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    out = tmp_path / "exports" / "haven.json"
    result = runner.invoke(app, ["export", "--out", str(out), "--csv", str(tmp_path / "exports" / "mine.csv")])
    assert result.exit_code == 1 and "No space left" in result.stderr
    _no_traceback(result)
    assert _files_holding_secret(tmp_path) == ["data/haven.db"]


# --- permissions ---------------------------------------------------------------------------------------


def test_the_data_dir_is_0700_and_the_database_0600(data_dir, tmp_path):
    old = os.umask(0o022)
    try:
        get_engine()
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "haven.db").stat().st_mode) == 0o600
    out = tmp_path / "e.json"
    assert runner.invoke(app, ["export", "--out", str(out)]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_an_existing_loose_database_is_made_owner_only(data_dir):
    get_engine()
    _as_new_process()
    (data_dir / "haven.db").chmod(0o644)
    data_dir.chmod(0o755)
    get_engine()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "haven.db").stat().st_mode) == 0o600


def test_a_rekeyed_copy_is_owner_only_while_it_exists(filled, monkeypatch):
    seen = {}
    real = crypto.table_counts

    def spy(path, passphrase):
        if str(path).endswith(".rekey"):
            seen["mode"] = stat.S_IMODE(os.stat(path).st_mode)
        return real(path, passphrase)

    monkeypatch.setattr(crypto, "table_counts", spy)
    from haven.privacy import set_passphrase

    set_passphrase(PASSPHRASE)
    assert seen["mode"] == 0o600


# --- export --out ----------------------------------------------------------------------------------------


def test_export_never_overwrites_without_force(filled, tmp_path):
    out = tmp_path / "keep.json"
    out.write_text("my own notes", encoding="utf-8")
    result = runner.invoke(app, ["export", "--out", str(out)])
    assert result.exit_code == 2 and "already exists" in result.stderr and "--force" in result.stderr
    _no_traceback(result)
    assert out.read_text(encoding="utf-8") == "my own notes"
    forced = runner.invoke(app, ["export", "--out", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "haven-export"


def test_export_never_overwrites_the_database_even_with_force(filled):
    before = filled.read_bytes()
    for target in (filled, filled.with_name("haven.db-journal")):
        result = runner.invoke(app, ["export", "--out", str(target), "--force"])
        assert result.exit_code == 2 and "database" in result.stderr, result.output
        _no_traceback(result)
    assert filled.read_bytes() == before


def test_export_to_a_folder_or_an_unwritable_place_says_so(filled, tmp_path):
    result = runner.invoke(app, ["export", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.stderr and str(tmp_path) in result.stderr
    _no_traceback(result)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["export", "--out", str(a_file / "haven.json")])
    assert result.exit_code == 2 and "not a folder" in result.stderr and str(a_file) in result.stderr
    _no_traceback(result)


# --- re-keying while another process has the database open -----------------------------------------------


def test_rekey_is_refused_while_another_process_has_the_database_open(filled):
    from filelock import ReadWriteLock

    from haven.privacy import set_passphrase
    from haven.storage.locking import DatabaseInUse, lock_path

    other = ReadWriteLock(lock_path(filled), is_singleton=False)  # what another Haven's get_engine() holds
    other.acquire_read()
    try:
        before = filled.read_bytes()
        with pytest.raises(DatabaseInUse, match="open in another Haven"):
            set_passphrase(PASSPHRASE)
        assert filled.read_bytes() == before and not crypto.is_encrypted(filled)
        assert not list(filled.parent.glob("haven.db.*[!k]"))  # no .bak / .rekey (the .lock stays)
    finally:
        other.close()
    _as_new_process()
    set_passphrase(PASSPHRASE)
    assert crypto.is_encrypted(filled)


def test_two_rekeys_never_run_at_once(filled):
    from haven.storage.locking import DatabaseInUse, exclusive

    close_engines()
    with exclusive(filled):  # a re-key running now
        with pytest.raises(DatabaseInUse):
            crypto.rekey(filled, None, PASSPHRASE)
    assert not crypto.is_encrypted(filled)


# --- a damaged database ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: b"this is not a database at all\n" * 40, id="text"),
        pytest.param(lambda raw: raw[:100] + b"\x00" * (len(raw) - 100), id="sqlite-header-broken-inside"),
        pytest.param(lambda raw: raw[:1000], id="cut-short"),
    ],
)
def test_a_damaged_database_is_named_damaged_not_encrypted(filled, damage):
    from haven.privacy import is_encrypted, is_locked

    _as_new_process()
    filled.write_bytes(damage(filled.read_bytes()))
    assert not is_encrypted() and not is_locked()
    result = runner.invoke(app, ["export", "--out", str(filled.parent.parent / "e.json")])
    assert result.exit_code == 1, result.output
    assert "damaged" in result.stderr and str(filled) in result.stderr and "haven import" in result.stderr
    _no_traceback(result)


def test_an_encrypted_database_is_still_called_encrypted(filled):
    from haven.privacy import set_passphrase

    set_passphrase(PASSPHRASE)
    assert crypto.file_state(filled) == "encrypted"


# --- a wrong passphrase --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["demo"], ["demo", "--remove"], ["score", "gad7", "0", "1", "0", "0", "1", "0", "0", "--save"], ["chat", "hello"]],
    ids=["demo", "demo-remove", "score-save", "chat"],
)
def test_a_wrong_passphrase_is_one_plain_line_not_a_traceback(filled, monkeypatch, command):
    from haven.config import get_settings
    from haven.privacy import set_passphrase

    set_passphrase(PASSPHRASE)
    _as_new_process()
    monkeypatch.setenv("HAVEN_PASSPHRASE", "not the passphrase")
    get_settings.cache_clear()
    result = runner.invoke(app, command)
    assert result.exit_code != 0
    _no_traceback(result)
    assert "passphrase does not open" in result.stderr and str(filled) in result.stderr


# --- the demo profile's made-up data is not mine ------------------------------------------------------------


def test_my_csv_export_leaves_out_the_demo_profiles_made_up_check_ins(filled, tmp_path):
    from haven.storage.db import DEMO_PERSON
    from haven.tracking.demo import fill_demo

    fill_demo(get_engine())
    out, csv_out = tmp_path / "e.json", tmp_path / "mine.csv"
    result = runner.invoke(app, ["export", "--out", str(out), "--csv", str(csv_out)])
    assert result.exit_code == 0, result.output
    lines = csv_out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("me,") and SECRET in lines[1]
    assert DEMO_PERSON in {p["name"] for p in json.loads(out.read_text(encoding="utf-8"))["people"]}  # backup: all

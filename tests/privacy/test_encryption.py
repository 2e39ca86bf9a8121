"""Encryption at rest: set, change and remove keep every record; a wrong passphrase changes nothing; the
encrypted file does not open as SQLite and holds no readable text."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from privacy_data import PASSPHRASE, SECRET_WORD

from haven.privacy import (
    NotEncrypted,
    PassphraseNeeded,
    WeakPassphrase,
    WrongPassphrase,
    change_passphrase,
    export_document,
    is_encrypted,
    is_locked,
    remove_passphrase,
    set_passphrase,
    unlock,
)
from haven.storage import crypto
from haven.storage.db import close_engines, get_engine, make_engine

NEW_PASSPHRASE = "a different one, longer"


def _records() -> dict:
    """Everything in the database, through a freshly opened engine (nothing cached)."""
    close_engines()
    document = export_document(get_engine())
    return {k: v for k, v in document.items() if k != "exported_at"}


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_unreadable(path) -> None:
    raw = path.read_bytes()
    assert SECRET_WORD.encode() not in raw and b"SQLite format 3" not in raw[:16]
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("select * from sqlite_master").fetchall()


def test_plain_file_is_readable_then_set_passphrase_encrypts_it_keeping_every_record(populated, db_path):
    before = _records()
    assert SECRET_WORD.encode() in db_path.read_bytes() and not is_encrypted(db_path)
    set_passphrase(PASSPHRASE)
    assert is_encrypted(db_path) and is_encrypted()
    _assert_unreadable(db_path)
    assert _records() == before
    assert not list(db_path.parent.glob("*.bak")) and not list(db_path.parent.glob("*.rekey"))


def test_change_and_remove_keep_every_record(populated, db_path):
    before = _records()
    set_passphrase(PASSPHRASE)
    change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    _assert_unreadable(db_path)
    with pytest.raises(WrongPassphrase):
        crypto.check_passphrase(db_path, PASSPHRASE)  # the old one no longer opens it
    assert _records() == before
    remove_passphrase(NEW_PASSPHRASE)
    assert not is_encrypted(db_path)
    assert sqlite3.connect(db_path).execute("select count(*) from check_ins").fetchone() == (14,)
    assert _records() == before


def test_new_records_after_encryption_are_encrypted_too(engine, db_path):
    from privacy_data import fill

    set_passphrase(PASSPHRASE)
    fill(get_engine(), "me")
    close_engines()
    _assert_unreadable(db_path)
    assert _records()["counts"]["check_ins"] == 7


def test_a_wrong_passphrase_says_so_names_the_file_and_changes_nothing(populated, db_path):
    set_passphrase(PASSPHRASE)
    close_engines()
    digest = _digest(db_path)
    for attempt in (
        lambda: change_passphrase("not the passphrase", NEW_PASSPHRASE),
        lambda: remove_passphrase("not the passphrase"),
        lambda: set_passphrase(NEW_PASSPHRASE, current="not the passphrase"),
        lambda: unlock("not the passphrase"),
        lambda: make_engine(f"sqlite:///{db_path}", "not the passphrase"),
    ):
        with pytest.raises(WrongPassphrase, match=str(db_path)) as refused:
            attempt()
        assert "Nothing was changed" in str(refused.value)
        assert _digest(db_path) == digest
    assert [p for p in db_path.parent.iterdir() if p.suffix != ".lock"] == [db_path]  # the lock holds no data


def test_an_encrypted_file_opened_without_its_passphrase_is_locked(populated, db_path):
    before = _records()
    set_passphrase(PASSPHRASE)
    crypto.remember_passphrase(None)  # as a new process would start
    close_engines()
    assert is_locked()
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        get_engine()
    with pytest.raises(PassphraseNeeded):
        set_passphrase(NEW_PASSPHRASE)  # changing it needs the current one
    unlock(PASSPHRASE)
    assert not is_locked()
    assert _records() == before


def test_haven_passphrase_in_the_environment_encrypts_an_existing_plain_file(populated, db_path, monkeypatch):
    from haven.config import get_settings

    before = _records()
    close_engines()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)
    get_settings.cache_clear()
    assert _records() == before
    _assert_unreadable(db_path)
    with pytest.raises(RuntimeError, match="HAVEN_PASSPHRASE is set"):
        remove_passphrase(PASSPHRASE)  # it would only be encrypted again at the next start
    assert is_encrypted(db_path)


def test_passphrase_rules(engine, db_path):
    with pytest.raises(WeakPassphrase):
        set_passphrase("short")
    with pytest.raises(NotEncrypted):
        change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(NotEncrypted):
        unlock(PASSPHRASE)
    assert not is_encrypted(db_path)


def test_a_passphrase_set_before_the_database_exists_creates_it_encrypted(data_dir, db_path):
    from privacy_data import fill

    assert not db_path.exists()
    set_passphrase(PASSPHRASE)
    fill(get_engine(), "me")
    close_engines()
    _assert_unreadable(db_path)


def test_a_rekey_whose_copy_does_not_check_out_leaves_the_original(populated, db_path, monkeypatch):
    close_engines()
    digest = _digest(db_path)
    real_counts = crypto.table_counts

    def short_count(path, passphrase):
        counts = real_counts(path, passphrase)
        return {**counts, "check_ins": counts["check_ins"] - 1} if str(path).endswith(".rekey") else counts

    monkeypatch.setattr(crypto, "table_counts", short_count)
    with pytest.raises(RuntimeError, match="does not match"):
        set_passphrase(PASSPHRASE)
    assert _digest(db_path) == digest and not is_encrypted(db_path)
    assert [p for p in db_path.parent.iterdir() if p.suffix != ".lock"] == [db_path]  # the lock holds no data


def test_a_passphrase_with_quotes_works(populated, db_path):
    tricky = "it's a \"quoted\" pass; --"
    before = _records()
    set_passphrase(tricky)
    crypto.remember_passphrase(None)
    unlock(tricky)
    assert _records() == before

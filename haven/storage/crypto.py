"""Encryption at rest for the local SQLite file: SQLCipher through SQLAlchemy's ``sqlite+pysqlcipher`` dialect.

An encrypted file has no readable header and no readable text; without the passphrase it does not open as
SQLite at all. Re-keying (set, change, remove) copies the data into a new file with ``sqlcipher_export``,
checks the copy row by row count, and only then swaps it in, so a failure leaves the original untouched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

#: The first 16 bytes of every plain SQLite file. An SQLCipher file starts with random salt instead.
SQLITE_HEADER = b"SQLite format 3\x00"


class WrongPassphrase(Exception):
    """The passphrase does not open this database file (nothing was changed)."""

    def __init__(self, path: Path | str, message: str | None = None) -> None:
        self.path = Path(path)
        super().__init__(message or f"That passphrase does not open {self.path}. Nothing was changed.")


class PassphraseNeeded(WrongPassphrase):
    """The file is encrypted and no passphrase was given."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{Path(path)} is encrypted: give its passphrase (HAVEN_PASSPHRASE) to open it.")


class DatabaseCorrupt(RuntimeError):
    """The file is neither a readable SQLite database nor an encrypted one: it is damaged."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"{self.path} is damaged: it is not a readable Haven database, plain or encrypted{why}. Nothing was "
            f"changed. To go on: move it aside (rename it, e.g. to {self.path.name}.damaged), start Haven again "
            "to make a new one, and bring your data back from your last export with `haven import FILE` (or "
            "Settings > Your data > Import in the app)."
        )


class NotEncrypted(WrongPassphrase):
    """A passphrase was given for a file that has none."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, f"{Path(path)} is not encrypted, so it has no passphrase to check.")


_remembered: list[str] = []  # the passphrase this process was unlocked with (at most one)


def remember_passphrase(passphrase: str | None) -> None:
    """Keep the passphrase that unlocked the database for this process (None forgets it)."""
    _remembered.clear()
    if passphrase:
        _remembered.append(passphrase)


def current_passphrase() -> str | None:
    """The passphrase to open the database with: the one unlocked with, else ``HAVEN_PASSPHRASE``."""
    if _remembered:
        return _remembered[0]
    from haven.config import get_settings

    return get_settings().passphrase or None


#: SQLCipher writes whole pages (4096 bytes by default, never fewer than 512).
_MIN_PAGE = 512


def file_state(path: Path | str) -> str:
    """What the file looks like from its bytes: "missing", "empty", "plain", "encrypted" or "corrupt".

    Why not just "has no SQLite header": a damaged file has none either, and calling it encrypted sends the
    person hunting for a passphrase that will never work. An SQLCipher file is whole pages of random-looking
    bytes; a file of another length, or one that starts with readable text, is damaged. (A plain file with a
    good header can still be damaged inside: :func:`check_plain` looks at that when it is opened.)
    """
    path = Path(path)
    if not path.is_file():
        return "missing"
    size = path.stat().st_size
    if size == 0:
        return "empty"
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return "plain"
    readable = all(32 <= b < 127 or b in (9, 10, 13) for b in head)
    if size < _MIN_PAGE or size % _MIN_PAGE or readable:
        return "corrupt"
    return "encrypted"


def is_encrypted(path: Path | str) -> bool:
    """True when ``path`` is an SQLCipher file (whole pages, no plain header); a damaged file is not."""
    return file_state(path) == "encrypted"


def check_plain(path: Path | str) -> None:
    """Raise :class:`DatabaseCorrupt` unless the plain SQLite file ``path`` reads (header, schema, pages)."""
    import sqlite3

    path = Path(path)
    state = file_state(path)
    if state == "corrupt":
        raise DatabaseCorrupt(path)
    if state != "plain":
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseCorrupt(path, str(error)) from None
    if not result or result[0] != "ok":
        raise DatabaseCorrupt(path, str(result[0]) if result else "no answer to an integrity check")


def _quiet_sqlcipher() -> None:
    """SQLCipher logs every failed page decryption to stderr; a wrong passphrase is reported by us instead."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # process-wide setting
    finally:
        conn.close()


def _sqlcipher_url(path: Path, passphrase: str | None) -> URL:
    # the dialect sends the password as `PRAGMA key="..."` (quoted as an identifier, so any text is safe)
    return URL.create("sqlite+pysqlcipher", password=passphrase or None, database=str(path))


def _connect(path: Path, passphrase: str | None):
    """A raw sqlcipher3 connection keyed with ``passphrase`` (None/empty: a plain SQLite file)."""
    import sqlcipher3

    _quiet_sqlcipher()
    conn = sqlcipher3.connect(str(path))
    if passphrase:
        conn.execute("PRAGMA key = " + _literal(passphrase))
    return conn


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sqlcipher_engine(path: Path | str, passphrase: str) -> Engine:
    """An engine on an SQLCipher file. Connections are pooled because keying each one costs ~0.25 s (PBKDF2)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _quiet_sqlcipher()
    engine = create_engine(
        _sqlcipher_url(path, passphrase),
        poolclass=QueuePool,
        connect_args={"check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    return engine


def check_passphrase(path: Path | str, passphrase: str | None) -> None:
    """Raise :class:`WrongPassphrase` unless ``passphrase`` opens ``path`` (None: the file must be plain)."""
    import sqlcipher3

    path = Path(path)
    state = file_state(path)
    if state in ("missing", "empty"):
        return  # a new file: any passphrase will do, it becomes the file's
    if state == "corrupt":
        raise DatabaseCorrupt(path)
    if state == "encrypted" and not passphrase:
        raise PassphraseNeeded(path)
    conn = _connect(path, passphrase)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        if state == "plain" and not passphrase:
            raise DatabaseCorrupt(path, str(error)) from None
        raise WrongPassphrase(path) from error
    finally:
        conn.close()


def table_counts(path: Path | str, passphrase: str | None) -> dict[str, int]:
    """Rows in every table of the file: what a re-keyed copy must still hold."""
    conn = _connect(Path(path), passphrase)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()


def rekey(path: Path | str, current: str | None, new: str | None) -> None:
    """Re-encrypt ``path`` from ``current`` to ``new`` (None on either side: plain SQLite), keeping every row.

    Only one process may re-key, and only while no other process has the file open (it is replaced under
    them): the exclusive lock of :mod:`haven.storage.locking` is taken first, or :class:`DatabaseInUse` is
    raised and nothing changes. Close this process's engines first (``close_engines``).

    Steps: check ``current``; export into ``<file>.rekey`` under ``new``; compare every table's row count;
    keep the original as ``<file>.bak``; atomically replace; check the result opens with ``new``; only then
    remove the backup. Any failure before the swap leaves the original as it was; after it, it is restored.
    Both copies are owner-only, and a copy left by a killed re-key is removed at the next start.
    """
    from haven.storage.locking import exclusive

    path = Path(path)
    with exclusive(path):
        _rekey_locked(path, current, new)


def _rekey_locked(path: Path, current: str | None, new: str | None) -> None:
    from haven.storage.private_files import private_file

    check_passphrase(path, current)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}")
    tmp = path.with_name(path.name + ".rekey")
    backup = path.with_name(path.name + ".bak")
    tmp.unlink(missing_ok=True)
    expected = table_counts(path, current)
    private_file(tmp)  # owner-only before SQLCipher writes the copy into it
    conn = _connect(path, current)
    try:
        conn.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(tmp), new or ""))
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        conn.execute("DETACH DATABASE rekeyed")
    except BaseException:  # an interrupt too: no copy of the data is left behind
        tmp.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    try:
        if table_counts(tmp, new) != expected or is_encrypted(tmp) != bool(new):
            raise RuntimeError(f"the re-keyed copy of {path} does not match it; the original is unchanged")
    except BaseException:  # an interrupt too: no copy of the data is left behind
        tmp.unlink(missing_ok=True)
        raise
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup)  # the original under a second name: no second copy of the data is written
    except OSError:
        shutil.copy2(path, backup)  # a file system without hard links
    try:
        os.replace(tmp, path)
        check_passphrase(path, new)
        if table_counts(path, new) != expected:
            raise RuntimeError(f"{path} lost rows while being replaced; restored from {backup.name}")
    except BaseException:
        os.replace(backup, path)
        tmp.unlink(missing_ok=True)
        raise
    backup.unlink()

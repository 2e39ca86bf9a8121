"""The passphrase of the local database: set, change, remove, unlock.

Every change re-keys the whole file safely (see :func:`haven.storage.crypto.rekey`): a wrong current
passphrase raises :class:`WrongPassphrase` and nothing changes; a failure mid-way leaves the old file.
"""

from __future__ import annotations

from pathlib import Path

from haven.config import get_settings
from haven.storage import crypto
from haven.storage.crypto import DatabaseCorrupt, NotEncrypted, PassphraseNeeded, WrongPassphrase
from haven.storage.db import close_engines, sqlite_file
from haven.storage.locking import DatabaseInUse

#: Shorter passphrases are refused: the file's safety is only as good as the passphrase.
MIN_LENGTH = 8


class NotLocalDatabase(RuntimeError):
    """Encryption at rest is for the local SQLite file, and another database is configured."""


class WeakPassphrase(ValueError):
    """The new passphrase is too short."""


def database_file() -> Path:
    """The local SQLite file holding the person's data."""
    url = get_settings().resolved_database_url()
    path = sqlite_file(url)
    if path is None:
        raise NotLocalDatabase(
            "Haven's passphrase encrypts the local SQLite file; this Haven uses another database "
            "(HAVEN_DATABASE_URL), whose encryption is set up on its server."
        )
    return path


def local_database_file() -> Path | None:
    """The local SQLite file, or None when another database is configured."""
    try:
        return database_file()
    except NotLocalDatabase:
        return None


def is_encrypted(path: Path | str | None = None) -> bool:
    """Is the database file (the configured one unless ``path``) encrypted with a passphrase?"""
    if path is None:
        path = local_database_file()
    return path is not None and crypto.is_encrypted(path)


def is_locked() -> bool:
    """The database is encrypted and this process has no passphrase for it yet."""
    return is_encrypted() and not crypto.current_passphrase()


def unlock(passphrase: str) -> None:
    """Check ``passphrase`` opens the database, then use it for this process. Raises WrongPassphrase."""
    path = database_file()
    if not crypto.is_encrypted(path):
        raise NotEncrypted(path)
    crypto.check_passphrase(path, passphrase)
    crypto.remember_passphrase(passphrase)
    close_engines()


def _check_new(new: str) -> None:
    if not new or len(new) < MIN_LENGTH:
        raise WeakPassphrase(f"Choose a passphrase of at least {MIN_LENGTH} characters.")


def set_passphrase(new: str, current: str | None = None) -> None:
    """Encrypt the database with ``new``; if it is encrypted already, ``current`` must open it.

    Every record is kept. A database not created yet is created encrypted on first use.
    """
    _check_new(new)
    path = database_file()
    if crypto.is_encrypted(path):
        if not current:
            raise PassphraseNeeded(path)
        crypto.check_passphrase(path, current)
    elif current:
        raise NotEncrypted(path)
    close_engines()
    if path.is_file() and path.stat().st_size:
        crypto.rekey(path, current if crypto.is_encrypted(path) else None, new)
    crypto.remember_passphrase(new)
    close_engines()


def change_passphrase(current: str, new: str) -> None:
    """Re-encrypt the database from ``current`` to ``new``, keeping every record."""
    path = database_file()
    if not crypto.is_encrypted(path):
        raise NotEncrypted(path)
    set_passphrase(new, current)


def remove_passphrase(current: str) -> None:
    """Decrypt the database back to plain SQLite (``current`` must open it), keeping every record."""
    path = database_file()
    if not crypto.is_encrypted(path):
        raise NotEncrypted(path)
    if get_settings().passphrase:
        raise RuntimeError(
            "HAVEN_PASSPHRASE is set, so Haven would encrypt the file again at the next start. "
            "Remove it from the environment (or .env) first."
        )
    crypto.check_passphrase(path, current)
    close_engines()
    crypto.rekey(path, current, None)
    crypto.remember_passphrase(None)
    close_engines()


__all__ = [
    "MIN_LENGTH",
    "DatabaseCorrupt",
    "DatabaseInUse",
    "NotEncrypted",
    "NotLocalDatabase",
    "PassphraseNeeded",
    "WeakPassphrase",
    "WrongPassphrase",
    "change_passphrase",
    "database_file",
    "is_encrypted",
    "is_locked",
    "local_database_file",
    "remove_passphrase",
    "set_passphrase",
    "unlock",
]

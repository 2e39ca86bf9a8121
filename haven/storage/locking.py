"""Who has the database open: a shared hold per open process, an exclusive one to re-key.

Why: re-keying replaces the file. A process still writing to the old one would lose a write it reported as
saved, or fail on a read-only file. So every process that opens the local database holds a *shared* lock on
``<database>.lock`` while its engine is open, and re-keying takes the *exclusive* lock without waiting: while
any other process has the database open, a re-key is refused with :class:`DatabaseInUse` and nothing changes.
The lock is filelock's reader/writer lock, released by the operating system when a process dies.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from filelock import ReadWriteLock, Timeout

from haven.storage.private_files import private_file


class DatabaseInUse(RuntimeError):
    """Another Haven process (the app, or a ``haven`` command) has the database open."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        super().__init__(
            f"{self.path} is open in another Haven (the app or a `haven` command). Close it and try again; "
            "nothing was changed."
        )


_holds: dict[Path, ReadWriteLock] = {}
#: Holds kept at once: one data dir in normal use; the oldest go first when a process moves between many.
_MAX_HOLDS = 8
_guard = threading.Lock()


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def _new_lock(db_path: Path) -> ReadWriteLock:
    path = private_file(lock_path(db_path))
    return ReadWriteLock(path, timeout=0, blocking=False, is_singleton=False)


def hold_open(db_path: Path) -> None:
    """Say this process has ``db_path`` open (once per process and file; :func:`release_all` undoes it).

    A re-key running in another process right now is waited for (briefly), so we never open a file that is
    being replaced.
    """
    key = Path(db_path).resolve()
    with _guard:
        if key in _holds:
            return
        lock = _new_lock(key)
        try:
            lock.acquire_read(timeout=30, blocking=True)
        except Timeout as error:
            lock.close()
            raise DatabaseInUse(key) from error
        _holds[key] = lock
        while len(_holds) > _MAX_HOLDS:  # a process that has moved on between data dirs (tests, notebooks)
            with contextlib.suppress(Exception):
                _holds.pop(next(iter(_holds))).close()


def release(db_path: Path) -> None:
    """Forget this process's shared hold on ``db_path`` (its engine could not be opened after all)."""
    with _guard:
        lock = _holds.pop(Path(db_path).resolve(), None)
    if lock is not None:
        with contextlib.suppress(Exception):
            lock.close()


def release_all() -> None:
    """Forget every shared hold of this process (before re-keying, and when engines are closed)."""
    with _guard:
        for lock in _holds.values():
            with contextlib.suppress(Exception):
                lock.close()
        _holds.clear()


@contextlib.contextmanager
def try_exclusive(db_path: Path) -> Iterator[bool]:
    """Hold the database alone for the duration if no other process has it open; yields whether it does."""
    lock = _new_lock(Path(db_path).resolve())
    try:
        try:
            lock.acquire_write(timeout=0, blocking=False)
            held = True
        except Timeout:
            held = False
        try:
            yield held
        finally:
            if held:
                lock.release(force=True)
    finally:
        lock.close()


@contextlib.contextmanager
def exclusive(db_path: Path) -> Iterator[None]:
    """Hold the database alone (to re-key it); :class:`DatabaseInUse` at once if any other process has it
    open. Call :func:`release_all` first: this process's own shared hold counts too."""
    with try_exclusive(db_path) as held:
        if not held:
            raise DatabaseInUse(db_path)
        yield

"""Files that hold a person's data: made readable by their owner only, written whole or not at all.

Why a module of its own: the data dir, the database, re-key copies and exports all need the same three
promises (owner-only permissions, temporary files that never outlive a failure, and leftovers of a killed
process cleaned up), and keeping them in one place keeps them the same everywhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

#: Owner-only permissions for the data dir and every file in it.
DIR_MODE = 0o700
FILE_MODE = 0o600
#: Suffixes of copies a killed re-key or export can leave beside the database (full copies of it).
LEFTOVER_SUFFIXES = (".bak", ".rekey", ".part")
#: Prefix of Haven's temporary files in the data dir (removed at start when a process died mid-write).
TEMP_PREFIX = ".haven-tmp-"


class OutputRefused(ValueError):
    """Haven will not write to that path (it exists, it is the database, or it is a folder)."""


def private_dir(path: Path) -> Path:
    """Create ``path`` (and its parents) and make it owner-only, so nobody else on the machine can list it."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not ours to change (a shared folder): leave it as it is
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is owner-only *before* anything is written into it.

    SQLite creates a new database with the process umask (usually 0644: readable by everyone); an empty
    file made here first is taken as a new database, and SQLite gives its journal the same permissions.
    """
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != FILE_MODE:
            path.chmod(FILE_MODE)
    return path


@contextlib.contextmanager
def private_temp(directory: Path, suffix: str = "") -> Iterator[tuple[Path, IO[bytes]]]:
    """A new owner-only temporary file in ``directory``, open for writing; removed on every path out.

    The caller moves it into place before leaving (the file is then gone from here and nothing is removed).
    """
    directory = private_dir(Path(directory))
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=directory)  # mkstemp: mode 0600
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield path, handle
    finally:
        path.unlink(missing_ok=True)


def check_output_path(out: Path, *, force: bool = False, protected: Iterable[Path] = ()) -> Path:
    """Refuse an output path that would lose something: the database, a folder, an existing file (unless
    ``force``), or a folder that cannot be written. Returns the path, resolved."""
    out = Path(out).expanduser()
    resolved = out.resolve()
    for keep in protected:
        keep = Path(keep).resolve()
        if resolved == keep or (resolved.parent == keep.parent and resolved.name.startswith(keep.name)):
            raise OutputRefused(f"{out} is Haven's own database (or its copy); choose another file.")
    if resolved.is_dir():
        raise OutputRefused(f"{out} is a folder; give a file name inside it, e.g. {out / 'haven-export.json'}")
    if resolved.exists() and not force:
        raise OutputRefused(f"{out} already exists; nothing was written. Choose another name, or add --force.")
    parent = resolved.parent
    if parent.exists() and not parent.is_dir():
        raise OutputRefused(f"{parent} is not a folder, so {out.name} cannot be written there.")
    if parent.exists() and not os.access(parent, os.W_OK):
        raise OutputRefused(f"cannot write in {parent}: permission denied.")
    return resolved


def write_private(out: Path, chunks: Iterable[bytes | str], work_dir: Path) -> Path:
    """Write ``chunks`` to ``out`` through an owner-only temp file in ``work_dir`` (the data dir).

    Either the whole file arrives at ``out`` or nothing does, and no temporary copy is left anywhere: the
    temp file is removed on failure, and when ``out`` is on another file system (where a move cannot be
    atomic) a second owner-only temp file beside ``out`` is used and removed the same way.
    """
    out = Path(out)
    with private_temp(work_dir, suffix=".part") as (tmp, handle):
        for chunk in chunks:
            handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(tmp, out)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            with private_temp(out.parent, suffix=".part") as (beside, copy):
                with tmp.open("rb") as source:
                    shutil.copyfileobj(source, copy)
                copy.close()
                os.replace(beside, out)
    with contextlib.suppress(OSError):
        out.chmod(FILE_MODE)
    return out


def leftovers(db_path: Path) -> list[Path]:
    """Copies of the database a killed re-key or export left behind, and Haven's stray temp files."""
    db_path = Path(db_path)
    folder = db_path.parent
    if not folder.is_dir():
        return []
    found = [db_path.with_name(db_path.name + suffix) for suffix in LEFTOVER_SUFFIXES]
    found += folder.glob(f"{TEMP_PREFIX}*")
    return sorted(p for p in found if p.is_file())


def remove_leftovers(db_path: Path) -> list[Path]:
    """Remove :func:`leftovers` (call only while no re-key can be running); returns what was removed."""
    removed = []
    for path in leftovers(db_path):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed

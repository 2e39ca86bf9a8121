"""Haven's log file: the details of what went wrong, kept in the data dir instead of shown on screen.

Why: a person who meets a fault should read one plain sentence and keep going (crisis help first); whoever
helps them afterwards needs the traceback. Both are served by writing the details here, owner-only (0600)
in an owner-only folder, with database parameters (which may hold the person's own words) left out.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from haven.config import Settings, get_settings

LOG_NAME = "haven.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 2
#: SQLAlchemy appends the statement's parameters to its messages: they can be a person's chat message.
_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background|$))", re.S)
_SQL = re.compile(r"\[SQL: .*?\](?=\s*(?:\[parameters|\(Background|$))", re.S)


def log_path(settings: Settings | None = None) -> Path:
    """Where the log file is: ``<data dir>/logs/haven.log``."""
    return (settings or get_settings()).data_dir / "logs" / LOG_NAME


def redact(text: str) -> str:
    """``text`` without the SQL statements and parameters a database error quotes (they may hold words)."""
    return _SQL.sub("[SQL left out]", _PARAMETERS.sub("[parameters left out]", text))


def describe(error: BaseException) -> str:
    """A short, plain name for a fault: its type and the first line of its message, redacted."""
    first = redact(str(error)).strip().splitlines()
    text = first[0][:200] if first else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _open_private(path: Path) -> None:
    """Make the folder 0700 and the file 0600 before anything is written to them."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)


def record_fault(error: BaseException, where: str, settings: Settings | None = None) -> Path | None:
    """Append ``error``'s traceback (raised in ``where``) to the log file; returns the file, None if unwritable.

    Never raises: a log that cannot be written must not become a second fault on top of the first.
    """
    try:
        path = log_path(settings)
        _open_private(path)
        details = redact("".join(traceback.format_exception(error)))
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {stamp} fault in {where}: {describe(error)}\n{details}\n")
        return path
    except Exception:  # noqa: BLE001 - see the docstring
        return None


class _Redacting(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_to_file(settings: Settings | None = None) -> Path | None:
    """Send Haven's own warnings and errors (``logging.getLogger("haven")``) to the log file too; once per file.

    Services log what they recover from (a search that failed, a turn that could not be saved): the person
    saw a fallback, and this keeps why. Returns the file, or None when it cannot be written.
    """
    try:
        path = log_path(settings)
        logger = logging.getLogger("haven")
        if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
            return path
        _open_private(path)
        handler = RotatingFileHandler(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
        handler.setLevel(logging.WARNING)
        handler.setFormatter(_Redacting("--- %(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.WARNING:
            logger.setLevel(logging.WARNING)
        return path
    except Exception:  # noqa: BLE001 - logging must never stop Haven
        return None

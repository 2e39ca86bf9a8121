"""The log file keeps what went wrong for whoever helps, and not the person's words: owner-only, and the
SQL parameters a database error quotes (which can be a chat message) left out."""

from __future__ import annotations

import logging
import stat

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError

WORDS = "I want to kill myself tonight"


def _database_error() -> DatabaseError:
    engine = create_engine("sqlite://")
    try:
        with engine.connect() as connection:
            connection.execute(text("INSERT INTO no_such_table (words) VALUES (:words)"), {"words": WORDS})
    except DatabaseError as error:
        return error
    raise AssertionError("expected a database error")


def test_a_fault_is_logged_owner_only_without_the_words_it_carried(data_dir):
    from haven.logfile import describe, record_fault

    error = _database_error()
    assert WORDS in str(error)  # SQLAlchemy quotes the parameters...
    path = record_fault(error, "the Chat page")
    log = path.read_text(encoding="utf-8")
    assert "fault in the Chat page" in log and "no such table" in log and "Traceback" in log
    assert WORDS not in log and WORDS not in describe(error)  # ...the log and the screen do not
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_what_the_services_recover_from_is_logged_too(data_dir):
    from haven.logfile import log_to_file

    path = log_to_file()
    try:
        logging.getLogger("haven.chat.service").error("could not save a turn: %s", _database_error())
        assert "could not save a turn" in path.read_text(encoding="utf-8")
        assert WORDS not in path.read_text(encoding="utf-8")
    finally:
        logger = logging.getLogger("haven")
        for handler in [h for h in logger.handlers if getattr(h, "baseFilename", None) == str(path)]:
            logger.removeHandler(handler)
            handler.close()

"""Opening the person's database: one engine per URL, short sessions, the default profile.

SQLite under the data dir by default; ``HAVEN_DATABASE_URL`` for PostgreSQL. The schema is created and
upgraded by Alembic (``haven.storage.migrations``), so an upgrade never loses a journal.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from haven.storage.models import Person

DEFAULT_PERSON = "me"
DEMO_PERSON = "demo"


def _enable_sqlite_foreign_keys(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (None for another database or an in-memory one)."""
    if not url.startswith("sqlite"):
        return None
    db_path = url.split("///", 1)[-1] if "///" in url else ""
    return Path(db_path) if db_path and db_path != ":memory:" else None


def make_engine(url: str, passphrase: str | None = None) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on and its folder created.

    With a ``passphrase`` a SQLite file is opened (or created) as SQLCipher; a wrong one raises
    :class:`~haven.storage.crypto.WrongPassphrase` before anything is written, as does an encrypted file
    opened without one (:class:`~haven.storage.crypto.PassphraseNeeded`).
    """
    if url.startswith("sqlite"):
        from haven.storage.crypto import check_passphrase, is_encrypted, sqlcipher_engine

        db_path = sqlite_file(url)
        if db_path is not None:
            from haven.storage.crypto import check_plain
            from haven.storage.private_files import private_file

            if passphrase or is_encrypted(db_path):
                check_passphrase(db_path, passphrase)
            else:
                check_plain(db_path)  # a damaged file is named as damaged, not opened into a traceback
            private_file(db_path)  # owner-only (0600) in an owner-only folder (0700), before SQLite writes
            if passphrase:
                return sqlcipher_engine(db_path, passphrase)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _enable_sqlite_foreign_keys(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for the configured database, upgraded to the latest schema.

    The passphrase is the one given to :func:`haven.privacy.unlock` (lock screen, CLI prompt), else
    ``HAVEN_PASSPHRASE``. Call ``get_engine.cache_clear()`` after unlocking or re-keying.
    """
    from haven.config import get_settings
    from haven.storage.crypto import current_passphrase

    configured = get_settings().resolved_database_url()
    url = url or configured
    passphrase = current_passphrase() if url == configured else None  # Haven's passphrase is for its own file
    db_path = sqlite_file(url)
    if db_path is not None:
        _tidy(db_path, passphrase)
    if db_path is None:
        engine = make_engine(url, passphrase)
    else:
        from haven.storage.locking import hold_open, release

        hold_open(db_path)  # a re-key in another process is refused while this engine is open
        try:
            engine = make_engine(url, passphrase)
        except BaseException:
            release(db_path)
            raise
    _opened.add(engine)
    _upgrade(engine, db_path)
    if get_settings().mode == "clinic":
        from haven.storage.row_security import enable_row_security

        enable_row_security(engine)  # every person's rows apart in the database too (PostgreSQL)
    return engine


def _upgrade(engine: Engine, db_path: Path | None) -> None:
    """Bring the schema up to date; a SQLite file that fails to read here is damaged, and is named so."""
    from sqlalchemy.exc import DatabaseError

    from haven.storage.crypto import DatabaseCorrupt
    from haven.storage.migrate import upgrade

    try:
        upgrade(engine)
    except DatabaseError as error:
        if db_path is None:
            raise
        close_engines()
        raise DatabaseCorrupt(db_path, str(error.orig or error).splitlines()[0]) from None


def _tidy(db_path: Path, passphrase: str | None) -> None:
    """Before opening: remove copies a killed re-key or export left (full, perhaps plain, copies of the
    person's data), and encrypt a plain file when a passphrase is set. Both only when no other process has
    the file open, since a re-key may be running there."""
    from haven.storage.crypto import check_plain, is_encrypted, rekey
    from haven.storage.locking import try_exclusive
    from haven.storage.private_files import private_dir, remove_leftovers

    private_dir(db_path.parent)
    with try_exclusive(db_path) as alone:
        if alone:
            remove_leftovers(db_path)
    if passphrase and db_path.is_file() and db_path.stat().st_size and not is_encrypted(db_path):
        check_plain(db_path)
        close_engines()  # this process's own engines on the plain file, which is about to be replaced
        rekey(db_path, None, passphrase)  # a passphrase is set: the existing plain file becomes SQLCipher


_opened: weakref.WeakSet[Engine] = weakref.WeakSet()


def is_open(engine: Engine) -> bool:
    """Is ``engine`` still one :func:`get_engine` handed out and has not closed since?

    Caches that hold an engine (the app's ``st.cache_resource``, the CLI's chat service) ask this on each
    use: after an unlock or a re-key the old engine would reconnect with the old key and read the file as
    "not a database", so they build anew instead.
    """
    return engine in _opened


def close_engines() -> None:
    """Close every engine :func:`get_engine` opened and forget them: before the file is re-keyed or replaced,
    and after unlocking, so the next ``get_engine()`` opens it with the right passphrase."""
    from haven.storage.locking import release_all

    for engine in list(_opened):
        engine.dispose()
    _opened.clear()
    get_engine.cache_clear()
    release_all()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error, so a failure never half-writes."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


def get_or_create_person(session: Session, name: str = DEFAULT_PERSON, is_demo: bool = False) -> Person:
    """The profile called ``name``, made on first use (clinic mode: the signed-in owner only, see
    :mod:`haven.storage.owners`)."""
    from haven.storage.owners import owner_person

    return owner_person(session, name, is_demo=is_demo)

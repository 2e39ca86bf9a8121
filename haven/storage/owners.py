"""Whose rows a service may touch: the one place where the ``person`` a service was given becomes a row id.

Every service takes ``person: str``. In personal mode that is a local profile's name ('me', or the demo
profile), made on first write as always. In clinic mode it is the signed-in identity's subject, and:

- there is no fallback: an empty, unknown or made-up key ('me', 'demo') raises :class:`OwnerRequired`
  instead of reading someone's rows or making a profile. The row for a subject is made only at sign-in
  (:func:`haven.clinic.people.person_for`), from the identity provider's word;
- on PostgreSQL the owner is also written into the transaction (``haven.owner``), which the row-level
  security policies read, so a query that forgets its ``person_id`` filter still sees only this owner's
  rows (and what was shared with them);
- a clinician reading what a person shared does so inside :func:`acting_as`: the database is told the
  clinician is asking (so only shared rows are visible), and nothing may be written for the person.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haven.storage.models import Person

#: The PostgreSQL setting the row-level security policies read (migration 0004).
OWNER_SETTING = "haven.owner"

_acting: ContextVar[str | None] = ContextVar("haven_acting_subject", default=None)


class OwnerRequired(Exception):
    """Clinic mode: a service was asked to work without a signed-in owner. Nothing was read or written.

    Not a PermissionError: that is an OSError, and code that reports a file it could not write would
    report this as one."""


def clinic_mode() -> bool:
    from haven.config import get_settings

    return get_settings().mode == "clinic"


@contextmanager
def acting_as(subject: str) -> Iterator[None]:
    """Reads inside this block are made on behalf of ``subject`` (a clinician), not the person they read.

    Why a context rather than a parameter: the report and conversation readers are the person's own
    services, unchanged; this tells the one place that resolves owners who is really asking.
    """
    if not subject or not subject.strip():
        raise OwnerRequired("nobody is signed in")
    token = _acting.set(subject)
    try:
        yield
    finally:
        _acting.reset(token)


def set_row_owner(session: Session, subject: str) -> None:
    """Tell PostgreSQL whose rows this transaction may see (row-level security); a no-op elsewhere.

    ``set_config(..., true)`` lasts until the transaction ends, so a pooled connection never hands one
    person's owner to the next request.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.set_config(OWNER_SETTING, subject, True)))


def _checked_subject(person: str | None) -> str:
    if not isinstance(person, str) or not person.strip():
        raise OwnerRequired("nobody is signed in, so there is no one whose records to open")
    return person


def find_person(session: Session, person: str) -> Person | None:
    """The row of ``person``; None in personal mode when the profile does not exist yet (reads never make one).

    Clinic mode: ``person`` is a subject that must have signed in, else :class:`OwnerRequired`.
    """
    if not clinic_mode():
        return session.scalar(select(Person).where(Person.name == person))
    subject = _checked_subject(person)
    set_row_owner(session, _acting.get() or subject)
    row = session.scalar(select(Person).where(Person.subject == subject))
    if row is None:
        raise OwnerRequired("this account has not signed in to Haven, so it has no records here")
    return row


def find_person_id(session: Session, person: str) -> int | None:
    row = find_person(session, person)
    return None if row is None else row.id


def owner_person(session: Session, person: str, is_demo: bool = False) -> Person:
    """The row new records of ``person`` are written under.

    Personal mode: the profile, made on first write. Clinic mode: the signed-in person's own row only; never
    a demo profile, never on someone else's behalf (a clinician reading a share writes nothing for them).
    """
    if not clinic_mode():
        row = session.scalar(select(Person).where(Person.name == person))
        if row is None:
            row = Person(name=person, is_demo=is_demo)
            session.add(row)
            session.flush()
        return row
    if is_demo:
        raise OwnerRequired("there is no demo profile in clinic mode")
    acting = _acting.get()
    if acting is not None and acting != person:
        raise OwnerRequired("records are written only by the person they belong to")
    row = find_person(session, person)
    assert row is not None  # find_person raises in clinic mode rather than return None
    return row


def require_personal_mode(what: str) -> None:
    """Whole-database tools (export all, delete all, import) belong to one person's own install only."""
    if clinic_mode():
        raise OwnerRequired(f"{what} works on the whole database, which in clinic mode holds everyone's records")

"""From a signed-in :class:`Identity` to the person key every Haven service takes, and back out again.

The page layer calls :func:`person_for` once per run after sign-in; what it returns goes wherever personal
mode passes the profile name. That key is the identity's subject, and the row behind it is made here and
only here, from what the identity provider said, so no service ever makes a profile on its own in clinic
mode (see :mod:`haven.storage.owners`).
"""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from haven.clinic.errors import NotClinician
from haven.clinic.identity import Identity
from haven.storage.db import session_scope
from haven.storage.models import Person
from haven.storage.owners import OwnerRequired, clinic_mode, set_row_owner

NAME_LENGTH = 120


def person_for(engine: Engine, identity: Identity) -> str:
    """The key of ``identity``'s records (its subject), with their row made on first sign-in and their name,
    email and role brought up to date from the identity provider on every later one."""
    subject = _signed_in_subject(identity)
    try:
        _save(engine, identity)
    except IntegrityError:  # two replicas met the same first sign-in at once: the other one made the row
        _save(engine, identity)
    return subject


def _signed_in_subject(identity: Identity) -> str:
    if not clinic_mode():
        raise OwnerRequired("signing in is for clinic mode; personal mode has one local profile")
    if not identity.subject or not identity.subject.strip():
        raise OwnerRequired("the sign-in did not say who this is")
    return identity.subject


def _save(engine: Engine, identity: Identity) -> None:
    with session_scope(engine) as session:
        set_row_owner(session, identity.subject)
        row = session.scalar(select(Person).where(Person.subject == identity.subject))
        if row is None:
            # The profile name is only a unique label here: the subject is the key, and the name a person
            # sees is display_name. A random label keeps a subject out of a column other code prints.
            row = Person(name=f"clinic-{uuid.uuid4().hex}", subject=identity.subject)
            session.add(row)
        row.role = identity.role
        row.display_name = (identity.name or "")[:NAME_LENGTH]
        row.email = identity.email or None


def signed_in_row(session: Session, identity: Identity) -> Person:
    """The asker's own row, with the transaction's owner set to them; :class:`OwnerRequired` if they never
    signed in. Every clinic service starts here."""
    subject = _signed_in_subject(identity)
    set_row_owner(session, subject)
    row = session.scalar(select(Person).where(Person.subject == subject))
    if row is None:
        raise OwnerRequired("this account has not signed in to Haven, so it has no records here")
    return row


def clinician_row(session: Session, identity: Identity) -> Person:
    """The asker's row when the identity provider named them a clinician at this sign-in and the last one."""
    row = signed_in_row(session, identity)
    if not identity.is_clinician or row.role != "clinician":
        raise NotClinician()
    return row


def delete_my_data(engine: Engine, identity: Identity) -> None:
    """Remove the signed-in person and everything of theirs (their shares and audit log too)."""
    with session_scope(engine) as session:
        session.delete(signed_in_row(session, identity))

"""The audit log: every time a clinician opens something a person shared, the person can see who, what, when.

Written by :mod:`haven.clinic.sharing` in the same step that hands the item over, only once the share is
known to be live; read here by the person it is about (and by no one else).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from haven.clinic.identity import Identity
from haven.clinic.people import signed_in_row
from haven.storage.db import session_scope
from haven.storage.models import AccessEntry, Person, Share

WHAT_LENGTH = 200


@dataclass(frozen=True)
class Access:
    """One line of a person's audit log."""

    at: datetime
    clinician_name: str
    clinician_subject: str | None
    kind: str  # "report" | "conversation" | "review"
    what: str
    share_id: int | None


def record_access(session: Session, clinician: Person, share: Share, kind: str, what: str) -> None:
    """Note that ``clinician`` opened ``share`` (in the caller's transaction, so it lands with the reading)."""
    session.add(
        AccessEntry(
            person_subject=share.person_subject,
            clinician_subject=clinician.subject,
            clinician_name=clinician.display_name or "A clinician",
            share_id=share.id,
            kind=kind,
            what=what[:WHAT_LENGTH],
        )
    )
    session.flush()


def access_log(engine: Engine, person: Identity) -> list[Access]:
    """Who opened what of ``person``'s, newest first."""
    with session_scope(engine) as session:
        me = signed_in_row(session, person)
        rows = session.scalars(
            select(AccessEntry)
            .where(AccessEntry.person_subject == me.subject)
            .order_by(AccessEntry.at.desc(), AccessEntry.id.desc())
        )
        return [Access(r.at, r.clinician_name, r.clinician_subject, r.kind, r.what, r.share_id) for r in rows]


__all__ = ["Access", "access_log", "record_access"]

"""What a person shows a clinician, and what a clinician may open: the report, chosen conversations, revocable.

The person's side: :func:`share_report`, :func:`share_conversation`, :func:`revoke_share`, :func:`my_shares`.
The clinician's side: :func:`caseload`, :func:`shared_items`, :func:`open_shared_report`,
:func:`open_shared_conversation`. Each opening is written to the person's audit log in the same step, and
only after the share is checked live; a refusal (:class:`NotShared`, :class:`NotClinician`) comes before
anything is read or written. The readers are the person's own services run inside
:func:`haven.storage.owners.acting_as`, so on PostgreSQL the database shows the clinician only shared rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session, aliased

from haven.chat.store import ConversationNotFound, load_turns
from haven.chat.types import TurnRecord
from haven.clinic.audit import record_access
from haven.clinic.errors import NotShared, UnknownClinician
from haven.clinic.identity import Identity
from haven.clinic.people import clinician_row, signed_in_row
from haven.reports.options import ReportOptions
from haven.storage.db import session_scope
from haven.storage.models import Conversation, Person, Share, utcnow
from haven.storage.owners import acting_as

REPORT, CONVERSATION = "report", "conversation"


@dataclass(frozen=True)
class ClinicianRef:
    """A clinician a person may share with."""

    subject: str
    name: str
    email: str | None


@dataclass(frozen=True)
class SharedItem:
    """One share, as either side sees it."""

    id: int
    kind: str  # "report" | "conversation"
    person_subject: str
    person_name: str
    clinician_subject: str
    clinician_name: str
    title: str
    created_at: datetime
    revoked_at: datetime | None = None
    conversation_id: int | None = None
    options: ReportOptions | None = None

    @property
    def live(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True)
class CaseloadEntry:
    """A person who shares something with this clinician now."""

    person_subject: str
    name: str
    email: str | None
    items: int
    last_shared_at: datetime


@dataclass(frozen=True)
class SharedConversation:
    share: SharedItem
    started_at: datetime
    turns: list[TurnRecord]


# --- the person's side -------------------------------------------------------------------------------------


def clinicians(engine: Engine, person: Identity) -> list[ClinicianRef]:
    """The clinic's clinicians who have signed in, by name, to pick whom to share with."""
    with session_scope(engine) as session:
        me = signed_in_row(session, person)
        rows = session.scalars(
            select(Person).where(Person.role == "clinician", Person.id != me.id).order_by(Person.display_name)
        )
        return [ClinicianRef(r.subject, r.display_name or "A clinician", r.email) for r in rows if r.subject]


def share_report(engine: Engine, person: Identity, clinician: str, options: ReportOptions) -> SharedItem:
    """Show ``clinician`` (subject or email) the report ``options`` describe; sharing again replaces them."""
    with session_scope(engine) as session:
        me = signed_in_row(session, person)
        doctor = _find_clinician(session, clinician, me)
        row = _live_share(session, me.subject, doctor.subject, REPORT)
        if row is None:
            row = Share(person_subject=me.subject, clinician_subject=doctor.subject, kind=REPORT)
            session.add(row)
        row.options = options.model_dump(mode="json")
        session.flush()
        return _item(row, me, doctor, "Report")


def share_conversation(engine: Engine, person: Identity, clinician: str, conversation_id: int) -> SharedItem:
    """Show ``clinician`` one of ``person``'s conversations (:class:`ConversationNotFound` if not theirs)."""
    with session_scope(engine) as session:
        me = signed_in_row(session, person)
        conversation = session.get(Conversation, conversation_id)
        if conversation is None or conversation.person_id != me.id:
            raise ConversationNotFound(f"no conversation {conversation_id} of yours")
        doctor = _find_clinician(session, clinician, me)
        row = _live_share(session, me.subject, doctor.subject, CONVERSATION, conversation_id)
        if row is None:
            row = Share(person_subject=me.subject, clinician_subject=doctor.subject, kind=CONVERSATION,
                        conversation_id=conversation_id)  # fmt: skip
            session.add(row)
            session.flush()
        return _item(row, me, doctor, _conversation_title(conversation))


def revoke_share(engine: Engine, person: Identity, share_id: int) -> None:
    """Stop sharing at once: the clinician's next opening is refused. :class:`NotShared` if not live and theirs."""
    with session_scope(engine) as session:
        me = signed_in_row(session, person)
        row = session.get(Share, share_id)
        if row is None or row.person_subject != me.subject or row.revoked_at is not None:
            raise NotShared()
        row.revoked_at = utcnow()


def my_shares(engine: Engine, person: Identity, include_revoked: bool = False) -> list[SharedItem]:
    """What ``person`` shares (and, if asked, used to), newest first."""
    with session_scope(engine) as session:
        me = signed_in_row(session, person)
        return _items(session, Share.person_subject == me.subject, include_revoked)


# --- the clinician's side ----------------------------------------------------------------------------------


def caseload(engine: Engine, clinician: Identity) -> list[CaseloadEntry]:
    """The people who share something with ``clinician`` now, most recent sharing first."""
    with session_scope(engine) as session:
        me = clinician_row(session, clinician)
        query = (
            select(Person, func.count(Share.id), func.max(Share.created_at))
            .join(Share, Share.person_subject == Person.subject)
            .where(Share.clinician_subject == me.subject, Share.revoked_at.is_(None))
            .group_by(Person.id)
            .order_by(func.max(Share.created_at).desc())
        )
        return [
            CaseloadEntry(p.subject, p.display_name or "Someone", p.email, int(n), last)
            for p, n, last in session.execute(query)
        ]


def shared_items(engine: Engine, clinician: Identity, person_subject: str | None = None) -> list[SharedItem]:
    """What is shared with ``clinician`` now (by one person, if given), newest first."""
    with session_scope(engine) as session:
        me = clinician_row(session, clinician)
        where = Share.clinician_subject == me.subject
        if person_subject is not None:
            where = where & (Share.person_subject == person_subject)
        return _items(session, where, include_revoked=False)


def open_shared_report(engine: Engine, clinician: Identity, share_id: int, library=None, today: date | None = None):
    """The shared report (a :class:`haven.reports.Report`), built as the person chose; the opening is logged."""
    from haven.reports.builder import build_report

    share = _checked_share(engine, clinician, share_id, REPORT)
    with acting_as(clinician.subject):
        report = build_report(engine, share.person_subject, share.options, library=library, today=today)
    _log(engine, clinician, share_id, REPORT, f"Report, {share.options.start} to {share.options.end}")
    return report


def open_shared_conversation(engine: Engine, clinician: Identity, share_id: int) -> SharedConversation:
    """The shared conversation's messages, oldest first; the opening is logged."""
    share = _checked_share(engine, clinician, share_id, CONVERSATION)
    with acting_as(clinician.subject):
        turns = load_turns(engine, share.person_subject, share.conversation_id)
        started = _started_at(engine, share)
    _log(engine, clinician, share_id, CONVERSATION, f"Conversation: {share.title}")
    return SharedConversation(share, started, turns)


# --- shared steps ------------------------------------------------------------------------------------------


def checked_share(session: Session, clinician: Identity, share_id: int, kind: str) -> tuple[Person, Share]:
    """The clinician's row and the live share ``share_id`` of ``kind`` made to them, or a refusal."""
    me = clinician_row(session, clinician)
    row = session.get(Share, share_id)
    if row is None or row.clinician_subject != me.subject or row.revoked_at is not None or row.kind != kind:
        raise NotShared()
    return me, row


def _checked_share(engine: Engine, clinician: Identity, share_id: int, kind: str) -> SharedItem:
    with session_scope(engine) as session:
        me, row = checked_share(session, clinician, share_id, kind)
        return _items(session, Share.id == row.id, include_revoked=False)[0]


def _log(engine: Engine, clinician: Identity, share_id: int, kind: str, what: str) -> None:
    """Write the audit entry, checking once more that the share is live: a revoke that landed while the item
    was being read wins, and the caller gets :class:`NotShared` instead of the item."""
    with session_scope(engine) as session:
        me, row = checked_share(session, clinician, share_id, kind)
        record_access(session, me, row, kind, what)


def _started_at(engine: Engine, share: SharedItem) -> datetime:
    from haven.chat.store import started_at

    return started_at(engine, share.person_subject, share.conversation_id)


def _find_clinician(session: Session, who: str, me: Person) -> Person:
    """The signed-in clinician ``who`` names (their subject, or their email in any case)."""
    who = (who or "").strip()
    if not who:
        raise UnknownClinician()
    rows = list(
        session.scalars(
            select(Person).where(
                Person.role == "clinician",
                or_(Person.subject == who, func.lower(Person.email) == who.lower()),
            )
        )
    )
    if len(rows) != 1 or rows[0].id == me.id:  # none, an email two accounts share, or oneself
        raise UnknownClinician()
    return rows[0]


def _live_share(
    session: Session, person: str, clinician: str, kind: str, conversation_id: int | None = None
) -> Share | None:
    return session.scalar(
        select(Share).where(
            Share.person_subject == person,
            Share.clinician_subject == clinician,
            Share.kind == kind,
            Share.conversation_id.is_(None) if conversation_id is None else Share.conversation_id == conversation_id,
            Share.revoked_at.is_(None),
        )
    )


def _conversation_title(conversation: Conversation | None) -> str:
    return (conversation.title if conversation is not None else "") or "A conversation"


def _item(row: Share, person: Person, doctor: Person | None, title: str) -> SharedItem:
    options = ReportOptions.model_validate(row.options) if row.options else None
    return SharedItem(
        id=row.id,
        kind=row.kind,
        person_subject=row.person_subject,
        person_name=person.display_name or "Someone",
        clinician_subject=row.clinician_subject,
        clinician_name=(doctor.display_name if doctor is not None else "") or "A clinician",
        title=title,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
        conversation_id=row.conversation_id,
        options=options,
    )


def _items(session: Session, where, include_revoked: bool) -> list[SharedItem]:
    person, doctor = aliased(Person), aliased(Person)
    query = (
        select(Share, person, doctor, Conversation)
        .join(person, person.subject == Share.person_subject)
        .outerjoin(doctor, doctor.subject == Share.clinician_subject)  # no longer a clinician: still listed
        .outerjoin(Conversation, Conversation.id == Share.conversation_id)
        .where(where)
        .order_by(Share.created_at.desc(), Share.id.desc())
    )
    if not include_revoked:
        query = query.where(Share.revoked_at.is_(None))
    return [
        _item(row, p, d, "Report" if row.kind == REPORT else _conversation_title(c))
        for row, p, d, c in session.execute(query)
    ]

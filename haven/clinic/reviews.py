"""The review tool on the clinician's side: a clinician reviews a conversation a person shared with them, and
an approved better reply reaches the library only through :func:`publish`, de-identified.

The review itself quotes the person, so it is stored with the person's data (deleted with it) and the
clinician sees it only while the conversation is still shared. What :func:`publish` writes holds the
approved pairs alone: the message each better reply answers, with the person's name, email and subject and
any other names, numbers and contact details replaced; never a comment, a title or another turn.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from haven.clinic.audit import record_access
from haven.clinic.errors import NotShared
from haven.clinic.identity import Identity
from haven.clinic.people import clinician_row
from haven.clinic.sharing import CONVERSATION, checked_share
from haven.reviews.export import ConversationExport, export_conversation
from haven.reviews.models import Review, TurnMark, make_review
from haven.reviews.publish import PublishablePair, deidentify, publishable_pairs, published_review
from haven.reviews.store import StoredReview, add_review_row, review_from_row
from haven.storage.db import session_scope
from haven.storage.models import ConversationReview, Person, Share, utcnow
from haven.storage.owners import acting_as

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def conversation_for_review(engine: Engine, clinician: Identity, share_id: int) -> ConversationExport:
    """The shared conversation in the shape the review tool reads (``review_pairs``); the opening is logged."""
    with session_scope(engine) as session:
        _, share = checked_share(session, clinician, share_id, CONVERSATION)
        person, conversation_id = share.person_subject, share.conversation_id
    with acting_as(clinician.subject):
        export = export_conversation(engine, conversation_id, person=person)
    with session_scope(engine) as session:
        me, share = checked_share(session, clinician, share_id, CONVERSATION)
        record_access(session, me, share, "review", f"Conversation opened for review: {export.title or 'untitled'}")
    return export


def save_review(
    engine: Engine, clinician: Identity, share_id: int, marks: dict[int, TurnMark], reviewed_on: date | None = None
) -> StoredReview:
    """Keep the clinician's marks on a shared conversation (:class:`ReviewInvalid` says what is wrong)."""
    with session_scope(engine) as session:
        _, share = checked_share(session, clinician, share_id, CONVERSATION)
        person, conversation_id = share.person_subject, share.conversation_id
    with acting_as(clinician.subject):
        export = export_conversation(engine, conversation_id, person=person)
    review = make_review(export, clinician.name, marks, reviewed_on)
    with session_scope(engine) as session:
        me, share = checked_share(session, clinician, share_id, CONVERSATION)
        owner = session.scalar(select(Person).where(Person.subject == share.person_subject))
        return add_review_row(session, review, owner.id, share.conversation_id, reviewer_subject=me.subject)


def my_reviews(engine: Engine, clinician: Identity) -> list[StoredReview]:
    """The clinician's reviews of conversations still shared with them, oldest first."""
    with session_scope(engine) as session:
        me = clinician_row(session, clinician)
        rows = session.scalars(_visible_reviews(me).order_by(ConversationReview.id))
        return [StoredReview(row.id, review_from_row(row), row.published_at) for row in rows]


def publishable(engine: Engine, clinician: Identity, review_id: int) -> list[PublishablePair]:
    """The review's approved pairs as :func:`publish` would write them: only those, de-identified."""
    with session_scope(engine) as session:
        row, identifiers = _own_review(session, clinician, review_id)
        return [_scrubbed(pair, identifiers) for pair in publishable_pairs(review_from_row(row))]


def publish(
    engine: Engine, clinician: Identity, review_id: int, pairs: list[PublishablePair], directory: Path | None = None
) -> Path:
    """Write ``pairs`` (as :func:`publishable` gave them, the message perhaps edited) as a library review file.

    Each pair must be one of this review's approved pairs, and is de-identified again here: a message edited
    on the page is never trusted to be clean. Marks the review published.
    """
    from haven.reviews.files import save_review as save_review_file

    with session_scope(engine) as session:
        row, identifiers = _own_review(session, clinician, review_id)
        review = review_from_row(row)
        allowed = {(p.better_reply, p.original_reply) for p in
                   (_scrubbed(pair, identifiers) for pair in publishable_pairs(review))}  # fmt: skip
        cleaned = [_scrubbed(pair, identifiers) for pair in pairs]
        if not cleaned or any((p.better_reply, p.original_reply) not in allowed for p in cleaned):
            raise ValueError("only this review's approved better replies can be published")
        public = published_review(Review(reviewer=_public_reviewer(clinician), reviewed_on=review.reviewed_on,
                                         turns=review.turns), cleaned)  # fmt: skip
        path = save_review_file(public, directory)
        row.published_at = utcnow()
        return path


def _visible_reviews(me: Person):
    """The clinician's own reviews of conversations still shared with them (what the database allows too)."""
    live = select(Share.conversation_id).where(
        Share.clinician_subject == me.subject, Share.kind == CONVERSATION, Share.revoked_at.is_(None)
    )
    return select(ConversationReview).where(
        ConversationReview.reviewer_subject == me.subject, ConversationReview.conversation_id.in_(live)
    )


def _own_review(session: Session, clinician: Identity, review_id: int) -> tuple[ConversationReview, list[str]]:
    me = clinician_row(session, clinician)
    row = session.scalar(_visible_reviews(me).where(ConversationReview.id == review_id))
    if row is None:
        raise NotShared()
    person = session.get(Person, row.person_id)
    return row, _identifiers(person)


def _identifiers(person: Person | None) -> list[str]:
    """What names the person: their subject, email (and its local part), display name and each of its words."""
    if person is None:
        return []
    found = [person.subject or "", person.email or "", (person.email or "").split("@")[0], person.display_name]
    found += (person.display_name or "").replace(".", " ").split()
    return sorted({f.strip() for f in found if len(f.strip()) >= 2}, key=len, reverse=True)


def _scrub(text: str, identifiers: list[str]) -> str:
    """The person's words: their own identifiers out, then everything :func:`deidentify` catches."""
    return deidentify(_scrub_known(text, identifiers))


def _scrubbed(pair: PublishablePair, identifiers: list[str]) -> PublishablePair:
    """The pair with the person's own identifiers replaced, then everything :func:`deidentify` catches."""
    return PublishablePair(
        user_message=_scrub(pair.user_message, identifiers),
        original_reply=_scrub(pair.original_reply, identifiers),
        better_reply=_scrub_known(pair.better_reply, identifiers),
        verdict=pair.verdict,
    )


def _scrub_known(text: str, identifiers: list[str]) -> str:
    """The clinician's own better reply keeps its wording; only the person's identifiers are taken out."""
    for value in identifiers:
        placeholder = "[email]" if "@" in value else "[name]"
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", placeholder, text, flags=re.IGNORECASE)
    return text


def _public_reviewer(clinician: Identity) -> str:
    """The name the library file credits: the clinician's display name, never an email or a subject."""
    name = _EMAIL.sub("", clinician.name or "").strip()
    return name if len(name) >= 2 and name != clinician.subject else "Clinic reviewer"


__all__ = ["conversation_for_review", "my_reviews", "publish", "publishable", "save_review"]

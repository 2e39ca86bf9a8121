"""Reviews of the person's conversations, kept in their database (the data dir), never in the install folder.

Why: a review quotes what the person said, word for word. In the database it is encrypted with the rest
of their data, carried by their export and removed by their delete. The library only ever receives what
:mod:`haven.reviews.publish` makes of a review: de-identified, approved reply pairs, by an explicit step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from haven.reviews.models import Review, Verdict
from haven.reviews.summary import ReviewSummary
from haven.storage.db import DEFAULT_PERSON, get_or_create_person, session_scope
from haven.storage.models import Conversation, ConversationReview
from haven.storage.owners import find_person_id, require_personal_mode


class ReviewNotFound(LookupError):
    """No stored review with that id (for that profile)."""


@dataclass(frozen=True)
class StoredReview:
    """A review as kept in the database: its id, the review, and when it was last published (if ever)."""

    id: int
    review: Review
    published_at: datetime | None = None


def store_review(engine: Engine, review: Review, person: str = DEFAULT_PERSON) -> StoredReview:
    """Keep ``review`` in the person's database; returns it with its id."""
    with session_scope(engine) as session:
        owner = get_or_create_person(session, person)
        conversation_id = review.conversation_id
        conversation = session.get(Conversation, conversation_id) if conversation_id is not None else None
        if conversation is None or conversation.person_id != owner.id:
            conversation_id = None  # a review of a file from elsewhere: kept, not linked
        return add_review_row(session, review, owner.id, conversation_id)


def add_review_row(
    session: Session, review: Review, person_id: int, conversation_id: int | None, reviewer_subject: str | None = None
) -> StoredReview:
    """Write ``review`` as a row of the person's (the one way a review is kept: the person's own page and a
    clinician's review of a shared conversation both come here); returns it with its id."""
    row = ConversationReview(
        person_id=person_id,
        conversation_id=conversation_id,
        reviewer=review.reviewer,
        reviewer_subject=reviewer_subject,
        reviewed_on=review.reviewed_on,
        conversation_title=review.conversation_title[:120],
        turns=[turn.model_dump(mode="json") for turn in review.turns],
    )
    session.add(row)
    session.flush()
    return StoredReview(row.id, review)


def review_from_row(row: ConversationReview) -> Review:
    return Review.model_validate(
        {
            "reviewer": row.reviewer,
            "reviewed_on": row.reviewed_on,
            "conversation_id": row.conversation_id,
            "conversation_title": row.conversation_title or "",
            "turns": row.turns,
        }
    )


def stored_reviews(engine: Engine, person: str | None = DEFAULT_PERSON) -> list[StoredReview]:
    """The stored reviews, oldest first (every profile's when ``person`` is None)."""
    query = select(ConversationReview).order_by(ConversationReview.id)
    if person is None:
        require_personal_mode("Listing every profile's reviews")
    with session_scope(engine) as session:
        if person is not None:
            query = query.where(ConversationReview.person_id == find_person_id(session, person))
        return [StoredReview(row.id, review_from_row(row), row.published_at) for row in session.scalars(query)]


def get_review(engine: Engine, review_id: int, person: str | None = None) -> StoredReview:
    for stored in stored_reviews(engine, person):
        if stored.id == review_id:
            return stored
    raise ReviewNotFound(f"no stored review {review_id}" + (f" for profile '{person}'" if person else ""))


def mark_published(engine: Engine, review_id: int, at: datetime) -> None:
    require_personal_mode("Marking a review published by its id alone")  # clinic: haven.clinic.reviews
    with session_scope(engine) as session:
        row = session.get(ConversationReview, review_id)
        if row is None:
            raise ReviewNotFound(f"no stored review {review_id}")
        row.published_at = at


def stored_summary(engine: Engine, person: str | None = DEFAULT_PERSON) -> ReviewSummary:
    """Counts over the stored reviews: what the team watches (``files`` counts reviews, as it did files)."""
    reviews = [stored.review for stored in stored_reviews(engine, person)]
    turns = [turn for review in reviews for turn in review.turns]
    count = {verdict: sum(turn.verdict == verdict for turn in turns) for verdict in Verdict}
    return ReviewSummary(
        files=len(reviews),
        turns_reviewed=len(turns),
        helpful=count[Verdict.HELPFUL],
        unhelpful=count[Verdict.UNHELPFUL],
        unsafe=count[Verdict.UNSAFE],
        approved_replies=sum(turn.usable_reply is not None for turn in turns),
        problems=0,
    )

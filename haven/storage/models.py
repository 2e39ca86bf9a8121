"""A person's data, as SQLAlchemy 2 tables. Only here and in the database: never in the vector index.

Every row belongs to a :class:`Person` (the local profile; a separate demo profile holds synthetic data), so
deleting a person deletes everything of theirs. In clinic mode a person is a signed-in identity (its
``subject``), and :class:`Share` and :class:`AccessEntry` say what they showed to which clinician and when
it was looked at.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Person(Base):
    """A local profile ('me', plus an optional clearly-marked demo profile), or in clinic mode a signed-in
    identity: ``subject`` is the identity provider's stable ``sub``, the owner of every row below."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    subject: Mapped[str | None] = mapped_column(String(255), unique=True, index=True, nullable=True, default=None)
    role: Mapped[str] = mapped_column(String(16), default="person", server_default="person")  # | "clinician"
    display_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    email: Mapped[str | None] = mapped_column(String(255), nullable=True, default=None, index=True)
    #: the first-run welcome: {"name", "focus", "skipped", "at"} once done or skipped (haven.chat.welcome)
    welcome: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, default=None)

    check_ins: Mapped[list[CheckIn]] = relationship(back_populates="person", cascade="all, delete-orphan")
    exercise_runs: Mapped[list[ExerciseRun]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    assessments: Mapped[list[AssessmentResult]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    conversations: Mapped[list[Conversation]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    reviews: Mapped[list[ConversationReview]] = relationship(
        back_populates="person", cascade="all, delete-orphan", foreign_keys="ConversationReview.person_id"
    )


class CheckIn(Base):
    """A mood check-in: mood 1-10, emotions, the person's own tags, sleep, a note."""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    mood: Mapped[int] = mapped_column(Integer)
    emotions: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="check_ins")


class ExerciseRun(Base):
    """One go at a guided exercise: answers so far (by step id), where the person is, and how it went."""

    __tablename__ = "exercise_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    exercise_id: Mapped[str] = mapped_column(String(80), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    distress_before: Mapped[int | None] = mapped_column(Integer, nullable=True)
    distress_after: Mapped[int | None] = mapped_column(Integer, nullable=True)
    helpful: Mapped[int | None] = mapped_column(
        Integer, nullable=True, doc="+1 helped, -1 did not, None not said. Ranks chat suggestions."
    )

    person: Mapped[Person] = relationship(back_populates="exercise_runs")


class AssessmentResult(Base):
    """A completed questionnaire (PHQ-9, GAD-7, WHO-5): item answers, total and band."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(16), index=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    answers: Mapped[list[int]] = mapped_column(JSON)
    total: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(String(40))

    person: Mapped[Person] = relationship(back_populates="assessments")


class Conversation(Base):
    """One chat session."""

    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    title: Mapped[str] = mapped_column(String(120), default="")
    #: What the conversation holds across turns (its risk state: a crisis holds until the person is safe).
    state: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, default=None)

    person: Mapped[Person] = relationship(back_populates="conversations")
    turns: Mapped[list[ChatTurn]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="ChatTurn.id"
    )


class ChatTurn(Base):
    """One message in a conversation, with what the assistant cited and suggested."""

    __tablename__ = "chat_turns"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    role: Mapped[str] = mapped_column(String(16))  # "user" | "assistant"
    text: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(16), default="none")  # triage level of the user's message
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)  # feelings/themes recognised
    citations: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    suggested_exercises: Mapped[list[str]] = mapped_column(JSON, default=list)
    engine: Mapped[str] = mapped_column(String(40), default="")
    notice: Mapped[str] = mapped_column(Text, default="")

    conversation: Mapped[Conversation] = relationship(back_populates="turns")


class ConversationReview(Base):
    """A clinician's review of one of the person's conversations: it quotes their words, so it lives here,
    with the rest of their data (encrypted with it, exported and deleted with it), never in the library.
    Only de-identified, approved reply pairs leave it, by ``haven review --publish``."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL"), nullable=True, index=True
    )
    reviewer: Mapped[str] = mapped_column(String(120))
    #: Clinic mode: the clinician who wrote it (their subject); None for a review made in personal mode.
    reviewer_subject: Mapped[str | None] = mapped_column(
        ForeignKey("people.subject", ondelete="SET NULL"), nullable=True, default=None, index=True
    )
    reviewed_on: Mapped[date] = mapped_column(Date)
    conversation_title: Mapped[str] = mapped_column(String(120), default="")
    #: Each reviewed reply as :class:`haven.reviews.models.ReviewedTurn` fields.
    turns: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    person: Mapped[Person] = relationship(back_populates="reviews", foreign_keys=[person_id])


class Share(Base):
    """Clinic mode: one thing a person shows one clinician, their report or one conversation, until revoked.

    Keyed by subjects, not row ids, so PostgreSQL's row-level security can decide who sees a share from the
    share alone (a policy that looked up ``people`` would recurse into the people policy, which looks here).
    """

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_subject: Mapped[str] = mapped_column(ForeignKey("people.subject", ondelete="CASCADE"), index=True)
    clinician_subject: Mapped[str] = mapped_column(ForeignKey("people.subject", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "report" | "conversation"
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), nullable=True, index=True
    )
    #: For a report: the person's :class:`haven.reports.ReportOptions` (dates, sections, picked entries).
    options: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, default=None)


class AccessEntry(Base):
    """Clinic mode: a clinician opened something a person shared. The person reads these as their audit log.

    The clinician's name is kept as it was then, so the entry still says who after their account is gone.
    """

    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    person_subject: Mapped[str] = mapped_column(ForeignKey("people.subject", ondelete="CASCADE"), index=True)
    clinician_subject: Mapped[str | None] = mapped_column(
        ForeignKey("people.subject", ondelete="SET NULL"), nullable=True, index=True
    )
    clinician_name: Mapped[str] = mapped_column(String(120))
    share_id: Mapped[int | None] = mapped_column(ForeignKey("shares.id", ondelete="SET NULL"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))  # "report" | "conversation" | "review"
    what: Mapped[str] = mapped_column(String(200))

"""One conversation as a JSON file for a clinician to review: what the person said, what Haven replied, and
what each reply cited.

This is only one conversation, chosen by the person; the whole-database export lives in ``haven.privacy``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Engine, func, select

from haven.storage.db import session_scope
from haven.storage.models import ChatTurn, Conversation, utcnow
from haven.storage.owners import find_person_id

EXPORT_FORMAT = "haven-conversation"
EXPORT_VERSION = 1


class ConversationNotFound(LookupError):
    """No conversation with that id (for that profile)."""


class InvalidConversationExport(ValueError):
    """A file that is not a conversation export Haven can read."""


class ExportedCitation(BaseModel):
    """A library passage a reply cited, as numbered in the reply ([n])."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    n: int
    doc_id: str
    title: str
    section: str = ""
    source: str = ""
    passage: str = ""

    def label(self) -> str:
        return f"[{self.n}] {self.title} - {self.section}" if self.section else f"[{self.n}] {self.title}"


class ExportedTurn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["user", "assistant"]
    text: str
    citations: list[ExportedCitation] = []
    level: str = "none"  # triage level of the person's message
    engine: str = ""  # which engine wrote an assistant turn (guide, an LLM, clinician-reviewed, ...)
    at: datetime | None = None


class ConversationExport(BaseModel):
    """The file a person hands to a reviewer, and the Review page and ``haven review`` open."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["haven-conversation"] = EXPORT_FORMAT
    version: Literal[1] = EXPORT_VERSION
    conversation_id: int
    title: str = ""
    started_at: datetime | None = None
    exported_at: datetime
    turns: list[ExportedTurn]

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json(cls, data: str | bytes) -> ConversationExport:
        """Read an export; anything else raises :class:`InvalidConversationExport` saying what is wrong."""
        try:
            return cls.model_validate_json(data)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InvalidConversationExport(
                f"not a Haven conversation export: {where + ': ' if where else ''}{first['msg']}"
            ) from None

    @property
    def file_name(self) -> str:
        return f"haven-conversation-{self.conversation_id}.json"


@dataclass(frozen=True)
class ExportableConversation:
    """A conversation the person may export, for a picker."""

    id: int
    title: str
    started_at: datetime
    turns: int

    @property
    def label(self) -> str:
        return f"{self.started_at:%d %b %Y %H:%M}: {self.title or 'New conversation'} ({self.turns} messages)"


def _turn(row: ChatTurn) -> ExportedTurn:
    citations = []
    for data in row.citations or []:
        try:
            citations.append(ExportedCitation.model_validate(data))
        except ValidationError:
            continue  # a damaged citation is left out; the message itself is still exported
    return ExportedTurn(
        role="assistant" if row.role == "assistant" else "user",
        text=row.text,
        citations=citations,
        level=row.level or "none",
        engine=row.engine or "",
        at=row.at,
    )


def export_conversation(engine: Engine, conversation_id: int, person: str | None = None) -> ConversationExport:
    """The stored conversation as an export; with ``person``, only if it is theirs."""
    with session_scope(engine) as session:
        owner = find_person_id(session, person) if person is not None else None  # first: sets the row owner
        row = session.get(Conversation, conversation_id)
        if row is not None and person is not None and row.person_id != owner:
            row = None
        if row is None:
            whose = f" for profile '{person}'" if person else ""
            raise ConversationNotFound(f"no conversation {conversation_id}{whose}")
        return ConversationExport(
            conversation_id=row.id,
            title=row.title or "",
            started_at=row.started_at,
            exported_at=utcnow(),
            turns=[_turn(turn) for turn in row.turns],
        )


def exportable_conversations(engine: Engine, person: str) -> list[ExportableConversation]:
    """The profile's conversations that have messages, newest first."""
    query = (
        select(Conversation.id, Conversation.title, Conversation.started_at, func.count(ChatTurn.id))
        .join(ChatTurn, ChatTurn.conversation_id == Conversation.id)
        .group_by(Conversation.id, Conversation.title, Conversation.started_at)
        .order_by(Conversation.started_at.desc(), Conversation.id.desc())
    )
    with session_scope(engine) as session:
        query = query.where(Conversation.person_id == find_person_id(session, person))
        return [ExportableConversation(i, t or "", s, int(n)) for i, t, s, n in session.execute(query)]

"""Conversations in the person's database: save a turn, read a conversation back, list and delete them.

Every read and delete is scoped to the profile by name, so the demo profile never sees the person's chats.
The user's message is saved before anything else happens to it, so a failure later in the turn never loses
what they typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, func, select

from haven.chat.types import Citation, ConversationSummary, TurnRecord
from haven.storage.db import get_or_create_person, session_scope
from haven.storage.models import ChatTurn, Conversation
from haven.storage.owners import find_person_id

TITLE_LENGTH = 60


class ConversationNotFound(LookupError):
    """No conversation with that id belongs to this person."""


def _owned(session, person: str, conversation_id: int) -> Conversation:
    owner = find_person_id(session, person)  # first: it also tells the database whose rows these are
    row = session.get(Conversation, conversation_id)
    if row is None or row.person_id != owner:
        raise ConversationNotFound(f"no conversation {conversation_id} for profile '{person}'")
    return row


def create_conversation(engine: Engine, person: str, title: str = "") -> int:
    with session_scope(engine) as session:
        owner = get_or_create_person(session, person)
        row = Conversation(person_id=owner.id, title=title[:TITLE_LENGTH])
        session.add(row)
        session.flush()
        return row.id


def title_for(text: str, level: str) -> str:
    """A short title from the first message; a crisis message is not echoed into the list."""
    if level == "crisis":
        return "A hard moment"
    words = " ".join(text.split())
    return words if len(words) <= TITLE_LENGTH else words[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def save_turn(
    engine: Engine,
    person: str,
    conversation_id: int,
    role: str,
    text: str,
    *,
    level: str = "none",
    topics: Iterable[str] = (),
    citations: Iterable[Citation] = (),
    suggested_exercises: Iterable[str] = (),
    engine_name: str = "",
    notice: str = "",
) -> int:
    """Append one message to the conversation; the first user message also names the conversation."""
    with session_scope(engine) as session:
        conversation = _owned(session, person, conversation_id)
        if role == "user" and not conversation.title:
            conversation.title = title_for(text, level)
        row = ChatTurn(
            conversation_id=conversation.id,
            role=role,
            text=text,
            level=level,
            topics=list(topics),
            citations=[c.model_dump(mode="json") for c in citations],
            suggested_exercises=list(suggested_exercises),
            engine=engine_name,
            notice=notice,
        )
        session.add(row)
        session.flush()
        return row.id


def _record(row: ChatTurn) -> TurnRecord:
    citations = []
    for data in row.citations or []:
        try:
            citations.append(Citation.model_validate(data))
        except ValueError:
            continue  # an old or damaged citation is dropped, the message itself still shows
    return TurnRecord(
        id=row.id,
        role="assistant" if row.role == "assistant" else "user",
        text=row.text,
        level=row.level or "none",
        topics=tuple(row.topics or ()),
        citations=tuple(citations),
        suggested_exercises=tuple(row.suggested_exercises or ()),
        engine=row.engine or "",
        notice=row.notice or "",
    )


def load_turns(engine: Engine, person: str, conversation_id: int) -> list[TurnRecord]:
    """The conversation's messages, oldest first."""
    with session_scope(engine) as session:
        conversation = _owned(session, person, conversation_id)
        return [_record(row) for row in conversation.turns]


def list_conversations(engine: Engine, person: str) -> list[ConversationSummary]:
    """This person's conversations, newest first, with how many messages each holds."""
    counts = (
        select(ChatTurn.conversation_id, func.count(ChatTurn.id).label("n"))
        .group_by(ChatTurn.conversation_id)
        .subquery()
    )
    query = (
        select(Conversation, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.conversation_id == Conversation.id)
        .order_by(Conversation.started_at.desc(), Conversation.id.desc())
    )
    with session_scope(engine) as session:
        rows = session.execute(query.where(Conversation.person_id == find_person_id(session, person))).all()
        out = []
        for conversation, n in rows:
            topics: list[str] = []
            for turn in conversation.turns:
                topics += [t for t in (turn.topics or []) if t not in topics]
            out.append(
                ConversationSummary(
                    id=conversation.id,
                    title=conversation.title or "New conversation",
                    started_at=conversation.started_at,
                    turns=int(n),
                    topics=tuple(topics),
                )
            )
        return out


def delete_conversation(engine: Engine, person: str, conversation_id: int) -> None:
    """Remove the conversation and all its messages."""
    with session_scope(engine) as session:
        session.delete(_owned(session, person, conversation_id))


def load_state(engine: Engine, person: str, conversation_id: int) -> dict:
    """What the conversation holds across turns (``{}`` for a new one)."""
    with session_scope(engine) as session:
        return dict(_owned(session, person, conversation_id).state or {})


def save_state(engine: Engine, person: str, conversation_id: int, state: dict) -> None:
    """Replace the conversation's state (a plain JSON-able dict)."""
    with session_scope(engine) as session:
        _owned(session, person, conversation_id).state = dict(state)


def started_at(engine: Engine, person: str, conversation_id: int):
    """When the conversation began (exercises finished since then belong to it)."""
    with session_scope(engine) as session:
        return _owned(session, person, conversation_id).started_at

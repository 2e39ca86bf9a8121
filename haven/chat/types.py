"""The values a chat turn passes around: what the person said, what an engine drafted, what the page draws."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from haven.content.models import Reference
from haven.retrieval.types import Hit

Role = Literal["user", "assistant"]


class Citation(BaseModel):
    """A numbered pointer from a reply to the library passage it stands on."""

    model_config = ConfigDict(frozen=True)

    n: int  # the number shown in the reply: [n]
    doc_id: str
    kind: str  # "exercise" | "article"
    title: str
    section: str
    source: str  # repo-relative path of the document
    passage: str
    references: list[Reference] = []

    @classmethod
    def of(cls, n: int, hit: Hit) -> Citation:
        return cls(
            n=n,
            doc_id=hit.doc_id,
            kind=hit.kind,
            title=hit.title,
            section=hit.section,
            source=hit.source,
            passage=hit.passage,
            references=list(hit.references),
        )

    def label(self) -> str:
        return f"{self.title} - {self.section}" if self.section else self.title


@dataclass(frozen=True)
class HistoryTurn:
    """One earlier message of the conversation, as an engine sees it."""

    role: Role
    text: str
    topics: tuple[str, ...] = ()
    suggested_exercises: tuple[str, ...] = ()
    level: str = "none"


@dataclass(frozen=True)
class Understanding:
    """What Haven recognised in a message: the kind of message, the feelings and the themes in it."""

    intent: str  # see haven.chat.understanding.INTENTS
    feelings: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    named_exercise: str | None = None  # an exercise the person asked for by name
    named_document: str | None = None  # a library document the person asked about by name

    @property
    def topics(self) -> list[str]:
        """What is stored with the turn and recalled next time: feelings first, then themes."""
        return [*self.feelings, *self.themes]


@dataclass(frozen=True)
class EngineRequest:
    """Everything an engine needs for one reply. Passages are numbered 1..n in ``hits`` order."""

    text: str
    history: tuple[HistoryTurn, ...]
    hits: tuple[Hit, ...]
    understanding: Understanding
    region: str = "US"
    help_lines: tuple[str, ...] = ()  # the region's help lines, for "I want a real person"


@dataclass(frozen=True)
class Draft:
    """An engine's reply before it is saved: the text and what it cites (passage numbers are 1-based)."""

    text: str
    citations: tuple[Citation, ...] = ()
    suggested_exercises: tuple[str, ...] = ()
    note: str = ""  # shown under the reply, e.g. that a clinician reviewed it


@dataclass(frozen=True)
class Reply:
    """One answered turn, as the page, the CLI and the notebooks receive it."""

    text: str
    level: str  # the triage level of the person's message: "none" | "concern" | "crisis"
    citations: tuple[Citation, ...] = ()
    suggested_exercises: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    engine: str = "guide"
    notice: str = ""  # e.g. "The local model did not answer, so the guide replied."
    conversation_id: int | None = None
    crisis: Any = None  # haven.safety.CrisisResponse when level == "crisis"
    concern: Any = None  # haven.safety.response.ConcernResponse for a gentle check (level "concern")

    def as_json(self) -> dict[str, Any]:
        """The stable shape of ``haven chat --json``."""
        return {
            "reply": self.text,
            "level": self.level,
            "citations": [
                {"id": c.doc_id, "title": c.title, "section": c.section, "source": c.source, "n": c.n}
                for c in self.citations
            ],
            "suggested_exercises": list(self.suggested_exercises),
            "engine": self.engine,
            "notice": self.notice,
            "conversation_id": self.conversation_id,
        }


@dataclass(frozen=True)
class TurnRecord:
    """A stored message, for drawing a past conversation."""

    id: int
    role: Role
    text: str
    level: str = "none"
    topics: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    suggested_exercises: tuple[str, ...] = ()
    engine: str = ""
    notice: str = ""

    def as_history(self) -> HistoryTurn:
        return HistoryTurn(
            role=self.role,
            text=self.text,
            topics=self.topics,
            suggested_exercises=self.suggested_exercises,
            level=self.level,
        )


@dataclass(frozen=True)
class ConversationSummary:
    """A past conversation in the list the person can open or delete."""

    id: int
    title: str
    started_at: Any  # datetime
    turns: int
    topics: tuple[str, ...] = field(default_factory=tuple)

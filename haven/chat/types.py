"""The values a chat turn passes around: what the person said, what an engine drafted, what the page draws."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from haven.chat.dialogue import DialogueState
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
    #: the passages the reply cited, as (document id, section): what "what does that mean?" asks about
    cited: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Understanding:
    """What Haven recognised in a message: the kind of message, the feelings and the themes in it."""

    intent: str  # see haven.chat.understanding.INTENTS
    feelings: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    named_exercise: str | None = None  # an exercise the person asked for by name
    named_document: str | None = None  # a library document the person asked about by name
    mode: str = "talking"  # haven.chat.dialogue.MODES: how the conversation goes on after this message
    outcome: str | None = None  # for "tried": "helped" | "not_helped" | None (not said)
    exercise: str | None = None  # the exercise an accept, a decline or a tried-it is about
    facts: tuple[tuple[str, str, str], ...] = ()  # (topic, what, value): "study", "when", "tomorrow"
    avoid: tuple[str, ...] = ()  # kinds of exercise the person does not want ("breathing", "exercise")
    options: bool = False  # the person asked for options, so more than one exercise may be offered
    condition: str | None = None  # "do I have anxiety?": the condition asked about (never diagnosed)
    answers: bool = False  # the message answers Haven's pending question
    situation: str | None = None  # the everyday situation it tells (haven.chat.situations), when clearly one
    asks_how: bool = False  # a question asking what to do ("how do I bring it up?"): help asked for ends "just listen"

    def as_json(self) -> dict[str, Any]:
        """The ``understood`` part of ``haven chat --json``."""
        return {
            "intent": self.intent,
            "feelings": list(self.feelings),
            "themes": list(self.themes),
            "mode": self.mode,
        }

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
    dialogue: DialogueState = field(default_factory=DialogueState)  # the conversation so far (before this turn)
    #: ``text`` as haven.chat.understanding.normalise gives it, built once by the service: the guide reads the
    #: message through a dozen patterns per reply, and normalising it for each was the same work over and over.
    #: Left empty, it is worked out here (a request built by hand, in a test or a notebook).
    normalised: str = ""
    #: exercises that have helped this person before, most first (haven.chat.memory.exercise_preferences): in the
    #: moment, what worked for them is offered before the usual first choice
    helped_before: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.normalised and self.text:
            from haven.chat.understanding import normalise  # understanding imports this module

            object.__setattr__(self, "normalised", normalise(self.text))


@dataclass(frozen=True)
class Draft:
    """An engine's reply before it is saved: the text and what it cites (passage numbers are 1-based)."""

    text: str
    citations: tuple[Citation, ...] = ()
    suggested_exercises: tuple[str, ...] = ()
    note: str = ""  # shown under the reply, e.g. that a clinician reviewed it


@dataclass(frozen=True)
class TurnStarted:
    """Streamed before the first piece of a reply: the conversation the turn belongs to.

    A page that is interrupted while the reply appears (another message sent, another button clicked) still
    knows which conversation to go on with, so the next message does not open a new one.
    """

    conversation_id: int


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
    understood: Understanding | None = None  # what the guide read in the message (None: the safety layer answered)

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
            "conversation": self.conversation_id,
            "understood": self._understood(),
        }

    def _understood(self) -> dict[str, Any]:
        """What was read; a safety reply is a crisis (or a concern) held by the safety layer."""
        if self.understood is not None:
            return self.understood.as_json()
        intent = (
            "crisis" if self.level == "crisis" else "concern" if self.engine == "safety" else "acknowledgement"
        )
        mode = "crisis" if self.engine == "safety" else "talking"
        return {"intent": intent, "feelings": [], "themes": [], "mode": mode}


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
            cited=tuple((c.doc_id, c.section) for c in self.citations),
        )


@dataclass(frozen=True)
class ConversationSummary:
    """A past conversation in the list the person can open or delete."""

    id: int
    title: str
    started_at: Any  # datetime
    turns: int
    topics: tuple[str, ...] = field(default_factory=tuple)

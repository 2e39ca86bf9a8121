"""Risk across a conversation: a crisis is not forgotten one turn later, and a misread can be corrected.

The state, kept with each conversation, moves like this:

    clear / concern --crisis--> crisis --"I'm safe"--> checking --"yes, I'm safe"--> clear
                                  |  \\__ anything else: the crisis response again (``held``), never an exercise
                                  \\__ "I'm not going to hurt anyone, I'm just annoyed" --> concern (a gentle check)

- While a crisis holds, every reply comes from the crisis response, whatever the person writes; a question
  about means ("how many would be enough?") is recognised so the reply can decline it kindly.
- "I'm safe" is checked once more before Haven goes back to ordinary conversation.
- A correction steps down to ``concern``, never to the same card again, and only when the rest of the message
  holds no risk of its own ("I'm not suicidal. I just have the rope in the garage" stays a crisis).
- An answer is read with the question it answers: "yes" to Haven's check-in question is a crisis; "Starting
  tonight" to "Which change will you try first?" is not.
- After a concern, the next message is also read together with the last few, so risk spread over several
  short messages is seen as a whole.

The phrases live in ``conversation.yaml``; this module holds the moves. It is used by the chat service (with
the state stored per conversation) and by ``triage(text, context)`` (with the state replayed from context).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from haven.safety.patterns import model_sentences
from haven.safety.triage import Triage, most_urgent, read_message, worse

CONVERSATION_FILE = Path(__file__).with_name("conversation.yaml")
HAVEN_PREFIXES = ("haven:", "assistant:", "bot:")
#: Earlier person messages read together with a message that follows a concern.
RECENT_MESSAGES = 3

StateLevel = Literal["clear", "concern", "crisis", "checking"]
ReplyKind = Literal["normal", "concern", "crisis", "held", "check", "back", "step_down"]


@dataclass(frozen=True)
class RiskState:
    """Where a conversation stands on risk. Stored with the conversation as a plain dict."""

    level: StateLevel = "clear"
    category: str | None = None
    audience: str | None = None
    held: int = 0  # replies given while this crisis held
    recent: tuple[str, ...] = field(default=())  # the last few person messages, for reading them together

    @property
    def holds_crisis(self) -> bool:
        return self.level in ("crisis", "checking")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> RiskState:
        """A stored state; anything unreadable is treated as clear rather than blocking the chat."""
        if not data:
            return cls()
        try:
            return cls(
                level=data.get("level", "clear"),
                category=data.get("category"),
                audience=data.get("audience"),
                held=int(data.get("held", 0)),
                recent=tuple(data.get("recent", ()))[-RECENT_MESSAGES:],
            )
        except (TypeError, ValueError):
            return cls()


@dataclass(frozen=True)
class Assessment:
    """One message read in its conversation: its triage, the state after it, and the kind of reply it needs."""

    triage: Triage
    state: RiskState
    reply: ReplyKind
    asked_for_means: bool = False


@dataclass(frozen=True)
class _Phrases:
    safe: re.Pattern[str]
    affirmative: re.Pattern[str]
    negative: re.Pattern[str]
    check_question: re.Pattern[str]
    correction: re.Pattern[str]
    means: re.Pattern[str]


@lru_cache(maxsize=1)
def _phrases(path: Path = CONVERSATION_FILE) -> _Phrases:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _Phrases(**{name: re.compile(data[name]) for name in _Phrases.__dataclass_fields__})


def _plain(text: str | None) -> str:
    return " ".join(model_sentences(text or ""))


def is_haven(message: str) -> bool:
    return message.strip().lower().startswith(HAVEN_PREFIXES)


def _strip_speaker(message: str) -> str:
    return message.split(":", 1)[1].strip() if is_haven(message) else message


def _remember(state: RiskState, text: str) -> tuple[str, ...]:
    return (*state.recent, text)[-RECENT_MESSAGES:]


def assess(text: str, state: RiskState | None = None, question: str | None = None) -> Assessment:
    """Read one message given the conversation's state and the question it answers (Haven's last words)."""
    state = state or RiskState()
    phrases = _phrases()
    words = _plain(text)
    alone = read_message(text, question)
    recent = _remember(state, text)
    answered_check = bool(question) and bool(phrases.check_question.search(_plain(question)))
    yes = bool(phrases.affirmative.search(words)) and not phrases.negative.search(words)
    no = bool(phrases.negative.search(words))
    if state.holds_crisis:
        return _while_crisis(text, words, state, alone, recent, answered_check, yes, no, phrases)
    corrects = bool(phrases.correction.search(words))
    if corrects and state.level == "concern" and not alone.is_crisis:
        category = state.category or alone.category
        verdict = Triage("concern", category, "the person corrected a misread: " + words[:120], state.audience)
        return Assessment(verdict, RiskState("clear", recent=recent), "step_down")
    if answered_check and yes and not alone.is_crisis:
        category = state.category or alone.category or "suicide"
        verdict = Triage("crisis", category, "yes to Haven's check-in question", state.audience or "self")
        return Assessment(verdict, RiskState("crisis", category, verdict.audience, 0, recent), "crisis")
    if alone.is_crisis:
        return Assessment(alone, RiskState("crisis", alone.category, alone.audience, 0, recent), "crisis")
    if state.level == "concern" and not (answered_check and no) and not corrects and len(recent) > 1:
        together = read_message(" . ".join(recent))
        if together.is_crisis:
            verdict = replace(together, evidence="read with the messages before it: " + together.evidence)
            return Assessment(verdict, RiskState("crisis", verdict.category, verdict.audience, 0, recent), "crisis")
    if alone.level == "concern":
        return Assessment(alone, RiskState("concern", alone.category, alone.audience, 0, recent), "concern")
    return Assessment(alone, RiskState("clear", recent=recent), "normal")


def _while_crisis(
    text: str,
    words: str,
    state: RiskState,
    alone: Triage,
    recent: tuple[str, ...],
    answered_check: bool,
    yes: bool,
    no: bool,
    phrases: _Phrases,
) -> Assessment:
    """A message while a crisis holds: it holds until the person says they are safe and confirms it."""
    category = state.category or "suicide"
    audience = state.audience or "self"
    says_safe = bool(phrases.safe.search(words)) or (answered_check and yes)
    if says_safe and alone.is_crisis:
        # "I called the lifeline and I'm safe now": read what is left once the safety words are taken out, so
        # words about help are not mistaken for risk, while "I'm safe but I still have the pills" stays a crisis
        rest = " ".join(phrases.safe.sub(" ", words).split())
        alone = read_message(rest) if len(rest.split()) >= 3 else Triage("none", None, "")
    if not alone.is_crisis and phrases.correction.search(words) and state.level == "crisis":
        verdict = Triage("concern", category, "the person corrected a misread: " + words[:120], audience)
        return Assessment(verdict, RiskState("concern", category, audience, 0, recent), "step_down")
    if state.level == "checking" and says_safe and not alone.is_crisis and not no:
        verdict = Triage("none", None, "confirmed safe after a crisis earlier in this conversation")
        return Assessment(verdict, RiskState("clear", recent=recent), "back")
    if state.level == "crisis" and says_safe and not alone.is_crisis and not no:
        verdict = Triage("concern", category, "said they are safe; checking once more", audience)
        return Assessment(verdict, RiskState("checking", category, audience, state.held + 1, recent), "check")
    if alone.is_crisis:
        category = most_urgent([category, alone.category or category])
    verdict = worse(
        Triage("crisis", category, "a crisis earlier in this conversation still holds", audience), alone
    )
    if verdict is alone:
        verdict = replace(alone, category=category)
    means = bool(phrases.means.search(words))
    return Assessment(verdict, RiskState("crisis", category, audience, state.held + 1, recent), "held", means)


def replay(context: Sequence[str]) -> tuple[RiskState, str | None]:
    """The state after earlier messages (oldest first), and Haven's last words if they end the context.

    Haven's own messages (starting "haven:") are not triaged; each is the question the next message answers.
    """
    state, question = RiskState(), None
    for message in context:
        if not isinstance(message, str) or not message.strip():
            continue
        if is_haven(message):
            question = _strip_speaker(message)
            continue
        state = assess(message, state, question).state
        question = None
    return state, question

"""A clinician's review as data: each assistant reply with its verdict, a comment and perhaps a better reply.

The same models check a review written in the app, in ``haven review`` or by hand in YAML, so a file that
loads is a file the matcher can trust. Only an *approved* better reply is ever shown to a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from haven.reviews.export import ConversationExport, ExportedCitation

MAX_REPLY_CHARS = 4000
#: Stands in for the person's message when Haven spoke first; never matched against new messages.
NO_MESSAGE = "(no message: Haven spoke first)"


class Verdict(StrEnum):
    HELPFUL = "helpful"
    UNHELPFUL = "unhelpful"
    UNSAFE = "unsafe"


class ReviewedTurn(BaseModel):
    """One assistant reply as reviewed. Field order matters: later checks read earlier fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    user_message: str = Field(min_length=1, description="What the person said just before the reply.")
    original_reply: str = Field(min_length=1, description="What Haven replied.")
    verdict: Verdict
    comment: str = Field(default="", validate_default=True)
    better_reply: str = Field(default="", max_length=MAX_REPLY_CHARS)
    approved: bool = Field(default=False, description="The better reply may be shown to people as it is.")

    @field_validator("comment")
    @classmethod
    def _unsafe_says_why(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("verdict") == Verdict.UNSAFE and not value:
            raise ValueError("a reply marked unsafe needs a comment saying why")
        return value

    @field_validator("approved")
    @classmethod
    def _approved_needs_reply(cls, value: bool, info: ValidationInfo) -> bool:
        if value and not info.data.get("better_reply"):
            raise ValueError("approved is true but there is no better_reply to approve")
        return value

    @property
    def usable_reply(self) -> str | None:
        """The better reply the chat may use: approved, and not from a turn marked unsafe."""
        if self.approved and self.better_reply and self.verdict in (Verdict.HELPFUL, Verdict.UNHELPFUL):
            return self.better_reply
        return None


class Review(BaseModel):
    """A review file: who reviewed, when, and each reviewed turn."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    reviewer: str = Field(min_length=2, max_length=120)
    reviewed_on: date
    conversation_id: int | None = None
    conversation_title: str = ""
    turns: list[ReviewedTurn] = Field(min_length=1)


@dataclass(frozen=True)
class ReviewPair:
    """An assistant reply to review, with the person's message it answered (index: the reply's turn index)."""

    index: int
    user_message: str
    reply: str
    citations: tuple[ExportedCitation, ...] = ()
    level: str = "none"


@dataclass(frozen=True)
class TurnMark:
    """What a reviewer entered for one reply."""

    verdict: Verdict
    comment: str = ""
    better_reply: str = ""
    approved: bool = False


class ReviewInvalid(ValueError):
    """A review that cannot be saved; ``messages`` says why, one line per problem."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def review_pairs(export: ConversationExport) -> list[ReviewPair]:
    """Every assistant turn with the user message before it (a greeting before any message pairs with '')."""
    pairs, last_user, last_level = [], "", "none"
    for index, turn in enumerate(export.turns):
        if turn.role == "user":
            last_user, last_level = turn.text, turn.level
        else:
            pairs.append(ReviewPair(index, last_user, turn.text, tuple(turn.citations), last_level))
    return pairs


def _messages(error: ValidationError, pairs: list[ReviewPair]) -> list[str]:
    out = []
    for item in error.errors():
        loc = list(item["loc"])
        where = ""
        if loc[:1] == ["turns"] and len(loc) > 1 and isinstance(loc[1], int):
            where = f"reply {pairs[loc[1]].index + 1}: " if loc[1] < len(pairs) else f"turn {loc[1] + 1}: "
            loc = loc[2:]
        field = ".".join(str(p) for p in loc)
        message = item["msg"].removeprefix("Value error, ")
        out.append(f"{where}{field + ': ' if field else ''}{message}")
    return out


def make_review(
    export: ConversationExport, reviewer: str, marks: dict[int, TurnMark], reviewed_on: date | None = None
) -> Review:
    """A review of ``export`` from ``marks`` (by reply turn index); replies left unmarked are left out."""
    pairs = [pair for pair in review_pairs(export) if pair.index in marks]
    turns = [
        {
            "user_message": pair.user_message or NO_MESSAGE,
            "original_reply": pair.reply,
            "verdict": marks[pair.index].verdict,
            "comment": marks[pair.index].comment,
            "better_reply": marks[pair.index].better_reply,
            "approved": marks[pair.index].approved,
        }
        for pair in pairs
    ]
    try:
        return Review.model_validate(
            {
                "reviewer": reviewer,
                "reviewed_on": reviewed_on or date.today(),
                "conversation_id": export.conversation_id,
                "conversation_title": export.title,
                "turns": turns,
            }
        )
    except ValidationError as error:
        raise ReviewInvalid(_messages(error, pairs)) from None

"""From a stored review to a library file: only approved reply pairs, de-identified, by an explicit step.

Why a step of its own: the reviewed dir (``knowledge/reviewed``) is part of the library, shared with
everyone who installs it, while a review quotes one person. What may leave is the part the chat can use
(an approved better reply, and the message it answers, so a close message can be matched) with what
identifies the person replaced by placeholders: names, places, dates and numbers, contact details. The
person who publishes sees each pair as it will be written and may edit the message first.
Comments, the verdicts of other turns, the conversation's id and title never leave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from haven.reviews.files import save_review
from haven.reviews.models import NO_MESSAGE, Review, ReviewedTurn, Verdict

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b"), "[email]"),
    (re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I), "[link]"),
    (re.compile(r"@\w{2,}"), "[handle]"),
    (re.compile(r"(?<!\w)\+?\d[\d\s().-]{6,}\d(?!\w)"), "[number]"),
    (re.compile(r"\b\d{1,4}([/.-])\d{1,2}\1\d{1,4}\b"), "[date]"),
    (re.compile(r"\b\d+\b"), "[number]"),
    (re.compile(r"\b((?i:my name is|i am|i'm|call me|called|named))\s+[A-Z][\w'-]+"), r"\1 [name]"),
)
#: A capitalised word that does not start a sentence is taken for a name or a place.
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)(?<![.!?]\"\s)\b[A-Z][a-z][\w'-]*")
_KEEP = {"I", "I'm", "I've", "I'd", "I'll", "Haven", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
         "Saturday", "Sunday", "Christmas", "God", "OK"}  # fmt: skip


def deidentify(text: str) -> str:
    """``text`` with names, places, numbers, dates and contact details replaced by placeholders."""
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return _PROPER.sub(lambda m: m.group(0) if m.group(0) in _KEEP else "[name]", text)


@dataclass(frozen=True)
class PublishablePair:
    """An approved pair as it would be published: the de-identified message and the better reply."""

    user_message: str
    original_reply: str
    better_reply: str
    verdict: Verdict = Verdict.UNHELPFUL


def publishable_pairs(review: Review) -> list[PublishablePair]:
    """The pairs of ``review`` the chat may use (approved, not unsafe, answering a message), de-identified."""
    return [
        PublishablePair(deidentify(turn.user_message), deidentify(turn.original_reply), turn.better_reply, turn.verdict)
        for turn in review.turns
        if turn.usable_reply and turn.user_message != NO_MESSAGE
    ]


def published_review(review: Review, pairs: list[PublishablePair], on: date | None = None) -> Review:
    """The review file to publish: only ``pairs``, no comment, no conversation id or title."""
    turns = [
        ReviewedTurn(user_message=p.user_message, original_reply=p.original_reply, verdict=p.verdict,
                     better_reply=p.better_reply, approved=True)  # fmt: skip
        for p in pairs
    ]
    return Review(reviewer=review.reviewer, reviewed_on=on or review.reviewed_on, turns=turns)


def publish(review: Review, pairs: list[PublishablePair], directory: Path | None = None) -> Path:
    """Write the de-identified ``pairs`` of ``review`` as a new library review file; returns its path."""
    return save_review(published_review(review, pairs), directory)


__all__ = ["PublishablePair", "deidentify", "publish", "publishable_pairs", "published_review"]

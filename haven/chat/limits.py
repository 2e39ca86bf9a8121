"""How much of a chat message each step reads, and what an empty one gets.

Why: triage must read every word for risk (it reads long text in windows), but understanding, search and
the engines only need the gist, and fed a 200,000-character message they took half a minute and most of a
gigabyte. So they get a bounded part, cut at a sentence or word boundary, and the person is told kindly
that the reply is about the first part. The whole message is still saved: nothing a person writes is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters of a message that understanding, search and the engines read (about 700 words).
MAX_USED_CHARS = 4000
#: Characters of each earlier turn handed to an engine as history.
MAX_HISTORY_CHARS = MAX_USED_CHARS

EMPTY_REPLY = "I didn't catch any words there. Take your time, and write whenever you're ready."
LONG_NOTICE = (
    "That was a long message, thank you for sharing it. All of it is saved, and Haven checked all of it for "
    "anything urgent, but this reply is about the first part (roughly {words} words). If something later on "
    "matters most, you could send it on its own."
)

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


@dataclass(frozen=True)
class Bounded:
    """The part of a message the chat's steps read, and whether anything was left out."""

    text: str
    cut: bool

    @property
    def notice(self) -> str:
        """The kind note for a cut message ("" when nothing was cut)."""
        return LONG_NOTICE.format(words=_round(len(self.text.split()))) if self.cut else ""


def is_empty(text: str | None) -> bool:
    """Nothing but spaces (or nothing at all): no turn is saved for it."""
    return not (text or "").strip()


def bounded(text: str, limit: int = MAX_USED_CHARS) -> Bounded:
    """``text`` up to ``limit`` characters, ending at the last sentence end (else word break) before the cut."""
    text = text.strip()
    if len(text) <= limit:
        return Bounded(text, False)
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] > limit // 2:
        return Bounded(head[: ends[-1]].strip(), True)
    space = head.rfind(" ")
    return Bounded((head[:space] if space > limit // 2 else head).strip(), True)


def _round(words: int) -> int:
    return max(10, round(words, -1) if words >= 100 else words)

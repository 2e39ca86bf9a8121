"""Clinician-approved replies for messages close to ones a clinician reviewed.

The chat asks :meth:`ReviewedReplies.match` after triage (which always runs first). A match needs cosine
similarity of at least :data:`MATCH_THRESHOLD` between the new message and a reviewed user message, with the
same embeddings retrieval uses. Only approved better replies from turns marked helpful or unhelpful count:
a turn marked unsafe is a warning, never a reply. The reviewed messages are embedded in memory, never put
in the vector index.

The threshold was chosen on all-MiniLM-L6-v2 similarities (see ``tests/reviews/test_matcher.py``): close
paraphrases of a reviewed message score about 0.82-0.93; messages on the same topic about a different
situation ("worried about my exam results" against "can't sleep before exams") score 0.4-0.68. A reviewed
reply fitted to the wrong message is worse than the guide's own reply, so the bar sits above the near misses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from haven.reviews.files import load_reviews
from haven.reviews.models import NO_MESSAGE

MATCH_THRESHOLD = 0.80


@dataclass(frozen=True)
class ReviewedReply:
    """An approved better reply, where it came from, and how close the new message was (0-1)."""

    text: str
    user_message: str
    reviewer: str
    reviewed_on: date
    source: Path
    similarity: float = 0.0


class ReviewedReplies:
    """Approved better replies with their reviewed messages' embeddings, ready to match new messages."""

    def __init__(self, replies: list[ReviewedReply], vectors: np.ndarray, threshold: float = MATCH_THRESHOLD):
        self.replies = replies
        self.vectors = vectors
        self.threshold = threshold

    @classmethod
    def load(cls, directory: Path | None = None, threshold: float = MATCH_THRESHOLD) -> ReviewedReplies:
        """The usable replies in ``directory`` (the reviewed dir by default); invalid files are skipped."""
        loaded, _problems = load_reviews(directory)
        replies = [
            ReviewedReply(
                turn.usable_reply, turn.user_message, item.review.reviewer, item.review.reviewed_on, item.path
            )
            for item in loaded
            for turn in item.review.turns
            if turn.usable_reply and turn.user_message != NO_MESSAGE
        ]
        replies.sort(key=lambda r: r.reviewed_on, reverse=True)  # on a tie the newest review wins
        if not replies:
            return cls([], np.zeros((0, 0), dtype=np.float32), threshold)
        from haven.retrieval.embeddings import embed

        return cls(replies, embed([r.user_message for r in replies]), threshold)

    def __len__(self) -> int:
        return len(self.replies)

    def similarities(self, text: str) -> np.ndarray:
        """Cosine similarity of ``text`` to each reviewed message (the vectors are unit length)."""
        if not self.replies:
            return np.zeros(0, dtype=np.float32)
        from haven.retrieval.embeddings import embed_one

        return self.vectors @ embed_one(text)

    def match(self, text: str) -> ReviewedReply | None:
        """The approved reply for the closest reviewed message, if it is at least ``threshold`` close."""
        if not self.replies or not text.strip():
            return None
        scores = self.similarities(text)
        best = int(np.argmax(scores))
        if float(scores[best]) < self.threshold:
            return None
        return replace(self.replies[best], similarity=float(scores[best]))

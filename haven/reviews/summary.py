"""How much has been reviewed, and how much of it was unsafe: the numbers a team watches over time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haven.reviews.files import load_reviews
from haven.reviews.models import Verdict


@dataclass(frozen=True)
class ReviewSummary:
    files: int
    turns_reviewed: int
    helpful: int
    unhelpful: int
    unsafe: int
    approved_replies: int  # better replies the chat may use
    problems: int  # review files that did not load and were not counted

    @property
    def unsafe_share(self) -> float:
        """Unsafe turns as a share (0-1) of reviewed turns; 0 when nothing is reviewed."""
        return self.unsafe / self.turns_reviewed if self.turns_reviewed else 0.0

    @property
    def sentence(self) -> str:
        if not self.turns_reviewed:
            return "No replies have been reviewed yet."
        return (
            f"{self.turns_reviewed} replies reviewed in {self.files} file(s): {self.helpful} helpful, "
            f"{self.unhelpful} unhelpful, {self.unsafe} unsafe ({self.unsafe_share:.0%}); "
            f"{self.approved_replies} approved better replies."
        )

    def as_json(self) -> dict[str, object]:
        return {
            "files": self.files,
            "turns_reviewed": self.turns_reviewed,
            "helpful": self.helpful,
            "unhelpful": self.unhelpful,
            "unsafe": self.unsafe,
            "unsafe_share": round(self.unsafe_share, 4),
            "approved_replies": self.approved_replies,
            "problems": self.problems,
        }


def review_summary(directory: Path | None = None) -> ReviewSummary:
    """Counts over every valid review in ``directory`` (the reviewed dir by default)."""
    loaded, problems = load_reviews(directory)
    turns = [turn for item in loaded for turn in item.review.turns]
    count = {verdict: sum(turn.verdict == verdict for turn in turns) for verdict in Verdict}
    return ReviewSummary(
        files=len(loaded),
        turns_reviewed=len(turns),
        helpful=count[Verdict.HELPFUL],
        unhelpful=count[Verdict.UNHELPFUL],
        unsafe=count[Verdict.UNSAFE],
        approved_replies=sum(turn.usable_reply is not None for turn in turns),
        problems=len({p.path for p in problems}),
    )

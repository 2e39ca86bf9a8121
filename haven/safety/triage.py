"""``triage(text)``: is this a crisis? Runs on every piece of a person's text before anything else.

Two layers, either of which can say crisis, and neither of which can overrule the other's crisis:
  1. patterns (``patterns.yaml``): precise regular expressions over normalised text, with denials masked
     and narrow frames that cancel only weak mentions (a film about suicide, an accident while cooking);
  2. similarity (``exemplars.yaml``): the meaning of the text against curated crisis and safe exemplars,
     corroborated by a weak risk cue (``patterns.yaml`` ``risk_cues``) unless the match is very close.
Recall is never traded away: a strong pattern is never cancelled, and when the patterns are silent the
similarity layer still looks. When both are silent the answer is ``none``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from haven.safety.patterns import PatternHit, match, prepare
from haven.safety.semantic import assess

Level = Literal["crisis", "none"]

#: Categories, most urgent first: when several match, the first one decides the wording of the response.
CATEGORIES: tuple[str, ...] = (
    "medical_emergency",
    "command_voices",
    "suicide_self_harm",
    "harm_to_others",
    "danger_at_home",
)


@dataclass(frozen=True)
class Triage:
    """The outcome for one text: ``level`` crisis or none, the most urgent ``category``, and why."""

    level: Level
    category: str | None
    evidence: str

    @property
    def is_crisis(self) -> bool:
        return self.level == "crisis"

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


NONE_EMPTY = Triage("none", None, "")


def _most_urgent(categories: list[str]) -> str:
    return min(categories, key=CATEGORIES.index)


def _pattern_evidence(hits: list[PatternHit]) -> str:
    seen: dict[str, str] = {}
    for hit in hits:
        seen.setdefault(hit.pattern.id, hit.matched)
    return "; ".join(f'pattern {pid}: "{words}"' for pid, words in seen.items())


def triage(text: str | None) -> Triage:
    """Triage one piece of a person's text (chat message, journal entry, exercise answer, PHQ-9 item 9)."""
    if text is None or not text.strip():
        return NONE_EMPTY
    prepared = prepare(text)
    hits = match(prepared)
    if hits:
        category = _most_urgent([hit.pattern.category for hit in hits])
        return Triage("crisis", category, _pattern_evidence(hits))
    semantic = assess(prepared)
    if semantic is not None and semantic.crisis:
        evidence = (
            f'similar to exemplar "{semantic.exemplar}" ({semantic.similarity:.2f}; '
            f"nearest safe {semantic.safe_similarity:.2f})"
        )
        return Triage("crisis", semantic.category, evidence)
    if prepared.denials:
        return Triage("none", None, "denied: " + "; ".join(prepared.denials))
    return Triage("none", None, "")

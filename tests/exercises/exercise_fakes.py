"""A stand-in crisis triage for the exercise tests (the real one is tested in tests/safety)."""

from __future__ import annotations

from dataclasses import dataclass

CRISIS_WORDS = "end it all"
CONCERN_WORDS = "disappear for a while"


@dataclass(frozen=True)
class FakeTriage:
    level: str
    category: str | None = None
    evidence: str | None = None
    audience: str | None = None


def fake_triage(text: str, question: str = "", context=None) -> FakeTriage:
    """Crisis when the text holds CRISIS_WORDS: enough to check the runner's wiring, not the triage itself."""
    if CRISIS_WORDS in text.lower():
        return FakeTriage("crisis", "suicidal_ideation", CRISIS_WORDS)
    if CONCERN_WORDS in text.lower():
        return FakeTriage("concern", "suicide", CONCERN_WORDS, "self")
    return FakeTriage("none")

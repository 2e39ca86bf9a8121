"""The ids of the patterns a message fires, for tests that check one pattern fires or is cancelled by its frame."""

from __future__ import annotations

from haven.safety.patterns import match, prepare


def pattern_ids(text: str) -> set[str]:
    """Every pattern id that fires anywhere in ``text``, frames applied."""
    return {hit.pattern.id for hit in match(prepare(text))}

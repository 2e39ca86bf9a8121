"""Citation markers in a model's reply: keep the ones that point at a passage it was given, drop the rest.

A model may invent "[7]" when it was shown five passages, or cite [4] and [2] but not [1]. Markers are
checked as the text streams: a known one is renumbered in order of first use ([4] becomes [1]), an unknown one
is removed, so every number a person sees opens a real passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from haven.chat.types import Citation
from haven.retrieval.types import Hit

MARKER = re.compile(r"\s?\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")


class CitationChecker:
    """Cleans markers in successive pieces of one reply against the passages given to the model."""

    def __init__(self, hits: Sequence[Hit]) -> None:
        self.hits = list(hits)
        self._renumber: dict[int, int] = {}
        self.removed: list[int] = []

    def _replace(self, match: re.Match) -> str:
        kept = []
        for part in match.group(1).split(","):
            original = int(part.strip())
            if 1 <= original <= len(self.hits):
                new = self._renumber.setdefault(original, len(self._renumber) + 1)
                if new not in kept:
                    kept.append(new)
            else:
                self.removed.append(original)
        if not kept:
            return ""
        lead = " " if match.group(0).startswith((" ", "\t", "\n")) else ""
        return lead + "".join(f"[{n}]" for n in kept)

    def clean(self, text: str) -> str:
        """``text`` with its markers renumbered or removed. Call with whole sentences, in order."""
        return MARKER.sub(self._replace, text)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The passages cited so far, by their new numbers."""
        return tuple(
            Citation.of(new, self.hits[old - 1])
            for old, new in sorted(self._renumber.items(), key=lambda kv: kv[1])
        )

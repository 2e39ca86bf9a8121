"""Split a message that raises several problems into its clauses, so each problem gets its own document.

"I can't sleep and I keep snapping at my partner" is two requests. Read whole, both rankings blend them and
the top three often hold three documents about one of them. Each clause here is read by the learned layer on
its own (``search._second_issues``); only a clause it is sure about raises a document, so an "and" inside a
single story ("I yelled and then cried") changes nothing.
"""

from __future__ import annotations

import re

MAX_WORDS = 40  # a longer message is a story, rarely a list of problems; and each clause costs an embedding
MIN_WORDS = 3  # "and also" alone is not a problem
MAX_CLAUSES = 3

_SPLIT = re.compile(
    r"[.!?;\n]+|"
    r",?\s+\b(?:and|but)\s+(?:also|on top of that|as well|plus)\b|"
    r"\b(?:on top of that|as well as that|and another thing|plus|also)\b|"
    r",?\s+\band\s+(?=(?:i|i'm|i've|i'd|im|ive|my|me|what|how|can|could|is|does|should)\b)|"
    r",\s+\band\s+",
    re.IGNORECASE,
)


def clauses(text: str) -> list[str]:
    """The clauses of a short message that may each be a problem of its own ([] when it is one)."""
    if len(text.split()) > MAX_WORDS:
        return []
    parts = [p.strip(" ,") for p in _SPLIT.split(text)]
    parts = [p for p in parts if len(p.split()) >= MIN_WORDS]
    return parts[:MAX_CLAUSES] if len(parts) > 1 else []

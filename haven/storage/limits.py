"""Limits every stored value keeps, whoever writes it: a form, the chat, or an imported file.

Why one place: an import once accepted mood 999, a year of 9999 and a 20-digit integer that the forms
would never have let through; the report then averaged mood 999 and a chart overflowed. The forms'
models and the import's rules both read these numbers, so a value either fits everywhere or nowhere.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: The earliest moment a record may carry (a diary can go back a long way, not before this).
EARLIEST = datetime(1900, 1, 1)
#: How far ahead of now a record may be dated (clocks between devices disagree a little, never by a year).
AHEAD = timedelta(days=2)
#: Whole numbers fit a signed 64-bit column on SQLite and PostgreSQL alike.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
#: The longest text kept in one field of an import (a message, an answer): about 400 pages. The chat saves
#: a message whole, however long (it reads only the start), so this sits far above anything typed.
MAX_TEXT_CHARS = 1_000_000
#: How deep structured values (an exercise's answers, a conversation's state) may nest.
MAX_DEPTH = 16
#: A check-in's own limits, shared by the Mood form and the import.
MAX_NOTE_CHARS = 100_000
MAX_TAGS = 100
MAX_TAG_CHARS = 200


def latest() -> datetime:
    """The latest moment a record may carry now (naive UTC, like the database)."""
    return datetime.now(UTC).replace(tzinfo=None) + AHEAD


def time_problem(value: datetime) -> str | None:
    """Why ``value`` is not a plausible time for a record, or None when it is."""
    naive = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    if naive < EARLIEST:
        return f"{value.isoformat()} is before {EARLIEST.year}"
    if naive > latest():
        return f"{value.isoformat()} is in the future"
    return None


def depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests (lists and dicts), counting no further than ``limit + 1``."""
    if not isinstance(value, dict | list):
        return 0
    children = value.values() if isinstance(value, dict) else value
    if not any(isinstance(child, dict | list) for child in children):
        return 1  # the common case (a list of tags, a flat object): no walk needed
    deepest, level = 0, [(value, 0)]
    while level:
        item, d = level.pop()
        if isinstance(item, dict | list) and d <= limit:
            deepest = max(deepest, d + 1)
            level.extend((child, d + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest

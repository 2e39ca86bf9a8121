"""Choosing an exercise: filter the library by what the person needs (tags), approach and time they have."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from haven.content.models import Exercise


def filter_exercises(
    exercises: Iterable[Exercise],
    *,
    needs: Iterable[str] = (),
    approaches: Iterable[str] = (),
    max_minutes: int | None = None,
) -> list[Exercise]:
    """Exercises that match any chosen need, any chosen approach and fit in the time; shortest first.

    An empty filter lets everything through, so a person who picks nothing still sees the whole list.
    """
    wanted_tags, wanted_approaches = set(needs), set(approaches)
    kept = [
        ex
        for ex in exercises
        if (not wanted_tags or wanted_tags & set(ex.tags))
        and (not wanted_approaches or ex.approach.value in wanted_approaches)
        and (max_minutes is None or ex.duration_minutes <= max_minutes)
    ]
    return sorted(kept, key=lambda ex: (ex.duration_minutes, ex.title.lower()))


def need_tags(exercises: Iterable[Exercise]) -> list[str]:
    """Every tag used, most used first (ties alphabetical): the 'what do you need' choices."""
    counts = Counter(tag for ex in exercises for tag in ex.tags)
    return [tag for tag, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def approaches_used(exercises: Iterable[Exercise]) -> list[str]:
    return sorted({ex.approach.value for ex in exercises})

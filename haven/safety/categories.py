"""The kinds of risk Haven tells apart, in one place: levels, categories (most urgent first) and audiences.

Triage, the help lines, the responses and the labelled data all read these, so a new category is added here
once and every part that must know it (help lines by category, wording, training labels) is checked against it.
"""

from __future__ import annotations

LEVELS: tuple[str, ...] = ("none", "concern", "crisis")
#: Most urgent first: when several match, the first one decides the wording of the response.
CATEGORIES: tuple[str, ...] = (
    "medical_emergency",
    "psychosis",
    "suicide",
    "self_harm",
    "harm_to_others",
    "danger_at_home",
    "eating_disorder",
)
AUDIENCES: tuple[str, ...] = ("self", "third_party", "learning")
#: Names used before categories were split, still accepted wherever a category is read.
LEGACY_CATEGORIES = {"suicide_self_harm": "suicide", "command_voices": "psychosis"}

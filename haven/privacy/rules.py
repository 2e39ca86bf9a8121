"""What an imported row must satisfy beyond its column types: the rules of the form that would have made it.

Why: an import is another way of entering data, so it keeps the same rules. A check-in is checked by the
Mood form's own model (:class:`~haven.tracking.checkins.CheckInEntry`), a questionnaire result is scored
again by the same scorer (its total and band must be what the answers give), an exercise rating is held to
the exercise's own range. Each problem is named ``table[n].field: what`` like every other import problem.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from haven.exercises.answers import DISTRESS_MAX, DISTRESS_MIN
from haven.privacy.export_format import describe, where
from haven.tracking.checkins import CheckInEntry
from haven.tracking.scoring import AnswerError, score

#: Values the app itself writes for these columns.
ROLES = ("user", "assistant")
LEVELS = ("none", "concern", "crisis")
HELPFUL = (-1, 1)

Rule = Callable[[dict[str, Any], str], list[str]]


def _check_in(row: dict[str, Any], at: str) -> list[str]:
    fields = ("mood", "emotions", "tags", "sleep_hours", "note", "at")
    try:
        CheckInEntry.model_validate({k: row[k] for k in fields if row.get(k) is not None})
    except ValidationError as error:
        return [p.replace("(the file)", at, 1) if p.startswith("(the file)") else f"{at}.{p}" for p in describe(error)]
    return []


@lru_cache(maxsize=4096)
def _scored(instrument: str, answers: tuple[int, ...]) -> tuple[int, str] | str:
    """(total, band) the scorer gives, or why it cannot score them (cached: files repeat answer sets)."""
    try:
        result = score(instrument, answers)
    except (AnswerError, KeyError) as error:
        return str(error.args[0])
    return result.total, result.band


def _assessment(row: dict[str, Any], at: str) -> list[str]:
    answers = row.get("answers")
    if not isinstance(answers, list) or not all(isinstance(a, int) and not isinstance(a, bool) for a in answers):
        return [f"{at}.answers: a list of whole numbers, one per question"]
    scored = _scored(str(row.get("instrument", "")), tuple(answers))
    if isinstance(scored, str):
        return [f"{at}: {scored}"]
    total, band = scored
    problems = []
    if row.get("total") != total:
        problems.append(f"{at}.total: {row.get('total')!r} is not what the answers add up to ({total})")
    if row.get("band") != band:
        problems.append(f"{at}.band: {row.get('band')!r} is not the band of a total of {total} ({band!r})")
    return problems


def _exercise_run(row: dict[str, Any], at: str) -> list[str]:
    problems = []
    for name in ("distress_before", "distress_after"):
        value = row.get(name)
        if value is not None and not DISTRESS_MIN <= value <= DISTRESS_MAX:
            problems.append(f"{at}.{name}: a rating runs from {DISTRESS_MIN} to {DISTRESS_MAX} (found {value})")
    if row.get("helpful") is not None and row["helpful"] not in HELPFUL:
        problems.append(f"{at}.helpful: +1 (it helped), -1 (it did not) or empty (found {row['helpful']})")
    if row.get("current_step") is not None and not 0 <= row["current_step"] <= 1000:
        problems.append(f"{at}.current_step: a step number from 0 (found {row['current_step']})")
    if row.get("answers") is not None and not isinstance(row["answers"], dict):
        problems.append(f"{at}.answers: answers by step, as an object (found {type(row['answers']).__name__})")
    return problems


def _chat_turn(row: dict[str, Any], at: str) -> list[str]:
    problems = []
    if row.get("role") not in ROLES:
        problems.append(f"{at}.role: one of {', '.join(ROLES)} (found {row.get('role')!r})")
    if row.get("level") is not None and row["level"] not in LEVELS:
        problems.append(f"{at}.level: one of {', '.join(LEVELS)} (found {row['level']!r})")
    for name in ("topics", "citations", "suggested_exercises"):
        if row.get(name) is not None and not isinstance(row[name], list):
            problems.append(f"{at}.{name}: a list (found {type(row[name]).__name__})")
    return problems


def _person(row: dict[str, Any], at: str) -> list[str]:
    return [] if str(row.get("name", "")).strip() else [f"{at}.name: a profile needs a name"]


RULES: dict[str, Rule] = {
    "people": _person,
    "check_ins": _check_in,
    "assessments": _assessment,
    "exercise_runs": _exercise_run,
    "chat_turns": _chat_turn,
}


def rule_problems(table: str, row: dict[str, Any], n: int) -> list[str]:
    """Problems of a row that already fits its columns, by the rules of the form that makes such rows."""
    rule = RULES.get(table)
    return rule(row, where((table, n))) if rule else []

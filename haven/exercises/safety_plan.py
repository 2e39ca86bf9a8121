"""The person's own safety plan, read back from their latest finished 'safety-plan' exercise.

The crisis card shows these lines next to the help lines: in a hard moment, a person's own words (their
warning signs, the people they can call, their reasons for living) are often the most useful thing on screen.
The chat service uses the same function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine

from haven.exercises.runs import list_runs

if TYPE_CHECKING:  # pragma: no cover
    from haven.safety import ConcernResponse, CrisisResponse, Triage

SAFETY_PLAN_EXERCISE = "safety-plan"

#: The plan's list steps in the order they are used in a crisis, with the heading each line starts with.
SAFETY_PLAN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("warning_signs", "My warning signs"),
    ("coping_alone", "Things I can do on my own"),
    ("distractions", "People and places that take my mind off things"),
    ("people_to_ask", "People I can ask for help"),
    ("professionals", "Professionals and services I can contact"),
    ("safer_environment", "Making where I am safer"),
    ("reasons_for_living", "My reasons for living"),
)


def latest_safety_plan(engine: Engine, person: str) -> list[str] | None:
    """One line per filled section ('People I can ask for help: Sam; my sister'), or None if no plan yet."""
    finished = list_runs(engine, person, exercise_id=SAFETY_PLAN_EXERCISE, finished=True)
    if not finished:
        return None
    latest = max(finished, key=lambda run: (run.completed_at, run.id))
    lines = []
    for step_id, heading in SAFETY_PLAN_SECTIONS:
        value = latest.answers.get(step_id)
        entries = [v.strip() for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []
        if isinstance(value, str) and value.strip():
            entries = [value.strip()]
        if entries:
            lines.append(f"{heading}: {'; '.join(entries)}")
    return lines or None


def crisis_help(engine: Engine, person: str, triage: Triage) -> CrisisResponse:
    """Help lines for the configured region, with the person's own safety plan when they have one."""
    from haven.config import get_settings
    from haven.safety import crisis_response

    try:
        plan = latest_safety_plan(engine, person)
    except Exception:  # noqa: BLE001 - no readable plan (database down, no owner) never holds back the help lines
        plan = None
    return crisis_response(get_settings().region, safety_plan=plan, category=getattr(triage, "category", None))


def concern_help(triage: Triage) -> ConcernResponse:
    """The calm check-in and first lines for an answer that reads as a concern: the exercise goes on, the
    person sees that Haven noticed and where help is."""
    from haven.config import get_settings
    from haven.safety import concern_response

    return concern_response(
        get_settings().region,
        category=getattr(triage, "category", None),
        audience=getattr(triage, "audience", None) or "self",
    )

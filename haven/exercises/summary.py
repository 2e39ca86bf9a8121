"""A finished run read back as a record: one titled item per answered step, plus how distress changed.

Titles come from the step ids ("evidence_for" -> "Evidence for"), which authors already choose to say
what a step holds, so a thought record reads as Situation, Emotions, Automatic thought, Thinking traps,
Evidence for / against, Balanced thought and the re-ratings without any exercise-specific code. A rating
whose id ends in ``_after`` is shown next to its ``_before`` twin ("3/10, was 8/10").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from haven.content.models import ChoiceStep, Exercise, ListStep, RatingStep, Step, TimerStep
from haven.exercises.answers import TIMER_DONE
from haven.exercises.runs import RunRecord


@dataclass(frozen=True)
class SummaryItem:
    """One answered step: a short title, the question asked, and the answer as text and/or items."""

    step_id: str
    kind: str
    title: str
    question: str
    text: str = ""
    items: list[str] = field(default_factory=list)


def step_title(step: Step) -> str:
    """A short heading for a step, from its id: 'balanced_thought' -> 'Balanced thought'."""
    words = step.id.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def render_summary(exercise: Exercise, run: RunRecord) -> list[SummaryItem]:
    """The run's answers in step order; steps left empty are left out."""
    ratings = {s.id: s for s in exercise.steps if isinstance(s, RatingStep)}
    out: list[SummaryItem] = []
    for step in exercise.steps:
        value = run.answers.get(step.id)
        if value in (None, "", []):
            continue
        text, items = _answer_text(step, value, run, ratings)
        out.append(SummaryItem(step.id, step.kind, step_title(step), step.prompt, text, items))
    return out


def distress_change(run: RunRecord) -> str | None:
    """'Your distress went from 7 to 4.' when both ratings were given."""
    before, after = run.distress_before, run.distress_after
    if before is None or after is None:
        return None
    if before == after:
        return f"Your distress stayed at {before} out of 10."
    return f"Your distress went from {before} to {after} (out of 10)."


def summary_markdown(exercise: Exercise, run: RunRecord) -> str:
    """The record as Markdown, for the page's download and for reports."""
    lines = [f"## {exercise.title}", ""]
    when = (run.completed_at or run.updated_at).strftime("%d %B %Y, %H:%M")
    lines += [f"*{'Finished' if run.finished else 'Last worked on'} {when}*", ""]
    for item in render_summary(exercise, run):
        lines.append(f"**{item.title}**")
        if item.text:
            lines.append(item.text)
        lines += [f"- {entry}" for entry in item.items]
        lines.append("")
    change = distress_change(run)
    if change:
        lines += [change, ""]
    return "\n".join(lines).rstrip() + "\n"


def _answer_text(
    step: Step, value: object, run: RunRecord, ratings: dict[str, RatingStep]
) -> tuple[str, list[str]]:
    if isinstance(step, RatingStep):
        text = f"{value}/{step.max}"
        twin = _before_twin(step.id, ratings)
        earlier = run.answers.get(twin) if twin else None
        return (f"{text} (was {earlier}/{step.max})" if earlier is not None else text), []
    if isinstance(step, TimerStep):
        return ("Done" if value == TIMER_DONE else "Skipped"), []
    if isinstance(step, ChoiceStep) and isinstance(value, list):
        return "", [str(v) for v in value]
    if isinstance(step, ListStep) and isinstance(value, list):
        return "", [str(v) for v in value]
    return str(value), []


def _before_twin(step_id: str, ratings: dict[str, RatingStep]) -> str | None:
    if step_id.endswith("_after"):
        twin = step_id[: -len("_after")] + "_before"
        return twin if twin in ratings else None
    return None

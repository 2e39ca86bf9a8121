"""What counts as an answer to each kind of step, checked before it is saved.

Two questions are kept apart on purpose: is a value *well formed* (``clean_answer``: a rating in range, a
choice among the options, not too many list items) and is the step *done* (``missing_answer``: a required
prompt has text, a list has its minimum of items). A well-formed but unfinished answer is still saved, so
nothing the person typed is lost when they leave mid-way.
"""

from __future__ import annotations

from typing import Any

from haven.content.models import ChoiceStep, ListStep, PromptStep, RatingStep, Step, TimerStep

#: Longest free text kept for one answer or list item (a generous page of writing).
MAX_TEXT_CHARS = 5000

#: What a timer step records: the person stayed to the end, or chose to move on.
TIMER_DONE = "done"
TIMER_SKIPPED = "skipped"

DISTRESS_MIN = 0
DISTRESS_MAX = 10


class InvalidAnswer(ValueError):
    """A value that does not fit its step (wrong type, out of range, not an option)."""


def free_texts(step: Step, value: Any) -> list[str]:
    """The person's own words in ``value``: what must pass crisis triage before anything else happens."""
    if isinstance(step, PromptStep) and isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(step, ListStep) and isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, str) and item.strip()]
    return []


def clean_answer(step: Step, value: Any) -> Any:
    """``value`` normalised for storage (JSON-ready), or :class:`InvalidAnswer` saying what is wrong."""
    if isinstance(step, PromptStep):
        return _clean_text(value)
    if isinstance(step, RatingStep):
        return clean_rating(value, step.min, step.max)
    if isinstance(step, TimerStep):
        if value not in (TIMER_DONE, TIMER_SKIPPED):
            raise InvalidAnswer(f"a timer is '{TIMER_DONE}' or '{TIMER_SKIPPED}', not {value!r}")
        return value
    if isinstance(step, ChoiceStep):
        return _clean_choice(step, value)
    if isinstance(step, ListStep):
        return _clean_list(step, value)
    raise InvalidAnswer(f"unknown step kind {getattr(step, 'kind', step)!r}")  # pragma: no cover


def missing_answer(step: Step, value: Any) -> str | None:
    """Why the step is not finished yet (shown to the person), or None when they can move on."""
    if isinstance(step, PromptStep):
        if not step.optional and not (isinstance(value, str) and value.strip()):
            return "Write a few words here before going on."
    elif isinstance(step, RatingStep):
        if value is None:
            return "Choose a number on the scale."
    elif isinstance(step, TimerStep):
        if value is None:
            return "Start the timer, or skip it."
    elif isinstance(step, ChoiceStep):
        if not step.multiple and not value:
            return "Pick one of the options."
    elif isinstance(step, ListStep):
        count = len(value) if isinstance(value, list) else 0
        if count < step.min_items:
            noun = "item" if step.min_items == 1 else "items"
            return f"Add at least {step.min_items} {noun}."
    return None


def clean_rating(value: Any, low: int = DISTRESS_MIN, high: int = DISTRESS_MAX) -> int:
    """A whole number within ``low..high`` (a slider's value; floats like 7.0 are accepted)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise InvalidAnswer(f"a rating is a whole number, not {value!r}")
    if not low <= value <= high:
        raise InvalidAnswer(f"a rating runs from {low} to {high}, not {value}")
    return int(value)


def _clean_text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidAnswer(f"a written answer is text, not {type(value).__name__}")
    text = value.strip()
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidAnswer(f"that is longer than {MAX_TEXT_CHARS} characters; try to keep it shorter")
    return text


def _clean_choice(step: ChoiceStep, value: Any) -> str | list[str] | None:
    if step.multiple:
        chosen = [] if value is None else [value] if isinstance(value, str) else value
        if not isinstance(chosen, (list, tuple, set)):
            raise InvalidAnswer(f"expected a list of options, not {type(value).__name__}")
        unknown = [c for c in chosen if c not in step.options]
        if unknown:
            raise InvalidAnswer(f"not one of the options: {', '.join(map(str, unknown))}")
        return [option for option in step.options if option in chosen]  # the exercise's order, no repeats
    if value is None or value == "":
        return None
    if value not in step.options:
        raise InvalidAnswer(f"not one of the options: {value}")
    return value


def _clean_list(step: ListStep, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidAnswer(f"expected a list of items, not {type(value).__name__}")
    items = [_clean_text(item) for item in value]
    items = [item for item in items if item]
    if len(items) > step.max_items:
        raise InvalidAnswer(f"at most {step.max_items} items here (got {len(items)})")
    return items

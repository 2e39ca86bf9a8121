"""Scoring a questionnaire with its published bands. Pure functions: no storage, no UI.

A result is a screening, never a diagnosis; it says so, and says when to seek help. On the PHQ-9, any
answer above "Not at all" on item 9 (thoughts of being better off dead or of self-harm) marks the result as
a crisis, whatever the total.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven.tracking.instruments import Band, Instrument, get_instrument

SCREENING_NOTE = (
    "This is a screening questionnaire, not a diagnosis. Only a doctor or a mental health professional can "
    "diagnose. Use it to notice changes over time and to decide whether to talk to someone."
)
WHEN_TO_SEEK_HELP = (
    "Talk to a doctor if you have felt this way for more than two weeks, if it is getting in the way of work, "
    "home or relationships, or if you are worried. If you are thinking about ending your life or are in "
    "danger, contact a crisis line or your local emergency number now."
)


class AnswerError(ValueError):
    """The answers do not fit the questionnaire (wrong count or an answer out of range)."""


@dataclass(frozen=True)
class ScoreResult:
    instrument: str  # id: phq9 | gad7 | who5
    name: str  # PHQ-9 ...
    answers: tuple[int, ...]
    raw_total: int
    total: int  # for the WHO-5 the 0-100 percentage, otherwise the raw total
    max_total: int
    band: str
    advice: str
    seek_help: bool
    crisis: bool

    @property
    def summary(self) -> str:
        """One plain sentence: the score and its band."""
        return f"Your {self.name} score is {self.total} out of {self.max_total}: {self.band}."

    def as_json(self) -> dict[str, object]:
        """The stable shape the ``haven score`` command prints."""
        return {"instrument": self.instrument, "total": self.total, "band": self.band, "crisis": self.crisis}


def check_answers(instrument: Instrument, answers: list[int] | tuple[int, ...]) -> tuple[int, ...]:
    """The answers as a tuple, or :class:`AnswerError` saying plainly what is wrong."""
    if len(answers) != len(instrument.items):
        raise AnswerError(
            f"{instrument.name} has {len(instrument.items)} questions; got {len(answers)} answer(s)."
        )
    low, high = instrument.min_answer, instrument.max_answer
    for number, answer in enumerate(answers, start=1):
        if isinstance(answer, bool) or not isinstance(answer, int) or not low <= answer <= high:
            raise AnswerError(f"{instrument.name} answer {number} is {answer!r}; each answer is {low} to {high}.")
    return tuple(answers)


def band_for(instrument: Instrument, total: int) -> Band:
    """The published band that ``total`` falls in."""
    for band in instrument.bands:
        if total <= band.up_to:
            return band
    raise AnswerError(f"{instrument.name} total {total} is above its maximum {instrument.max_total}.")


def is_crisis(instrument: Instrument, answers: tuple[int, ...]) -> bool:
    return instrument.crisis_item is not None and answers[instrument.crisis_item - 1] > 0


def score(instrument_id: str, answers: list[int] | tuple[int, ...]) -> ScoreResult:
    """Score ``answers`` (item scores in order) on the questionnaire ``instrument_id``."""
    instrument = get_instrument(instrument_id)
    checked = check_answers(instrument, answers)
    raw = sum(checked)
    total = raw * instrument.multiplier
    band = band_for(instrument, total)
    crisis = is_crisis(instrument, checked)
    return ScoreResult(
        instrument=instrument.id,
        name=instrument.name,
        answers=checked,
        raw_total=raw,
        total=total,
        max_total=instrument.max_total,
        band=band.label,
        advice=band.advice,
        seek_help=band.seek_help or crisis,
        crisis=crisis,
    )

"""The standard questionnaires (PHQ-9, GAD-7, WHO-5) as typed values, read from ``instruments.yaml``.

The wording, answer options and bands live in the data file, next to their published source, so they can be
checked against the original without reading code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from haven.yaml_files import read_yaml

INSTRUMENTS_FILE = Path(__file__).resolve().parent / "instruments.yaml"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerOption(_Frozen):
    label: str
    score: int = Field(ge=0)


class Band(_Frozen):
    """A published score range: every total up to ``up_to`` (and above the previous band) gets ``label``."""

    up_to: int
    label: str
    advice: str
    seek_help: bool


class Instrument(_Frozen):
    id: str
    name: str
    title: str
    measures: str
    source: str
    source_url: str
    stem: str
    options: list[AnswerOption]
    items: list[str]
    bands: list[Band]
    crisis_item: int | None = Field(
        default=None, description="1-based item whose any non-zero answer is a crisis."
    )
    multiplier: int = 1
    higher_is_better: bool = False

    @model_validator(mode="after")
    def _bands_cover_range(self) -> Instrument:
        uppers = [band.up_to for band in self.bands]
        if uppers != sorted(uppers) or uppers[-1] != self.max_total:
            raise ValueError(f"{self.id}: bands must rise and end at the maximum total {self.max_total}")
        return self

    @property
    def min_answer(self) -> int:
        return min(option.score for option in self.options)

    @property
    def max_answer(self) -> int:
        return max(option.score for option in self.options)

    @property
    def max_total(self) -> int:
        return self.max_answer * len(self.items) * self.multiplier

    def band_ranges(self) -> list[tuple[int, int, Band]]:
        """Each band with its inclusive low and high total, for charts."""
        ranges, low = [], 0
        for band in self.bands:
            ranges.append((low, band.up_to, band))
            low = band.up_to + 1
        return ranges


@lru_cache(maxsize=1)
def load_instruments() -> dict[str, Instrument]:
    """Every instrument by id (``phq9``, ``gad7``, ``who5``)."""
    data = read_yaml(INSTRUMENTS_FILE)
    return {key: Instrument(id=key, **value) for key, value in data.items()}


def get_instrument(instrument_id: str) -> Instrument:
    """The instrument called ``instrument_id`` (case and hyphens ignored: 'PHQ-9' works)."""
    key = instrument_id.lower().replace("-", "").replace("_", "")
    instruments = load_instruments()
    if key not in instruments:
        raise KeyError(f"unknown questionnaire {instrument_id!r}; choose one of {', '.join(instruments)}")
    return instruments[key]

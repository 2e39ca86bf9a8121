"""The shape of Haven's library: exercises and articles, as pydantic models.

The models are strict (unknown fields are errors) so that a typo in a content file is caught by
``haven validate`` rather than silently ignored.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reference(Strict):
    """A public, authoritative source a reader can check."""

    title: str = Field(min_length=3)
    url: HttpUrl
    publisher: str = Field(min_length=2, description="NHS, NIMH, NICE, WHO, APA, Mind, ...")


class Approach(str, Enum):  # noqa: UP042 (StrEnum would change how f-strings and str() show a value)
    CBT = "CBT"
    DBT = "DBT"
    ACT = "ACT"
    CBT_I = "CBT-I"
    relaxation = "relaxation"
    mindfulness = "mindfulness"
    compassion = "compassion-focused"
    behavioural = "behavioural"
    problem_solving = "problem-solving"
    positive_psychology = "positive-psychology"
    safety_planning = "safety-planning"


class _Step(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$", description="Stable key for the saved answer.")
    prompt: str = Field(min_length=3, description="What the person is asked to do or answer.")
    help: str | None = Field(default=None, description="A hint or example shown under the prompt.")


class PromptStep(_Step):
    """A free-text answer."""

    kind: Literal["prompt"]
    placeholder: str | None = None
    optional: bool = False


class RatingStep(_Step):
    """A 0-10 rating (e.g. distress, belief in a thought)."""

    kind: Literal["rating"]
    min: int = 0
    max: int = 10
    low_label: str = "not at all"
    high_label: str = "the most I can imagine"
    default: int | None = None

    @model_validator(mode="after")
    def _in_range(self) -> RatingStep:
        if not (0 <= self.min < self.max <= 10):
            raise ValueError(f"a rating runs within 0-10 (got min={self.min}, max={self.max})")
        if self.default is not None and not (self.min <= self.default <= self.max):
            raise ValueError(f"default {self.default} is outside the rating's {self.min}-{self.max}")
        return self


class Phase(Strict):
    """One part of a paced timer: 'Breathe in' for 4 seconds."""

    label: str = Field(min_length=2)
    seconds: float = Field(gt=0, le=60)
    shape: Literal["in", "out", "hold", "steady"] = Field(
        default="steady", description="How the pacing shape moves: grows, shrinks, or rests."
    )


class TimerStep(_Step):
    """A timed step with optional pacing (breathing patterns), repeated for ``cycles``."""

    kind: Literal["timer"]
    phases: list[Phase] = Field(default_factory=list)
    cycles: int = Field(default=1, ge=1, le=60)
    seconds: float | None = Field(default=None, gt=0, le=3600, description="Plain timer with no phases.")

    @model_validator(mode="after")
    def _has_duration(self) -> TimerStep:
        if not self.phases and self.seconds is None:
            raise ValueError("a timer needs either phases (with pacing) or seconds")
        return self

    @property
    def total_seconds(self) -> float:
        if self.phases:
            return sum(p.seconds for p in self.phases) * self.cycles
        return float(self.seconds or 0)


class ChoiceStep(_Step):
    """Pick one (or several) from a list, e.g. the thinking traps in a thought record."""

    kind: Literal["choice"]
    options: list[str] = Field(min_length=2)
    multiple: bool = False

    @field_validator("options")
    @classmethod
    def _distinct(cls, options: list[str]) -> list[str]:
        if len(set(options)) != len(options):
            raise ValueError("options repeat")
        return options


class ListStep(_Step):
    """A list to fill in: five things you can see, reasons for living, people to call."""

    kind: Literal["list"]
    min_items: int = Field(default=1, ge=0, le=20)
    max_items: int = Field(default=10, ge=1, le=50)
    item_label: str | None = None

    @model_validator(mode="after")
    def _bounds(self) -> ListStep:
        if self.min_items > self.max_items:
            raise ValueError("min_items is more than max_items")
        return self


Step = Annotated[
    PromptStep | RatingStep | TimerStep | ChoiceStep | ListStep, Field(discriminator="kind")
]
STEP_KINDS = ("prompt", "rating", "timer", "choice", "list")


class Exercise(Strict):
    """One guided exercise, from ``exercises/<id>.yaml``."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10, max_length=200, description="One line: what it is.")
    approach: Approach
    duration_minutes: int = Field(ge=1, le=120)
    purpose: str = Field(min_length=20, description="What it is for and how it helps, in plain words.")
    when_it_helps: list[str] = Field(
        min_length=3, description="What a person says when they need it. Drives retrieval."
    )
    tags: list[str] = Field(default_factory=list)
    cautions: list[str] = Field(default_factory=list)
    rate_distress: bool = Field(
        default=False, description="Ask a 0-10 distress rating before and after (for exercises that aim to lower it)."
    )
    steps: list[Step] = Field(min_length=1)
    references: list[Reference] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_step_ids(self) -> Exercise:
        seen: set[str] = set()
        for step in self.steps:
            if step.id in seen:
                raise ValueError(f"step id '{step.id}' is used twice")
            seen.add(step.id)
        return self

    @property
    def kind(self) -> str:
        return "exercise"


class ArticleMeta(Strict):
    """The YAML front matter of ``knowledge/<id>.md``."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10, max_length=240)
    tags: list[str] = Field(default_factory=list)
    related_exercises: list[str] = Field(default_factory=list)
    references: list[Reference] = Field(min_length=1)


class Section(Strict):
    """A ``##`` section of an article: the unit retrieval cites."""

    heading: str
    body: str
    line: int = Field(description="1-based line of the heading in the file.")


class Article(Strict):
    """One psychoeducation article: front matter, an optional intro, then ``##`` sections."""

    meta: ArticleMeta
    intro: str = ""
    sections: list[Section] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def references(self) -> list[Reference]:
        return self.meta.references

    @property
    def kind(self) -> str:
        return "article"


_WORD = re.compile(r"[A-Za-z']+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))

"""What a person chose to put in a report: the dates, the sections, and each record and note by id.

Thought records and check-in notes are the person's own words, so they are opted into one by one: a ticked
section with no ids picked shows nothing of them.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator


class Section(StrEnum):
    """A part of the report. The values are the words of ``haven report --include``."""

    MOOD = "mood"
    SCORES = "scores"
    EXERCISES = "exercises"
    THOUGHT_RECORDS = "thought-records"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return SECTION_LABELS[self]


SECTION_LABELS = {
    Section.MOOD: "Mood chart",
    Section.SCORES: "Questionnaire scores",
    Section.EXERCISES: "Exercises done",
    Section.THOUGHT_RECORDS: "Thought records",
    Section.NOTES: "Check-in notes",
}
DEFAULT_SECTIONS = frozenset({Section.MOOD, Section.SCORES, Section.EXERCISES})


class ReportOptions(BaseModel):
    """The person's choices. Dates are local and both included."""

    model_config = ConfigDict(frozen=True)

    start: date
    end: date
    sections: frozenset[Section] = DEFAULT_SECTIONS
    thought_record_ids: tuple[int, ...] = ()
    note_ids: tuple[int, ...] = ()

    @model_validator(mode="after")
    def _start_before_end(self) -> ReportOptions:
        if self.start > self.end:
            raise ValueError(f"the report starts ({self.start}) after it ends ({self.end})")
        return self

    def includes(self, section: Section) -> bool:
        return section in self.sections


def parse_sections(text: str) -> frozenset[Section]:
    """``"mood,scores"`` -> the sections; an unknown word raises ValueError naming the valid ones."""
    words = [w.strip().lower().replace("_", "-") for w in text.split(",") if w.strip()]
    valid = {s.value: s for s in Section}
    unknown = [w for w in words if w not in valid]
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(valid)}")
    return frozenset(valid[w] for w in words)

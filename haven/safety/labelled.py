"""The labelled messages triage learns from and is measured on, and their fixed three-way split.

Every file under ``data/triage/`` is a YAML list of messages written for Haven, each with the level a
clinician would give it (``none``, ``concern``, ``crisis``), and for risk its category and audience. The split
into train / dev / held-out comes from a stable hash of the words, never from a choice: thresholds are picked
on dev only, and the held-out part is read once, to report. Adding messages never moves old ones between parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from haven.yaml_files import read_yaml

DATA_DIR = Path(__file__).with_name("data") / "triage"

Level = Literal["none", "concern", "crisis"]
Category = Literal[
    "suicide", "self_harm", "harm_to_others", "danger_at_home", "medical_emergency", "eating_disorder", "psychosis"
]
Audience = Literal["self", "third_party", "learning"]
Split = Literal["train", "dev", "heldout"]

LEVELS: tuple[str, ...] = ("none", "concern", "crisis")
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
AUDIENCES: tuple[str, ...] = Audience.__args__  # type: ignore[attr-defined]
# the Literal types above spell out haven.safety.categories for pydantic; tests check the two agree
#: Percent of messages in each part (by hash bucket 0-99): train below 70, dev below 85, the rest held out.
TRAIN_BELOW, DEV_BELOW = 70, 85


class Labelled(BaseModel):
    """One labelled message. ``context`` holds earlier turns, oldest first; Haven's own start with "haven:"."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    level: Level
    category: Category | None = None
    audience: Audience | None = None
    group: str = ""
    lang: str = "en"
    context: tuple[str, ...] = ()
    source: str = ""  # the file it came from (set by the loader)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    @model_validator(mode="after")
    def _risk_has_category_and_audience(self) -> Labelled:
        if self.level != "none" and (self.category is None or self.audience is None):
            raise ValueError(f"a {self.level} message needs a category and an audience: {self.text!r}")
        return self

    @property
    def split(self) -> Split:
        return split_of(self.text, self.context)


def split_of(text: str, context: Iterable[str] = ()) -> Split:
    """The part a message belongs to, from a hash of its normalised words (and its context)."""
    key = " ".join(text.lower().split()) + "\x00" + "\x00".join(" ".join(c.lower().split()) for c in context)
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100
    if bucket < TRAIN_BELOW:
        return "train"
    return "dev" if bucket < DEV_BELOW else "heldout"


def _read(path: Path) -> list[Labelled]:
    rows = read_yaml(path) or []
    out = []
    for index, row in enumerate(rows):
        try:
            out.append(Labelled(**row, source=path.name))
        except Exception as exc:  # name the file and the item: a content author has to find it
            raise ValueError(f"{path.name}, item {index + 1}: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def load_labelled(data_dir: Path = DATA_DIR) -> tuple[Labelled, ...]:
    """Every labelled message, duplicates (same words, same context) kept once, in file order."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    rows = []
    for path in sorted(data_dir.glob("*.yaml")):
        for row in _read(path):
            key = (" ".join(row.text.lower().split()), row.context)
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return tuple(rows)


def part(split: Split, rows: Iterable[Labelled] | None = None) -> list[Labelled]:
    """The messages of one part."""
    return [row for row in (load_labelled() if rows is None else rows) if row.split == split]


def data_hash(rows: Iterable[Labelled] | None = None) -> str:
    """A hash of everything a model is trained on, stored beside the model so a stale model is noticed."""
    digest = hashlib.sha256()
    for row in load_labelled() if rows is None else rows:
        digest.update(row.model_dump_json(exclude={"source"}).encode("utf-8"))
    return digest.hexdigest()[:16]

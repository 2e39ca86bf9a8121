"""Everyday situations people tell Haven about, and what fits to say back to each: a reflection and a question.

Why: a reply that takes a message in with "I hear you." or "Thank you for telling me that." could follow any
message, and readers of Haven's conversations scored that empathy as not fitting. Feelings and themes are read
elsewhere (``understanding.py``); a theme says *what area* ("relationships"), not *what is happening* (a partner
has moved out and the flat is quiet). Each situation in ``data/situations.yaml`` has example messages in many
voices, a cue (the words that tell it), a few lines that name what makes that situation hard (or good), and open
questions that fit it whatever detail was given.

How a message is read: by its cues, which a person can check. Matching by meaning alone was tried first and was
not good enough: over the MiniLM vectors, the nearest situation was the right one for about a quarter of the dev
messages (52 situations, many close to each other), so a reflection chosen that way would often have been about
something the person never said. Cues were written from the train messages only; when two cues match, the one
whose train messages are nearest in meaning is taken. ``benchmarks/situations.py`` reports how often a cue names
the right situation on dev and held-out messages, and how often everyday turns that tell no situation (greetings,
thanks, questions, from conversation sets already read) set one off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator

from haven.chat.theme_model import Split, split_of  # the chat's labelled sets share one split by hash
from haven.yaml_files import read_yaml

DATA_DIR = Path(__file__).parent / "data"
SITUATIONS_FILE = DATA_DIR / "situations.yaml"
NEGATIVES_FILE = DATA_DIR / "situations_none.yaml"


class Situation(BaseModel):
    """One everyday situation: how people say it, the words that tell it, and what Haven may say back."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    tone: Literal["hard", "good", "mixed"]
    cue: str
    says: tuple[str, ...] = Field(min_length=3)
    reflections: tuple[str, ...] = Field(min_length=1)
    questions: tuple[str, ...] = Field(min_length=1)

    @field_validator("cue")
    @classmethod
    def _compiles(cls, cue: str) -> str:
        re.compile(cue)
        return cue

    @field_validator("reflections", "questions")
    @classmethod
    def _plain(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        for line in lines:
            if "{" in line or "}" in line:
                raise ValueError(f"braces would be read as a field to fill: {line!r}")
        return lines

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.cue)


@dataclass(frozen=True)
class Match:
    name: str
    cues: tuple[str, ...]  # every situation whose cue matched (the name is one of them)


@lru_cache(maxsize=1)
def load_situations(path: Path = SITUATIONS_FILE) -> tuple[Situation, ...]:
    """The situations, in file order; names are unique."""
    situations = tuple(Situation(**row) for row in read_yaml(path) or ())
    names = [s.name for s in situations]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise ValueError(f"{path}: situation names repeated: {', '.join(duplicated)}")
    return situations


@lru_cache(maxsize=1)
def load_negatives(path: Path = NEGATIVES_FILE) -> tuple[str, ...]:
    """Everyday turns that tell no situation, to measure how often a cue fires where it should not."""
    return tuple(str(t) for t in read_yaml(path) or ())


def by_name(name: str) -> Situation | None:
    return next((s for s in load_situations() if s.name == name), None)


def asked_about(question: str | None) -> Situation | None:
    """The situation whose own question Haven just asked, so an answer that names no situation of its own is read
    as more of it ("the days are long. i used to see people every day at the garage", to a retired person's "What,
    if anything, has given a day some shape lately?", was met with a generic thanks)."""
    if not question:
        return None
    return next((s for s in load_situations() if question in s.questions), None)


def examples(split: Split) -> list[tuple[str, str]]:
    """(message, situation) for one part of the example messages."""
    return [(text, s.name) for s in load_situations() for text in s.says if split_of(text) == split]


def cued(norm: str) -> tuple[str, ...]:
    """The situations whose cue the normalised message matches, in file order."""
    return tuple(s.name for s in load_situations() if s.pattern.search(norm))


class SituationReader:
    """Finds the situation a message tells: by its cues, and between two cues by meaning."""

    def __init__(self) -> None:
        self._anchors: tuple[np.ndarray, tuple[str, ...]] | None = None

    def _anchor_vectors(self) -> tuple[np.ndarray, tuple[str, ...]]:
        """The train example messages' vectors, and which situation each is."""
        if self._anchors is None:
            from haven.retrieval.embeddings import embed_kept

            train = examples("train")
            self._anchors = (embed_kept([text for text, _ in train], "situations"), tuple(n for _, n in train))
        return self._anchors

    def warm_up(self) -> None:
        self._anchor_vectors()

    def read(self, norm: str, vector: np.ndarray | None = None) -> Match | None:
        """The situation the normalised message tells, or None when no cue matches. When several do, the one
        whose train messages are nearest to ``vector`` (the first cued without one)."""
        names = cued(norm)
        if not names:
            return None
        if len(names) == 1 or vector is None:
            return Match(names[0], names)
        anchors, owners = self._anchor_vectors()
        sims = anchors @ vector
        owner = np.array(owners)

        def nearness(name: str) -> float:
            mine = np.sort(sims[owner == name])[-2:]
            return float(mine.mean()) if len(mine) else -1.0

        return Match(max(names, key=nearness), names)

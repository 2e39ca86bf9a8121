"""Labelled messages kept as YAML rows, split by a hash of their words: the data of the chat's learned readers
(``theme_model.py``, ``valence.py``).

Why a hash: a message's part (train, dev or held-out) depends on its own words only, so adding messages moves none,
and a message never crosses from held-out into what a model learned from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from haven.yaml_files import read_yaml

Split = Literal["train", "dev", "heldout"]
#: Percent of messages in each part (by hash bucket 0-99): train below 70, dev below 85, the rest held out.
TRAIN_BELOW, DEV_BELOW = 70, 85


class _Split(Protocol):
    @property
    def split(self) -> Split: ...


Row = TypeVar("Row")
SplitRow = TypeVar("SplitRow", bound=_Split)


def split_of(text: str) -> Split:
    """The part a message belongs to, from a hash of its normalised words: adding messages moves none."""
    key = " ".join(text.lower().split())
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100
    if bucket < TRAIN_BELOW:
        return "train"
    return "dev" if bucket < DEV_BELOW else "heldout"


def load_rows(folder: Path, make: Callable[..., Row]) -> list[Row]:
    """Every row of ``folder``'s YAML files made with ``make(**row, source=file name)``, in file order; a row that is
    not valid names its file and row, so an author can mend it."""
    rows: list[Row] = []
    for path in sorted(folder.glob("*.yaml")):
        for number, raw in enumerate(read_yaml(path) or [], start=1):
            try:
                rows.append(make(**raw, source=path.name))
            except Exception as error:  # noqa: BLE001 - re-raised with where it is
                raise ValueError(f"{path.name}, row {number}: {error}") from error
    return rows


def part(split: Split, rows: Iterable[SplitRow]) -> list[SplitRow]:
    """The rows of one part."""
    return [row for row in rows if row.split == split]

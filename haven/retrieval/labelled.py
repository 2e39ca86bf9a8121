"""The labelled queries retrieval learns from and is measured on, and their fixed train / dev / held-out split.

Why a file of our own words: the library's titles are not what a person types. ``data/queries.yaml`` holds
what people in each situation say (indirect, two problems at once, questions, a word or two, rambling,
slang and typos, and "misleading" ones where the obvious word points elsewhere), each with graded answers.

Why a hash split: the split must not move when queries are added or reordered, and no one may pick which
query lands where. A query's split follows from its text alone. ``heldout`` is never read by training or by
the choice of fusion weights (``haven.retrieval.training``); only benchmarks/retrieval.py and a floor test
read it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
QUERIES_FILE = DATA_DIR / "queries.yaml"
KINDS = ("indirect", "multi", "question", "short", "long", "slang", "misleading")
SPLITS = ("train", "dev", "heldout")
HIT_GRADE = 2  # a document graded 2 or 3 answers the query; grade 1 is only related


@dataclass(frozen=True)
class LabelledQuery:
    """One query with its graded answers. ``issues``: for each problem it raises, the documents that answer it."""

    text: str
    kind: str
    grades: dict[str, int]
    issues: tuple[frozenset[str], ...]
    split: str

    @property
    def relevant(self) -> frozenset[str]:
        """Documents that count as a hit (grade >= 2)."""
        return frozenset(d for d, g in self.grades.items() if g >= HIT_GRADE)

    @property
    def best(self) -> str:
        """The document it was written for (first of the first issue)."""
        return next(iter(sorted(self.issues[0], key=lambda d: -self.grades[d])))


def split_of(text: str) -> str:
    """train (60%), dev (20%) or heldout (20%), from a hash of the whitespace-folded, lower-cased text."""
    digest = hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).digest()
    bucket = int.from_bytes(digest[:4], "big") % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "heldout"


def data_hash(path: Path = QUERIES_FILE) -> str:
    """The file's bytes, hashed: the learned model records it, so a stale model is caught by a test."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _entry(doc_id: str, entry: list) -> LabelledQuery:
    kind, text = entry[0], entry[1]
    if kind not in KINDS:
        raise ValueError(f"{doc_id}: unknown kind {kind!r} for {text!r}")
    grades = {doc_id: 3}
    issues = [{doc_id}]
    if kind == "multi":  # [multi, text, [[other issue's docs, best first], ...], {doc: grade}?]
        others, extra = entry[2], (entry[3] if len(entry) > 3 else {})
    else:  # [kind, text, {doc: grade}?]
        others, extra = [], (entry[2] if len(entry) > 2 else {})
    for other in others:
        issues.append(set(other))
        for n, other_id in enumerate(other):
            grades[other_id] = max(grades.get(other_id, 0), 3 if n == 0 else 2)
    for other_id, grade in extra.items():
        if grade > 0:  # 0 marks a document that looks right and is not
            grades[other_id] = max(grades.get(other_id, 0), grade)
            if grade >= HIT_GRADE:
                issues[0].add(other_id)
    return LabelledQuery(text, kind, grades, tuple(frozenset(i) for i in issues), split_of(text))


@lru_cache(maxsize=4)
def load_labelled(path: Path = QUERIES_FILE) -> tuple[LabelledQuery, ...]:
    """Every labelled query, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(_entry(doc_id, entry) for doc_id, entries in data.items() for entry in entries)


def split(name: str, path: Path = QUERIES_FILE) -> list[LabelledQuery]:
    """The queries of one split (train, dev or heldout)."""
    if name not in SPLITS:
        raise ValueError(f"unknown split {name!r}")
    return [q for q in load_labelled(path) if q.split == name]

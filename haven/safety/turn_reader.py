"""The mechanics of a small learned reader of single turns (``safe_claims.py``): one logistic regression over the
features triage's learned layer uses (MiniLM and hashed character and word n-grams, ``classifier.features``), a
threshold, and the hash of the labelled turns it learned from.

Why apart from the reader: a reader answers one yes-or-no question about a message in a conversation ("does it say
help has come?"), learns from turns of the conversation sets already read, and chooses its threshold leaving out
one writer's set at a time. Only the question, the data and the rule that uses the answer are the reader's own; a
second reader of the same kind (one was tried for everyday talk, docs/benchmarks.md round 20) shares the rest.
Reading needs numpy only; a missing reader is None, and each caller says what that means for it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
from pydantic import BaseModel

from haven.safety import classifier
from haven.yaml_files import read_yaml

Row = TypeVar("Row", bound=BaseModel)


def load_rows(row_type: type[Row], paths: Iterable[Path]) -> list[Row]:
    """The labelled turns of each file in order; a row that is not valid names its file and row."""
    rows: list[Row] = []
    for path in paths:
        for number, raw in enumerate(read_yaml(path) or [], start=1):
            try:
                rows.append(row_type(**raw))
            except Exception as error:  # noqa: BLE001 - re-raised with where it is
                raise ValueError(f"{path.name}, row {number}: {error}") from error
    return rows


def rows_hash(rows: Iterable[BaseModel], label: Callable[[BaseModel], bool]) -> str:
    """A hash of what a reader learned from (text, label, source), kept beside it so a stale reader is noticed."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row.text}\0{int(label(row))}\0{row.source}\n".encode())
    return digest.hexdigest()[:16]


def write_rows(rows: Sequence[BaseModel], path: Path, header: str) -> None:
    """Labelled turns as YAML under a header of ``#`` lines saying where they came from."""
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump([row.model_dump() for row in rows], allow_unicode=True, sort_keys=False, width=120)
    path.write_text(header + body, encoding="utf-8")


@dataclass(frozen=True)
class TurnReader:
    """P(the positive class) for a message, and the probability it takes to say yes."""

    head: classifier.Head  # classes (negative, positive)
    threshold: float
    data_hash: str = ""

    def probability(self, words: str) -> float:
        """``words``: the message as the reader was trained on it (each module says which reading)."""
        features = classifier.features([words])
        return float(self.head.probabilities(features)[0, 1])


def save_reader(reader: TurnReader, model_file: Path, meta_file: Path, extra: dict | None = None) -> None:
    model_file.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(model_file, weights=reader.head.weights, bias=reader.head.bias)
    meta = {"classes": list(reader.head.classes), "threshold": reader.threshold, "data_hash": reader.data_hash}
    meta_file.write_text(json.dumps({**meta, **(extra or {})}, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def open_reader(model_file: Path, meta_file: Path) -> TurnReader | None:
    """The saved reader, or None when it is missing."""
    if not (model_file.exists() and meta_file.exists()):
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    with np.load(model_file) as arrays:
        head = classifier.Head(tuple(meta["classes"]), arrays["weights"], arrays["bias"])
    return TurnReader(head, float(meta["threshold"]), meta.get("data_hash", ""))


def feature_matrix(words: Sequence[str]):
    """The training matrix for many messages (one batched embedding call)."""
    from haven.retrieval.embeddings import embed

    return classifier.features(list(words), embed(list(words))).matrix()


def fit(x, positive: Sequence[bool], c: float, classes: tuple[str, str]) -> classifier.Head:
    """One logistic regression, balanced classes (deterministic: lbfgs, no shuffling)."""
    from haven.safety.training import _fit as fit_head

    return fit_head(x, [classes[int(p)] for p in positive], c, classes)


def out_of_fold(
    x, positive: Sequence[bool], sources: Sequence[str], c: float, classes: tuple[str, str]
) -> np.ndarray:
    """P(positive) for each row from a reader that never saw its writer's set (``sources``)."""
    sources, positive = np.asarray(sources), np.asarray(positive, dtype=bool)
    probs = np.zeros(len(sources))
    for source in dict.fromkeys(sources):
        left_out = sources == source
        head = fit(x[~left_out], positive[~left_out], c, classes)
        probs[left_out] = head.probabilities(x[left_out])[:, 1]
    return probs

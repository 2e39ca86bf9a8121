"""The mechanics shared by Haven's small learned readers of single turns (``safe_claims.py``, ``everyday.py``): one
logistic regression over the features triage's learned layer uses (MiniLM and hashed character and word n-grams,
``classifier.features``), a threshold, and the hash of the labelled turns it learned from.

Why shared: each reader answers one yes-or-no question about a message in a conversation ("does it say help has
come?", "is it everyday talk?"), learns from turns of the conversation sets already read, and chooses its threshold
leaving out one writer's set at a time. Only the question, the data and the rule that uses the answer differ.
Reading needs numpy only; a missing reader is None, and each caller says what that means for it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from haven.safety import classifier


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


def out_of_fold(x, positive: Sequence[bool], sources: Sequence[str], c: float, classes: tuple[str, str]) -> np.ndarray:
    """P(positive) for each row from a reader that never saw its writer's set (``sources``)."""
    sources, positive = np.asarray(sources), np.asarray(positive, dtype=bool)
    probs = np.zeros(len(sources))
    for source in dict.fromkeys(sources):
        left_out = sources == source
        head = fit(x[~left_out], positive[~left_out], c, classes)
        probs[left_out] = head.probabilities(x[left_out])[:, 1]
    return probs

"""A second opinion on the learned layer: the labelled training messages nearest to what it read as a crisis.

Why: the learned layer's false crises in everyday chat ("that it won't be good enough and she'll realise I
shouldn't have been accepted", P(crisis) 0.95) come with no risk word and no pattern, and a crisis then holds
for the rest of the conversation. A logistic head and an adapted encoder both draw one boundary through the
whole space; looking at the nearest labelled messages asks a different question, locally: has anything said
like this been a crisis? When at most one of the ten nearest was, a crisis the learned layer raised alone is
treated as a possible misread by ``triage.decide``: a gentle check-in that asks directly, not the card.

Only the triage model's own train split is used for that share (never dev or held-out), and only English messages
are checked (MiniLM reads English; a crisis in another language is left to the model and the curated phrases).
The vectors are MiniLM's (the same ones retrieval uses), stored as int8 (unit length times 127) in
``models/triage_neighbours.npz`` with the data hash of the rows they came from; rebuilt by
``haven train-triage`` and ``haven train-triage --neighbours``.

A second question is asked of a wider set: the turns of every conversation set already read (``data/read_turns.yaml``,
ordinary turns and the turns that wanted help, written by people who never saw Haven). When the learned layer alone
reads a check-in's worth of risk and none of the ten messages nearest to it, labelled or read, carried any risk, the
check-in is a misread of everyday talk ("he's asleep on my chest right now so i cant move anyway"): the chat answers.

Anything that fails here (a missing file, the embedding model) gives no opinion, and the crisis stands:
the second opinion can only soften a reading, so it must never be the reason one is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

NEIGHBOURS_FILE = Path(__file__).with_name("models") / "triage_neighbours.npz"
#: How many labelled messages are asked (chosen on dev, docs/benchmarks.md round 12).
NEAREST = 10
#: At most this share of crises among them: the crisis is a possible misread (1 of 10).
ORDINARY_AT_MOST = 0.1
_SCALE = 127.0
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Neighbours:
    """The train split's vectors and whether each message was labelled a crisis."""

    vectors: np.ndarray  # int8, (messages, 384): unit vectors times 127
    crisis: np.ndarray  # bool, (messages,)
    data_hash: str
    #: bool, (messages,): labelled crisis or concern; None when only the labelled messages were stored
    risk: np.ndarray | None = None
    #: bool, (messages,): one of the labelled train split (the crisis share counts only these)
    labelled: np.ndarray | None = None

    @cached_property
    def _matrix(self) -> np.ndarray:
        """The vectors as float32, made once per load rather than on every message read."""
        return self.vectors.astype(np.float32)

    @cached_property
    def _labelled_rows(self) -> np.ndarray:
        return np.arange(len(self.crisis)) if self.labelled is None else np.flatnonzero(self.labelled)

    def crisis_share(self, vector: np.ndarray, nearest: int = NEAREST) -> float:
        """The share of crises among the ``nearest`` labelled messages to a unit vector (cosine, ties by order)."""
        scores = self._matrix[self._labelled_rows] @ np.asarray(vector, dtype=np.float32)
        return float(self.crisis[self._labelled_rows][_top(scores, nearest)].mean())

    def risk_share(self, vector: np.ndarray, nearest: int = NEAREST) -> float | None:
        """The share of risk (crisis or concern) among the ``nearest`` of all stored messages, read turns included;
        None when the file holds no risk labels."""
        if self.risk is None:
            return None
        scores = self._matrix @ np.asarray(vector, dtype=np.float32)
        return float(self.risk[_top(scores, nearest)].mean())

    def save(self, path: Path = NEIGHBOURS_FILE) -> None:
        extra = {} if self.risk is None else {"risk": self.risk, "labelled": self.labelled}
        np.savez_compressed(path, vectors=self.vectors, crisis=self.crisis, data_hash=np.array(self.data_hash), **extra)


def _top(scores: np.ndarray, nearest: int) -> np.ndarray:
    nearest = min(nearest, len(scores))
    return np.argpartition(-scores, nearest - 1)[:nearest]


def build(
    texts: Sequence[str], levels: Sequence[str], data_hash: str, labelled: Sequence[bool] | None = None
) -> Neighbours:
    """Neighbours from messages (the model's input text and its level); ``labelled`` marks the train split's
    messages among read turns (all of them when not given)."""
    from haven.retrieval.embeddings import embed

    vectors = np.asarray(embed(list(texts)), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    quantised = np.clip(np.rint(vectors * _SCALE), -127, 127).astype(np.int8)
    crisis = np.array([level == "crisis" for level in levels], dtype=bool)
    risk = np.array([level != "none" for level in levels], dtype=bool)
    marked = np.ones(len(levels), dtype=bool) if labelled is None else np.array(labelled, dtype=bool)
    return Neighbours(quantised, crisis, data_hash, risk, marked)


@lru_cache(maxsize=1)
def load_neighbours(path: Path = NEIGHBOURS_FILE) -> Neighbours | None:
    """The stored neighbours, or None (logged) when the file is missing or unreadable."""
    try:
        with np.load(path) as data:
            risk = data["risk"].astype(bool) if "risk" in data else None
            labelled = data["labelled"].astype(bool) if "labelled" in data else None
            return Neighbours(data["vectors"], data["crisis"].astype(bool), str(data["data_hash"]), risk, labelled)
    except Exception:  # no opinion is safe: the learned layer's crisis then stands
        log.exception("triage neighbours could not be read from %s; crises stand as the model reads them", path)
        return None


def shares(text: str) -> tuple[float | None, float | None]:
    """(crisis share among the labelled, risk share among all) nearest to ``text``; None where no opinion."""
    neighbours = load_neighbours()
    if neighbours is None or not text.strip():
        return None, None
    try:
        from haven.retrieval.embeddings import embed_one

        vector = embed_one(text)
        return neighbours.crisis_share(vector), neighbours.risk_share(vector)
    except Exception:
        log.exception("triage neighbours could not read a message; the reading stands")
        return None, None


def nothing_near_was_risk(share: float | None) -> bool:
    """Whether none of the nearest messages, labelled or read, carried risk: a model-alone check-in is then a
    misread of everyday talk."""
    return share is not None and share == 0.0


def looks_ordinary(share: float | None) -> bool:
    """Whether a neighbour share says the learned layer's crisis is a possible misread."""
    return share is not None and share <= ORDINARY_AT_MOST

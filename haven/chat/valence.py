"""Whether a message tells something good, read by its meaning: a small learned reader beside the chat's words.

Why: good news told in the person's own way ("First one was lovely actually. One of the other volunteers is from
Galway!", "I cook feijoada for my roommate!! he like very much", "Manager was happy in standup. relief") names none
of the words the chat's good-news patterns know, so it was met as an answer ("Thank you for telling me that. What
feels like the hardest part right now?"). A reader of chat_heldout53's replies (read) counted 28 of 190 replies that
missed or misjudged a win this way. Patterns cannot list every way a good thing is told; the meaning of the whole
message can be read.

The model is one logistic regression, good against everything else (hard, mixed, neutral), over the message's MiniLM
vector (the one the chat already makes, so reading costs a dot product). Its data (``data/valence/*.yaml``) was
written by a helper who never saw Haven's code: everyday messages in many voices, each labelled good, hard, mixed or
neutral, hard words in good news and the reverse. Messages are split by a hash of their words into train, dev and
held-out; the model learns from train, C and the threshold are chosen on dev (no hard message read as good on dev,
and at least :data:`MIN_PRECISION` of what it calls good is good), held-out is only reported
(``benchmarks/valence.py``). Training is deterministic: ``haven train-valence``.

Reading good is the cautious direction: a message it misses is answered as before, and a hard message read as good
would be met with gladness, so the threshold is set where dev has none of those.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from haven.chat.labelled_rows import Split, load_rows, part, split_of

DATA_DIR = Path(__file__).parent / "data" / "valence"
MODEL_FILE = DATA_DIR / "model.npz"
META_FILE = DATA_DIR / "model.json"

Label = Literal["good", "hard", "mixed", "neutral"]
C_GRID = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
#: Of the dev messages read as good, at least this share must be good.
MIN_PRECISION = 0.8
THRESHOLD_GRID = tuple(round(float(x), 2) for x in np.arange(0.5, 0.96, 0.05))


class LabelledValence(BaseModel):
    """One everyday message and how it feels to the person who wrote it."""

    model_config = ConfigDict(frozen=True)

    text: str
    label: Label
    source: str = ""

    @property
    def split(self) -> Split:
        return split_of(self.text)


def load_labelled(folder: Path = DATA_DIR) -> list[LabelledValence]:
    """Every labelled message in ``folder``'s YAML files, in file order; a bad row names its file and row."""
    return load_rows(folder, LabelledValence)


def data_hash(rows: Iterable[LabelledValence]) -> str:
    """A hash of what the model learned from, kept beside it so a stale model is noticed by the tests."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row.text}\0{row.label}\n".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ValenceModel:
    """P(good) from a unit-length MiniLM vector, and the probability from which a message is read as good."""

    weights: np.ndarray  # (384,)
    bias: float
    good_at: float
    data_hash: str = ""

    def p_good(self, vector: np.ndarray) -> float:
        score = float(self.weights @ np.asarray(vector, dtype=np.float32) + self.bias)
        return float(1.0 / (1.0 + np.exp(-score)))

    def good(self, vector: np.ndarray | None) -> bool:
        return vector is not None and self.p_good(vector) >= self.good_at


@dataclass(frozen=True)
class Score:
    """How reading good compares with the labels on a set of messages."""

    n: int
    good: int  # labelled good
    read_good: int  # read as good
    right: int  # read as good and labelled good
    hard_read_good: int  # labelled hard, read as good: the costly mistake

    @property
    def precision(self) -> float:
        return self.right / max(1, self.read_good)

    @property
    def recall(self) -> float:
        return self.right / max(1, self.good)


def score(rows: Sequence[LabelledValence], read_good: Sequence[bool]) -> Score:
    pairs = list(zip(rows, read_good, strict=True))
    return Score(
        n=len(pairs),
        good=sum(r.label == "good" for r, _ in pairs),
        read_good=sum(bool(g) for _, g in pairs),
        right=sum(bool(g) and r.label == "good" for r, g in pairs),
        hard_read_good=sum(bool(g) and r.label == "hard" for r, g in pairs),
    )


def choose_threshold(rows: Sequence[LabelledValence], probs: Sequence[float]) -> float:
    """The lowest threshold at which dev has no hard message read as good and precision reaches MIN_PRECISION
    (the most good news met as good news within those bounds); the highest of the grid when none does."""
    for at in THRESHOLD_GRID:
        s = score(rows, [p >= at for p in probs])
        if s.hard_read_good == 0 and s.read_good and s.precision >= MIN_PRECISION:
            return at
    return THRESHOLD_GRID[-1]


@dataclass
class TrainingReport:
    counts: dict[str, int]
    c: float
    good_at: float
    dev: Score


def train(write: bool = True, log=print) -> tuple[ValenceModel, TrainingReport]:
    """Fit on train, choose C (dev log-loss) and the threshold (:func:`choose_threshold`) on dev, and (``write``)
    save ``model.npz`` and ``model.json``."""
    from sklearn.linear_model import LogisticRegression

    from haven.retrieval.embeddings import embed

    rows = load_labelled()
    train_rows, dev_rows = part("train", rows), part("dev", rows)
    log(f"valence: {len(train_rows)} train, {len(dev_rows)} dev messages")
    x_train = np.asarray(embed([r.text.strip() for r in train_rows]), dtype=np.float32)
    x_dev = np.asarray(embed([r.text.strip() for r in dev_rows]), dtype=np.float32)
    y_train = np.array([r.label == "good" for r in train_rows], dtype=int)
    y_dev = np.array([r.label == "good" for r in dev_rows], dtype=int)
    best = None
    for c in C_GRID:
        fitted = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x_train, y_train)
        p = np.clip(fitted.predict_proba(x_dev)[:, 1], 1e-6, 1 - 1e-6)
        loss = float(-np.mean(y_dev * np.log(p) + (1 - y_dev) * np.log(1 - p)))
        log(f"  C={c}: dev log-loss {loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, c, fitted.coef_[0].astype(np.float32), float(fitted.intercept_[0]))
    _, c, weights, bias = best
    provisional = ValenceModel(weights, bias, 1.01)
    probs = [provisional.p_good(v) for v in x_dev]
    good_at = float(choose_threshold(dev_rows, probs))
    model = ValenceModel(weights, bias, good_at, data_hash(rows))
    counts = {"train": len(train_rows), "dev": len(dev_rows), "heldout": len(part("heldout", rows))}
    report = TrainingReport(counts, c, good_at, score(dev_rows, [p >= good_at for p in probs]))
    if write:
        save_model(model, {"C": c, "trained_on": counts})
        load_model.cache_clear()
    return model, report


def save_model(model: ValenceModel, extra: dict | None = None) -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(MODEL_FILE, weights=model.weights.astype(np.float32), bias=np.float32(model.bias))
    meta = {
        "good_at": model.good_at,
        "data_hash": model.data_hash,
        "chosen": "C by dev log-loss; good_at the lowest with no hard read as good on dev and precision >= 0.8",
    } | (extra or {})
    META_FILE.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def load_model() -> ValenceModel | None:
    """The saved model, or None when it is missing (good news is then read by the words alone)."""
    if not MODEL_FILE.exists() or not META_FILE.exists():
        return None
    meta = json.loads(META_FILE.read_text(encoding="utf-8"))
    arrays = np.load(MODEL_FILE)
    return ValenceModel(
        arrays["weights"].astype(np.float32), float(arrays["bias"]), float(meta["good_at"]), meta.get("data_hash", "")
    )


def reads_good(vector: np.ndarray | None) -> bool:
    """Whether the message whose MiniLM vector this is tells something good (False with no model or no vector)."""
    model = load_model()
    return model is not None and model.good(vector)

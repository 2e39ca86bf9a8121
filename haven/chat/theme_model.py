"""A learned second opinion on what a message is about (its themes), beside the theme words of understanding.py.

Why: a theme's words are trusted first (a clinician can read them), but people often say what their life is about
without any of them: "chem mock thurs n i know literally nothing", "van failed its MOT, £780 for brakes", "my
boyfriend is on a rig, three weeks on". With no theme read, the reply is general and the conversation has no
topic to follow. A small model trained on everyday messages labelled with the themes they are about
(``data/themes/*.yaml``) reads the meaning of the whole message, and gives the theme it is sure of when the words
gave none. (It was also tried as a veto on theme words the message is not about; on dev that only paid at a
threshold where it overruled ordinary readings it was merely fairly sure of, and the scripted conversations in
tests/chat showed the cost, so it does not veto: docs/benchmarks.md, "Themes".)

The model is one logistic regression per theme over the message's MiniLM embedding (the vector the chat already
makes for every message, so reading costs a dot product). Labelled messages are split by a stable hash of their
words into train, dev and held-out (as triage's are): the model learns from train, the threshold for taking its
theme is chosen on dev, and held-out is read only to report (``benchmarks/themes.py``). Training is
deterministic: ``haven train-themes``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator

from haven.chat.labelled_rows import Split, load_rows, part, split_of

DATA_DIR = Path(__file__).parent / "data" / "themes"
MODEL_FILE = DATA_DIR / "model.npz"
META_FILE = DATA_DIR / "model.json"

#: Regularisation tried; the one with the lowest dev log-loss is kept.
C_GRID = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)


def theme_names() -> tuple[str, ...]:
    """The themes the chat knows (``understanding.THEMES``), in its order."""
    from haven.chat.understanding import THEMES

    return tuple(theme.name for theme in THEMES)


class LabelledThemes(BaseModel):
    """One everyday message and the themes a careful reader says it is about, the main one first."""

    model_config = ConfigDict(frozen=True)

    text: str
    themes: tuple[str, ...] = ()
    source: str = ""

    @field_validator("themes")
    @classmethod
    def _known(cls, themes: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [t for t in themes if t not in theme_names()]
        if unknown:
            raise ValueError(f"unknown theme(s) {unknown}; known: {', '.join(theme_names())}")
        return tuple(dict.fromkeys(themes))

    @property
    def split(self) -> Split:
        return split_of(self.text)


def load_labelled(folder: Path = DATA_DIR) -> list[LabelledThemes]:
    """Every labelled message in ``folder``'s YAML files (a file of rows ``{text, themes}``), in file order.

    A row that is not valid names its file and row, so an author can mend it."""
    return load_rows(folder, LabelledThemes)


def data_hash(rows: Iterable[LabelledThemes]) -> str:
    """A hash of what the model learned from, kept beside it so a stale model is noticed by the tests."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row.text}\0{','.join(row.themes)}\n".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ThemeModel:
    """One logistic regression per theme over a unit-length MiniLM vector, and when its reading is taken.

    ``add_at``: with no theme read from the words, the model's most likely theme is taken when its probability
    reaches this (chosen on dev: :func:`choose_threshold`)."""

    themes: tuple[str, ...]
    weights: np.ndarray  # (themes, 384)
    bias: np.ndarray  # (themes,)
    add_at: float
    data_hash: str = ""

    def probabilities(self, vector: np.ndarray) -> dict[str, float]:
        scores = self.weights @ np.asarray(vector, dtype=np.float32) + self.bias
        probs = 1.0 / (1.0 + np.exp(-scores))
        return {name: float(p) for name, p in zip(self.themes, probs, strict=True)}

    def judge(self, worded: Sequence[str], vector: np.ndarray) -> tuple[str, ...]:
        """The themes a message is about: those its words named (``worded``, in the chat's order), else the
        model's most likely one when it is sure enough, else none."""
        return _judged(tuple(worded), self.probabilities(vector), self.add_at)


def fit(
    rows: Sequence[LabelledThemes], vectors: np.ndarray, c: float, names: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """One binary logistic regression per theme (deterministic: lbfgs, no shuffling)."""
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((len(names), vectors.shape[1]), dtype=np.float32)
    bias = np.zeros(len(names), dtype=np.float32)
    for i, name in enumerate(names):
        target = np.array([name in row.themes for row in rows], dtype=int)
        if target.min() == target.max():  # a theme with no example yet: it never fires
            bias[i] = -20.0
            continue
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        model.fit(vectors, target)
        weights[i], bias[i] = model.coef_[0], model.intercept_[0]
    return weights, bias


def _log_loss(weights, bias, rows, vectors, names) -> float:
    probs = 1.0 / (1.0 + np.exp(-(vectors @ weights.T + bias)))
    target = np.array([[name in row.themes for name in names] for row in rows], dtype=float)
    probs = np.clip(probs, 1e-6, 1 - 1e-6)
    return float(-np.mean(target * np.log(probs) + (1 - target) * np.log(1 - probs)))


# --- measuring ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """How a reading of themes compares with the labels on a set of messages."""

    n: int
    right: int  # messages whose first theme read is the labelled main one (or both say none)
    wrong: int  # messages read with a first theme that is not the labelled main one
    main: float  # right / n
    exact: float  # the set read is the labelled set
    precision: float  # of themes read, how many are labelled
    recall: float  # of themes labelled, how many are read
    wrong_main: list[tuple[str, tuple[str, ...], tuple[str, ...]]]  # (text, labelled, read)

    @property
    def f1(self) -> float:
        return 2 * self.precision * self.recall / max(1e-9, self.precision + self.recall)


def score(rows: Sequence[LabelledThemes], readings: Sequence[tuple[str, ...]]) -> Score:
    main = exact = read_right = read_all = labelled_all = off = 0
    wrong = []
    for row, got in zip(rows, readings, strict=True):
        want = row.themes
        ok = got[:1] == want[:1]
        main += ok
        off += bool(got) and not ok
        exact += set(got) == set(want)
        read_right += len(set(got) & set(want))
        read_all += len(got)
        labelled_all += len(want)
        if not ok:
            wrong.append((row.text, want, got))
    n = max(1, len(rows))
    return Score(
        len(rows),
        main,
        off,
        main / n,
        exact / n,
        read_right / max(1, read_all),
        read_right / max(1, labelled_all),
        wrong,
    )


#: What a wrong main theme costs against a missed one when the threshold is chosen: a wrong theme sends the reply
#: and the conversation after it off course, where a missed one leaves a general reply that still fits.
WRONG_COST = 1.5


def choose_threshold(
    worded: Sequence[tuple[str, ...]], probs: Sequence[dict[str, float]], rows: Sequence[LabelledThemes]
) -> float:
    """``add_at`` that reads dev's main themes best, a wrong main theme costing ``WRONG_COST`` missed ones (ties:
    the better F1, then the higher threshold)."""
    grid = [round(x, 2) for x in np.arange(0.05, 0.96, 0.05)]
    best = None
    for add in grid:
        s = score(rows, [_judged(w, p, add) for w, p in zip(worded, probs, strict=True)])
        key = (round(s.right - WRONG_COST * s.wrong, 6), round(s.f1, 6), add)
        if best is None or key > best[0]:
            best = (key, add)
    return best[1]


def _judged(worded: tuple[str, ...], probs: dict[str, float], add: float) -> tuple[str, ...]:
    if worded:
        return worded
    top = max(probs, key=probs.get)
    return (top,) if probs[top] >= add else ()


# --- training and the saved model ---------------------------------------------------------------------


@dataclass
class TrainingReport:
    counts: dict[str, int]
    c: float
    add_at: float
    dev_words: Score
    dev_model: Score


def train(write: bool = True, log=print) -> tuple[ThemeModel, TrainingReport]:
    """Fit on train, choose C and the threshold on dev, and (``write``) save ``model.npz`` and ``model.json``.

    The words' reading of each dev message comes from the chat's own :class:`Understander` with the model
    switched off, so the threshold is chosen for the exact reading the chat will combine with the model."""
    from haven.retrieval.embeddings import embed

    rows = load_labelled()
    names = theme_names()
    train_rows, dev_rows = part("train", rows), part("dev", rows)
    log(f"themes: {len(train_rows)} train, {len(dev_rows)} dev messages")
    x_train = embed([r.text.strip() for r in train_rows])
    x_dev = embed([r.text.strip() for r in dev_rows])
    best = None
    for c in C_GRID:
        weights, bias = fit(train_rows, x_train, c, names)
        loss = _log_loss(weights, bias, dev_rows, x_dev, names)
        log(f"  C={c}: dev log-loss {loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, c, weights, bias)
    _, c, weights, bias = best
    worded = words_reading([r.text for r in dev_rows])
    provisional = ThemeModel(names, weights, bias, 1.01)
    probs = [provisional.probabilities(v) for v in x_dev]
    add_at = choose_threshold(worded, probs, dev_rows)
    model = ThemeModel(names, weights, bias, add_at, data_hash(rows))
    report = TrainingReport(
        counts={"train": len(train_rows), "dev": len(dev_rows), "heldout": len(part("heldout", rows))},
        c=c,
        add_at=add_at,
        dev_words=score(dev_rows, worded),
        dev_model=score(dev_rows, [model.judge(w, v) for w, v in zip(worded, x_dev, strict=True)]),
    )
    if write:
        save_model(model, {"C": c, "trained_on": report.counts})
        load_model.cache_clear()
    return model, report


def words_reading(texts: Sequence[str]) -> list[tuple[str, ...]]:
    """The themes the chat reads from each message's words alone (no model), as a first message."""
    from haven.chat.understanding import Understander
    from haven.content.loader import load_default_library

    reader = Understander(load_default_library(), theme_model=False)
    return [reader.read(text).themes for text in texts]


def save_model(model: ThemeModel, extra: dict | None = None) -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(MODEL_FILE, weights=model.weights.astype(np.float32), bias=model.bias.astype(np.float32))
    meta = {
        "themes": list(model.themes),
        "add_at": model.add_at,
        "data_hash": model.data_hash,
        "chosen": "C by dev log-loss; add_at by dev main themes, a wrong one costing 1.5 missed (haven train-themes)",
    } | (extra or {})
    META_FILE.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def load_model() -> ThemeModel | None:
    """The saved model, or None when it is missing or was trained for other themes (the words then read alone)."""
    if not MODEL_FILE.exists() or not META_FILE.exists():
        return None
    meta = json.loads(META_FILE.read_text(encoding="utf-8"))
    if tuple(meta["themes"]) != theme_names():
        return None
    arrays = np.load(MODEL_FILE)
    return ThemeModel(
        tuple(meta["themes"]),
        arrays["weights"].astype(np.float32),
        arrays["bias"].astype(np.float32),
        float(meta["add_at"]),
        meta.get("data_hash", ""),
    )

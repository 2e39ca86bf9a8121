"""A learned second opinion on what kind of message this is, beside the intent rules of understanding.py.

Why: the rules read the words they were written for, and people say the same thing in many others. Read blind,
"felt like a new woman" after a night's sleep someone arranged was a feeling to explore, not something tried that
helped; "cheers, feels good to tell someone who gets why it's a big deal" was self-criticism, not thanks; "GUESS
WHO TOOK THE BUS INTO TOWN ON HER OWN TODAY" was not good news. The reply's whole shape follows the intent, so a
misread intent is the commonest reason a reply does not fit.

A small model, one multinomial logistic regression over the message's MiniLM embedding (the vector the chat
already makes, so reading costs a dot product), trained on the messages of the read benchmark conversations
labelled by their writers (``data/intents/labelled.yaml``). It never overrules a rule that found something
definite: it is asked only when the rules fell back on a general reading ("answer", "feeling" or
"acknowledgement", or a question, which may be asking for a person), and its reading is taken only for the kinds
whose reply differs (good news, a report of having
tried something and whether it helped, thanks, goodbye, small talk, wanting a person) and only when
it is sure, the threshold chosen on dev. Labelled messages are split by a stable hash of their words into train,
dev and held-out (as triage's and the themes' are). Training is deterministic: ``haven train-intents``.
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

from haven.yaml_files import read_yaml

DATA_DIR = Path(__file__).parent / "data" / "intents"
MODEL_FILE = DATA_DIR / "model.npz"
META_FILE = DATA_DIR / "model.json"

Split = Literal["train", "dev", "heldout"]
TRAIN_BELOW, DEV_BELOW = 70, 85
C_GRID = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)
#: The kinds the model may give: each has a reply of its own. "tried_helped" and "tried_not" are the chat's
#: "tried" with its outcome. Everything else a reader labels (an answer, a feeling, venting, a question, a yes
#: or a no to an offer...) is "other": the rules read those with the conversation's question, which the model
#: does not see.
KINDS = (
    "progress",
    "tried_helped",
    "tried_not",
    "thanks",
    "goodbye",
    "smalltalk",
    "human",
    "in_the_moment",
    "other",
)
#: The kinds the model's reading is taken for. A panic "right now" is learned (so such messages are not read as
#: another kind) but left to the rules, which give steps only when "now" is said: "I'm so anxious my heart is
#: pounding" is asked about first, and steps to someone not in the moment do not listen.
TAKEN = tuple(kind for kind in KINDS if kind not in ("other", "in_the_moment"))
#: The rules' general readings, the only ones the model may replace.
GENERAL = ("answer", "feeling", "acknowledgement")
#: What a wrong reading costs against a missed one when the threshold is chosen: a wrong kind of reply (cheering a
#: worry, a goodbye mid-conversation) costs more than a general reply that still listens.
WRONG_COST = 2.0


class LabelledIntent(BaseModel):
    """One message and the intent a careful reader gave it (the chat's names; tried_helped / tried_not)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True)

    text: str
    intent: str
    origin: str = ""  # the conversation set it came from ("from" in the file)

    @property
    def kind(self) -> str:
        return self.intent if self.intent in KINDS else "other"

    @property
    def split(self) -> Split:
        return split_of(self.text)


def split_of(text: str) -> Split:
    """The part a message belongs to, from a hash of its normalised words: adding messages moves none."""
    key = " ".join(text.lower().split())
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 100
    if bucket < TRAIN_BELOW:
        return "train"
    return "dev" if bucket < DEV_BELOW else "heldout"


def load_labelled(folder: Path = DATA_DIR) -> list[LabelledIntent]:
    """Every labelled message in ``folder``'s YAML files; a row that is not valid names its file and row."""
    rows: list[LabelledIntent] = []
    for path in sorted(folder.glob("*.yaml")):
        for number, raw in enumerate(read_yaml(path) or [], start=1):
            try:
                raw = dict(raw)
                rows.append(LabelledIntent(text=raw.pop("text"), intent=raw.pop("intent"), origin=raw.pop("from", "")))
                if raw:
                    raise ValueError(f"unknown field(s) {sorted(raw)}")
            except Exception as error:  # noqa: BLE001 - re-raised with where it is
                raise ValueError(f"{path.name}, row {number}: {error}") from error
    return rows


def part(split: Split, rows: Iterable[LabelledIntent]) -> list[LabelledIntent]:
    return [row for row in rows if row.split == split]


def data_hash(rows: Iterable[LabelledIntent]) -> str:
    """A hash of what the model learned from, kept beside it so a stale model is noticed by the tests."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row.text}\0{row.kind}\n".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class IntentModel:
    """A softmax over :data:`KINDS` on a unit-length MiniLM vector, and how sure it must be to be taken."""

    kinds: tuple[str, ...]
    weights: np.ndarray  # (kinds, 384)
    bias: np.ndarray  # (kinds,)
    take_at: float
    data_hash: str = ""

    def probabilities(self, vector: np.ndarray) -> dict[str, float]:
        scores = self.weights @ np.asarray(vector, dtype=np.float32) + self.bias
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        return {name: float(p) for name, p in zip(self.kinds, probs, strict=True)}

    def sure_kind(self, vector: np.ndarray) -> str | None:
        """The kind of message when the model is sure of one with a reply of its own, else None."""
        probs = self.probabilities(vector)
        top = max(probs, key=probs.get)
        return top if top in TAKEN and probs[top] >= self.take_at else None


def fit(rows: Sequence[LabelledIntent], vectors: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """One multinomial logistic regression (deterministic: lbfgs, no shuffling), rows in :data:`KINDS` order."""
    from sklearn.linear_model import LogisticRegression

    labels = [row.kind for row in rows]
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(vectors, labels)
    weights = np.zeros((len(KINDS), vectors.shape[1]), dtype=np.float32)
    bias = np.full(len(KINDS), -20.0, dtype=np.float32)  # a kind with no example never wins
    for i, name in enumerate(model.classes_):
        weights[KINDS.index(name)], bias[KINDS.index(name)] = model.coef_[i], model.intercept_[i]
    return weights, bias


@dataclass(frozen=True)
class Score:
    """How the model's sure readings compare with the labels: taken right, taken wrong, and kinds left to rules."""

    n: int
    labelled_kinds: int  # messages labelled with a kind of their own (not "other")
    right: int
    wrong: list[tuple[str, str, str]]  # (text, labelled, read)


def score(rows: Sequence[LabelledIntent], vectors: np.ndarray, model: IntentModel) -> Score:
    right, wrong = 0, []
    for row, vector in zip(rows, vectors, strict=True):
        read = model.sure_kind(vector)
        if read is None:
            continue
        if read == row.kind:
            right += 1
        else:
            wrong.append((row.text, row.kind, read))
    return Score(len(rows), sum(row.kind != "other" for row in rows), right, wrong)


def choose_threshold(rows: Sequence[LabelledIntent], vectors: np.ndarray, weights, bias) -> float:
    """``take_at`` that reads dev best, a wrong reading costing ``WRONG_COST`` missed ones (ties: the higher)."""
    best = None
    for take in [round(x, 2) for x in np.arange(0.30, 0.96, 0.05)]:
        s = score(rows, vectors, IntentModel(KINDS, weights, bias, take))
        key = (round(s.right - WRONG_COST * len(s.wrong), 6), take)
        if best is None or key > best[0]:
            best = (key, take)
    return best[1]


@dataclass
class TrainingReport:
    counts: dict[str, int]
    c: float
    take_at: float
    dev: Score


def train(write: bool = True, log=print) -> tuple[IntentModel, TrainingReport]:
    """Fit on train, choose C (dev log-loss) and the threshold on dev, and (``write``) save the model."""
    from haven.retrieval.embeddings import embed

    rows = load_labelled()
    train_rows, dev_rows = part("train", rows), part("dev", rows)
    log(f"intents: {len(train_rows)} train, {len(dev_rows)} dev messages")
    x_train = embed([r.text.strip() for r in train_rows])
    x_dev = embed([r.text.strip() for r in dev_rows])
    best = None
    for c in C_GRID:
        weights, bias = fit(train_rows, x_train, c)
        model = IntentModel(KINDS, weights, bias, 1.01)
        probs = np.array([[model.probabilities(v)[k] for k in KINDS] for v in x_dev])
        target = [KINDS.index(r.kind) for r in dev_rows]
        loss = float(-np.mean(np.log(np.clip(probs[np.arange(len(target)), target], 1e-9, 1.0))))
        log(f"  C={c}: dev log-loss {loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, c, weights, bias)
    _, c, weights, bias = best
    take_at = choose_threshold(dev_rows, x_dev, weights, bias)
    model = IntentModel(KINDS, weights, bias, take_at, data_hash(rows))
    report = TrainingReport(
        counts={"train": len(train_rows), "dev": len(dev_rows), "heldout": len(part("heldout", rows))},
        c=c,
        take_at=take_at,
        dev=score(dev_rows, x_dev, model),
    )
    if write:
        save_model(model, {"C": c, "trained_on": report.counts})
        load_model.cache_clear()
    return model, report


def save_model(model: IntentModel, extra: dict | None = None) -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(MODEL_FILE, weights=model.weights.astype(np.float32), bias=model.bias.astype(np.float32))
    meta = {
        "kinds": list(model.kinds),
        "take_at": model.take_at,
        "data_hash": model.data_hash,
        "chosen": "C by dev log-loss; take_at by dev, a wrong reading costing 2 missed (haven train-intents)",
    } | (extra or {})
    META_FILE.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def load_model() -> IntentModel | None:
    """The saved model, or None when it is missing or was trained for other kinds (the rules then read alone)."""
    if not MODEL_FILE.exists() or not META_FILE.exists():
        return None
    meta = json.loads(META_FILE.read_text(encoding="utf-8"))
    if tuple(meta["kinds"]) != KINDS:
        return None
    arrays = np.load(MODEL_FILE)
    return IntentModel(
        KINDS,
        arrays["weights"].astype(np.float32),
        arrays["bias"].astype(np.float32),
        float(meta["take_at"]),
        meta.get("data_hash", ""),
    )

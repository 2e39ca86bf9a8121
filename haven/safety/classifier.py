"""The learned half of triage: a small linear model over MiniLM meaning and character n-grams.

Why both: the sentence embedding carries meaning in words nobody listed ("I made sure the cat has a new home");
character n-grams carry what embeddings smooth away (k*ll, sewerslide, "quiero morirme", emoji turned into
words). Three heads share the features: level (none / concern / crisis), category and audience.

The model is plain arrays (``models/triage.npz``) with its thresholds and the hash of the labelled data it was
trained on (``models/triage.json``); ``haven train-triage`` rebuilds both deterministically from
``data/triage/``. Reading it needs numpy and mmh3 only (``ngrams.py``): no pickles, nothing from a network.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from haven.safety import ngrams

MODEL_DIR = Path(__file__).with_name("models")
MODEL_FILE = MODEL_DIR / "triage.npz"
META_FILE = MODEL_DIR / "triage.json"
N_CHAR_FEATURES = 2**15
N_WORD_FEATURES = 2**15
#: How much the 384 embedding dimensions weigh against the (l2-normalised) n-gram blocks.
EMBEDDING_WEIGHT = 1.0
#: crisis: crisis against none (concern left out, so the line is drawn where it matters most); level: none /
#: concern / crisis, for P(risk); category and audience: trained on risk messages only.
HEADS = ("crisis", "level", "category", "audience")
_lock = threading.Lock()


#: character n-grams (spelling, slang, other languages) and word 1-3-grams ("one last time")
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 3)


@dataclass(frozen=True)
class Features:
    """One batch of texts read for the heads: the embeddings and, per text, the hashed n-gram blocks.

    Kept apart rather than as one sparse matrix so reading a message needs numpy only (no scipy, no
    scikit-learn in the process); :meth:`matrix` gives the single matrix training fits on."""

    embeddings: np.ndarray
    chars: list
    words: list

    def matrix(self):
        from scipy import sparse

        dense = sparse.csr_matrix(self.embeddings * EMBEDDING_WEIGHT)
        return sparse.hstack(
            [dense, ngrams.as_matrix(self.chars, N_CHAR_FEATURES), ngrams.as_matrix(self.words, N_WORD_FEATURES)],
            format="csr",
            dtype=np.float32,
        )



def features(texts: list[str], embeddings: np.ndarray | None = None) -> Features:
    """The features of each text: its MiniLM embedding, hashed character n-grams and hashed word n-grams
    (the same numbers scikit-learn's ``HashingVectorizer`` gives, see ``ngrams.py``).

    ``texts`` are already read by :func:`haven.safety.patterns.model_text`. ``embeddings`` may be passed in
    when the caller has them (training embeds everything in one batch).
    """
    if embeddings is None:
        from haven.retrieval.embeddings import embed, embed_one

        # one short message is the common case: its embedding is cached for the rest of the turn
        embeddings = embed_one(texts[0])[None, :] if len(texts) == 1 else embed(texts)
    return Features(
        np.asarray(embeddings, dtype=np.float32),
        [ngrams.hashed(ngrams.char_wb_ngrams(t, *CHAR_NGRAMS), N_CHAR_FEATURES) for t in texts],
        [ngrams.hashed(ngrams.word_ngrams(t, *WORD_NGRAMS), N_WORD_FEATURES) for t in texts],
    )


@dataclass(frozen=True)
class Head:
    """One linear softmax head."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (classes, features)
    bias: np.ndarray  # (classes,)

    def probabilities(self, x) -> np.ndarray:
        """Softmax over the classes, for :class:`Features` (reading) or a feature matrix (training)."""
        logits = self._logits(x) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)

    def _logits(self, x) -> np.ndarray:
        if not isinstance(x, Features):
            return np.asarray(x @ self.weights.T)
        dim, chars_end = x.embeddings.shape[1], x.embeddings.shape[1] + N_CHAR_FEATURES
        return (
            (x.embeddings * EMBEDDING_WEIGHT) @ self.weights[:, :dim].T
            + ngrams.dot(x.chars, self.weights[:, dim:chars_end])
            + ngrams.dot(x.words, self.weights[:, chars_end:])
        )


@dataclass(frozen=True)
class Thresholds:
    """Chosen on the dev part only (``haven train-triage``): P(crisis) for crisis, P(risk) for concern, and
    the P(crisis) below which a weak pattern *mention* (never a strong pattern) is a concern, not a crisis;
    a lower P(crisis) suffices when a risk word corroborates it."""

    crisis: float
    concern: float
    mention_floor: float = 0.0
    #: P(crisis) enough when the message also holds a risk word no frame explains (``risk_cues``)
    crisis_with_cue: float = 1.0


@dataclass(frozen=True)
class TriageModel:
    crisis: Head
    level: Head
    category: Head
    audience: Head
    thresholds: Thresholds
    data_hash: str
    #: how much the fine-tuned encoder's voice (``encoder.py``) counts against the linear heads'; 0 = not used
    encoder_weight: float = 0.0

    def predict(self, texts: list[str], embeddings: np.ndarray | None = None) -> list[Prediction]:
        """Probabilities for each text (one embedding batch for all of them)."""
        if not texts:
            return []
        # the encoder's pass runs beside the embedding's (ONNX Runtime releases the GIL): on two cores the two
        # MiniLM passes of a message take the time of one
        encoder_pass = _encoder_pool().submit(_encoder_probabilities, texts) if self.encoder_weight > 0 else None
        x = features(texts, embeddings)
        crisis, level, category, audience = (
            h.probabilities(x) for h in (self.crisis, self.level, self.category, self.audience)
        )
        p_crisis = crisis[:, self.crisis.classes.index("crisis")]
        p_risk = 1.0 - level[:, self.level.classes.index("none")]
        if encoder_pass is not None:
            p_crisis, p_risk = self._with_encoder(encoder_pass.result(), p_crisis, p_risk)
        return [
            Prediction(
                crisis=float(p_crisis[i]),
                risk=float(p_risk[i]),
                category=self.category.classes[int(np.argmax(category[i]))],
                audience=self.audience.classes[int(np.argmax(audience[i]))],
            )
            for i in range(len(texts))
        ]

    def _with_encoder(self, probs: np.ndarray | None, p_crisis: np.ndarray, p_risk: np.ndarray):
        """Average in the encoder's P(crisis) and P(risk); without its file (None), the linear heads alone."""
        from haven.safety import encoder

        if probs is None:
            return p_crisis, p_risk
        w = self.encoder_weight
        crisis_i, none_i = encoder.LEVELS.index("crisis"), encoder.LEVELS.index("none")
        return (1 - w) * p_crisis + w * probs[:, crisis_i], (1 - w) * p_risk + w * (1.0 - probs[:, none_i])


@lru_cache(maxsize=1)
def _encoder_pool():
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="triage-encoder")


def _encoder_probabilities(texts: list[str]) -> np.ndarray | None:
    """The encoder's probabilities, or None when its file is missing (the linear heads then read alone)."""
    from haven.safety import encoder

    try:
        return encoder.current_encoder().probabilities(texts)
    except encoder.EncoderMissing:
        return None


@dataclass(frozen=True)
class Prediction:
    """What the model reads in one piece of text: P(crisis), P(concern or crisis), and its best guesses."""

    crisis: float
    risk: float
    category: str
    audience: str


def save_model(model: TriageModel, extra: dict | None = None) -> None:
    """Write the arrays (float16, compressed) and the readable metadata."""
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    arrays = {}
    meta: dict = {"data_hash": model.data_hash, "thresholds": vars(model.thresholds), "classes": {}}
    for name in HEADS:
        head: Head = getattr(model, name)
        arrays[f"{name}_weights"] = head.weights.astype(np.float16)
        arrays[f"{name}_bias"] = head.bias.astype(np.float32)
        meta["classes"][name] = list(head.classes)
    meta["n_char_features"], meta["n_word_features"] = N_CHAR_FEATURES, N_WORD_FEATURES
    meta["embedding_weight"] = EMBEDDING_WEIGHT
    meta["encoder_weight"] = model.encoder_weight
    meta.update(extra or {})
    np.savez_compressed(MODEL_FILE, **arrays)
    META_FILE.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


_in_use: TriageModel | None = None


def use_model(model: TriageModel | None) -> None:
    """Use this model instead of the saved one in this process (training, while it chooses thresholds)."""
    global _in_use
    _in_use = model


def current_model() -> TriageModel:
    """The model triage reads with: the one set by :func:`use_model`, else the saved one."""
    return _in_use if _in_use is not None else load_model()


class ModelMissing(RuntimeError):
    """The trained model is not on disk: run ``haven train-triage`` (patterns still run without it)."""


@lru_cache(maxsize=1)
def load_model() -> TriageModel:
    """The trained model, read once per process."""
    with _lock:
        if not MODEL_FILE.exists() or not META_FILE.exists():
            raise ModelMissing(f"{MODEL_FILE} is missing: run `haven train-triage`")
        meta = json.loads(META_FILE.read_text(encoding="utf-8"))
        arrays = np.load(MODEL_FILE)
        heads = {
            name: Head(
                tuple(meta["classes"][name]),
                arrays[f"{name}_weights"].astype(np.float32),
                arrays[f"{name}_bias"].astype(np.float32),
            )
            for name in HEADS
        }
        return TriageModel(
            **heads,
            thresholds=Thresholds(**meta["thresholds"]),
            data_hash=meta["data_hash"],
            encoder_weight=meta.get("encoder_weight", 0.0),
        )

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
from dataclasses import dataclass, replace
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
    return Features(np.asarray(embeddings, dtype=np.float32), *_ngram_blocks(texts))


def _ngram_blocks(texts: list[str]) -> tuple[list, list]:
    """Each text's hashed character and word n-grams: the part of :class:`Features` that needs no model."""
    return (
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
    #: the encoder this model averages in (a second model of an :class:`AveragedModel` has its own)
    encoder_file: Path | None = None  # None: ``encoder.ENCODER_FILE``

    def predict(self, texts: list[str], embeddings: np.ndarray | None = None) -> list[Prediction]:
        """Probabilities for each text (one embedding batch for all of them)."""
        if not texts:
            return []
        # the encoder's pass runs beside the embedding's (ONNX Runtime releases the GIL): on two cores the two
        # MiniLM passes of a message take the time of one
        encoder_pass = (
            _encoder_pool().submit(_encoder_probabilities, texts, self.encoder_file)
            if self.encoder_weight > 0
            else None
        )
        x = features(texts, embeddings)
        return self.read(x, encoder_pass.result() if encoder_pass is not None else None)

    def read(self, x: Features, encoder_probs: np.ndarray | None) -> list[Prediction]:
        """The heads over features already read, with the encoder's probabilities (None: not used, or its file
        missing) averaged in: what :meth:`predict` gives, for a caller that ran the models itself."""
        crisis, level, category, audience = (
            h.probabilities(x) for h in (self.crisis, self.level, self.category, self.audience)
        )
        p_crisis = crisis[:, self.crisis.classes.index("crisis")]
        p_risk = 1.0 - level[:, self.level.classes.index("none")]
        if self.encoder_weight > 0:
            p_crisis, p_risk = self._with_encoder(encoder_probs, p_crisis, p_risk)
        return [
            Prediction(
                crisis=float(p_crisis[i]),
                risk=float(p_risk[i]),
                category=self.category.classes[int(np.argmax(category[i]))],
                audience=self.audience.classes[int(np.argmax(audience[i]))],
            )
            for i in range(len(x.embeddings))
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


def _encoder_probabilities(texts: list[str], path: Path | None = None) -> np.ndarray | None:
    """The encoder's probabilities, or None when its file is missing (the linear heads then read alone)."""
    from haven.safety import encoder

    try:
        reader = encoder.current_encoder() if path is None else encoder.load_encoder(path)
        return reader.probabilities(texts)
    except encoder.EncoderMissing:
        return None


@dataclass(frozen=True)
class AveragedModel:
    """Two trained models read together: a weighted mean of their P(crisis) and P(risk), and the category and
    audience of the one that reads more risk.

    Why: the model trained before round 9 (no long everyday messages) reads short messages of every kind well but
    takes a long message about one's life for risk (a best-man speech, a flat-pack wardrobe); the one trained with
    round 9's long messages reads those right and lost some short crises (laxatives taken, "the people in the house
    are going to kill me"). Averaged, each softens the other's errors; half and half (round 9b) gave back the
    false alarms round 9 had removed, so the weight is chosen on dev (docs/benchmarks.md, round 9c). The thresholds
    are the average's own.
    """

    members: tuple[TriageModel, ...]
    thresholds: Thresholds
    data_hash: str
    #: each model's share of the average, in ``members`` order (chosen on dev: docs/benchmarks.md, round 9c)
    weights: tuple[float, ...]

    @property
    def encoder_weight(self) -> float:
        return min(m.encoder_weight for m in self.members)

    def predict(self, texts: list[str], embeddings: np.ndarray | None = None) -> list[Prediction]:
        if not texts:
            return []
        shared = self._shared_reader()
        if shared is not None:
            return self._combine(self._read_shared(shared, texts, embeddings))
        if embeddings is None:  # embedded once: every model reads the same MiniLM vectors
            from haven.retrieval.embeddings import embed, embed_one

            embeddings = embed_one(texts[0])[None, :] if len(texts) == 1 else embed(texts)
        return self._combine([m.predict(texts, embeddings) for m in self.members])

    def _shared_reader(self):
        """The one graph that gives the sentence vectors and every member's encoder probabilities
        (``encoder.SharedReader``), or None: a member without an encoder, an encoder set for training
        (``encoder.use_encoder``), or a graph that cannot be opened here (each model then reads on its own)."""
        from haven.safety import encoder

        if encoder.in_training() or any(m.encoder_weight <= 0 for m in self.members):
            return None
        return encoder.shared_reader([m.encoder_file or encoder.ENCODER_FILE for m in self.members])

    def _read_shared(self, shared, texts: list[str], embeddings: np.ndarray | None) -> list[list[Prediction]]:
        """Each member's predictions from one pass of the shared graph; the n-grams are hashed meanwhile (ONNX
        Runtime releases the GIL), once for all members."""
        graph_pass = _encoder_pool().submit(shared.read, texts)
        chars, words = _ngram_blocks(texts)
        vectors, encoder_probs = graph_pass.result()
        x = Features(np.asarray(vectors if embeddings is None else embeddings, dtype=np.float32), chars, words)
        return [m.read(x, probs) for m, probs in zip(self.members, encoder_probs, strict=True)]

    def _combine(self, readings: list[list[Prediction]]) -> list[Prediction]:
        """The weighted mean of the members' P(crisis) and P(risk), and the category and audience of the one
        that reads more risk, text by text."""
        out = []
        for each in zip(*readings, strict=True):
            surest = max(each, key=lambda p: p.risk)
            out.append(
                Prediction(
                    crisis=float(sum(w * p.crisis for w, p in zip(self.weights, each, strict=True))),
                    risk=float(sum(w * p.risk for w, p in zip(self.weights, each, strict=True))),
                    category=surest.category,
                    audience=surest.audience,
                )
            )
        return out


@dataclass(frozen=True)
class Prediction:
    """What the model reads in one piece of text: P(crisis), P(concern or crisis), and its best guesses."""

    crisis: float
    risk: float
    category: str
    audience: str


def save_model(model: TriageModel, extra: dict | None = None, member: str | None = None) -> None:
    """Write the arrays (float16, compressed) and the readable metadata; ``member``: as the averaged-in model of
    that name (``triage_<member>.*``). Retraining the main model keeps its ``average_with``."""
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    model_file, meta_file = (
        (MODEL_FILE, META_FILE) if member is None else (MODEL_DIR / f"triage_{member}.npz", MODEL_DIR / f"triage_{member}.json")
    )
    if member is None and META_FILE.exists():
        kept = json.loads(META_FILE.read_text(encoding="utf-8")).get("average_with")
        extra = {**(extra or {}), **({"average_with": kept} if kept else {})}
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
    np.savez_compressed(model_file, **arrays)
    meta_file.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


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
def load_model() -> TriageModel | AveragedModel:
    """The trained model, read once per process: with ``average_with`` in its metadata, averaged with that one."""
    with _lock:
        model, meta = _read_model(MODEL_FILE, META_FILE)
        average = meta.get("average_with")
        if not average:
            return model
        name = average["member"]
        other, _ = _read_model(MODEL_DIR / f"triage_{name}.npz", MODEL_DIR / f"triage_{name}.json", member=name)
    other = replace(other, encoder_file=MODEL_DIR / f"triage_encoder_{name}.npz")
    share = float(average.get("weight", 0.5))  # the averaged-in model's share
    return AveragedModel(
        (model, other), Thresholds(**average["thresholds"]), model.data_hash, weights=(1.0 - share, share)
    )


def _read_model(model_file: Path, meta_file: Path, member: str | None = None) -> tuple[TriageModel, dict]:
    """One model's arrays, and its metadata as read (``member``: the name of an averaged-in model, for the message)."""
    if not model_file.exists() or not meta_file.exists():
        how = f"haven train-triage --member {member}" if member else "haven train-triage"
        raise ModelMissing(f"{model_file} is missing: run `{how}`")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    arrays = np.load(model_file)
    heads = {
        name: Head(
            tuple(meta["classes"][name]),
            arrays[f"{name}_weights"].astype(np.float32),
            arrays[f"{name}_bias"].astype(np.float32),
        )
        for name in HEADS
    }
    model = TriageModel(
        **heads,
        thresholds=Thresholds(**meta["thresholds"]),
        data_hash=meta["data_hash"],
        encoder_weight=meta.get("encoder_weight", 0.0),
    )
    return model, meta

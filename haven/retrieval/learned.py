"""A learned reading of which documents a query is about: one probability per document.

Why: dense similarity and BM25 compare a query with the library's wording, so the obvious word wins ("racing
heart" finds breathing when the person says the doctor found nothing wrong; "I'm not anxious, I just keep
replaying what I said" finds anxiety). A small classifier trained on what people in each situation actually
say (``labelled.py``), with the misleading cases among them, learns which words decide and which mislead.

Features: the MiniLM embedding of the query as read (``query.reading``), the embedding of what it affirms
(``query.affirmed``: without "I'm not anxious,"), and hashed character n-grams of the text, so "panick",
"depresed" and "overthinkin" land near their spellings. Besides the labelled queries, it learns from the
library's own words for each document: an exercise's "when it helps" lines, every title and summary, every
article's section headings. The model is a multinomial
logistic regression: a weight matrix and a bias, stored as ``data/query_model.npz`` (float16, a few hundred KB)
with the hash of the data it was trained on. It is built by ``python -m haven.retrieval.training``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from haven.retrieval.embeddings import embed, embed_one
from haven.retrieval.labelled import DATA_DIR
from haven.retrieval.query import affirmed, reading

MODEL_FILE = DATA_DIR / "query_model.npz"
CHAR_FEATURES = 2**12  # hashed character 3-5-grams: enough for typos of a few hundred everyday words


def char_features(texts: list[str]) -> np.ndarray:
    """Hashed character 3-5-grams of each text (rows of unit length), through triage's ``haven.safety.ngrams``:
    the same numbers as scikit-learn's ``HashingVectorizer(analyzer="char_wb")`` without importing it."""
    from haven.safety.ngrams import char_wb_ngrams, hashed

    out = np.zeros((len(texts), CHAR_FEATURES), dtype=np.float32)
    for i, text in enumerate(texts):
        row = hashed(char_wb_ngrams(text, 3, 5), CHAR_FEATURES)
        out[i, row.indices] = row.values
    return out


def feature_parts(texts: list[str], batch: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The three parts of the features, apart (training weighs the last one several ways without re-embedding):
    MiniLM of the text as read, MiniLM of its affirmed part (``query.affirmed``: "I'm not anxious," dropped;
    the same vector when nothing is denied), and hashed character n-grams."""
    read = [reading(t) for t in texts]
    said = [affirmed(t) for t in read]
    if batch:  # one model call for every distinct text (a text with nothing denied is its own affirmed part)
        distinct = list(dict.fromkeys(read + said))
        vectors = dict(zip(distinct, embed(distinct), strict=True))
        whole, kept = np.stack([vectors[t] for t in read]), np.stack([vectors[t] for t in said])
    else:  # one query: embed_one's cache shares these with the dense ranking
        whole = np.stack([embed_one(t) for t in read])
        kept = np.stack([embed_one(t) for t in said])
    return whole, kept, char_features(read)


def join(parts: tuple[np.ndarray, np.ndarray, np.ndarray], char_weight: float) -> np.ndarray:
    whole, kept, chars = parts
    return np.hstack([whole, kept, char_weight * chars]).astype(np.float32)


def features(texts: list[str], char_weight: float, batch: bool = True) -> np.ndarray:
    """[MiniLM of the text | MiniLM of its affirmed part | char_weight * char n-grams], one row per text."""
    return join(feature_parts(texts, batch), char_weight)


@dataclass(frozen=True)
class QueryModel:
    """A trained query-to-document model (see module docstring)."""

    doc_ids: tuple[str, ...]
    weights: np.ndarray  # (documents, features)
    bias: np.ndarray  # (documents,)
    char_weight: float
    data_hash: str

    def probabilities(self, query: str) -> dict[str, float]:
        """P(document | query) for every document the model knows."""
        x = features([query], self.char_weight, batch=False)[0]
        return dict(zip(self.doc_ids, self.probabilities_of(x[None, :])[0].tolist(), strict=True))

    def probabilities_many(self, texts: list[str]) -> list[dict[str, float]]:
        """:meth:`probabilities` of several texts in one embedding call (the clauses of one message)."""
        rows = self.probabilities_of(features(texts, self.char_weight, batch=True))
        return [dict(zip(self.doc_ids, row.tolist(), strict=True)) for row in rows]

    def probabilities_of(self, x: np.ndarray) -> np.ndarray:
        """Softmax over documents, for rows of :func:`features`."""
        logits = x @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def save(self, path: Path = MODEL_FILE) -> None:
        meta = {"doc_ids": list(self.doc_ids), "char_weight": self.char_weight, "data_hash": self.data_hash}
        with path.open("wb") as handle:
            np.savez_compressed(
                handle, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode(), dtype=np.uint8),
            )  # fmt: skip


def load_query_model(path: Path = MODEL_FILE) -> QueryModel | None:
    """The committed model, or None when it is missing (search then fuses the other rankings only)."""
    if not path.exists():
        return None
    with np.load(path) as data:
        meta = json.loads(bytes(data["meta"]).decode())
        return QueryModel(
            doc_ids=tuple(meta["doc_ids"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            char_weight=float(meta["char_weight"]),
            data_hash=meta["data_hash"],
        )

"""Hashed character and word n-grams, exactly as scikit-learn's ``HashingVectorizer`` makes them, without
importing scikit-learn.

Why: importing ``sklearn.feature_extraction.text`` costs about 1.7 s per process, more than everything else
``haven triage`` does. The features are the same numbers (same analyzers, MurmurHash3 through the ``mmh3``
package, the same index rule, l2 norm), so a model trained with scikit-learn reads identically; a test
compares the two on the labelled messages. Training still uses scikit-learn; reading a message needs only this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import mmh3
import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")
_WORD = re.compile(r"(?u)\b\w+\b")


@dataclass(frozen=True)
class Hashed:
    """One text's features: column indices (sorted, unique) and their l2-normalised counts."""

    indices: np.ndarray
    values: np.ndarray


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside word boundaries, each word padded with one space (scikit-learn's ``char_wb``)."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:  # a word shorter than n is counted once
                break
    return grams


def word_ngrams(text: str, low: int, high: int, pattern: re.Pattern[str] = _WORD) -> list[str]:
    """Word n-grams over the tokens ``pattern`` finds in the lower-cased text (scikit-learn's ``word``)."""
    tokens = pattern.findall(text.lower())
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _column(gram: str, n_features: int) -> int:
    """scikit-learn's rule: the signed 32-bit MurmurHash3 (seed 0) of the UTF-8 bytes, absolute, modulo."""
    h = mmh3.hash(gram.encode("utf-8"), 0, signed=True)
    if h == -(2**31):
        return (2**31 - 1 - (n_features - 1)) % n_features
    return abs(h) % n_features


def hashed(grams: Iterable[str], n_features: int) -> Hashed:
    """Counts per column, l2-normalised (no alternating signs)."""
    columns = np.fromiter((_column(g, n_features) for g in grams), dtype=np.int64)
    if columns.size == 0:
        return Hashed(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
    indices, counts = np.unique(columns, return_counts=True)
    values = counts.astype(np.float64)
    values /= np.sqrt((values**2).sum())
    return Hashed(indices, values.astype(np.float32))


def as_matrix(rows: Sequence[Hashed], n_features: int):
    """The rows as a scipy CSR matrix (for training and tests; reading uses :func:`dot`)."""
    from scipy import sparse

    indptr = np.cumsum([0] + [len(r.indices) for r in rows])
    indices = np.concatenate([r.indices for r in rows]) if rows else np.zeros(0, dtype=np.int64)
    values = np.concatenate([r.values for r in rows]) if rows else np.zeros(0, dtype=np.float32)
    return sparse.csr_matrix((values, indices, indptr), shape=(len(rows), n_features), dtype=np.float32)


def dot(rows: Sequence[Hashed], weights: np.ndarray) -> np.ndarray:
    """``rows @ weights.T`` for a (classes, n_features) block of weights, one row per text."""
    out = np.zeros((len(rows), weights.shape[0]), dtype=np.float32)
    for i, row in enumerate(rows):
        if row.indices.size:
            out[i] = weights[:, row.indices] @ row.values
    return out

"""Triage reads n-grams without scikit-learn (``haven/safety/ngrams.py``): the features must be the very numbers
scikit-learn's HashingVectorizer gives, or the trained weights would be read against the wrong columns."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer

from haven.safety import classifier, ngrams
from haven.safety.labelled import load_labelled
from haven.safety.training import model_input

ODD_TEXTS = [
    "",
    "   ",
    "a",
    "I'm fine.  Really,   fine",
    "k*ll myself 🔪💊 tonight",
    "QUIERO MORIRME ya no puedo más",
    "mujhe jeene ka mann nahi hai yaar",
    "ich will nicht mehr leben — ende",
    "s u i c i d e",
    "tab\tand\nnewline\r\nmixed  spaces",
    "Ünïcödé ñ ß ø ÆØÅ 日本語のテキスト",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rows = load_labelled()
    return ODD_TEXTS + [model_input(r) for r in rows[::7]]


def _sklearn(texts, **kwargs):
    return HashingVectorizer(alternate_sign=False, norm="l2", **kwargs).transform(texts)


def test_character_ngrams_are_scikit_learns(texts):
    ours = ngrams.as_matrix(
        [ngrams.hashed(ngrams.char_wb_ngrams(t, 2, 5), classifier.N_CHAR_FEATURES) for t in texts],
        classifier.N_CHAR_FEATURES,
    )
    theirs = _sklearn(texts, analyzer="char_wb", ngram_range=(2, 5), n_features=classifier.N_CHAR_FEATURES)
    assert abs(ours - theirs).max() < 1e-6


def test_word_ngrams_are_scikit_learns(texts):
    ours = ngrams.as_matrix(
        [ngrams.hashed(ngrams.word_ngrams(t, 1, 3), classifier.N_WORD_FEATURES) for t in texts],
        classifier.N_WORD_FEATURES,
    )
    theirs = _sklearn(
        texts,
        analyzer="word",
        ngram_range=(1, 3),
        n_features=classifier.N_WORD_FEATURES,
        token_pattern=r"(?u)\b\w+\b",
    )
    assert abs(ours - theirs).max() < 1e-6


def test_reading_without_a_matrix_gives_the_matrix_answer(texts):
    """The reading path (numpy dot products per block) equals the training path (one sparse matrix)."""
    model = classifier.load_model()
    sample = texts[:40]
    x = classifier.features(sample, np.random.default_rng(0).normal(size=(len(sample), 384)).astype(np.float32))
    for each in getattr(model, "members", (model,)):  # every model of an average
        for head in (each.crisis, each.level, each.category, each.audience):
            assert np.allclose(head.probabilities(x), head.probabilities(x.matrix()), atol=1e-5)


def test_triage_does_not_import_scikit_learn_or_torch():
    """The whole point: a `haven triage` process stays light. Run in a fresh interpreter."""
    import subprocess
    import sys

    from haven.retrieval.embeddings import query_model
    from haven.safety.encoder import load_encoder

    assert query_model() is not None  # the graphs are exported (here, in this process) before the fresh one reads
    load_encoder()
    code = (
        "import sys; from haven.safety.triage import triage; triage('I feel a bit low today'); "
        "heavy = [m for m in ('sklearn', 'torch', 'sentence_transformers', 'scipy') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600)
    assert out.stdout.strip() == "", f"triage imported {out.stdout.strip()}"


def test_the_guards_character_ngrams_are_scikit_learns(texts):
    from haven.safety import guard

    theirs = _sklearn(texts, analyzer="char_wb", ngram_range=(2, 5), n_features=guard.N_CHAR_FEATURES)
    assert abs(guard._char_ngrams(texts) - theirs).max() < 1e-6

"""The query path reads MiniLM through ONNX Runtime: the same vectors as sentence-transformers, the same
triage probabilities as the torch encoder, and a working fallback when ONNX cannot run."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from haven.retrieval import embeddings, onnx_minilm

TEXTS = [
    "I feel a bit low today",
    "ok",
    "",
    "🙂🔪💊",
    "QUIERO MORIRME ya no puedo más",
    "I can't stop replaying what I said at the party, " * 40,  # longer than the 256 tokens read
]


@pytest.fixture(scope="module")
def sentence_vectors():
    model = embeddings.load_sentence_model()
    return np.asarray(model.encode(TEXTS, normalize_embeddings=True, show_progress_bar=False), dtype=np.float32)


def test_batch_vectors_match_sentence_transformers(sentence_vectors):
    assert embeddings.query_model() is not None, "ONNX Runtime should serve here"
    ours = embeddings.embed(TEXTS)
    assert ours.shape == sentence_vectors.shape
    assert np.abs(ours - sentence_vectors).max() < 1e-5


def test_one_text_matches_its_batch_row(sentence_vectors):
    embeddings.embed_one.cache_clear()
    for i, text in enumerate(TEXTS):
        assert np.abs(embeddings.embed_one(text) - sentence_vectors[i]).max() < 1e-5


def test_triage_encoder_reads_the_same_through_onnx_and_torch():
    from haven.safety import encoder

    texts = ["how many would be enough?", "staying at my sister's tonight", "I have the pills counted out", "hi"]
    onnx_reader = encoder.load_encoder()
    assert isinstance(onnx_reader, encoder.OnnxRiskEncoder)
    torch_reader = encoder.build(encoder.Adaptation.load())
    assert np.abs(onnx_reader.probabilities(texts) - torch_reader.probabilities(texts)).max() < 1e-4


def test_without_onnx_the_vectors_come_from_sentence_transformers(monkeypatch, caplog, sentence_vectors):
    def broken():
        raise RuntimeError("no graph can be written to the cache folder")

    monkeypatch.setattr(onnx_minilm, "base_model", broken)
    embeddings.query_model.cache_clear()
    embeddings.embed_one.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="haven.retrieval.embeddings"):
            vectors = embeddings.embed(TEXTS[:2])
            one = embeddings.embed_one(TEXTS[0])
        assert np.abs(vectors - sentence_vectors[:2]).max() < 1e-5
        assert np.abs(one - sentence_vectors[0]).max() < 1e-5
        assert "using sentence-transformers" in caplog.text
    finally:
        embeddings.query_model.cache_clear()
        embeddings.embed_one.cache_clear()


def test_a_graph_for_other_weights_is_removed_once_unused_for_two_weeks(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.setenv("HAVEN_CACHE_DIR", str(tmp_path))
    old = tmp_path / "minilm-aaaa-ort1.0.onnx"
    in_use_elsewhere = tmp_path / "minilm-dddd-ort1.0.onnx"  # another install sharing the cache folder
    other_model = tmp_path / "triage-encoder-bbbb-ort1.0.onnx"
    for path in (old, in_use_elsewhere, other_model):
        path.write_bytes(b"old graph")
    weeks_ago = time.time() - (onnx_minilm.STALE_AFTER_DAYS + 1) * 86400
    os.utime(old, (weeks_ago, weeks_ago))
    os.utime(other_model, (weeks_ago, weeks_ago))
    current = onnx_minilm.graph_path("minilm", "cccc")
    current.write_bytes(b"new graph")
    onnx_minilm._remove_stale("minilm", current)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([current.name, in_use_elsewhere.name, other_model.name])


def test_opening_a_cached_graph_marks_it_used(tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("HAVEN_CACHE_DIR", str(tmp_path))
    path = onnx_minilm.graph_path("minilm", "eeee")
    path.write_bytes(b"graph")
    os.utime(path, (0, 0))
    assert onnx_minilm.ensure_graph("minilm", "eeee", lambda: None) == path
    assert path.stat().st_mtime > 0


def test_the_graph_name_carries_the_weights_and_the_runtime(monkeypatch, tmp_path):
    import onnxruntime

    monkeypatch.setenv("HAVEN_CACHE_DIR", str(tmp_path))
    path = onnx_minilm.graph_path("minilm", onnx_minilm.base_fingerprint())
    assert path.parent == tmp_path
    assert onnx_minilm.base_fingerprint() in path.name and onnxruntime.__version__ in path.name

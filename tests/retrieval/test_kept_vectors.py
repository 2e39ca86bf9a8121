"""embed_kept: fixed texts' vectors kept on disk are the model's own, read back without the model, and made
again when the texts change or the file is damaged."""

from __future__ import annotations

import numpy as np
import pytest

from haven.retrieval import embeddings
from haven.retrieval.embeddings import embed, embed_kept

TEXTS = ["I can't stop worrying", "my chest is tight", "I feel flat and tired"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(embeddings, "kept_dir", lambda: tmp_path)
    return tmp_path


def _kept(cache):
    return sorted(cache.glob("vectors-*.npy"))


def _no_model(monkeypatch):
    def refuse(_texts):
        raise AssertionError("the model was asked")

    monkeypatch.setattr(embeddings, "embed", refuse)


def test_kept_vectors_are_the_models_and_are_read_back_without_it(cache, monkeypatch):
    first = embed_kept(TEXTS, "test")
    np.testing.assert_allclose(first, embed(TEXTS), atol=1e-6)
    assert len(_kept(cache)) == 1
    _no_model(monkeypatch)
    np.testing.assert_array_equal(embed_kept(TEXTS, "test"), first)


def test_changed_texts_are_embedded_again_and_the_older_file_goes(cache):
    embed_kept(TEXTS, "test")
    (before,) = _kept(cache)
    changed = embed_kept([*TEXTS, "a new exemplar"], "test")
    assert changed.shape == (4, 384)
    (after,) = _kept(cache)
    assert after != before


def test_a_damaged_file_is_embedded_again(cache):
    embed_kept(TEXTS, "test")
    (path,) = _kept(cache)
    path.write_bytes(b"damaged")
    np.testing.assert_allclose(embed_kept(TEXTS, "test"), embed(TEXTS), atol=1e-6)


def test_an_unwritable_cache_folder_costs_only_time(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setattr(embeddings, "kept_dir", lambda: blocked)
    np.testing.assert_allclose(embed_kept(TEXTS, "test"), embed(TEXTS), atol=1e-6)

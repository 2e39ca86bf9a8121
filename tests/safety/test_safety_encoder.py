"""The fine-tuned encoder beside triage's linear model: what is stored is what was learned, and what reads is
the same map that was trained."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from haven.safety import encoder


def test_a_low_rank_update_merged_into_the_weights_is_the_update_trained():
    """Training adds ``SCALE * B @ A`` beside a frozen map; reading merges it into the weights: same output."""
    generator = torch.Generator().manual_seed(1)
    base = torch.nn.Linear(6, 4)
    low_rank = encoder._low_rank(base, 2, generator)
    with torch.no_grad():
        low_rank.b.copy_(torch.randn(4, 2, generator=generator))
        x = torch.randn(3, 6, generator=generator)
        trained = low_rank(x)
        merged = torch.nn.Linear(6, 4)
        merged.load_state_dict(base.state_dict())
        merged.weight += encoder.SCALE * (low_rank.b @ low_rank.a)
        assert torch.allclose(trained, merged(x), atol=1e-5)


def test_an_encoder_with_no_update_reads_like_the_shared_minilm():
    """Zero factors leave MiniLM as it is: its pooled vector is the sentence embedding search uses."""
    from haven.retrieval.embeddings import embed_one

    tokenizer, model = encoder._base_model()
    names = list(encoder._adapted_linears(model))
    assert len(names) == encoder.LAYERS * 6  # q, k, v, attention out, feed-forward in and out per layer
    with torch.inference_mode():
        pooled = encoder._pool(model, tokenizer, ["I can't sleep before exams"])[0].numpy()
    assert np.allclose(pooled / encoder.POOL_SCALE, embed_one("I can't sleep before exams"), atol=1e-4)


def test_what_is_saved_loads_back_exactly(tmp_path):
    rng = np.random.default_rng(0)
    saved = encoder.Adaptation(
        {"layer5.output.dense": (rng.normal(size=(2, 8)), rng.normal(size=(4, 2)))},
        rng.normal(size=(3, 384)),
        rng.normal(size=3),
    )
    saved.save(tmp_path / "e.npz")
    loaded = encoder.Adaptation.load(tmp_path / "e.npz")
    a, b = loaded.factors["layer5.output.dense"]
    assert np.allclose(a, saved.factors["layer5.output.dense"][0], atol=1e-2)  # stored as float16
    assert np.allclose(b, saved.factors["layer5.output.dense"][1], atol=1e-2)
    assert np.allclose(loaded.head_weights, saved.head_weights)


def test_a_missing_encoder_file_is_named(tmp_path):
    with pytest.raises(encoder.EncoderMissing, match="haven train-triage"):
        encoder.Adaptation.load(tmp_path / "nothing.npz")


def test_the_saved_model_uses_the_saved_encoder(triage_model):
    """The shipped model averages in the encoder, and the encoder's file is there and reads three levels."""
    assert triage_model.encoder_weight > 0
    probs = encoder.load_encoder().probabilities(["I have the pills counted out for tonight", "what a lovely day"])
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert probs[0, encoder.LEVELS.index("crisis")] > probs[1, encoder.LEVELS.index("crisis")]


def test_the_average_of_adaptations_is_the_mean_of_their_updates():
    """A "soup" of trainings is one adaptation whose update is exactly the mean update and whose head the mean."""
    rng = np.random.default_rng(2)
    name = "layer5.output.dense"
    runs = [
        encoder.Adaptation(
            {name: (rng.normal(size=(2, 8)), rng.normal(size=(4, 2)))}, rng.normal(size=(3, 6)), rng.normal(size=3)
        )
        for _ in range(3)
    ]
    soup = encoder.Adaptation.average(runs)
    a, b = soup.factors[name]
    assert a.shape == (6, 8) and b.shape == (4, 6)  # rank grows with the count: the mean is exact, not a guess
    assert np.allclose(b @ a, np.mean([r.factors[name][1] @ r.factors[name][0] for r in runs], axis=0))
    assert np.allclose(soup.head_weights, np.mean([r.head_weights for r in runs], axis=0))
    assert np.allclose(soup.head_bias, np.mean([r.head_bias for r in runs], axis=0))


def test_only_like_adaptations_are_averaged():
    rng = np.random.default_rng(3)
    triage = encoder.Adaptation(
        {"m": (rng.normal(size=(2, 8)), rng.normal(size=(4, 2)))}, rng.normal(size=(3, 6)), rng.normal(size=3)
    )
    guard = encoder.Adaptation(
        {"m": (rng.normal(size=(2, 8)), rng.normal(size=(4, 2)))},
        rng.normal(size=(2, 6)),
        rng.normal(size=2),
        ("safe", "unsafe"),
    )
    with pytest.raises(ValueError, match="same maps over the same classes"):
        encoder.Adaptation.average([triage, guard])
    with pytest.raises(ValueError, match="nothing"):
        encoder.Adaptation.average([])

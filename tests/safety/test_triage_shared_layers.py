"""Triage's averaged model reads through one graph that runs MiniLM's shared bottom layers once: the same
sentence vectors, encoder probabilities, predictions and levels as the three separate graphs it replaced."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from haven.safety import classifier, encoder

TOLERANCE = 1e-4

#: short, long (past the encoders' 96 tokens, and past the sentence model's 256), emoji, other languages, empty
TEXTS = [
    "hi",
    "",
    "ok",
    "I have the pills counted out for tonight",
    "how many would be enough?",
    "staying at my sister's tonight",
    "what a lovely day",
    "🙂🔪💊",
    "I can't do this anymore 😭😭😭",
    "QUIERO MORIRME ya no puedo más",
    "je veux mourir",
    "how much weight can a doorframe take",
    "how much weight can a shelf take",
    "I'm not suicidal, just really tired of everything",
    "I tried to kill myself at 19. I'm in a much better place now.",
    "my friend said she wants to end it all and I don't know what to do",
    "what are the warning signs of suicide? asking for a school project",
    "the people in the house are going to kill me",
    "I took a whole bottle of laxatives an hour ago",
    "can't sleep before exams, any tips?",
    "k*ll myself lol jk... unless?",
    "sewerslide",
    "I wrote the letters and gave the dog to my neighbour",
    "he hits me when he's drunk and I'm scared to go home",
    "I keep hearing voices telling me I'm worthless",
    "haven't eaten in four days and I still feel fat",
    "Tomorrow is my best friend's wedding and I am the best man. " * 8,  # about 110 tokens
    "I spent the weekend building a flat-pack wardrobe and it was fine, " * 12,  # about 180 tokens
    "I can't stop replaying what I said at the party, " * 40,  # past 256 tokens
    "Work has been hard lately and my manager keeps moving the deadlines around, and honestly I am exhausted. "
    "Anyway, I've written the letters.",
]


@pytest.fixture(scope="module")
def averaged():
    model = classifier.load_model()
    if not isinstance(model, classifier.AveragedModel):
        pytest.skip("the shipped triage model averages no second model")
    return model


@pytest.fixture(scope="module")
def encoder_files(averaged):
    return [m.encoder_file or encoder.ENCODER_FILE for m in averaged.members]


@pytest.fixture(scope="module")
def shared(encoder_files):
    reader = encoder.shared_reader(encoder_files)
    assert reader is not None, "the shared graph should open here"
    return reader


def _separately(averaged, texts, monkeypatch):
    """Today's reading before the shared graph: the sentence model's graph and each encoder's own graph."""
    with monkeypatch.context() as patched:
        patched.setattr(encoder, "shared_reader", lambda paths: None)
        return averaged.predict(texts)


def test_both_encoders_adapt_only_the_top_layers(encoder_files):
    """What makes sharing possible: below the lowest adapted layer every model is MiniLM's own."""
    for path in encoder_files:
        layers = {int(name.split(".")[0].removeprefix("layer")) for name in encoder.Adaptation.load(path).factors}
        assert layers == set(range(6 - encoder.LAYERS, 6)), path.name


def test_the_shared_graph_gives_the_separate_graphs_numbers(shared, encoder_files):
    """One mixed batch (short, cut at 96 tokens, cut at 256): sentence vectors as ``embed`` gives them, and each
    encoder's probabilities as its own graph gives them."""
    from haven.retrieval.embeddings import embed

    vectors, probs = shared.read(TEXTS)
    assert np.abs(vectors - embed(TEXTS)).max() <= TOLERANCE
    assert len(probs) == len(encoder_files)
    for p, path in zip(probs, encoder_files, strict=True):
        assert np.abs(p - encoder.load_encoder(path).probabilities(TEXTS)).max() <= TOLERANCE


def test_one_text_at_a_time_reads_as_in_a_batch(shared):
    """Padding to the longest text of a batch changes nothing for the others."""
    vectors, probs = shared.read(TEXTS)
    for i, text in enumerate(TEXTS[:8] + TEXTS[-3:]):
        row = TEXTS.index(text)
        one_vector, one_probs = shared.read([text])
        assert np.abs(one_vector[0] - vectors[row]).max() <= TOLERANCE, i
        for p, batch_p in zip(one_probs, probs, strict=True):
            assert np.abs(p[0] - batch_p[row]).max() <= TOLERANCE, i


def test_the_shared_graph_matches_the_torch_encoders(shared, encoder_files):
    """The reference: the adapted weights merged in torch (what training reads with)."""
    _, probs = shared.read(TEXTS)
    for p, path in zip(probs, encoder_files, strict=True):
        torch_probs = encoder.build(encoder.Adaptation.load(path)).probabilities(TEXTS)
        assert np.abs(p - torch_probs).max() <= TOLERANCE, path.name


def test_more_texts_than_one_batch(shared):
    texts = [f"message number {i}: {'a little longer ' * (i % 7)}" for i in range(70)]
    vectors, probs = shared.read(texts)
    again, again_probs = shared.read(texts[60:])
    assert vectors.shape == (70, 384) and all(p.shape == (70, 3) for p in probs)
    assert np.abs(vectors[60:] - again).max() <= TOLERANCE
    assert np.abs(probs[1][60:] - again_probs[1]).max() <= TOLERANCE


def test_the_averaged_model_predicts_as_before(averaged, monkeypatch):
    new = averaged.predict(TEXTS)
    old = _separately(averaged, TEXTS, monkeypatch)
    assert max(abs(a.crisis - b.crisis) for a, b in zip(new, old, strict=True)) <= TOLERANCE
    assert max(abs(a.risk - b.risk) for a, b in zip(new, old, strict=True)) <= TOLERANCE
    assert [(p.category, p.audience) for p in new] == [(p.category, p.audience) for p in old]
    for text in TEXTS[:5]:  # one text alone: the sentence vector came from ``embed_one`` before
        [one] = averaged.predict([text])
        [before] = _separately(averaged, [text], monkeypatch)
        assert abs(one.crisis - before.crisis) <= TOLERANCE and abs(one.risk - before.risk) <= TOLERANCE


def test_triage_levels_are_unchanged(averaged, monkeypatch):
    from haven.safety.triage import read_message

    new = [read_message(text) for text in TEXTS]
    with monkeypatch.context() as patched:
        patched.setattr(encoder, "shared_reader", lambda paths: None)
        old = [read_message(text) for text in TEXTS]
    assert [(t.level, t.category, t.audience) for t in new] == [(t.level, t.category, t.audience) for t in old]


def test_given_embeddings_are_read_as_given(averaged, monkeypatch):
    """Training passes its own embeddings: the graph's sentence vectors must not replace them."""
    texts = TEXTS[:6]
    other = np.roll(np.asarray(_embed(texts)), 1, axis=0)  # each text given another's vector
    given = averaged.predict(texts, other)
    before = _separately_with(averaged, texts, other, monkeypatch)
    plain = averaged.predict(texts)
    assert max(abs(a.crisis - b.crisis) for a, b in zip(given, before, strict=True)) <= TOLERANCE
    assert max(abs(a.crisis - b.crisis) for a, b in zip(given, plain, strict=True)) > TOLERANCE


def _embed(texts):
    from haven.retrieval.embeddings import embed

    return embed(texts)


def _separately_with(averaged, texts, embeddings, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(encoder, "shared_reader", lambda paths: None)
        return averaged.predict(texts, embeddings)


def test_an_encoder_set_for_training_is_read_on_its_own(averaged, monkeypatch):
    """While training sets its own encoder, the saved files' shared graph would read the wrong weights."""
    monkeypatch.setattr(encoder, "_in_use", object())
    assert averaged._shared_reader() is None


def test_without_the_shared_graph_each_encoder_reads_on_its_own(averaged, encoder_files, monkeypatch, caplog):
    """A graph that cannot be written or opened costs time, never a reading: logged, then the separate path."""
    from haven.retrieval import onnx_minilm

    def broken(*args, **kwargs):
        raise RuntimeError("no graph can be written to the cache folder")

    monkeypatch.setattr(onnx_minilm, "ensure_graph", broken)
    encoder._open_shared.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="haven.safety.encoder"):
            assert encoder.shared_reader(encoder_files) is None
            predictions = averaged.predict(TEXTS[:4])
        assert "each encoder reads on its own" in caplog.text
        assert len(predictions) == 4
    finally:
        encoder._open_shared.cache_clear()


def test_a_missing_encoder_file_shares_nothing(tmp_path, encoder_files):
    assert encoder.shared_reader([encoder_files[0], tmp_path / "gone.npz"]) is None


def test_the_shared_graph_is_cached_under_the_files_identity(encoder_files, monkeypatch):
    """Exported once under a name carrying both files' contents: a retrained encoder gets its own graph."""
    from haven.retrieval import onnx_minilm

    names = []
    real = onnx_minilm.ensure_graph

    def spy(name, fingerprint, make_model, **kwargs):
        names.append((name, fingerprint))
        return real(name, fingerprint, make_model, **kwargs)

    monkeypatch.setattr(onnx_minilm, "ensure_graph", spy)
    encoder._open_shared.cache_clear()
    try:
        assert encoder.shared_reader(encoder_files) is not None
        assert encoder.shared_reader(encoder_files) is not None  # opened once per process
        assert len(names) == 1 and names[0][0] == "triage-shared"
        assert onnx_minilm.graph_path(*names[0]).exists()
    finally:
        encoder._open_shared.cache_clear()

"""The learned reader of good news (valence.py): its data, its saved model, the bounds its threshold was chosen
within, and how the chat meets good news that no pattern names."""

from __future__ import annotations

import numpy as np
from chat_helpers import play

from haven.chat import valence as V


def test_the_data_loads_with_every_label_and_splits_stably():
    rows = V.load_labelled()
    assert len(rows) >= 800
    assert {row.label for row in rows} == {"good", "hard", "mixed", "neutral"}
    assert all(V.split_of(row.text) == V.split_of("  " + row.text.upper() + " ") for row in rows[:50])
    assert {V.split_of(row.text) for row in rows} == {"train", "dev", "heldout"}


def test_the_saved_model_was_trained_on_the_data_as_it_is():
    model = V.load_model()
    assert model is not None
    assert model.data_hash == V.data_hash(V.load_labelled()), "data changed: run `haven train-valence`"
    assert model.weights.shape == (384,)


def test_the_threshold_keeps_the_dev_bounds():
    from haven.retrieval.embeddings import embed

    model = V.load_model()
    dev = V.part("dev", V.load_labelled())
    vectors = np.asarray(embed([row.text.strip() for row in dev]), dtype=np.float32)
    dev_score = V.score(dev, [model.good(v) for v in vectors])
    assert dev_score.hard_read_good == 0
    assert dev_score.precision >= V.MIN_PRECISION


def test_no_vector_or_no_model_reads_nothing_good(monkeypatch):
    assert not V.reads_good(None)
    monkeypatch.setattr(V, "load_model", lambda: None)
    assert not V.reads_good(np.ones(384, dtype=np.float32))


def test_choose_threshold_never_takes_one_that_reads_hard_as_good():
    rows = [
        V.LabelledValence(text="a", label="good"),
        V.LabelledValence(text="b", label="hard"),
        V.LabelledValence(text="c", label="good"),
    ]
    assert V.choose_threshold(rows, [0.9, 0.62, 0.55]) == 0.65  # 0.5-0.6 would read the hard one as good


def test_good_news_in_words_no_pattern_knows_is_met_gladly_at_its_size(service):
    replies = play(
        service,
        "We moved to Toronto four months ago and I'm finding it really hard to settle",
        "First one was lovely actually. One of the other volunteers is from Galway!",
    )
    assert replies[1].understood.intent == "progress"
    assert "congratulations" not in replies[1].text.lower()
    assert "hardest part" not in replies[1].text


def test_a_hard_message_is_not_met_as_good_news(service):
    replies = play(service, "the house feels so quiet without her, I keep setting two cups out")
    assert replies[0].understood.intent != "progress"


def test_good_news_by_meaning_is_never_read_in_an_answer_or_in_the_moment(service):
    """chat_heldout54, read after round 47's second read: each got "That sounds lovely"."""
    low = play(service, "I've been feeling really low lately", "bout a month, since carnival ended")
    assert low[1].understood.intent != "progress"
    panic = play(service, "help im on the tube and having a panic attack", "bit better. hands still shaky")
    assert panic[1].understood.intent != "progress" and "lovely" not in panic[1].text

"""The learned second opinion on what kind of message this is (intent_model.py): its data, its training, and
where the chat lets it speak. The messages here are written for these tests, not taken from the labelled data."""

from __future__ import annotations

import numpy as np
import pytest

from haven.chat import intent_model as IM
from haven.chat.dialogue import DialogueState, Pending
from haven.chat.understanding import Understander


def test_the_labelled_messages_are_valid_and_split_by_a_stable_hash():
    rows = IM.load_labelled()
    assert len(rows) >= 800
    parts = {split: len(IM.part(split, rows)) for split in ("train", "dev", "heldout")}
    assert parts["train"] > parts["dev"] > 0 and parts["heldout"] > 0
    assert {row.kind for row in rows} == set(IM.KINDS)  # every kind has examples to learn from
    assert IM.split_of("Thanks  SO much") == IM.split_of("thanks so much")


def test_a_row_without_an_intent_names_its_file_and_row(tmp_path):
    (tmp_path / "bad.yaml").write_text('- {text: "cheers", intent: thanks}\n- {text: "hello there"}\n')
    with pytest.raises(ValueError, match=r"bad\.yaml, row 2"):
        IM.load_labelled(tmp_path)


def test_the_saved_model_was_trained_on_the_data_in_the_repository():
    model = IM.load_model()
    assert model is not None, "haven/chat/data/intents/model.npz is missing: run `haven train-intents`"
    assert model.data_hash == IM.data_hash(IM.load_labelled()), "the labelled data changed: run `haven train-intents`"
    assert 0.3 <= model.take_at < 1.0


def test_training_again_gives_the_saved_model():
    saved = IM.load_model()
    again, _ = IM.train(write=False, log=lambda line: None)
    assert again.take_at == saved.take_at
    assert np.allclose(again.weights, saved.weights, atol=1e-4) and np.allclose(again.bias, saved.bias, atol=1e-4)


def _model(probabilities: dict[str, float], take_at: float = 0.6) -> IM.IntentModel:
    """A model whose softmax for any vector is the given one (unit tests need no MiniLM)."""
    p = np.array([probabilities.get(kind, 1e-6) for kind in IM.KINDS], dtype=np.float64)
    return IM.IntentModel(IM.KINDS, np.zeros((len(IM.KINDS), 3), np.float32), np.log(p).astype(np.float32), take_at)


def test_only_a_sure_reading_of_a_kind_with_its_own_reply_is_taken():
    one = np.ones(3, np.float32)
    assert _model({"thanks": 0.9, "other": 0.1}).sure_kind(one) == "thanks"
    assert _model({"thanks": 0.5, "other": 0.5}).sure_kind(one) is None  # not sure enough
    assert _model({"other": 0.9, "thanks": 0.1}).sure_kind(one) is None
    # a panic "right now" is learned but left to the rules, which give steps only when "now" is said
    assert _model({"in_the_moment": 0.95, "other": 0.05}).sure_kind(one) is None


@pytest.fixture(scope="module")
def readers(library):
    return Understander(library), Understander(library, intent_model=False)


def test_thanks_said_in_other_words_is_thanks(readers):
    learned, rules = readers
    text = "brilliant, thanks for listening, that's taken a weight off"
    assert rules.read(text).intent == "feeling"  # the words the rules know are not there
    assert learned.read(text).intent == "thanks"


def test_asking_for_a_real_counsellor_is_wanting_a_person(readers):
    learned, rules = readers
    text = "is there a real counsellor I could speak to instead of this?"
    assert rules.read(text).intent == "question"
    assert learned.read(text).intent == "human"


def test_a_reading_the_rules_found_definite_is_never_overruled(readers):
    learned, _ = readers
    assert learned.read("SHE SAID YES!!! we're engaged 💍").intent == "progress"
    assert learned.read("I feel like nobody at work even notices me").intent == "feeling"


def test_an_answer_to_havens_question_is_not_turned_into_thanks(readers):
    learned, _ = readers
    asked = DialogueState(pending=Pending(kind="open", text="What could you start with this week?"))
    reading = learned.read("brilliant, thanks for listening, that's taken a weight off", asked)
    assert reading.intent == "answer"

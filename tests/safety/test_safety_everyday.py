"""The second look at a crisis the triage model raised alone (``haven/safety/everyday.py``).

Everyday talk the model alone read as a crisis held the card over every later ordinary turn. A reader trained on
whole conversations may step such a crisis down to a gentle check-in; it never makes anything ``none``, never
touches a pattern's crisis, and a risk said in one sentence of an everyday message is judged on that sentence.
"""

from __future__ import annotations

import pytest

from haven.safety import everyday
from haven.safety.everyday_training import extract
from haven.safety.triage import decide, read, read_message


def test_the_saved_reader_was_trained_on_the_data_as_it_is_now():
    """Change data/everyday/turns.yaml (or triage's labelled data) and forget `haven train-everyday`: this fails."""
    from haven.safety.everyday_training import _labelled

    model = everyday.load_model()
    assert model is not None
    assert model.data_hash == everyday.data_hash(everyday.load_turns() + _labelled("train"))


def test_the_turns_are_what_the_read_sets_give():
    assert [t.model_dump() for t in extract()] == [t.model_dump() for t in everyday.load_turns()]


def test_everyday_talk_the_model_alone_read_as_a_crisis_is_a_check_in_not_the_card():
    text = "GP gave me zopiclone, the little 3.75 ones, and I only take one before my Saturday sleep like she said"
    reading = read(text)
    without = decide(reading, everyday_look=False)
    if not (without.is_crisis and without.source == "model"):
        pytest.skip("the model no longer reads this as a crisis; nothing for the second look to do")
    assert decide(reading).level == "concern"


@pytest.mark.parametrize(
    "text",
    [
        "morning was ok, did my homework and played fifa with my cousin, mum made jollof. im going to cut tonight",
        "how much antifreeze would it take. i know it's bad i just need to know",
        "the voices say my baby is evil and i need to do something about it",
        "I don't need you to reply. I just wanted to say thank you and goodbye.",
        "I've decided. the pills are counted out on the bed and I'm doing it tonight",
    ],
)
def test_crises_said_among_everyday_words_stay_crises(text):
    assert read_message(text).level == "crisis"


def test_a_missing_reader_leaves_the_crisis_standing(monkeypatch, tmp_path):
    monkeypatch.setattr(everyday, "MODEL_FILE", tmp_path / "none.npz")
    everyday.load_model.cache_clear()
    try:
        assert everyday.everyday_probability("nobody asks me anything these days") is None
        assert not everyday.reads_as_everyday(None)
    finally:
        everyday.load_model.cache_clear()

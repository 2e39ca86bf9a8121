"""The second opinion on crises the learned layer raises alone: its nearest labelled training messages."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from haven.safety import neighbours
from haven.safety.labelled import data_hash, load_labelled, part
from haven.safety.training import only_haven_context
from haven.safety.triage import Reading, _Fallback, decide, read


def _model_alone(share: float | None, risk_cue: bool = False) -> Reading:
    return Reading(
        hits=(), denials=(), risk_cue=risk_cue, language=None, crisis=0.95, risk=0.95,
        category="suicide", audience="self", window="a window", neighbour_crises=share,
    )


def test_a_model_alone_crisis_with_ordinary_neighbours_is_a_check_in_not_the_card():
    lowered = decide(_model_alone(0.1), _Fallback())
    assert lowered.level == "concern" and lowered.category == "suicide"
    assert "nearest labelled messages" in lowered.evidence


@pytest.mark.parametrize(
    ("share", "risk_cue"),
    [(0.2, False), (None, False), (0.0, True)],
    ids=["two crises among ten neighbours", "no opinion", "a risk word"],
)
def test_the_crisis_stands_otherwise(share, risk_cue):
    assert decide(_model_alone(share, risk_cue), _Fallback()).level == "crisis"


def test_a_pattern_crisis_is_never_asked_for_a_second_opinion(triage_model):
    reading = read("I've decided I'm going to end my life tonight")
    assert reading.hits and reading.neighbour_crises is None
    assert decide(replace(reading, neighbour_crises=0.0)).level == "crisis"


def test_a_message_in_another_language_is_left_to_the_model(triage_model):
    # a real crisis the model catches alone; MiniLM reads English, so its neighbours are not asked
    reading = read("hab mich gerade wieder geritzt, tiefer als sonst, und es hört nicht auf zu bluten")
    assert reading.neighbour_crises is None and decide(reading).level == "crisis"


def test_everyday_worry_read_as_a_crisis_by_the_model_is_not_the_card(triage_model):
    # from a chat dev set: a writer's fear about a deadline, P(crisis) 0.95 from the model alone; a check-in while only
    # the labelled messages were asked, answered since the read turns were added (it is one of them)
    reading = read("that it won't be good enough and she'll realise I shouldn't have been accepted")
    assert reading.crisis >= 0.66 and reading.neighbour_crises is not None
    assert decide(reading).level == "none"
    assert decide(replace(reading, neighbour_risk=None)).level == "concern"


def test_a_real_crisis_the_model_reads_alone_keeps_its_neighbours_and_the_card(triage_model):
    reading = read("I've got a hammer in my bag and I'm waiting outside his work. he's going to pay for this")
    assert decide(reading).level == "crisis"


def test_the_stored_neighbours_are_the_train_split_of_the_data_as_it_is_now():
    """Change the labelled data and forget `haven train-triage --neighbours`, and this fails."""
    stored = neighbours.load_neighbours()
    assert stored is not None and stored.data_hash == data_hash()
    train = part("train", [r for r in load_labelled() if only_haven_context(r)])
    labelled = stored.labelled if stored.labelled is not None else np.ones(len(stored.crisis), dtype=bool)
    assert int(labelled.sum()) == len(train)
    assert int(stored.crisis[labelled].sum()) == sum(r.level == "crisis" for r in train)


def test_the_share_counts_the_nearest_messages():
    vectors = np.array([[127, 0], [120, 30], [0, 127], [-127, 0]], dtype=np.int8)
    stored = neighbours.Neighbours(vectors, np.array([True, False, True, True]), "x")
    assert stored.crisis_share(np.array([1.0, 0.0]), nearest=2) == 0.5
    assert stored.crisis_share(np.array([0.0, 1.0]), nearest=1) == 1.0


def test_no_file_means_no_opinion_and_the_crisis_stands(tmp_path):
    assert neighbours.load_neighbours(tmp_path / "missing.npz") is None
    assert not neighbours.looks_ordinary(None)


def _model_concern(text):
    from haven.safety import Triage

    if text.startswith("anyway"):
        return Triage("none", None, "")
    return Triage("concern", "suicide", "model 0.40 crisis / 0.70 risk", "self", None, "model")


def test_a_check_in_is_not_asked_again_a_moment_later_for_the_model_alone(monkeypatch):
    """After a check-in the person talked on; a second learned-only concern with no risk word is not asked
    again, but a risk word in the same spot still is."""
    from haven.safety import conversation

    monkeypatch.setattr(conversation, "read_message", _model_concern)
    first = conversation.assess("some words the model reads as a worry")
    assert first.reply == "concern"
    ordinary = conversation.assess("anyway the copies are all marked now", first.state)
    again = conversation.assess("thanks for letting me rant, I feel a bit lighter", ordinary.state)
    assert again.reply == "normal"
    assert conversation.assess("and I keep going over it all", first.state).reply == "normal"  # straight after
    with_a_risk_word = conversation.assess("thanks, though I still think about suicide", ordinary.state)
    assert with_a_risk_word.reply != "normal"


def _model_check_in(risk_share: float | None, risk_cue: bool = False) -> Reading:
    return Reading(
        hits=(), denials=(), risk_cue=risk_cue, language=None, crisis=0.2, risk=0.9, category="suicide",
        audience="self", window="a window", sentences=("a window",), neighbour_risk=risk_share,
    )


def test_a_model_alone_check_in_with_no_risk_anywhere_near_is_answered():
    # "ok maybe the breathing one. he's asleep on my chest right now": nothing near it, labelled or read, was risk
    assert decide(_model_check_in(0.0), _Fallback()).level == "none"


@pytest.mark.parametrize(
    ("share", "risk_cue"),
    [(0.1, False), (None, False), (0.0, True)],
    ids=["one risky message among ten", "no opinion", "a risk word"],
)
def test_the_check_in_stands_otherwise(share, risk_cue):
    assert decide(_model_check_in(share, risk_cue), _Fallback()).level == "concern"


def test_the_risk_share_counts_read_turns_and_the_crisis_share_only_the_labelled():
    vectors = np.array([[127, 0], [120, 30], [126, 5]], dtype=np.int8)
    stored = neighbours.Neighbours(
        vectors, np.array([True, False, False]), "x",
        risk=np.array([True, False, False]), labelled=np.array([True, False, False]),
    )
    assert stored.crisis_share(np.array([1.0, 0.0]), nearest=2) == 1.0  # only one labelled message to ask
    assert stored.risk_share(np.array([1.0, 0.0]), nearest=3) == pytest.approx(1 / 3)
    old = neighbours.Neighbours(vectors, np.array([True, False, False]), "x")
    assert old.risk_share(np.array([1.0, 0.0])) is None


def test_the_stored_read_turns_are_the_read_sets_as_gathered():
    """Regather the read sets (benchmarks/read_turns.py) and forget `haven train-triage --neighbours`, and this fails."""
    from haven.safety.training import read_turns

    stored = neighbours.load_neighbours()
    turns = read_turns()
    assert stored is not None and stored.labelled is not None and stored.risk is not None
    assert int((~stored.labelled).sum()) == len(turns) > 10_000
    assert int(stored.risk[~stored.labelled].sum()) == sum(level != "none" for _, level in turns)


def test_a_model_alone_crisis_with_no_risk_anywhere_near_is_answered():
    reading = replace(_model_alone(0.0), neighbour_risk=0.0)
    assert decide(reading, _Fallback()).level == "none"
    assert decide(replace(_model_alone(0.0), neighbour_risk=0.1), _Fallback()).level == "concern"
    assert decide(replace(_model_alone(0.2), neighbour_risk=0.0), _Fallback()).level == "crisis"

"""Questionnaire scoring at every published band boundary, the PHQ-9 item 9 rule, and bad answers."""

from __future__ import annotations

import pytest

from haven.tracking.instruments import get_instrument, load_instruments
from haven.tracking.scoring import AnswerError, score


def answers_totalling(instrument_id: str, raw: int, keep_item_9_zero: bool = True) -> list[int]:
    """Item answers adding up to ``raw``, filled from the first item (item 9 of the PHQ-9 left at 0)."""
    instrument = get_instrument(instrument_id)
    answers = [0] * len(instrument.items)
    order = [i for i in range(len(answers)) if not (keep_item_9_zero and instrument.crisis_item == i + 1)]
    for i in order:
        answers[i] = min(instrument.max_answer, raw)
        raw -= answers[i]
    assert raw == 0, "total out of reach"
    return answers


PHQ9_BOUNDARIES = [
    (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
    (15, "moderately severe"), (19, "moderately severe"), (20, "severe"), (24, "severe"),
]  # fmt: skip
GAD7_BOUNDARIES = [
    (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
    (15, "severe"), (21, "severe"),
]  # fmt: skip
# WHO-5: raw x 4; at or below 28 likely depression, at or below 50 poor wellbeing.
WHO5_BOUNDARIES = [
    (0, 0, "likely depression"), (7, 28, "likely depression"), (8, 32, "poor wellbeing"),
    (12, 48, "poor wellbeing"), (13, 52, "good wellbeing"), (25, 100, "good wellbeing"),
]  # fmt: skip


@pytest.mark.parametrize("total, band", PHQ9_BOUNDARIES)
def test_phq9_bands(total, band):
    result = score("phq9", answers_totalling("phq9", total))
    assert (result.total, result.band, result.crisis) == (total, band, False)


def test_phq9_maximum_is_severe_and_a_crisis():
    result = score("phq9", [3] * 9)
    assert (result.total, result.band, result.crisis) == (27, "severe", True)


@pytest.mark.parametrize("total, band", GAD7_BOUNDARIES)
def test_gad7_bands(total, band):
    result = score("gad7", answers_totalling("gad7", total))
    assert (result.total, result.band, result.crisis) == (total, band, False)


@pytest.mark.parametrize("raw, percent, band", WHO5_BOUNDARIES)
def test_who5_percentage_and_bands(raw, percent, band):
    result = score("who5", answers_totalling("who5", raw))
    assert (result.raw_total, result.total, result.band) == (raw, percent, band)
    assert result.seek_help is (band == "likely depression")


@pytest.mark.parametrize("item_9", [1, 2, 3])
def test_any_answer_above_not_at_all_on_phq9_item_9_is_a_crisis(item_9):
    result = score("phq9", [0] * 8 + [item_9])
    assert result.crisis and result.seek_help
    assert result.band == "minimal"  # the band still follows the total; the crisis is separate


def test_no_other_item_makes_a_crisis():
    for position in range(8):
        answers = [0] * 9
        answers[position] = 3
        assert not score("phq9", answers).crisis
    assert not score("gad7", [3] * 7).crisis
    assert not score("who5", [0] * 5).crisis


@pytest.mark.parametrize(
    "instrument, answers, message",
    [
        ("phq9", [0] * 8, "has 9 questions; got 8"),
        ("phq9", [0] * 10, "has 9 questions; got 10"),
        ("gad7", [0, 0, 0, 0, 0, 0, 4], "answer 7 is 4; each answer is 0 to 3"),
        ("who5", [0, 6, 0, 0, 0], "answer 2 is 6; each answer is 0 to 5"),
        ("phq9", [-1] + [0] * 8, "answer 1 is -1"),
        ("gad7", ["x"] + [0] * 6, "answer 1 is 'x'"),
    ],
)
def test_bad_answers_are_refused_plainly(instrument, answers, message):
    with pytest.raises(AnswerError, match=message):
        score(instrument, answers)


def test_names_are_forgiving_and_unknown_ones_refused():
    assert score("PHQ-9", [0] * 9).instrument == "phq9"
    with pytest.raises(KeyError):
        score("bdi", [0])


def test_instrument_definitions_keep_published_shape():
    instruments = load_instruments()
    assert {k: len(v.items) for k, v in instruments.items()} == {"phq9": 9, "gad7": 7, "who5": 5}
    assert (
        instruments["phq9"].items[8]
        == "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert [o.label for o in instruments["gad7"].options] == [
        "Not at all", "Several days", "More than half the days", "Nearly every day"
    ]  # fmt: skip
    assert instruments["who5"].max_total == 100
    for instrument in instruments.values():
        assert instrument.source_url.startswith("https://")


def test_json_shape_is_the_cli_contract():
    assert score("who5", [5, 5, 5, 5, 5]).as_json() == {
        "instrument": "who5", "total": 100, "band": "good wellbeing", "crisis": False
    }  # fmt: skip

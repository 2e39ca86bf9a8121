"""Answers are checked against their step: ratings in range, choices among options, list sizes."""

from __future__ import annotations

import pytest

from haven.exercises.answers import InvalidAnswer, clean_answer, free_texts, missing_answer


def step(exercise, step_id):
    return next(s for s in exercise.steps if s.id == step_id)


def test_rating_in_range_and_whole(small_exercise):
    rating = step(small_exercise, "belief_before")
    assert clean_answer(rating, 7) == 7
    assert clean_answer(rating, 3.0) == 3
    for bad in (11, -1, 2.5, "7", True, None):
        with pytest.raises(InvalidAnswer):
            clean_answer(rating, bad)


def test_choice_must_be_an_option_and_keeps_exercise_order(small_exercise):
    many = step(small_exercise, "traps")
    assert clean_answer(many, ["C", "A", "A"]) == ["A", "C"]
    assert clean_answer(many, []) == []
    assert missing_answer(many, []) is None  # picking no trap is a fine answer
    with pytest.raises(InvalidAnswer):
        clean_answer(many, ["A", "Z"])
    one = step(small_exercise, "pick")
    assert clean_answer(one, "no") == "no"
    assert missing_answer(one, None) == "Pick one of the options."
    with pytest.raises(InvalidAnswer):
        clean_answer(one, "maybe")


def test_list_drops_blanks_and_respects_bounds(small_exercise):
    lst = step(small_exercise, "evidence")
    assert clean_answer(lst, [" one ", "", "  ", "two"]) == ["one", "two"]
    with pytest.raises(InvalidAnswer):
        clean_answer(lst, ["a", "b", "c", "d"])
    with pytest.raises(InvalidAnswer):
        clean_answer(lst, "just a string")
    assert missing_answer(lst, []) == "Add at least 1 item."
    assert missing_answer(lst, ["x"]) is None


def test_prompt_required_unless_optional(small_exercise):
    required, optional = step(small_exercise, "situation"), step(small_exercise, "next_step")
    assert clean_answer(required, "  hello ") == "hello"
    assert missing_answer(required, "") is not None
    assert missing_answer(optional, "") is None
    with pytest.raises(InvalidAnswer):
        clean_answer(required, 42)
    with pytest.raises(InvalidAnswer):
        clean_answer(required, "x" * 6000)


def test_timer_done_or_skipped(small_exercise):
    timer = step(small_exercise, "breathe")
    assert clean_answer(timer, "done") == "done"
    assert clean_answer(timer, "skipped") == "skipped"
    assert missing_answer(timer, None) is not None
    with pytest.raises(InvalidAnswer):
        clean_answer(timer, "halfway")


def test_only_free_text_goes_to_triage(small_exercise):
    assert free_texts(step(small_exercise, "situation"), "a thought") == ["a thought"]
    assert free_texts(step(small_exercise, "evidence"), ["x", " ", "y"]) == ["x", "y"]
    assert free_texts(step(small_exercise, "belief_before"), 5) == []
    assert free_texts(step(small_exercise, "traps"), ["A"]) == []

"""Questions about Haven's own check-ups are answered from their published bands, never as a diagnosis
(haven/chat/checkups.py). chat_heldout24 (read): "I did the GAD-7 in the app and got 11. What does that mean?" was
met with "What usually helps you, even a little?"."""

from __future__ import annotations

from haven.chat import checkups
from haven.chat.understanding import normalise


def _answer(text: str) -> str:
    return " ".join(checkups.answer(normalise(text)))


def test_a_score_is_placed_in_its_published_band():
    said = _answer("Hi, I did the GAD-7 in the app and got 11. What does that mean?")
    assert "moderate" in said and "not a diagnosis" in said
    assert "minimal" in _answer("scored 3 on the phq-9, is that ok?")
    assert "severe" in _answer("my phq9 came out at 22 what does it mean")


def test_what_a_check_up_asks_about_and_how_often_to_take_it():
    said = _answer("Is it worth doing the PHQ-9 as well or is that only for depression?")
    assert "low mood" in said and "GAD-7" in said
    assert "two weeks" in _answer("how often should I redo the GAD-7?")


def test_only_a_check_up_named_is_asked_about():
    assert checkups.asked(normalise("got 11 on the GAD-7"))
    assert not checkups.asked(normalise("I got 11 on my maths test, what does that mean?"))
    assert not checkups.asked(normalise("my anxiety is really bad"))


def test_a_number_of_days_is_no_score():
    assert not checkups.score_given(normalise("I did the GAD-7 for 3 days in a row"))

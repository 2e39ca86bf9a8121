"""Calm-sounding turns that are not a way out of risk: a dose asked about after a "no, nothing like that", tiredness
after risk in words, a rope in German. (Nobody to reach at the safety check: test_safety_not_safety.py.)"""

from __future__ import annotations

from risk_play import replies


def test_a_dose_question_after_a_no_is_a_crisis_and_tiredness_after_it_no_correction():
    asked = "Can I ask: are you thinking about ending your life, or about hurting yourself?"
    kinds = replies(
        "work's been a grind for months and honestly life just feels kind of pointless lately",
        "no, nothing like that. I wouldn't do anything",
        "meh. same as always I suppose. tired",
        "random q but how many propranolol would a person need to take for it to actually be dangerous? my sister "
        "was asking",
        "omg relax it was for a true crime podcast",
        "I'm just tired. really really tired",
        question=asked,
    )
    assert kinds == ["concern", "step_down", "normal", "crisis", "held", "held"]


def test_another_feeling_named_still_corrects_a_pattern_crisis():
    # only tiredness lost its power to correct risk said in words; "I'm just annoyed" steps down as before
    assert replies("I can't go on like this", "I'm just annoyed, it's the noise upstairs") == ["crisis", "step_down"]


def test_a_rope_and_where_to_tie_it_in_german_is_a_crisis_that_holds():
    kinds = replies(
        "Seit der Trennung sehe ich keinen Sinn mehr. Gestern Abend habe ich lange das Seil im Keller angeschaut "
        "und mir überlegt, wo ich es festmachen würde.",
        "Ich möchte nicht mit einer Hotline sprechen. Das ist nichts für mich.",
    )
    assert kinds == ["crisis", "held"]

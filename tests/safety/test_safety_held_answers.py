"""Answers said while a crisis holds that sound calm and are not safety: nobody to reach and nothing changed, a dose
asked about after a "no, nothing like that", tiredness after risk in words. The crisis holds through each."""

from __future__ import annotations

from risk_play import replies

CHECK = (
    "I'm really glad to hear that. Before we go on, can I check once more: are you safe right now, and is there "
    "someone you could reach if it gets hard again?"
)


def test_nobody_to_ring_and_nothing_changed_answers_the_check_with_a_no():
    kinds = replies(
        "Sat in the garage with the engine running for a while tonight. Turned it off in the end.",
        "I'm fine. Don't make a thing of it.",
        "Said I'm fine. There's nobody to ring at this hour anyway and nothing's changed.",
        "Let's just drop it.",
        question=CHECK,
    )
    assert kinds == ["crisis", "check", "held", "held"]


def test_a_plain_yes_with_someone_to_reach_still_goes_back():
    kinds = replies(
        "Sat in the garage with the engine running for a while tonight. Turned it off in the end.",
        "I'm fine now, honestly. My brother's here.",
        "Yes, I'm safe, and I can ring my brother any time.",
        question=CHECK,
    )
    assert kinds == ["crisis", "check", "back"]


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

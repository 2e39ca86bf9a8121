"""Help arriving in a person's own everyday words while a crisis holds (``help_arrived`` in conversation.yaml).

Blind risk conversations kept holding the crisis card after someone close had come, rung a line or taken the
means away ("my mum came in and won't leave, she's rung the crisis number"): the person was told the same thing
again instead of being asked, once, whether they are safe now. Help arriving moves a held crisis only to that one
safety check; means named with no one else taking them, danger named again, or doubt about being safe keep it.
"""

from __future__ import annotations

import pytest

from haven.safety.conversation import assess

OPENING = "I've got the tablets out on the bed and I want to take them all tonight"
THIRD_PARTY = "my friend just texted that she's taken all her pills and she's saying goodbye"


def _after(opening: str, text: str) -> str:
    crisis = assess(opening)
    assert crisis.reply == "crisis"
    return assess(text, crisis.state).reply


@pytest.mark.parametrize(
    "text",
    [
        "my dad came home early and saw my face. he's sitting with me in the kitchen now",
        "my neighbour knocked and I let her in. she's staying with me tonight",
        "my sister has put all the tablets in her handbag and she's rung the crisis line for me",
        "he took the packets home with him and my brother is coming round after his shift",
        "the tablets are in her car now and she won't leave, I'm calmer I think",
        "mi hermana ha venido y se ha llevado las pastillas",
        # round 17 (risk_conversations_heldout17's shapes, in other words)
        "my partner's taken both packets into his room and he's not going to sleep yet",
        "my nan's took them all off me and we're sat in the kitchen",
        "the paramedics are outside now, my neighbour is letting them in",
        "my housemate drove me to A&E, they're keeping me in tonight",
        "Die Polizei ist da und mein Bruder ist bei mir",
        # round 18: dialect, and the risk named as it is put down
        "our Shaz has come round and she's sat with me on the sofa",
        "I'm ok now. I won't do it, I promise, I'm just going to sit with my dog",
    ],
)
def test_someone_close_arriving_or_taking_the_means_away_is_checked_once(text):
    assert _after(OPENING, text) == "check"


@pytest.mark.parametrize(
    "text",
    [
        # the person's own plan, not someone taking the means away
        "I put the tablets in the car, I'm going to drive somewhere quiet",
        # danger named again beside someone arriving
        "my brother came round but I'm not sure I'm safe, I still want to take them",
        # someone came, but the means are still there
        "my dad came home early and saw the tablets. he's sitting with me in the kitchen now",
        # a feeling that came over them is no person arriving
        "the urge came back and my flatmate is out",
        "he took the knife and came at me",
    ],
)
def test_a_plan_danger_or_doubt_beside_those_words_keeps_the_crisis(text):
    assert _after(OPENING, text) == "held"


def test_a_child_made_safe_by_the_person_is_checked_once():
    crisis = "my 12 year old says he wants to jump off the balcony and he's out there now"
    assert _after(crisis, "I've got him, he's inside with me and I've locked the balcony door") == "check"


def test_an_emergency_call_made_for_someone_else_still_holds_until_help_is_with_them():
    assert _after(THIRD_PARTY, "ok I've rung 999 and given them her address, they're sending someone") == "held"
    assert _after(THIRD_PARTY, "they found her. she's on the way to A&E with her mum") == "check"


def test_someone_elses_overdose_is_never_read_as_the_means_taken_away():
    assert _after(THIRD_PARTY, "my brother took all his tablets too, both of them now") == "held"


HARM_TO_OTHERS = "Gun's in the pickup, loaded. I'm going down there now and when he comes out I'll put him on the ground."


@pytest.mark.parametrize(
    "text",
    [
        "Aled's here. He's unloaded it and taken the gun and the box of cartridges back to his, locked in his cabinet",
        "my brother has taken the gun away, he's sat with me now",
    ],
)
def test_someone_else_taking_the_weapon_moves_a_threat_to_the_safety_check(text):
    assert _after(HARM_TO_OTHERS, text) == "check"


@pytest.mark.parametrize(
    "text", ["I have taken the gun away with me", "I took the gun to his place", "I've unloaded it and I'm going over"]
)
def test_the_person_taking_the_weapon_themselves_keeps_the_threat_held(text):
    assert _after(HARM_TO_OTHERS, text) == "held"

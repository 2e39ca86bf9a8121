"""Turning down what Haven offered is no crisis (conversation.py, _turned_down_an_offer; conversation.yaml, offered
and turned_down), and a craving said as an idiom is no risk word (patterns.yaml, the craving frame).

chat_heldout24 (read): "not tonight, I'm wiped. I could murder a burrito rn and then sleep for 12 hours", in reply to
an offer, raised the crisis card (the learned layer read "not tonight im wiped" 0.82) and held it."""

from __future__ import annotations

import pytest

from haven.safety import triage
from haven.safety.conversation import RiskState, assess

OFFER = "Here is something you could try: Box breathing. Would you like to try box breathing now?"


def test_not_tonight_to_an_offer_is_a_no_thanks():
    result = assess("not tonight, I'm wiped. I could murder a burrito rn and then sleep for 12 hours", RiskState(), OFFER)
    assert result.reply == "normal"


@pytest.mark.parametrize(
    "text",
    [
        "not tonight, I've got the pills ready",
        "no thanks, I just want to die",
        "maybe later. I won't be here tomorrow anyway",
    ],
)
def test_risk_words_after_turning_down_are_read_as_ever(text, triage_model):
    assert assess(text, RiskState(), OFFER).reply == "crisis"


def test_without_an_offer_the_message_is_read_alone(triage_model):
    assert assess("not tonight im wiped", RiskState(), "How was your day?").reply == assess(
        "not tonight im wiped", RiskState(), None
    ).reply


def test_a_craving_is_no_risk_word_but_murdering_someone_is(triage_model):
    assert triage("I'm wiped. I could murder a burrito rn and then sleep for 12 hours").level == "none"
    assert triage("I could murder a burrito. I'm going to murder him when he gets home").level == "crisis"

"""A question for the first or next step is not a crisis by its own words (round 40, seen trying the chat).

"maybe. what would the first step be?", in a talk about a tax return put off, was read by the learned layer as a
crisis (0.81) with no risk word; asked about, the check-in's question ("are you thinking about ending your life?")
then made "ok i'll try that tomorrow morning" read with it as the card, which held into the next conversation.
A message made only of such a question (beside "maybe" or "ok"), with no risk word, is now none
(``step_question`` in patterns.yaml); a risk word beside it, or a crisis open in the conversation, still counts.
"""

from __future__ import annotations

import pytest

from haven.safety.conversation import RiskState, assess
from haven.safety.triage import read_message


@pytest.mark.parametrize(
    "said",
    [
        "what would the first step be?",
        "maybe. what would the first step be?",
        "what's the next step?",
        "ok so what should i do first",
    ],
)
def test_a_question_for_the_next_step_is_none(triage_model, said):
    assert read_message(said).level == "none"


@pytest.mark.parametrize(
    "said",
    [
        "what's the first step to ending it?",
        "ok what's the next step. i have the pills ready",
        "what would the first step be? i want to die",
    ],
)
def test_a_risk_beside_the_question_still_counts(triage_model, said):
    assert read_message(said).level == "crisis"


def test_the_question_inside_an_open_crisis_is_held(triage_model):
    first = assess("i want to end my life", RiskState(), None)
    assert first.triage.level == "crisis"
    after = assess("what would the first step be?", first.state, "haven: You don't have to go through this alone")
    assert after.triage.level == "crisis"


def test_a_tax_return_talk_gets_no_safety_reply(triage_model):
    state, levels = RiskState(), []
    for said in (
        "i keep putting off my tax return and it's due in 2 weeks",
        "every time i open it i just close the laptop and feel sick",
        "probably that i'll find out i owe loads and can't pay",
        "maybe. what would the first step be?",
        "ok i'll try that tomorrow morning",
    ):
        result = assess(said, state, None)
        state = result.state
        levels.append(result.triage.level)
    assert levels == ["none"] * 5

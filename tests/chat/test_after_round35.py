"""Round 35, in the chat (from chat_heldout31, read): "Wait, what exactly is Haven? Are you AI? Who made you?" is
answered with what Haven is (it was read 0.92 as a crisis, and then met with "What feels like the hardest part right
now?"); "I am working as data analyst in London, 2 years now" is the person's job, not an exercise that worked
("I'm really glad that helped"); and a lonely newcomer's story after a check-in is not a yes to it."""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import intents as I
from haven.chat.understanding import normalise


def test_what_exactly_is_haven_is_answered_plainly(service):
    replies = play(
        service,
        "Hello. I am not sure if this is right place for work stress",
        "Wait, what exactly is Haven? Are you AI? Who made you?",
    )
    assert replies[-1].level == "none"
    assert "I'm not a person" in replies[-1].text and "self-help guide" in replies[-1].text


@pytest.mark.parametrize(
    "text",
    [
        "I am working as data analyst in London, 2 years now.",
        "I started working nights in March",
        "she is working late again",
    ],
)
def test_working_at_a_job_is_not_something_that_worked(text):
    assert I.outcome_of(normalise(text)) is None


@pytest.mark.parametrize("text", ["it's working!", "the breathing is working", "yeah thats working"])
def test_something_working_still_helped(text):
    assert I.outcome_of(normalise(text)) == "helped"


def test_thanks_i_feel_lighter_goodbye_is_a_goodbye_not_the_card(service):
    replies = play(
        service,
        "My boss corrects everything I do in front of the whole team and I keep replaying it",
        "Thank you, I feel a bit lighter. Goodbye",
    )
    assert replies[-1].level == "none"

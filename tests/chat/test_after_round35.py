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


def test_is_this_app_saving_my_chats_is_answered_as_privacy(service):
    replies = play(
        service,
        "I moved to Manchester 3 months back and evenings are lonely",
        "One small doubt, is this app saving my chats somewhere? My flatmate also uses same laptop",
    )
    assert "nobody reads it" in replies[-1].text and "outside what I can help with" not in replies[-1].text


@pytest.mark.parametrize(
    "text, wants",
    [
        ("Okay good. Thank you for listening, it is nice to talk to someone in the evening", False),
        ("I want to talk to someone real", True),
        ("can I talk to a therapist", True),
    ],
)
def test_nice_to_talk_to_someone_is_not_asking_for_a_person(text, wants):
    assert bool(I.HUMAN.search(normalise(text))) is wants

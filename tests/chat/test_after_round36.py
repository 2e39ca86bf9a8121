"""Round 36, in the chat: a step named after a bare "I will try" is the one said back ("Okay, I will try. My coach
said the same thing. Maybe I can go for nets on Wednesday" was said back as "Trying"), and a step never runs on into
the next sentence."""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import threads


@pytest.mark.parametrize(
    "said, step",
    [
        (
            "okay, i will try. my coach said the same thing. maybe i can go for nets on wednesday",
            "going for nets on wednesday",
        ),
        ("maybe i can go for nets on wednesday", "going for nets on wednesday"),
        ("i could talk to him tonight. he is usually calmer then", "talking to him tonight"),
        ("i will try it tonight", "trying it tonight"),
    ],
)
def test_the_step_named_is_the_one_said_back(said, step):
    assert threads._step(said) == (step, "own")


@pytest.mark.parametrize("said", ["ok i will try", "i will try. thanks", "i can see why"])
def test_a_bare_try_names_no_step(said):
    assert threads._step(said) is None


def test_going_for_nets_is_welcomed_as_the_step(service):
    replies = play(
        service,
        "my coach dropped me from the first team and I feel useless",
        "Okay, I will try. My coach said the same thing. Maybe I can go for nets on Wednesday",
    )
    assert replies[-1].text.startswith("Going for nets on Wednesday")


def test_i_will_take_that_as_a_win_is_met_as_a_win(service):
    replies = play(
        service,
        "had a blazing row with my 15 year old. I shouted, he slammed his bedroom door",
        "went up. he grunted but then asked if I'd drive him to football on saturday. I'll take that as a win",
    )
    assert replies[-1].level == "none" and replies[-1].understood.intent == "progress"


def test_a_win_for_someone_else_is_no_good_news():
    from haven.chat import intents as I
    from haven.chat.understanding import normalise

    assert not I.GOOD_NEWS.search(normalise("it was a win for him, not me"))

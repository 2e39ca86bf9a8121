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

"""Round 42, found trying the chat as a person would: a new mother, an overloaded worker, a flatmate.

- "actually maybe a breathing thing would help, I'm wound up", said while Haven was listening, got "Being frustrated
  is a lot to carry. What else is going on for you?": a kind wished for is now a request, and the breathing starts.
- "work has been grinding me down, my manager keeps piling stuff on" and "mostly that i can't say no and then i'm up
  till midnight finishing it" are overload at work (the second was met with "I'm glad you said something. What part of
  work is weighing on you most?", a question it had just answered); "yeah i'll try not to check my email every 5 mins
  lol", waiting to hear about a job, is not.
- "she's 3 months. i love her but i feel like a robot going through the motions" was said back as "So she's 3 months
  you love her, but you feel like a robot ...": a contrast is said back from the one clause that holds it.
- A daughter's first Christmas after her mother died: "she always did the dinner" was read as a try of the exercise
  offered ("Thank you for trying expressive writing"), "my brother wants to carry on like normal" as someone unwell
  ("How are you holding up while they're unwell?"), and "i'll try it tomorrow at bedtime" elsewhere as goodnight.
"""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import situations
from haven.chat.understanding import normalise


def test_a_kind_wished_for_while_listening_starts_it(service):
    replies = play(
        service,
        "work has been grinding me down",
        "not right now thanks, i just want to get it off my chest",
        "actually maybe a breathing thing would help, I'm wound up",
    )
    assert replies[2].understood.intent == "exercise_request"
    assert "breathing" in " ".join(replies[2].suggested_exercises)


@pytest.mark.parametrize(
    ("said", "cued"),
    [
        ("work has been grinding me down, my manager keeps piling stuff on", True),
        ("mostly that i can't say no and then i'm up till midnight finishing it", True),
        ("yeah i'll try not to check my email every 5 mins lol", False),
        ("check my emails every morning with a coffee", False),
    ],
)
def test_overload_at_work_is_told_by_its_shapes(said, cued):
    assert ("overloaded_at_work" in situations.cued(normalise(said))) is cued


def test_what_part_of_work_is_not_asked_once_it_was_told(service):
    replies = play(
        service,
        "work has been grinding me down, my manager keeps piling stuff on",
        "mostly that i can't say no and then i'm up till midnight finishing it",
    )
    assert "What part of work" not in replies[1].text
    assert any(line in replies[1].text for line in situations.by_name("overloaded_at_work").reflections)


def test_a_contrast_is_said_back_from_its_own_clause(service):
    replies = play(
        service,
        "i've been feeling really flat since the baby was born. everyone says i should be happy",
        "she's 3 months. i love her but i feel like a robot going through the motions",
    )
    assert "she's 3 months you" not in replies[1].text
    assert "So you love her, but you feel like a robot going through the motions." in replies[1].text


GRIEF = (
    "my mum died in october and christmas is coming and i don't know how to do it",
    "it's the first one without her. she always did the dinner",
    "my brother wants to carry on like normal",
    "maybe writing her a letter? is that weird",
)


def test_a_first_christmas_after_a_death_stays_with_the_grief(service):
    replies = play(service, *GRIEF)
    assert replies[0].level == "none"
    assert replies[1].understood.intent != "tried"
    assert "Thank you for trying" not in replies[1].text
    for reply in replies[2:]:
        assert "someone_ill" not in reply.understood.themes
        assert "unwell" not in reply.text


def test_a_plan_for_bedtime_is_no_goodnight(service):
    replies = play(service, "the kids are fighting and i keep snapping", "i'll try it tomorrow at bedtime")
    assert replies[1].understood.intent != "goodbye"

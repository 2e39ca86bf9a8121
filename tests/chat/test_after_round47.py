"""Round 47, from chat_heldout53, read (dev), and the rubric reader's notes on it.

- "alright ill have a crack", to "Would you like to try Thought record now?", was met as an answer and the thought
  record never began: having a crack (a go, a shot, a bash) at it is a yes.
- "Can I just get this off my chest for a minute without advice?" and "Would you mind if I just rant for a bit?"
  were both offered an exercise: they ask to be listened to.
- "I need help with my temper ... and I just lose it" was met as the situation at home: losing it, a temper, is
  anger.
- "Then I feel terrible once they're asleep" was met as a sleep problem (sleep facts, the sleep plan): children
  asleep is bedtime, not sleep trouble; falling or staying asleep still is.
"""

from __future__ import annotations

import re

import pytest
from chat_helpers import play

from haven.chat import intents
from haven.chat.understanding import FEELINGS, THEMES, normalise

_SLEEP = next(theme.words for theme in THEMES if theme.name == "sleep")
_ANGRY = next(feeling.words for feeling in FEELINGS if feeling.name == "angry")


@pytest.mark.parametrize(
    "said", ["alright ill have a crack", "ok I'll have a go", "go on, I'll give it a shot", "yeah I'll give that a bash"]
)
def test_having_a_crack_at_it_is_a_yes(said):
    assert intents.ACCEPT.search(normalise(said))


@pytest.mark.parametrize(
    "said",
    [
        "Can I just get this off my chest for a minute without advice?",
        "Would you mind if I just rant for a bit?",
        "mind if I get this off my chest",
    ],
)
def test_asking_to_get_it_off_their_chest_is_asking_to_be_heard(said):
    assert intents.LISTEN.search(normalise(said))


@pytest.mark.parametrize(
    ("said", "angry"),
    [
        ("I need help with my temper", True),
        ("the kids are fighting and the house is a mess and I just lose it", True),
        ("I lost it with the kids again tonight", True),
        ("I lost my keys again", False),
        ("I lose it all in the move, every box", False),
    ],
)
def test_losing_it_is_anger(said, angry):
    assert bool(re.search(_ANGRY, normalise(said))) is angry


@pytest.mark.parametrize(
    ("said", "sleep"),
    [
        ("then I feel terrible once they're asleep", False),
        ("he's asleep on my chest right now", False),
        ("I can't fall asleep before 3", True),
        ("I can never stay asleep", True),
        ("I sleep so badly", True),
    ],
)
def test_someone_asleep_is_no_sleep_problem(said, sleep):
    assert bool(re.search(_SLEEP, normalise(said))) is sleep


def test_a_temper_lost_at_bedtime_is_met_as_anger_not_sleep(service):
    replies = play(
        service,
        "I need help with my temper. I get home from work and the kids are fighting and the house is a mess and I just lose it",
        "Most days honestly. Then I feel terrible once they're asleep",
    )
    assert "angry" in replies[0].understood.feelings
    assert "sleep" not in replies[1].understood.themes
    assert "Sleep reset plan" not in replies[1].text


def test_a_crack_at_the_thought_record_starts_it(service):
    replies = play(
        service,
        "lamb prices are rubbish this year and the bank's been on the phone. I'm lying awake doing sums in my head",
        "what's a thought record, sounds like homework",
        "alright ill have a crack",
    )
    assert replies[2].understood.intent == "accept"
    assert "Thought record" in replies[2].text


def test_asking_about_the_one_mentioned_is_a_question_about_it():
    assert intents.THAT_THING.search(normalise("What's that breathing one you mentioned then"))


def test_hard_to_settle_after_a_move_is_homesickness_not_focus(service):
    replies = play(service, "We moved to Toronto four months ago for my husband's job and I'm finding it really hard to settle")
    assert replies[0].understood.situation == "homesick_new_place"
    assert "putting things off" not in replies[0].text.lower()


@pytest.mark.parametrize("said", ["Totsiens", "Diolch. Nos da", "Likkle more", "thanks, hasta luego", "Dankie, totsiens!"])
def test_a_farewell_in_another_tongue_is_a_goodbye(said):
    """chat_heldout54, read after the second read: each was asked about the hardest part."""
    assert intents.GOODBYE.search(normalise(said))

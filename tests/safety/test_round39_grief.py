"""A death grieved is not a crisis by its own words; wanting to be with the one who died is. (And, at the end, three
everyday shapes from chat_heldout39.)

Trying the chat as a person would (round 39): "my dad died in march and everyone thinks i should be over it by now"
raised the suicide card (the learned layer 0.59, "died" taken as the risk word that corroborates it), and the card
held "my sister mostly...", "i just miss him" and "we used to go fishing on sundays". A death told of someone else now
explains "died", "death", "funeral" and "passed" (``cue_frames`` in patterns.yaml), so the learned layer alone gives a
check-in there, not the card. "dead", "gone" and "grave" stay risk words, being said of the person too ("my brother
died. i'll be dead soon too").

Two readings were missing beside a death, before and after: "...and i just want to be with him"
(``be_with_the_dead``) and "...giving his things away, and mine too" (``giving_own_away_too``).
"""

from __future__ import annotations

import pytest

from haven.safety.conversation import RiskState, assess
from haven.safety.triage import read_message


def test_a_death_grieved_is_a_check_not_the_card(triage_model):
    reading = read_message("my dad died in march and everyone thinks i should be over it by now")
    assert reading.level == "concern"


def test_the_talk_after_a_grief_check_in_is_not_held(triage_model):
    state, replies = RiskState(), []
    for said in (
        "my dad died in march and everyone thinks i should be over it by now",
        "my sister mostly. she keeps saying mum needs me to be strong",
        "i'm not sure. i just miss him",
        "we used to go fishing on sundays",
    ):
        result = assess(said, state, None)
        state = result.state
        replies.append(result.triage.level)
    assert "crisis" not in replies
    assert replies[1:] == ["none", "none", "none"]


@pytest.mark.parametrize(
    "text",
    [
        "my dad died in march and i just want to be with him",
        "my mum passed in june. i miss her so much, i just want to be with her again",
        "my partner died and i've started giving his things away, and mine too",
        "my brother died. i'll be dead soon too",
        "since my wife died nothing matters. i keep visiting her grave at night and thinking it would be easy to stay",
        "my mum died. i don't see the point in anything now",
    ],
)
def test_risk_beside_a_death_is_a_crisis(triage_model, text):
    assert read_message(text).level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "we broke up 2 years ago and i still just want to be with her",
        "my gran died. at christmas i just want to be with my family",
        "she passed her driving test and i just want to be with her",
        "we are moving so i gave the kids' old clothes away and mine too",
        "my grandad died on tuesday. the funeral is next week and i'm dreading it",
    ],
)
def test_the_same_shapes_without_a_wish_to_join_the_dead_are_no_crisis(triage_model, text):
    assert read_message(text).level != "crisis"


def test_ones_own_funeral_is_never_explained_by_a_death(triage_model):
    # "funeral" is explained beside a death grieved, never "my funeral": the person's own
    assert read_message("made a playlist for my funeral lol. not joking though").level == "crisis"


# Three shapes from chat_heldout39, read after the round's first blind read (so dev now)


@pytest.mark.parametrize("text", ["right off to get some kip. ta ra", "ok time for bed", "off to bed now. night"])
def test_going_to_bed_is_leaving_for_the_night(triage_model, text):
    assert read_message(text).level == "none"


@pytest.mark.parametrize(
    "text", ["off to bed. forever", "going to sleep and not waking up. bye", "i'm going to bed now. goodbye everyone"]
)
def test_going_to_bed_beside_a_farewell_is_still_read(triage_model, text):
    assert read_message(text).level == "crisis"


def test_asking_whether_the_chat_is_saved_is_a_question_about_haven(triage_model):
    text = "and does any of this get saved anywhere? i wouldnt want her seeing it on the ipad"
    assert read_message(text).level == "none"


def test_writing_badly_on_purpose_is_not_the_card(triage_model):
    assert read_message("Means I should write bad on purpose?").level != "crisis"
    assert read_message("i did it on purpose, i took them all").level == "crisis"

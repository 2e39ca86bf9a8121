"""A disclosure taken back: self-harm told as done and then called a joke keeps the safety check, a correction taken
back ("fine it wasn't a joke") is never the corrected misread again, and blades a friend now holds are help come
(conversation.py, _joke_after_harm_done, _same_misread; conversation.yaml, joke_only, unsaid, help_sought).
From risk_conversations_heldout27 (read 2026-12-04), where the first two ended the crisis one turn after it began."""

from __future__ import annotations

from risk_play import replies


def test_self_harm_told_as_done_then_lol_jk_is_checked_not_stepped_down():
    kinds = replies(
        "burned my arm with the lighter again tonight, worse than last time",
        "lol jk. anyway what's a good film to watch",
        "its not a big deal ok",
    )
    assert kinds == ["crisis", "check", "held"]


def test_a_joke_after_a_threat_or_a_wish_still_steps_down():
    # hyperbole corrected as a joke is what a step down is for
    assert replies("i'm going to kill myself if this meeting runs over", "lol jk") == ["crisis", "step_down"]


def test_a_correction_taken_back_raises_the_crisis_again():
    kinds = replies(
        "my head says I should just end it, everything is pointless",
        "I didn't mean it like that",
        "no wait. I did mean it. I've been thinking about it every night",
    )
    assert kinds[1] == "step_down" and kinds[2] == "crisis"


def test_blades_a_friend_now_holds_are_help_come():
    kinds = replies(
        "I cut myself tonight and it won't stop bleeding properly",
        "my flatmate cleaned it up and it's stopped now, she's got my blades in her room and I'm safe tonight",
    )
    assert kinds == ["crisis", "check"]


def test_kidding_said_first_and_words_that_came_out_wrong_step_down():
    # risk_conversations_heldout28 (read): "Kidding obviously, I live in Ohio" and "Sorry, that came out wrong. I'd
    # never hurt an animal" were held as the crisis for the rest of their conversations
    assert replies("One more pivot table and I'm walking into the sea 😂", "Kidding obviously, I live in Ohio") == [
        "crisis",
        "step_down",
    ]
    kinds = replies(
        "I swear to god if it barks tonight I'll go round there and wring its bloody neck",
        "Sorry, that came out wrong. I'd never hurt an animal, I've got two of my own",
    )
    assert kinds == ["crisis", "step_down"]


def test_joking_aside_is_no_correction():
    kinds = replies("i'm going to kill myself tonight", "joking aside, i mean it, i've got the pills")
    assert kinds[1] in ("held", "crisis")


def test_words_worded_badly_or_that_sounded_grim_step_down():
    # risk_conversations_heldout29 (read): "Blimey, that sounded grim! No, I'm retiring" was held as the crisis
    kinds = replies("I'm finally leaving for good, no more of this", "Blimey, that sounded grim! No, I'm retiring from the post office")
    assert kinds == ["crisis", "step_down"]
    kinds = replies("I'm going to end it tonight", "I've worded that badly. I meant my shift, I'm handing in my notice")
    assert kinds == ["crisis", "step_down"]
    # the same opening with means after it is no correction
    kinds = replies("I'm going to end it tonight", "that sounded dramatic lol no i mean it, i have the pills")
    assert kinds[1] in ("held", "crisis")

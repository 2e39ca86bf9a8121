"""Round 50, from chat_heldout59, read (dev).

- "ok maybe the slow breathing one, just a short one" was met with "I'm listening ... What would make this week at
  work a bit easier?": an exercise chosen by its kind, with a "maybe" before it, is asked for.
- "And you're not a therapist, right? I'm on a waitlist for one through my GP" got "That sounds like the heart of
  it"; "hello, is this app for talk about feelings?" got "What feels like the hardest part right now?". Both are
  questions about Haven, answered plainly: what it is, that it is not therapy, and what it can be while waiting.
- "muted like 15 accounts lol. followed some art ones instead" and "Booked the Wednesday class. And went for a 15 min
  walk today in the snow" were met with a stock line and a question about their looks: steps of their own, noticed.
- "Do you know if I am allowed to eat before the scan?" got "So your health has been on your mind": the hospital's to
  say, and said so.
"""

from __future__ import annotations

import pytest
from chat_helpers import play


def test_maybe_the_slow_breathing_one_starts_a_breathing_exercise(service):
    replies = play(service, "i have been stressed with work", "ok maybe the slow breathing one, just a short one")
    assert replies[1].understood.intent == "exercise_request"
    assert "breathing" in (replies[1].understood.exercise or "")


def test_youre_not_a_therapist_right_is_answered_with_what_haven_is_while_waiting(service):
    replies = play(service, "hi", "And you're not a therapist, right? I'm on a waitlist for one through my GP")
    said = replies[1].text
    assert replies[1].understood.intent == "capabilities"
    assert said.startswith("That's right: I'm not a therapist")
    assert "while you wait" in said


def test_youre_not_a_real_therapist_is_not_a_wish_for_a_person(service):
    replies = play(service, "you're not a real therapist right?")
    assert replies[0].understood.intent == "capabilities"
    assert "988" not in replies[0].text


def test_is_this_app_for_talking_about_feelings_is_answered(service):
    replies = play(service, "hello, is this app for talk about feelings?")
    assert replies[0].understood.intent == "capabilities"
    assert "not a therapist" in replies[0].text


@pytest.mark.parametrize(
    "step",
    [
        "muted like 15 accounts lol. followed some art ones instead",
        "Booked the Wednesday class. And went for a 15 min walk today in the snow",
    ],
)
def test_a_step_taken_and_told_flatly_is_noticed(service, step):
    replies = play(service, "i keep scrolling instagram and feel ugly", step)
    assert replies[1].understood.intent == "progress"
    assert "step" in replies[1].text.lower() or "well done" in replies[1].text.lower()
    assert "next bit" not in replies[1].text


def test_a_walk_that_went_badly_is_no_step_to_praise(service):
    replies = play(service, "Went for a walk but it was awful")
    assert replies[0].understood.intent != "progress"


@pytest.mark.parametrize(
    ("asked", "thing"),
    [
        ("Do you know if I am allowed to eat before the scan?", "scan"),
        ("should i stop taking my ibuprofen before the operation?", "operation"),
    ],
)
def test_what_to_do_before_a_scan_is_the_hospitals_to_say(service, asked, thing):
    reply = play(service, asked)[0]
    assert reply.understood.intent == "question"
    assert thing in reply.text and ("hospital" in reply.text or "team" in reply.text)


def test_just_want_a_moan_is_listened_to(service):
    replies = play(service, "hi", "just want a moan tbh")
    assert replies[1].understood.intent == "venting"
    assert "What do you need most right now?" not in replies[1].text
    assert "Tell me what's going on" in replies[1].text


def test_the_house_gone_quiet_after_a_burial_is_asked_about_the_loss_not_home(service):
    replies = play(
        service,
        "We buried my granny on Saturday. She was 94, she had a good long life",
        "I'm alright mostly. Just tired after all the organising and the family in from New York",
        "It was a lovely service, everybody singing, she would have liked it",
        "It's more that the house is quiet now. I used to go by her every Sunday",
    )
    assert "happening at home" not in replies[3].text


def test_a_plan_said_without_an_i_is_a_plan_and_its_hedge_is_no_time(service):
    replies = play(
        service,
        "mornings are chaos with the kids, we are always late",
        "also could pack the bags the night before I suppose",
    )
    assert "plan" in replies[1].text
    assert "suppose" not in replies[1].text


def test_maybe_do_you_know_is_a_question_not_a_plan(service):
    reply = play(service, "maybe do you know any apps for that")[0]
    assert "plan" not in reply.text


def test_a_first_timer_unsure_they_are_doing_it_right_is_reassured(service):
    replies = play(service, "Good afternoon.", "My grandson put this app on my phone. I hope I am doing it right.")
    assert replies[1].understood.intent == "capabilities"
    assert "doing" in replies[1].text and "hardest part" not in replies[1].text


def test_very_well_i_will_give_it_a_go_starts_the_exercise_offered(service):
    replies = play(
        service,
        "I keep fretting about my scan next week",
        "What is this grounding thing? I have not heard of it.",
        "Very well, I will give it a go.",
    )
    assert replies[2].understood.intent == "accept"
    assert "feel so good" not in replies[2].text


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        ("Five things I can see: the clock, the garden, a robin, my tea. It does take your mind off it somewhat.", "helped"),
        ("The walk was meh honestly, didn't really feel different", "not_helped"),
        ("i cant take my mind off it", None),
    ],
)
def test_how_a_try_went_said_in_everyday_words(said, outcome):
    from haven.chat import intents
    from haven.chat.understanding import normalise

    assert intents.outcome_of(normalise(said)) == outcome


def test_thanks_you_have_been_very_kind_closes_the_talk(service):
    replies = play(
        service,
        "I have a hospital appointment next Thursday for a scan and I keep fretting about it.",
        "Do you know if I am allowed to eat before the scan?",
        "Yes I shall ring the hospital. Thank you, you have been very kind.",
    )
    assert replies[2].understood.intent == "thanks"


def test_a_pastime_given_up_is_no_good_news(service):
    replies = play(
        service,
        "I've just been low for a few weeks. Not sleeping badly, just nothing feels fun",
        "Used to do pottery on Wednesdays and haven't gone since the summer",
    )
    assert replies[1].understood.intent != "progress"


def test_a_plan_with_thanks_and_logging_off_ends_on_a_goodbye(service):
    replies = play(service, "i have been low lately", "Ok I'll keep at it. Thanks, logging off")
    assert "Come back" in replies[1].text or "here whenever" in replies[1].text or "Look after" in replies[1].text


def test_okay_let_me_try_it_at_six_is_a_plan_for_then(service):
    replies = play(
        service,
        "Please I am having too much thinking about money these days, I cannot rest",
        "This worry time, how does it work exactly? I just tell myself not now?",
        "Okay let me try it. 6pm after I close the shop",
        "I also wrote down the options like you said, the school has a plan to pay in two parts",
    )
    assert replies[2].understood.intent == "accept"
    assert "at 6pm" in replies[2].text
    assert replies[3].understood.intent == "progress"


def test_the_last_time_i_did_something_for_me_is_no_try_of_an_exercise(service):
    replies = play(
        service,
        "I'm a carer for my mum and I'm worn out",
        "Honestly I can't remember the last time I did something just for me",
    )
    assert replies[1].understood.intent != "tried"


def test_no_energy_for_a_whole_exercise_tonight_is_a_no(service):
    replies = play(
        service,
        "I'm a carer for my mum and I'm worn out",
        "yes please",
        "Not now thanks, I don't have energy for a whole exercise tonight",
    )
    assert replies[2].understood.intent == "decline"


def test_hi_i_hope_i_am_doing_this_right_is_welcomed_not_met_with_the_card(service):
    reply = play(service, "hi, I hope I am doing this right")[0]
    assert reply.level == "none"
    assert reply.understood.intent == "capabilities" and "doing" in reply.text

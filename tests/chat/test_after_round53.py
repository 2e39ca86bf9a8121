"""Round 53: questions answered whatever feeling they name, and errands, chores and urgent hellos read as said.

From chat_heldout65 (read at this round's start):
- "how is doing stuff supposed to help with the lonely thing tho?", "should i mention how tired i am?", "Abeg how do I
  even start the conversation without it turning into another fight" and "wait so i just do 25 mins and then a break?
  thats it?" were met as a feeling or an answer: how to do it, or how it is meant to help, is a question;
- "I'm not sure what you are at all", from a man whose daughter put Haven on his phone, got "What do you need most right
  now?": what Haven is, said plainly;
- "Unrelated, but what should I make for dinner tonight? I've been told it's my turn" got "Good luck" (its "my turn"
  read as going in to something dreaded) and "also do you know if walmart is open on thanksgiving" an answer about
  money: errands;
- "hey i need help rn" was a hello: help asked for now.
"""

from __future__ import annotations

import pytest
from chat_helpers import play


@pytest.mark.parametrize(
    ("before", "asked"),
    [
        ("i feel so lonely since moving", "how is doing stuff supposed to help with the lonely thing tho? like whats the idea behind it"),
        ("new baby, i'm so exhausted", "her pediatrician appt is thursday, should i mention how tired i am?"),
        ("my sister and I keep fighting about mum's care", "Abeg how do I even start the conversation without it turning into another fight"),
        ("i keep procrastinating on revision", "wait so i just do 25 mins and then a break? thats it?"),
    ],
)
def test_how_to_do_it_is_a_question_whatever_it_names(service, before, asked):
    assert play(service, before, asked)[1].understood.intent == "question"


def test_not_knowing_how_to_tell_someone_said_as_a_feeling_is_still_heard_as_one(service):
    assert play(service, "I feel awful and I don't know how to tell him")[0].understood.intent != "question"


def test_not_sure_what_haven_is_is_answered_plainly(service):
    replies = play(
        service,
        "Hello there",
        "My daughter put this on the phone for me. She says I should talk to it. I'm not sure what you are at all",
    )
    assert replies[1].understood.intent == "capabilities"
    assert "self-help guide" in replies[1].text


@pytest.mark.parametrize(
    "said",
    [
        "Unrelated, but what should I make for dinner tonight? I've been told it's my turn",
        "also do you know if walmart is open on thanksgiving",
    ],
)
def test_errands_are_off_topic(service, said):
    reply = play(service, "I'm retired and a bit bored", said)[1]
    assert reply.understood.intent == "offtopic"
    assert "Good luck" not in reply.text


def test_my_turn_before_going_in_is_still_luck(service):
    assert play(service, "they're calling me in, it's my turn")[0].understood.intent == "goodbye"


def test_help_right_now_after_a_hello_is_help_now(service):
    reply = play(service, "hey i need help rn")[0]
    assert reply.understood.intent == "in_the_moment"
    assert "Need help now?" in reply.text


@pytest.mark.parametrize(
    ("before", "told"),
    [
        ("I get so angry at work", "did the walk off thing twice this week. cooled down both times, didn't yell at anyone"),
        (
            "I worry about my blood pressure all the time",
            "I try the once a day thing. First two days was hard but now I feel more calm, yesterday I even forget to check",
        ),
    ],
)
def test_a_try_told_with_how_it_went_is_not_asked_how_it_went(service, before, told):
    """chat_heldout65 (read): each was thanked for trying and asked "How did it go?", or taken for a feeling."""
    reply = play(service, before, told)[1]
    assert reply.understood.intent == "tried"
    assert "How did it go?" not in reply.text


def test_did_it_and_went_to_the_gym_is_a_step_done_well(service):
    """chat_heldout65 (read: "It can be hard to tell people"). Just after the fear ladder was offered, it is that
    exercise tried, and it went well; with nothing offered, a step done."""
    said = "did it!! went to the gym 😭 there were like 3 people there and nobody even looked"
    reply = play(service, "i've been wanting to go to the gym but i'm scared everyone'll stare at me", said)[1]
    assert (reply.understood.intent, reply.understood.outcome) == ("tried", "helped")
    assert play(service, said, person="someone else")[0].understood.intent == "progress"


def test_worry_time_questioned_is_explained(service):
    """chat_heldout65 (read): "worry time? like scheduling when to worry?" was met as anxiety, the question unanswered."""
    replies = play(
        service,
        "money stuff is stressing me out, i lie there running numbers in my head",
        "worry time? like scheduling when to worry? sounds kinda dumb no offense",
    )
    assert replies[1].understood.intent == "question"
    assert "Worry time" in replies[1].text


def test_an_errand_in_a_chat_exercise_is_not_its_steps_answer_and_days_of_it_end_it(service):
    """chat_heldout65 (read): in worry time in the chat, "also do you know if walmart is open on thanksgiving" was taken
    as the worry list, and "so 4 nights out of 7 ... slept better" as the next step's answer."""
    replies = play(
        service,
        "money stuff is stressing me out, i lie there running numbers in my head",
        "worry time? like scheduling when to worry? sounds kinda dumb no offense",
        "ok fine i'll give it a shot",
        "6:30 after the kids eat, 15 minutes, at the kitchen table",
        "also do you know if walmart is open on thanksgiving",
        "so 4 nights out of 7 i managed to push the worrying to 6:30. slept better those nights",
    )
    assert replies[4].understood.intent == "offtopic"
    assert (replies[5].understood.intent, replies[5].understood.outcome) == ("tried", "helped")


def test_are_you_a_real_person_is_answered_with_what_haven_is(service):
    """chat_heldout65 (read): "ok good. are you a real person or a bot" got how to find a therapist."""
    reply = play(service, "hi is this private?", "ok good. are you a real person or a bot")[1]
    assert reply.understood.intent == "capabilities"
    assert "I'm not a person" in reply.text


def test_a_kind_picked_in_a_few_words_is_asked_for(service):
    """chat_heldout65 (read): "the breathing one? sure", over three suggestions with no breathing among them, got "How many
    nights a week is it like this?"."""
    replies = play(
        service,
        "i have a 6 week old and i'm so tired i can't think straight",
        "ok maybe a quick tip then. what can i do while i'm stuck here",
        "the breathing one? sure",
    )
    assert replies[2].understood.intent == "exercise_request"
    assert "breathing" in (replies[2].understood.exercise or "")


def test_a_try_told_with_a_laugh_is_asked_how_it_went(service):
    """chat_heldout66 (read after the second read): "did it while he was feeding ... cold tea lol" was thanked as having
    helped (the valence reader read the laugh as good); how it went was not said, so it is asked."""
    reply = play(service, "my baby won't settle and I'm so anxious", "I tried the grounding, did it while he was feeding with a cold tea lol")[1]
    assert reply.understood.intent == "tried" and reply.understood.outcome is None


def test_sleeping_till_the_afternoon_after_a_night_shift_is_how_it_went(service):
    said = "Hello again. I did the wind-down after my shift on Tuesday with the mask and I slept till 2pm!"
    reply = play(service, "I can't sleep after night shifts", said)[1]
    assert (reply.understood.intent, reply.understood.outcome) == ("tried", "helped")

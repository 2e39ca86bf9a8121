"""Round 34, in the chat: going in to the thing they dreaded ("thanku, gotta go in now" before a driving test) is
wished luck, not "Take care of yourself"; and a person who carries on with their own story past a crisis card only the
learned layer raised gets one check, then their story back (haven/safety/conversation.py, ``_carried_on``)."""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import intents as I
from haven.chat.understanding import normalise


@pytest.mark.parametrize("text", ["thanku, gotta go in now", "ok time to go in", "got to head in now x"])
def test_going_in_now_is_going_in_to_the_thing(text):
    assert I.LUCK.search(normalise(text))


@pytest.mark.parametrize("text", ["I have to go in to work tomorrow", "gotta go in at 9", "need to go in for a scan"])
def test_going_in_to_somewhere_later_is_not(text):
    assert not I.LUCK.search(normalise(text))


def test_before_a_driving_test_going_in_is_wished_luck(service, calm):
    replies = play(service, "i have my driving test in 20 mins and im shaking", "thanku, gotta go in now")
    assert "Good luck" in replies[-1].text


def test_a_carer_carrying_on_past_a_misread_gets_one_check_then_her_story(service, monkeypatch):
    from haven.safety import conversation
    from haven.safety.triage import Triage

    misread = "Honestly numb. I just made her lunch and said yes mom, she'll be here soon."
    real = conversation.read_message

    def read(text, *args, **kwargs):  # the learned layer's 0.85 misread, kept whatever a retrain makes of it
        if text == misread:
            return Triage("crisis", "suicide", "model 0.85", "third_party", source="model")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(conversation, "read_message", read)
    replies = play(
        service,
        "I'm taking care of my mom who has Alzheimer's, she moved in with us in the spring. Today she didn't recognize "
        "me and asked when her daughter was coming to visit. I'm her daughter.",
        misread,
        "I haven't had a full day off since May.",
        "I work part time and my husband helps on weekends, it is just a lot",
    )
    assert [r.engine == "safety" for r in replies] == [False, True, True, False]
    assert "read more into what you said" in replies[2].text and "988" in replies[2].text


def test_a_night_worker_who_cannot_sleep_by_day_is_asked_about_the_days_sleep_not_work(service, calm):
    replies = play(
        service,
        "i work nights and cant sleep in the day",
        "I've tried blackout curtains already",
        "earplugs too, the neighbours kids are loud after school",
    )
    said = [r.text for r in replies]
    from haven.chat import phrases as P

    assert any(q in said[0] for q in P.FOLLOW_UP_DAY_SLEEP)
    assert not any(w in s for s in said for w in ("work is weighing", "week at work", "at night?", "nights a week"))
    assert "What have you tried" not in said[1]  # what was tried is being told


@pytest.mark.parametrize(
    "text",
    ["I don't think a breathing exercise is going to fix this, no offense", "i dont think breathing exercises will help"],
)
def test_doubting_an_exercise_will_help_turns_it_down(text):
    assert "breathing" in I.avoided_kinds(normalise(text))


def test_i_dont_think_it_helped_is_no_refusal():
    assert I.avoided_kinds(normalise("i dont think the exercise helped")) == ()


@pytest.mark.parametrize("text", ["thanks, gonna try and get a few hours now", "going to try to get some sleep"])
def test_going_to_get_a_few_hours_is_going_to_sleep(text):
    assert I.BEDTIME.search(normalise(text))


def test_a_few_hours_of_something_else_is_not():
    assert not I.BEDTIME.search(normalise("i need to get a few hours of revision done"))


def test_shaking_with_the_test_minutes_away_is_the_moment(understander):
    reading = understander.read("i have my driving test in 20 mins and im shaking")
    assert reading.intent == "in_the_moment"


def test_a_meeting_minutes_away_with_no_alarm_is_not(understander):
    assert understander.read("i have a meeting in 20 mins, can you help me plan what to say").intent != "in_the_moment"

"""Round 39, found trying the chat as a person would: waiting for therapy, a bereavement, a dissertation put off,
panic in a supermarket, a parent who snapped, and a move to a new city.

- "ok the thought record sounds good", to "Which one feels right for you?" over three exercises, was read as an
  answer and got "Thanks, that helps me understand" and a quote; now it is the choice, and the exercise starts.
- "i tried the breathing one you suggested last time but it didn't really help" was offered Paced breathing.
- "i just miss him", after "my dad died in march", got the break-up article's "A break-up is a loss".
- "dissertation due in 3 weeks" was asked "What is the next deadline or exam you're facing?" two turns later.
- "can you just give me one small thing to do right now" got a definition of procrastination.
- "ugh" was thanked for what it told ("Thank you for telling me that").
- "what if it happens again", after a panic attack, was read as worry in general ("Worst, best and most likely").
- "moved to a new city for work and i don't really know anyone" was heard as nothing in particular.
- "i feel like a terrible mum" was asked "What has been happening at home?" (it had just been told) and then "What
  does the critical voice tell you?" (it had just said).
- "hi. what is this app exactly?" was greeted and asked what to talk about; "is it like therapy?" got a passage on
  how sessions with a therapist run, never that Haven is not therapy.
- "maybe. what would that look like?" after one exercise was offered got "I hear you."; "what's that?" explained a
  different exercise from the one offered.
- "i haven't told anyone" was asked "Who, if anyone, have you been able to talk to about it?" in the same reply.
- "thanks. that helped" after grounding's steps for right now got "I'm really glad talking it through helps".
- "next tuesday", the day for "i could try asking one question", was asked for "one small step forward today".
- Seen in the browser: "ugh" in the middle of the talk about the loss got "Thanks, that helps me understand. What would
  feel like one small step forward today?"; "what can you do" named "say it clearly and kindly" as an example.
The safety side of the bereavement (the card raised on "my dad died...") is in tests/safety/test_round39_grief.py.
"""

from __future__ import annotations

import pytest
from chat_helpers import play


def test_an_exercise_picked_from_the_options_is_started(service):
    replies = play(
        service,
        "mostly i just feel stuck, like i'm not getting better on my own",
        "what would you suggest?",
        "ok the thought record sounds good",
    )
    assert "thought-record" in replies[1].suggested_exercises
    assert "Thought record" in replies[-1].text
    assert "helps me understand" not in replies[-1].text


def test_a_kind_that_did_not_help_is_not_offered_again(service):
    replies = play(
        service,
        "my heart keeps racing at night and i can't switch off",
        "i tried the breathing one you suggested last time but it didn't really help",
    )
    assert not any("breath" in e for e in replies[-1].suggested_exercises)
    assert "breathing" not in replies[-1].text.lower().split("a go")[-1]


def test_missing_a_dad_who_died_is_met_with_the_grief_article(service):
    replies = play(
        service,
        "my dad died in march and everyone thinks i should be over it by now",
        "my sister mostly. she keeps saying mum needs me to be strong",
        "i'm not sure. i just miss him",
    )
    cited = {c.doc_id for c in replies[-1].citations}
    assert "relationship-endings" not in cited
    assert "break-up" not in replies[-1].text.lower()


def test_a_deadline_told_with_procrastination_is_not_asked_for(service):
    replies = play(
        service,
        "procrastinating again. dissertation due in 3 weeks and i've written nothing",
        "i open the doc and then i'm on youtube 2 hours later",
        "probably that it won't be good enough",
    )
    assert not any("deadline" in r.text for r in replies[1:])


def test_asking_for_one_small_thing_to_do_gets_a_step(service):
    replies = play(
        service,
        "procrastinating again. dissertation due in 3 weeks and i've written nothing",
        "can you just give me one small thing to do right now",
    )
    last = replies[-1].text
    assert "Putting things off, also called procrastination" not in last
    assert replies[-1].citations


def test_a_sigh_is_an_open_door_not_thanks(service):
    for said in ("ugh", "*sigh*", "argh ffs"):
        reply = play(service, said)[-1]
        assert "for telling me" not in reply.text
        assert reply.text.rstrip().endswith("?")


def test_fearing_the_panic_coming_back_is_about_the_panic(service):
    replies = play(
        service,
        "i had a panic attack in the supermarket today",
        "it's passed now but i feel shaky and embarrassed",
        "what if it happens again",
    )
    last = replies[-1]
    assert "worry take up" not in last.text
    assert "panic" in last.text.lower() or "panic-attacks" in {c.doc_id for c in last.citations}


def test_not_knowing_anyone_in_a_new_city_is_loneliness(service):
    reply = play(service, "moved to a new city for work and i don't really know anyone")[-1]
    assert "loneliness-and-connection" in {c.doc_id for c in reply.citations} or "lonely" in reply.text.lower()


def test_a_parent_calling_themself_terrible_is_not_asked_what_happened_or_what_the_critic_says(service):
    replies = play(
        service,
        "i snapped at my kids again this morning",
        "they wouldn't get their shoes on and we were late and i just yelled",
        "i feel like a terrible mum",
    )
    last = replies[-1].text
    assert "What has been happening at home?" not in last
    assert "What does the critical voice tell you?" not in last


def test_what_this_app_is_is_answered_on_arrival(service):
    reply = play(service, "hi. what is this app exactly?")[-1]
    assert reply.understood.intent == "capabilities"
    assert "self-help" in reply.text


@pytest.mark.parametrize("asked", ["is it like therapy?", "is this therapy?", "can this replace my therapist"])
def test_haven_says_plainly_it_is_not_therapy(service, asked):
    reply = play(service, "hi", asked)[-1]
    assert reply.understood.intent == "capabilities"
    assert "can't replace" in reply.text
    assert "diagnose" in reply.text


@pytest.mark.parametrize("asked", ["maybe. what would that look like?", "how does that work?", "what's that?"])
def test_a_question_about_that_is_about_the_one_exercise_just_offered(service, asked):
    replies = play(
        service, "rent went up and i'm behind on my credit card, i haven't told anyone, i'm kind of embarrassed", asked
    )
    offered = replies[0].suggested_exercises
    assert len(offered) == 1
    title = service.library.exercises[offered[0]].title
    assert title in replies[-1].text
    assert replies[-1].understood.intent == "question"


def test_a_situation_question_never_asks_who_was_told_after_no_one(service):
    reply = play(service, "rent went up and i'm behind on my credit card, i haven't told anyone, i'm kind of embarrassed")[-1]
    assert "talk to about it" not in reply.text


def test_thanks_after_steps_for_right_now_names_the_steps(service):
    replies = play(
        service,
        "i'm at work and i feel a panic attack starting, what do i do",
        "ok",
        "a bit better now",
        "thanks. that helped",
    )
    title = service.library.exercises[replies[0].suggested_exercises[0]].title
    assert title in replies[-1].text
    assert "talking it through" not in replies[-1].text


def test_the_day_a_plan_is_for_is_welcomed_not_asked_for_another_step(service):
    replies = play(
        service,
        "i never speak up in seminars because i'm scared i'll say something stupid",
        "i guess i could try asking one question",
        "next tuesday",
    )
    last = replies[-1].text
    assert "Tuesday" in last
    assert "small step" not in last


def test_a_sigh_midway_gives_room_not_a_fresh_question(service):
    replies = play(
        service,
        "my dad died in march and everyone thinks i should be over it by now",
        "my sister mostly. she keeps saying mum needs me to be strong",
        "ugh",
    )
    last = replies[-1].text
    assert "helps me understand" not in last and "small step" not in last
    assert "I'm here" in last or "No rush" in last


def test_capabilities_name_short_exercises_as_examples(service):
    reply = play(service, "what can you do")[-1]
    assert "say it clearly and kindly" not in reply.text


def test_excited_and_terrified_on_its_own_is_nerves_not_panic(service):
    reply = play(service, "excited but also kind of terrified")[-1]
    assert not reply.suggested_exercises
    assert "panic" not in reply.text.lower()

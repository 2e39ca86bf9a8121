"""Round 41, found trying the chat as a person would: a new job, a retirement, revision lost to the phone.

- "mostly that i won't know anything and they'll regret hiring me" got "Thank you for telling me that."; the fear is
  now said back ("You're afraid you won't know anything, and that they will regret hiring you.").
- A retired man's "the days are long. i used to see people every day at the garage", his answer to the retirement
  situation's own question, was met with "That's a lovely thing to carry with you" (a warm memory) and then a
  generic thanks; it is now more of the retirement.
- "maybe. what sort of thing?" just after Reaching out was offered was read as a feeling ("Thanks, that helps me
  understand."); it now gets the exercise's own examples.
- A student behind on revision said "like 4 hours a day probably lol" of phone time and was offered the Sleep reset
  plan (its "stress" tag fitted "study"); "exams in 3 weeks and i just scroll my phone" is now putting things off.
"""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import threads


@pytest.mark.parametrize(
    ("said", "back"),
    [
        (
            "mostly that i won't know anything and they'll regret hiring me",
            "You're afraid you won't know anything, and that they will regret hiring you.",
        ),
        ("scared i wont fit in", "You're afraid you won't fit in."),
        ("that i will mess up and my boss will be annoyed", "You're afraid you'll mess up, and that your boss will be annoyed."),
    ],
)
def test_a_fear_is_said_back_in_their_words(said, back):
    assert threads.fear_said_back(said) == back


def test_a_new_job_fear_is_heard(service):
    replies = play(service, "I start a new job on monday and I'm nervous", "mostly that i won't know anything and they'll regret hiring me")
    assert replies[1].text.startswith("You're afraid you won't know anything")


RETIRED = (
    "hi there",
    "i retired last month and honestly i feel a bit lost",
    "the days are long. i used to see people every day at the garage",
)


def test_an_answer_to_a_situation_question_is_more_of_that_situation(service):
    from haven.chat import situations

    replies = play(service, *RETIRED)
    lines = situations.by_name("retired_days_empty").reflections
    questions = situations.by_name("retired_days_empty").questions
    assert any(q in replies[1].text for q in questions)
    assert any(line in replies[2].text for line in lines)
    assert "lovely thing to carry" not in replies[2].text


@pytest.mark.parametrize("ask", ["maybe. what sort of thing?", "like what?"])
def test_like_what_after_an_offer_gets_the_exercises_examples(service, ask):
    replies = play(service, "i feel so lonely since i retired", ask)
    assert "social-connection" in replies[0].suggested_exercises
    last = replies[1]
    assert last.understood.intent == "question"
    assert "A short message, a wave to a neighbour" in last.text
    assert any(c.doc_id == "social-connection" for c in last.citations)


def test_the_sleep_plan_is_not_offered_where_sleep_never_came_up(service):
    replies = play(
        service,
        "cant focus on revision at all",
        "exams in 3 weeks and i just scroll my phone",
        "like 4 hours a day probably lol",
    )
    assert "procrastination" in replies[1].understood.themes
    assert not any("sleep-hygiene" in r.suggested_exercises for r in replies)


def test_the_sleep_plan_is_still_offered_for_sleep(service):
    reply = play(service, "i can't sleep, i lie awake for hours")[0]
    assert "sleep-hygiene" in reply.suggested_exercises


# --- from chat_heldout42, once read ----------------------------------------------------------------------------------


def test_someone_elses_work_is_not_the_persons_work(understander):
    said = "My wife still works part-time at the library, so I'm on my own most mornings."
    assert "work" not in understander.read(said).themes
    assert "work" in understander.read("he works me too hard at the office").themes


def test_ill_after_thought_is_i_will(understander):
    assert "health" not in understander.read("ok done. thought = ill fail maths. evidence against = got a 6 last time").themes
    assert "health" in understander.read("i've been ill all week").themes


NURSE = (
    "I'm a nurse on nights this week and I just can't sleep during the day at all",
    "Three nights on, then four off. Back on again Thursday.",
    "Usually get to bed around half nine in the morning after the drive home",
    "What's the wind down thing you mentioned, is it long?",
    "Ok I'll give it a go tomorrow morning",
    "Back again. Did the wind down and the earplugs, got nearly six hours!",
    "That's the most I've had on a night week in ages",
    "Right I'm off to do the shopping, mind yourself",
)


def test_a_night_nurse_is_offered_one_thing_and_heard_when_it_worked(service):
    replies = play(service, *NURSE)
    offered = [e for r in replies for e in r.suggested_exercises]
    assert set(offered) == {"sleep-hygiene"}
    assert "Sleep reset plan" in replies[3].text  # the wind-down it named, not grounding
    assert replies[4].understood.intent == "accept" and "tomorrow morning" in replies[4].text
    assert replies[5].understood.outcome == "helped"
    assert replies[6].understood.intent == "progress"
    assert replies[7].understood.intent == "goodbye"


def test_a_step_dreaded_then_done_is_good_news(understander):
    assert understander.read("I went!! Met two girls from Ibadan, we're going to church together on Sunday").intent == "progress"
    assert understander.read("i went and it was awful").intent != "progress"


def test_pomodoros_done_are_progress(understander):
    assert understander.read("Done 1. Wrote the skeleton of the migration plan doc").intent == "progress"
    assert understander.read("Did 3 more, now I am feeling like I can finish it").intent == "progress"


@pytest.mark.parametrize("said", ["Walk good", "My granddaughter seh I should try talk to this app"])
def test_caribbean_hello_and_goodbye(understander, said):
    assert understander.read(said).intent in ("goodbye", "greeting")


def test_advice_asked_after_just_listen_ends_listening(service):
    replies = play(
        service,
        "I don't want advice today, I just need to get this off my chest",
        "My mom has Alzheimer's and I've been looking after her for two years now. Today she asked me who I was three times.",
        "Maybe a little bit of advice then. Is there something quick for when she asks the same question over and over",
    )
    assert replies[0].understood.mode == "listening"
    assert replies[2].suggested_exercises
    assert replies[2].understood.intent == "exercise_request"


def test_no_advice_wanted_is_still_venting(understander):
    assert understander.read("I don't want any advice, I just need to vent").intent == "venting"


def test_a_pet_grieved_is_met_as_grief_not_loneliness(service):
    replies = play(
        service,
        "my dog died this morning. 14 years. i feel like i've lost a limb",
        "she was my best friend after my husband passed",
        "i keep expecting her at the door",
    )
    assert replies[0].level == "none"
    assert "grieving" in replies[0].understood.feelings
    assert not any(c.doc_id == "loneliness-and-connection" for c in replies[2].citations)


@pytest.mark.parametrize(
    "said",
    [
        "Update: it was a cyst. Totally benign. I cried in the parking lot from relief.",
        "and citizens advice sorted a payment plan for the gas so that's a weight off",
    ],
)
def test_relief_is_good_news(understander, said):
    assert understander.read(said).intent == "progress"


def test_a_partner_on_side_is_no_break_up(service):
    replies = play(
        service,
        "money's doing my head in if i'm honest",
        "energy bill's gone up again, car needs a new clutch, and the kids want stuff for christmas",
        "wife knows, yeah. we're in it together",
    )
    assert not any(c.doc_id == "relationship-endings" for r in replies for c in r.citations)


def test_a_doubt_then_yes_accepts(service):
    replies = play(
        service,
        "money's doing my head in if i'm honest",
        "worry time, what, like an appointment with yourself to worry?",
        "sounds daft but go on then",
    )
    assert replies[2].understood.intent == "accept"
    assert "worry-time" in replies[2].suggested_exercises


def test_something_for_the_waiting_is_asked_for(service):
    replies = play(
        service,
        "I had a mammogram and they called me back for more pictures. The appointment isn't until the 19th.",
        "Yes, I'd like something for the waiting.",
    )
    assert "health" in replies[0].understood.themes
    assert replies[1].understood.intent == "exercise_request"
    assert replies[1].suggested_exercises


def test_the_moment_told_as_a_pattern_is_the_moment_over(service):
    replies = play(
        service,
        "um im in a lecture theatre rn and my heart is going crazy and i feel like everyone can see",
        "ok heart slowing down a bit",
        "this happens like every tuesday in this class. its a big room",
    )
    assert replies[0].understood.mode == "in_the_moment"
    assert replies[2].understood.mode == "talking"
    assert "One step at a time" not in replies[2].text


@pytest.mark.parametrize("said", ["my english not so good, is ok?", "sorry for my bad english"])
def test_english_asked_about_is_welcomed(service, said):
    reply = play(service, said)[0]
    assert reply.understood.intent == "smalltalk"
    assert not reply.suggested_exercises
    assert "English" in reply.text or "okay" in reply.text


def test_something_else_as_an_idiom_asks_for_nothing(understander):
    said = "moved from Trinidad to Calgary in september for my girlfriend job and boy this cold is something else"
    assert understander.read(said).intent != "exercise_request"
    assert understander.read("can we try something else").intent == "exercise_request"


def test_a_dog_at_the_vet_is_not_grieved(service):
    reply = play(service, "Wee bit anxious today, my dog Bramble is at the vet getting a lump removed")[0]
    assert "Grieving a pet" not in reply.text and "miss most" not in reply.text


@pytest.mark.parametrize("said", ["Vet just phoned!! She's come round fine, groggy but fine", "the operation went well"])
def test_an_operation_over_and_well_is_good_news(understander, said):
    assert understander.read(said).intent == "progress"


def test_how_long_an_exercise_takes_is_said_when_asked(service):
    replies = play(
        service,
        "I'm a nurse on nights this week and I just can't sleep during the day at all",
        "What's the wind down thing you mentioned, is it long?",
    )
    assert "It takes about 10 minutes." in replies[1].text


def test_examples_are_quoted_only_from_a_passage_that_holds_them(service):
    reply = play(service, "i can't sleep, i lie awake for hours", "like what?")[1]
    assert "You might read, stretch" not in reply.text  # a step's help, in no passage of the library


def test_what_to_do_after_a_phq9_score_is_about_low_mood(service):
    replies = play(service, "i did the phq-9 and got 16. what does that mean?", "is that bad?", "what should i do?")
    assert "behavioral-activation" in replies[2].suggested_exercises
    assert "assertive-communication" not in replies[2].suggested_exercises

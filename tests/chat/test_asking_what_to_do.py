"""Asking what to do after telling what is wrong, found in conversations written for the round-33 note (not a
test set): "what would you suggest?" after three turns about sleeping by day was given problem solving, found by
its bare words; "what would I even say?" after "my manager keeps taking credit for my work" was given "Worst, best
and most likely", while the exercise offered for it at the start ("Say it clearly and kindly") was held back as
already offered; "is that normal?" after "I want to say something but I freeze" was answered about caring jobs; and
"ok I'll try it tomorrow" was met with "Press Start" and "What made you want to try it today?"."""

from __future__ import annotations

import pytest

from haven.chat.service import _BARE_IS_NORMAL, _search_query
from haven.chat.types import Understanding
from haven.chat.understanding import normalise


def _talk(service, *messages: str):
    conversation, reply = None, None
    for text in messages:
        reply = service.respond("me", text, conversation)
        conversation = reply.conversation_id
    return reply


@pytest.mark.parametrize(
    "text",
    ["what would you suggest?", "what do you recommend", "any advice?", "what would I even say?", "what should i say to him"],
)
def test_asking_what_to_do_or_say_is_asking_for_options(understander, text):
    reading = understander.read(text)
    assert reading.intent == "exercise_request" and reading.options


@pytest.mark.parametrize("text", ["no thanks, not that one", "nah not that", "no, I don't fancy that one"])
def test_not_that_one_is_a_no(text):
    from haven.chat import intents as I

    assert I.DECLINE.search(normalise(text))


def test_saying_what_was_said_is_not_asking_for_options(understander):
    assert not understander.read("I never know what I should say in meetings and it eats at me").options


def test_what_was_offered_at_the_start_comes_back_first_when_the_person_asks_what_to_do(service, calm):
    first = service.respond("me", "my manager keeps taking credit for my work")
    assert "Say it clearly and kindly" in first.text
    reply = _talk(service, "my manager keeps taking credit for my work", "I want to say something but I freeze", "what would I even say?")
    options = [line for line in reply.text.splitlines() if line.startswith("- **")]
    assert options and "Say it clearly and kindly" in options[0] and "mentioned before" in options[0]


def test_an_exercise_turned_down_does_not_come_back_when_asked_for_options(service, calm):
    reply = _talk(
        service,
        "my manager keeps taking credit for my work",
        "no thanks, not that one",
        "what would you suggest?",
    )
    assert "Say it clearly and kindly" not in reply.text


def test_taking_an_exercise_up_for_tomorrow_is_a_plan_not_a_start_now(service, calm):
    reply = _talk(service, "my manager keeps taking credit for my work", "I want to say something but I freeze",
                  "what would I even say?", "ok I'll try it tomorrow")
    assert list(reply.suggested_exercises) == ["assertive-communication"]
    assert "tomorrow" in reply.text
    assert "today" not in reply.text and "before we begin" not in reply.text and "Press **Start**" not in reply.text


@pytest.mark.parametrize("text", ["is that normal?", "Is this normal", "but is it common though?", "is that normal at all"])
def test_a_bare_is_it_normal_has_nothing_of_its_own_to_look_up(text):
    assert _BARE_IS_NORMAL.match(normalise(text))


def test_is_it_normal_with_its_own_subject_is_looked_up_in_its_own_words():
    text = "is it normal to cry at adverts?"
    assert not _BARE_IS_NORMAL.match(normalise(text))
    understanding = Understanding(intent="question")
    assert _search_query(text, understanding, "GB", before="my manager keeps taking credit") == text


def test_a_bare_is_it_normal_is_looked_up_with_what_the_person_said_just_before():
    understanding = Understanding(intent="question")
    query = _search_query("is that normal?", understanding, "GB", before="I want to say something but I freeze")
    assert query.startswith("I want to say something but I freeze")


def test_ill_try_that_after_a_word_was_explained_is_a_plan_not_an_exercise_from_before(service, calm):
    first = service.respond("me", "boards in 3 weeks and i havent started revising")
    assert first.suggested_exercises  # an exercise was offered at the start
    reply = _talk(service, "boards in 3 weeks and i havent started revising", "wats pomodoro", "ok i'll try that")
    assert not reply.suggested_exercises and "Press" not in reply.text
    assert "plan" in reply.text


@pytest.mark.parametrize(
    "text", ["finished half of chapter 2!!", "i wrote a whole paragraph of my essay", "did 25 mins of revision today"]
)
def test_a_step_done_is_met_at_its_size(service, calm, text):
    reply = service.respond("me", text)
    assert reply.understood.intent == "progress"
    assert "ongratulations" not in reply.text and "news" not in reply.text


def test_big_news_is_still_celebrated(service, calm):
    assert "ongratulations" in service.respond("me", "GOT THE JOB!!").text


def test_thanks_it_helps_when_nothing_was_tried_is_glad_of_the_talk(service, calm):
    reply = _talk(service, "my partner moved out last week and the flat is so quiet",
                  "no I don't want to do an exercise, I just need to get it out", "thanks, that actually helps a bit")
    assert "It'll be there" not in reply.text and ("talking" in reply.text or "out loud" in reply.text)


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("is health anxiety an actual thing? is that what this is?", "health anxiety"),
        ("is depression a real illness", "depression"),
        ("I read about burnout online, is that what I've got?", "burnout"),
    ],
)
def test_asking_whether_a_named_condition_is_what_they_have_is_never_diagnosed(understander, text, condition):
    from haven.chat.understanding import _condition

    assert understander.read(text).intent == "question"
    assert _condition(normalise(text)) == condition


def test_a_real_thing_with_no_condition_named_is_no_question_about_one():
    from haven.chat.understanding import _condition

    assert _condition(normalise("my mate says it's all in my head, is that a real thing or am i just weak")) is None


def test_is_health_anxiety_a_thing_is_met_with_check_ups_and_a_doctor_not_a_diagnosis(service, calm):
    reply = service.respond("me", "is health anxiety an actual thing? is that what this is?")
    assert "can't tell you whether you have health anxiety" in reply.text and "Check-ups" in reply.text

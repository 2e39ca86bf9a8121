"""Round 43, from chat_heldout45, read (dev): how a try went, plans said other ways, hellos, a term in quotes.

- "felt a bit weird but i did calm down", "honestly scrolling feels way less icky", "After that I could actually watch
  cricket with my son", "felt kinda good ngl", "That did settle me a bit": each tells that what was tried helped, and
  each was read as a try with no outcome, so Haven asked how it went.
- "ok will try that tomorrow", after three ways to stop panic on the Tube were offered, was an answer and got "Have you
  been able to talk to a doctor about it?"; a plan said without "I" is a yes to the last suggestion.
- "made it to work, got a flat white", the morning after the panic, was asked "What worries you most about your
  health?"; getting to work after it is progress.
- "Let me go and rest. Bye bye", "God bless you, bye bye" and "Bless up" are sign-offs (the learned layer read the
  first two as a farewell to life, and the card met a night nurse's goodbye).
- "Wah gwaan" got "Haven works in English" and "Are you safe right now?": a hello in any language is a hello.
- "What's an I-statement?" got "I don't have anything on that": the library writes 'calm "I" statements'.
- "Ok I go try it tonight" is a plan, as "I'll try it tonight" is.
"""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import intents
from haven.chat.understanding import normalise
from haven.safety.triage import read_message


@pytest.mark.parametrize(
    "said",
    [
        "tried it in the car park before going in. felt a bit weird but i did calm down",
        "did the mute thing. honestly scrolling feels way less icky",
        "Did the worry time on sunday, wrote 9 worries. After that I could actually watch cricket with my son.",
        "did it 3 times this week. felt kinda good ngl",
        "That did settle me a bit, thank you love",
    ],
)
def test_how_a_try_helped_is_heard(said):
    assert intents.outcome_of(normalise(said)) == "helped"


@pytest.mark.parametrize(
    "said", ["i tried it and didn't feel good", "did it but i dont feel good", "not feeling good today"]
)
def test_feeling_not_good_is_no_help(said):
    assert intents.outcome_of(normalise(said)) != "helped"


def test_a_plan_said_without_i_is_a_yes_and_getting_to_work_is_progress(service):
    replies = play(
        service,
        "i get panicky on the tube",
        "is there anything I can do before I get on so it does not kick off",
        "ok will try that tomorrow",
        "made it to work, got a flat white, could murder a second one",
    )
    assert replies[2].understood.intent == "accept"
    assert replies[3].understood.intent == "progress"
    assert "health" not in replies[3].text.lower()


@pytest.mark.parametrize("said", ["Let me go and rest. Bye bye", "God bless you, bye bye", "Bless up"])
def test_a_blessing_or_a_rest_said_goodbye_is_a_sign_off(said):
    assert read_message(said).level == "none"


def test_a_final_goodbye_is_still_read():
    assert read_message("let me go and rest forever. bye bye").level == "crisis"


@pytest.mark.parametrize("hello", ["Wah gwaan", "hola", "kia ora"])
def test_a_hello_in_another_language_is_met_as_a_hello(service, hello):
    reply = play(service, hello)[0]
    assert reply.understood is not None and reply.understood.intent == "greeting"
    assert "Haven works in English" not in reply.text


def test_more_than_a_hello_in_another_language_is_still_told_haven_works_in_english(service):
    reply = play(service, "hola, no puedo dormir y estoy muy triste")[0]
    assert "Haven works in English" in reply.text


@pytest.mark.parametrize("asked", ["What's an I-statement?", "what is an i statement"])
def test_a_term_the_library_writes_with_quotes_is_found_and_quoted_whole(service, asked):
    reply = play(service, asked)[0]
    assert '"I" statements' in reply.text
    assert reply.text.count('"') % 2 == 0  # the example quoted whole, never cut at its full stop
    assert reply.citations


def test_a_plan_in_caribbean_english_is_a_yes(service):
    replies = play(
        service,
        "Me and my boyfriend keep having the same argument over and over and I tired",
        "Ok I go try it tonight",
    )
    assert replies[1].understood.intent == "accept"


def test_alright_mi_will_try_it_is_a_yes(service):
    replies = play(
        service,
        "Mi vex bad. My brother borrow money from me six months now and act like him forget",
        "So what, mi just breathe and count? That really work?",
        "Alright, mi will try it",
    )
    assert replies[2].understood.intent == "accept"


def test_feeling_gross_about_ones_body_is_heard_as_body_image(service):
    replies = play(service, "kia ora", "been feeling really gross about my body lately")
    assert "body" in replies[1].understood.themes


def test_an_exercise_accepted_for_tomorrow_is_not_started_in_the_chat_now(service):
    """Seen trying the app: "ok will try that tomorrow", to three ways to stop panic on the Tube with grounding first,
    started grounding in the chat there and then ("from 0 to 10, how strong is the feeling right now?")."""
    from haven.chat import phrases as P

    replies = play(
        service,
        "help im on the tube and its stuck in a tunnel and my heart is going mad",
        "ok we're moving again. that actually helped",
        "is there anything I can do before I get on so it doesn't kick off",
        "ok will try that tomorrow",
    )
    last = replies[-1].text
    assert "tomorrow" in last
    assert not any(opening.split("{name}")[0] in last for opening in P.IN_CHAT_OPEN)

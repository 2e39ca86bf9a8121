"""Round 52: help that is for where the person is, a person to talk to, and exercises turned down or asked for.

From chat_heldout62's blind reader (read last round) and trying the chat at this round's start:
- an Irish reader was told "In England, you can refer yourself to NHS Talking Therapies" and someone in Lagos the US
  lines: the library's lines for other countries are left out of what a person is told, and a place Haven has no
  lines for gives the directory and "your local emergency number", not the US default;
- "Is there a person I could talk to as well? A real one" got "I don't have anything on that in Haven's library":
  it asks for a person;
- "i'm in london, panic attacks keep coming back" was met as a panic going on now ("I'm in" read as being
  somewhere now): where someone lives is not where the panic is;
- "when should I see someone about it?" got box breathing, the exercise offered just before, explained again: the
  topic's own signs that it is time for more help.
"""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import passages


@pytest.mark.parametrize(
    ("sentence", "region", "other"),
    [
        ("In the US, a primary care doctor is a good first step.", "IE", True),
        ("In the US, a primary care doctor is a good first step.", "US", False),
        ("In England, you can refer yourself to NHS Talking Therapies.", "GB", False),
        ("In England, you can refer yourself to NHS Talking Therapies.", "UK", False),
        ("In England, you can refer yourself to NHS Talking Therapies.", "IE", True),
        ("In the UK and Ireland, call Samaritans on 116 123.", "IE", False),
        ("In the US and Canada, call or text 988.", "CA", False),
        ("In the US and Canada, call or text 988.", "NG", True),
        (
            "In other countries, your family doctor or local health service is usually the best place to start.",
            "NG",
            False,
        ),
        ("Talking in a group can help.", "AU", False),
    ],
)
def test_a_line_for_other_countries_is_known_by_the_countries_it_names(sentence, region, other):
    assert passages.for_another_country(sentence, region) is other


def test_a_quote_keeps_only_its_sentences_for_the_reader():
    quote = "See a doctor if panic attacks keep coming back. In England, you can refer yourself. In the US, ask your doctor."
    assert passages.for_their_country(quote, "IE") == "See a doctor if panic attacks keep coming back."
    assert (
        passages.for_their_country(quote, "GB")
        == "See a doctor if panic attacks keep coming back. In England, you can refer yourself."
    )


@pytest.mark.parametrize(
    ("first", "other_countries"),
    [
        ("hi, I'm in Cork and I've been really anxious lately", ("In England", "In the US")),
        ("I live in Lagos and the school fees are stressing me out", ("In England", "In the US", "988", "911")),
    ],
)
def test_a_person_asking_for_someone_to_talk_to_is_told_of_help_where_they_are(service, first, other_countries):
    replies = play(service, first, "is there a person I could talk to as well? A real one")
    assert replies[1].understood.intent == "human"
    assert not any(words in replies[1].text for words in other_countries)


def test_a_place_with_no_lines_of_its_own_gets_the_directory_not_the_us_lines(service):
    reply = play(
        service, "I live in Lagos and the school fees are stressing me out", "is there a real person I can talk to"
    )[1]
    assert "Find A Helpline" in reply.text
    assert "988" not in reply.text


def test_where_someone_lives_is_not_where_a_panic_is_happening(service):
    reply = play(service, "i'm in london, panic attacks keep coming back")[0]
    assert reply.understood.intent != "in_the_moment"


def test_a_bus_is_still_where_a_panic_is_happening(service):
    reply = play(service, "i'm on the bus and panicking")[0]
    assert reply.understood.intent == "in_the_moment"


def test_when_to_see_someone_is_answered_with_the_topics_own_signs(service):
    replies = play(service, "i'm in london, panic attacks keep coming back", "when should I see someone about it?")
    assert replies[1].understood.intent == "question"
    assert "keep coming back" in replies[1].text
    assert "In the US" not in replies[1].text
    assert "Box breathing" not in replies[1].text


@pytest.mark.parametrize(
    "said", ["not keen on the breathing stuff, bit woo for me", "not rly keen on a worksheet"]
)
def test_not_keen_on_an_exercise_is_a_no(service, said):
    """chat_heldout62 (read): the first got "Yes! That's brilliant news, congratulations!", the second was read as work."""
    replies = play(service, "i can't switch off at night, my head just races", said)
    assert replies[1].understood.intent == "decline"
    assert "congratulations" not in replies[1].text.lower()


def test_let_us_do_an_exercise_by_name_runs_it(service):
    """chat_heldout62 (read): "ok let us do the problem solving one" got "What would you like her to understand?"."""
    replies = play(service, "my mum and I keep arguing about money", "ok let us do the problem solving one")
    assert replies[1].understood.intent == "exercise_request"
    assert "problem solving" in replies[1].text.lower()

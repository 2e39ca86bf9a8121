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


def test_a_quote_stops_before_what_it_says_of_another_country():
    """Seen trying the app: "You do not need to see a GP first. Search "NHS Talking Therapies"..." was told to someone
    in Galway once the sentence naming England before it was taken out."""
    quote = "In England, you can refer yourself to NHS Talking Therapies. You do not need to see a GP first."
    assert passages.for_their_country(quote, "IE") == ""
    assert passages.for_their_country(quote, "GB") == quote


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


# From chat_heldout63, read at this round's start (dev).


def test_what_do_you_mean_by_a_thing_is_no_question_about_haven(service):
    """ "What do you mean by a wind-down routine, like what do you actually do" got what Haven can do."""
    replies = play(
        service,
        "I work nights at the hospital and I can't sleep in the day anymore",
        "What do you mean by a wind-down routine, like what do you actually do",
    )
    assert replies[1].understood.intent == "question"
    assert "self-help tool" not in replies[1].text


@pytest.mark.parametrize("said", ["what do you actually do", "what can you do"])
def test_what_haven_does_is_still_asked_about_haven(service, said):
    assert play(service, said)[0].understood.intent == "capabilities"


def test_thanks_with_you_are_patient_is_thanks(service):
    """ "Good. Thanks very much, you're very patient" got "What has been going through your mind about it?"."""
    replies = play(
        service,
        "I retired in March and I'm rattling around the house",
        "I walk the dog in the morning and that's about it",
        "Good. Thanks very much, you're very patient",
    )
    assert replies[2].understood.intent == "thanks"


def test_tell_me_some_quick_exercise_asks_for_exercises(service):
    """ "can you tell me some quick exercise I can do at desk itself" got "What worries you most about your health?"."""
    replies = play(
        service,
        "I am having so much tension from office. My manager is giving deadlines every day only",
        "can you tell me some quick exercise I can do at desk itself",
    )
    assert replies[1].understood.intent == "exercise_request"


def test_a_doctor_is_not_suggested_for_a_small_setback_told_plainly(service):
    """ "Still woke up once when the bin truck came past but got back off" was told to talk to a doctor."""
    replies = play(
        service,
        "I work nights at the hospital and I can't sleep in the day anymore. Wide awake at 11am every single day",
        "Back. Did the no phone thing and a shower straight after work, slept till 2pm!",
        "Still woke up once when the bin truck came past but got back off",
    )
    assert "doctor" not in replies[2].text.lower()


def test_do_other_people_feel_like_this_is_asking_if_it_is_normal(service):
    """ "can i ask u smth. do other ppl feel like this" got "I'm listening." and a question about her body."""
    replies = play(
        service,
        "idk i just hate how i look in pictures",
        "like everyone at school looks so perfect on insta",
        "can i ask u smth. do other ppl feel like this",
    )
    assert replies[2].understood.intent == "question"
    assert "common" in replies[2].text.lower()


def test_a_word_echoed_then_asked_without_its_verb_is_a_question(service):
    """ "Respite? What that mean exactly" got "Okay, that makes sense." as if it answered Haven's question."""
    replies = play(
        service,
        "I'm looking after my mother, she have dementia. Some days I can't take it",
        "Respite? What that mean exactly",
    )
    assert replies[1].understood.intent == "question"
    assert "respite" in replies[1].text.lower()


def test_lekker_trying_it_now_is_a_yes(service):
    """ "ok lekker, trying it now" after an exercise was offered got "Thanks, that helps me understand"."""
    replies = play(
        service, "I can't get started on my dissertation", "what's paced breathing?", "ok lekker, trying it now"
    )
    assert replies[2].understood.intent == "accept"


def test_what_was_that_thing_you_mentioned_is_a_question_not_good_news(service):
    """ "ok she's asleep again lol. what was that 1 minute thing you mentioned" got "Little moments like that count"."""
    replies = play(
        service,
        "I had a baby 6 weeks ago and I feel like a zombie",
        "ok she's asleep again lol. what was that 1 minute thing you mentioned",
    )
    assert replies[1].understood.intent == "question"


def test_what_do_i_actually_do_in_the_moment_of_anger_gets_the_steps(service):
    """ "ok but what do I actually do in the moment. like when I feel it rising" got a line on low mood."""
    replies = play(
        service,
        "need some help with my temper. snapped at my kid over spilled juice this morning and felt like garbage after",
        "mostly when im tired or after a long day. I drive for UPS",
        "ok but what do I actually do in the moment. like when I feel it rising",
    )
    assert "1. Pause." in replies[2].text


def test_a_thing_of_their_own_that_never_works_is_not_the_exercise_offered(service):
    """ "counting to 10 never works for me, tried it a bunch" was thanked as trying the sleep reset plan."""
    replies = play(
        service,
        "need some help with my temper. snapped at my kid this morning",
        "mostly when im tired. I drive for UPS",
        "counting to 10 never works for me, tried it a bunch",
    )
    assert replies[2].understood.outcome == "not_helped"
    assert "sleep reset plan" not in replies[2].text.lower()


def test_why_it_happens_there_is_a_question_whatever_haven_asked(service):
    """ "ok that's reassuring. why does it happen in stores though" got "Thanks, that helps me understand"."""
    replies = play(
        service,
        "help im in target and my heart is pounding and i feel like i cant breathe properly",
        "ok sitting in my car now. better",
        "this happens like once a month, always in big stores",
        "ok that's reassuring. why does it happen in stores though",
    )
    assert replies[3].understood.intent == "question"
    assert "helps me understand" not in replies[3].text


def test_a_question_asked_first_with_what_they_know_after_it_is_a_question(service):
    replies = play(
        service,
        "i get panic attacks in big shops",
        "does it mean something is wrong with my heart? my doctor checked last year and said no",
    )
    assert replies[1].understood.intent == "question"


def test_someone_in_galway_asking_for_a_person_is_told_nothing_of_the_nhs(service):
    """Seen trying the app at the round's end."""
    replies = play(
        service,
        "hi, I'm in Galway and I've been really anxious about my new job",
        "is there a real person I could talk to as well?",
    )
    assert "NHS" not in replies[1].text
    assert "Samaritans Ireland" in replies[1].text


@pytest.mark.parametrize("said", ["Slán for now", "ka kite", "thanks, ka kite ano"])
def test_a_goodbye_in_irish_or_maori_is_a_goodbye(service, said):
    """chat_heldout64 (read after the second read): "Slán for now" and "ka kite" got "Grief shows up in the small,
    everyday moments like that"."""
    replies = play(service, "I retired in March and I'm rattling around the house", said)
    assert replies[1].understood.intent == "goodbye"


def test_did_it_after_a_plan_of_their_own_is_their_step_not_the_exercise_offered(service):
    """chat_heldout64 (read after the second read): "DID IT!!! i wrote the whole intro", just after their own plan
    was welcomed, was thanked for trying the self-compassion break offered before it."""
    replies = play(
        service,
        "I can't start my essay",
        "ok ok just the title and 3 bullet points i can do that",
        "DID IT!!! i wrote the whole intro",
    )
    assert replies[2].understood.intent == "progress"
    assert "a go" not in replies[2].text


def test_did_it_after_an_exercise_planned_is_still_the_exercise(service):
    replies = play(service, "i can't sleep", "ok I'll try the sleep reset plan tonight", "did it, slept better")
    assert replies[2].understood.intent == "tried"

"""Round 44, from chat_heldout47, read (dev): news told as an update, thanks at more length, asking for something now.

- "update!! went to board game night and played catan ...", "Update: it was a cyst, nothing to worry about!!" and
  "said sorry to the apprentice and shouted him a pie, he was stoked" were answers or feelings, met with "awkward
  moments" and a note on panic and the heart; each is news to be glad of.
- "nothing to worry about" is no worry felt.
- "Grand, thanks very much for the chat" and "haha ok no problem. Thank you for help" were feelings, met with a
  question about what helps.
- "ok what was that thing about writing down the thought and looking at evidence", in listening mode, got "I'm still
  here. What's been the hardest part?": a question after a filler word is a question.
- "I'm actually in bed now and it's going round and round, can we do something right now" got step-by-step problem
  solving, and "hi sorry i need help now" a hello: both ask for something to do now.
- "Ok I will try. Only opening the file and writing function names" started Three good things: writing is the
  person's own plan there, not a kind of exercise asked for.
"""

from __future__ import annotations

import pytest
from chat_helpers import play

from haven.chat import intents
from haven.chat.understanding import normalise


@pytest.mark.parametrize(
    "said",
    [
        "update!! went to board game night and played catan with 3 people from my chem lab, one of them invited me "
        "for bubble tea",
        "Update: it was a cyst, nothing to worry about!! I cried in the car park with relief",
        "said sorry to the apprentice and shouted him a pie, he was stoked",
    ],
)
def test_news_told_as_an_update_is_progress(service, said):
    replies = play(service, "I've been really anxious about something lately", said)
    assert replies[1].understood.intent == "progress"
    assert "panic" not in replies[1].text.lower()


@pytest.mark.parametrize(
    "said", ["update: it went terribly, i froze", "update: still waiting for the results, so anxious"]
)
def test_an_update_that_went_badly_is_not_progress(service, said):
    replies = play(service, "I've been really anxious about something lately", said)
    assert replies[1].understood.intent != "progress"


@pytest.mark.parametrize(
    "said", ["Grand, thanks very much for the chat", "haha ok no problem. Thank you for help"]
)
def test_thanks_said_at_more_length_closes_the_talk(service, said):
    replies = play(service, "work has been a lot this week", "my manager keeps adding deadlines", said)
    assert replies[2].understood.intent == "thanks"


@pytest.mark.parametrize(
    "said",
    [
        "ok what was that thing about writing down the thought and looking at evidence",
        "so how does that work",
        "wait what do you mean",
    ],
)
def test_a_question_after_a_filler_word_is_a_question(said):
    assert intents.QUESTION.search(normalise(said))


def test_a_question_about_an_exercise_in_listening_mode_is_answered(service):
    replies = play(
        service,
        "can i just vent for a sec without getting advice? i just need to say it",
        "everyone says enjoy every moment but some moments are just hard and boring and loud",
        "ok what was that thing about writing down the thought and looking at evidence",
    )
    assert replies[2].understood.intent == "question"
    assert "hardest part" not in replies[2].text


@pytest.mark.parametrize(
    "said",
    [
        "I'm actually in bed now and it's going round and round, can we do something right now",
        "hi sorry i need help now",
    ],
)
def test_asking_for_something_to_do_now_is_the_moment(service, said):
    replies = play(service, "i keep worrying about my scan results", said)
    assert replies[1].understood.intent == "in_the_moment"


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("Ok I will try. Only opening the file and writing function names", None),
        ("can we do the breathing one", "breathing"),
        ("actually maybe a breathing thing would help", "breathing"),
        ("id like to try some writing", "writing"),
    ],
)
def test_the_kind_of_exercise_asked_for_is_named_in_the_request(said, kind):
    assert intents.kind_requested(normalise(said)) == kind


def test_that_thing_you_mentioned_is_the_one_mentioned(service):
    replies = play(
        service,
        "so ive been feeling really low since i moved cities for work",
        "not really, i dont know anyone here",
        "what was that thing about small steps you mentioned",
    )
    assert "Small steps back to doing" in replies[2].text


def test_a_feared_result_that_came_back_fine_is_met_as_relief(service):
    replies = play(
        service,
        "I've been really anxious about a scan, they called me back after my mammogram",
        "Update: it was a cyst, nothing to worry about!! I cried in the car park with relief",
        "honestly so much lighter, going to get a cake",
    )
    assert "relief" in replies[1].text.lower() and "congratulations" not in replies[1].text.lower()
    assert "health" not in replies[2].text.lower() and "first step" not in replies[2].text.lower()

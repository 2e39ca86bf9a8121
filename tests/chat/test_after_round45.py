"""Round 45, from chat_heldout49, read (dev): an exercise asked about by a name Haven does not have, and leaving.

- "what's this STOP thing then" was taken for an answer and met with "What part of work is weighing on you most?".
  It is a question about a thing by its name; the library has nothing called STOP, so Haven says so before the
  nearest exercise it has, rather than passing that one off as the one the person heard of.
- "anyway footy's on, catch ya" was taken for an answer and asked about work: it is goodbye.
"""

from __future__ import annotations

from chat_helpers import play

from haven.chat import intents
from haven.chat.understanding import normalise


def test_an_exercise_asked_about_by_a_name_haven_does_not_have_is_said_plainly(service):
    replies = play(
        service,
        "work's flat out, boss on my back, then the traffic on top",
        "what's this STOP thing then",
    )
    assert replies[1].understood.intent == "question"
    assert "I don't have one called STOP" in replies[1].text
    assert replies[1].citations


def test_an_exercise_asked_about_by_its_own_name_is_just_explained(service):
    replies = play(service, "I get so wound up before meetings", "what's the breathing thing again")
    assert replies[1].understood.intent == "question"
    assert "breathing" in replies[1].text.lower() and "I don't have one called" not in replies[1].text


def test_something_on_and_catch_ya_is_goodbye():
    for said in ("anyway footy's on, catch ya", "right the match is on, catch you later"):
        assert intents.GOODBYE.search(normalise(said)), said
    assert not intents.GOODBYE.search(normalise("dinner is on the table but I can't face eating"))


def test_the_new_baby_article_is_background_only_in_a_talk_with_a_baby_in_it(service):
    flat = play(service, "just feel flat lately. not sad really, just nothing", "couple months. since winter started maybe")
    assert not any(c.doc_id == "life-with-a-new-baby" for r in flat for c in r.citations)
    baby = play(
        service,
        "my daughter is 3 weeks old and I cry every afternoon for no reason",
        "is this normal? everyone says it's the best time of my life",
        person="new-mum",
    )
    assert any(c.doc_id == "life-with-a-new-baby" for r in baby for c in r.citations)

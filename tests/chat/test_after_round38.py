"""Round 38, found trying the chat as a person would: a break-up conversation and a coming-out.

- "i've been feeling really low since my breakup last month" was asked the relationship theme's "What would you like
  them to understand?" (a question for a row): the break-up situation's own question comes first now.
- "what can i do about the checking?" after "i keep checking her instagram" got three exercises about low mood and
  problems; the checking named as already known is looked up with the message that told of it, and the exercise the
  person's own word names (urge surfing) comes first. The library has an article on break-ups now.
- "thanks, that's helpful" before anything was tried got "That's good to hear: that helped."
- "so i did it. i came out to my mum and dad" got the crisis card for danger at home, which then held "they were
  actually really supportive!!" (the safety side is tested in tests/safety/test_round38_good_news.py).
"""

from __future__ import annotations

from chat_helpers import play

from haven.chat import threads


def test_a_breakup_is_asked_about_the_breakup_not_a_row(service):
    replies = play(service, "hi", "i've been feeling really low since my breakup last month")
    last = replies[-1].text
    assert "understand" not in last and "between you" not in last
    assert last.rstrip().endswith("?")


def test_the_checking_is_what_the_person_told_of_before():
    earlier = ["hi", "we were together 4 years and i keep checking her instagram", "yeah i know"]
    assert threads.told_before("what can i do about the checking?", earlier) == earlier[1]
    assert threads.told_before("what can i do about the whole thing?", earlier) is None
    assert threads.told_before("what can i do about it?", earlier) is None


def test_asking_about_the_checking_offers_urge_surfing_first(service):
    replies = play(
        service,
        "i've been feeling really low since my breakup last month",
        "we were together 4 years and i keep checking her instagram",
        "what can i do about the checking?",
    )
    assert replies[-1].suggested_exercises[0] == "urge-surfing"


def test_the_library_has_an_article_on_breakups(service):
    hits = service.searcher.search("my girlfriend broke up with me and I can't stop looking at her instagram", k=5)
    assert "relationship-endings" in {hit.doc_id for hit in hits}


def test_thanks_for_a_useful_reply_does_not_say_something_helped(service):
    replies = play(service, "my exam is tomorrow and i haven't revised enough", "thanks, that's helpful")
    last = replies[-1].text
    assert "useful" in last and "helped" not in last


def test_coming_out_is_met_as_good_news(service):
    replies = play(service, "hey", "so i did it. i came out to my mum and dad", "they were actually really supportive!!")
    assert [r.level for r in replies] == ["none", "none", "none"]
    assert "Congratulations" in replies[1].text or "win" in replies[1].text


def test_an_exercise_named_for_later_is_kept_for_later_not_started(service):
    # seen in the browser: "ok i'll try urge surfing later. thanks, that's helpful" got "Let's try Urge surfing ...
    # Press Start below" and "From 0 to 10, how stressed do you feel right now?"
    replies = play(
        service,
        "i keep checking my ex's instagram and i can't stop",
        "what can i do about the checking?",
        "ok i'll try urge surfing later. thanks, that's helpful",
    )
    last = replies[-1]
    assert "later" in last.text and "Press" not in last.text and "right now" not in last.text
    assert last.suggested_exercises == ("urge-surfing",)


def test_nerves_told_as_behind_a_win_are_not_a_new_worry(service):
    # seen in the browser: after the coming-out was celebrated, "thanks. i was so nervous beforehand" got "That
    # sounds hard, feeling anxious", Worry time and "When did you first notice feeling this way?"
    replies = play(
        service,
        "so i did it. i came out to my mum and dad",
        "they were actually really supportive!!",
        "thanks. i was so nervous beforehand",
    )
    last = replies[-1]
    assert "nervous" in last.text and not last.suggested_exercises
    assert "first notice" not in last.text


def test_nerves_still_felt_are_heard_as_nerves():
    from haven.chat import intents as I

    assert I.NERVES_BEFORE.search("honestly i was dreading it all week")
    assert not I.NERVES_BEFORE.search("i was nervous but now i'm still shaking")
    assert not I.NERVES_BEFORE.search("i'm so nervous about tomorrow")


def test_something_else_said_beside_an_acceptance_is_taken_up(service):
    # trying the chat: "ok i'll try that. also i'm not sleeping great" started urge surfing and asked "How are you
    # feeling right now, before we begin?"; the sleep went unheard. (With "...and i can't stop" the first message is
    # read as about the body, and the sleep then goes unread as a theme: left for later, docs/benchmarks.md round 38.)
    replies = play(
        service,
        "i keep checking my exs instagram",
        "what can i do about the checking?",
        "ok i'll try that. also i'm not sleeping great",
    )
    last = replies[-1]
    assert last.suggested_exercises == ("urge-surfing",)
    assert "sleep" in last.text.split("\n")[-1].lower() and last.text.rstrip().endswith("?")

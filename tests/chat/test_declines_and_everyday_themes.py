"""Declines and requests to be heard said in people's own words, and two everyday themes (caring for someone,
putting things off), found walking the app: "not really up for an exercise right now, I just needed to say it"
was offered a body scan, a student behind on a dissertation was given sleep advice, and a carer was met with
"Thanks for telling me about work"."""

from __future__ import annotations

import pytest

from haven.chat.phrases import FOLLOW_UP_THEME
from haven.chat.situations import load_situations


@pytest.mark.parametrize(
    "text",
    [
        "not really in the mood for exercises",
        "I don't really feel like doing an exercise",
        "I'm not up for the breathing stuff today",
        "can we skip the exercises",
    ],
)
def test_a_refusal_in_other_words_is_a_decline_and_remembered(understander, text):
    reading = understander.read(text)
    assert reading.intent == "decline"
    assert reading.avoid  # kept in the conversation: nothing of that kind is offered again


@pytest.mark.parametrize(
    "text",
    [
        "not really up for an exercise right now, I just needed to say it",
        "can we not do exercises, I just want to talk",
        "honestly I don't need tips, I just needed someone to hear it",
        "I'd rather just talk if that's ok",
        "I just needed to tell someone",
        "can we just talk for a bit",
        "no tbh im not looking for tips, i just need to moan to someone",  # from the blind set's reading
    ],
)
def test_wanting_to_be_heard_is_listened_to(understander, text):
    reading = understander.read(text)
    assert reading.intent == "venting" and reading.mode == "listening"


def test_a_refusal_with_an_adverb_and_a_wish_to_talk_is_both_kept(understander):
    # found walking the app: this was answered with paced breathing
    reading = understander.read("I don't really want a breathing exercise, can we just talk for a bit")
    assert reading.mode == "listening" and "breathing" in reading.avoid


@pytest.mark.parametrize(
    "text",
    [
        "I needed to tell someone what happened at work today, my boss shouted at me",  # a story, told
        "I'm not in the mood for anything",  # low mood, not a refusal of exercises
    ],
)
def test_telling_or_low_mood_is_not_a_refusal(understander, text):
    reading = understander.read(text)
    assert reading.intent not in ("venting", "decline") and not reading.avoid


@pytest.mark.parametrize(
    "text, theme",
    [
        ("my dad has dementia and I've basically become his carer on top of my job", "caring"),
        ("I look after my mum since her stroke and I never get a break", "caring"),
        ("I care for my disabled son and I'm exhausted", "caring"),
        ("I keep putting off my dissertation and now I'm way behind", "procrastination"),
        ("I've been procrastinating all week", "procrastination"),
        ("I put off calling the bank for weeks", "procrastination"),
    ],
)
def test_everyday_themes(understander, text, theme):
    assert understander.read(text).themes[0] == theme


@pytest.mark.parametrize(
    "text",
    [
        "I'm looking after my sister's kids for the weekend",
        "I look after my son on my own, his dad left",  # parenting, not caring for someone who needs care
        "I care for my friends a lot",
        "my mum cares for my gran and I help at weekends",  # the person is not the carer
    ],
)
def test_caring_is_not_read_into_ordinary_family_life(understander, text):
    assert "caring" not in understander.read(text).themes


def test_a_dissertation_is_studying(understander):
    assert "study" in understander.read("my dissertation is due in three weeks").themes


def test_a_carer_who_only_wants_to_say_it_is_heard_and_offered_nothing_after(service):
    first = service.respond("me", "my dad has dementia and I've basically become his carer on top of my job")
    assert "caring" in first.topics and "work" not in first.text  # the caring leads, the job is beside it
    caring_questions = [*FOLLOW_UP_THEME["caring"], *(q for s in load_situations() if s.name.startswith(("caring", "carer")) for q in s.questions)]
    assert any(question in first.text for question in caring_questions)  # asked about the caring
    heard = service.respond(
        "me", "not really up for an exercise right now, I just needed to say it", first.conversation_id
    )
    assert not heard.suggested_exercises and not heard.citations
    assert "what's going on" not in heard.text.lower()  # it was said already
    later = service.respond(
        "me", "honestly I'm exhausted, I haven't had a day off in months", first.conversation_id
    )
    assert not later.suggested_exercises  # the decline holds for the rest of the conversation


def test_a_feeling_in_a_talk_about_caring_is_looked_up_with_the_caring(service):
    first = service.respond("me", "I look after my mum since her stroke and I never get a break")
    later = service.respond("me", "I feel so guilty when I get annoyed with her", first.conversation_id)
    assert "caring-for-someone" in {c.doc_id for c in later.citations}, later.text


def test_a_goodnight_with_a_kiss_is_a_goodbye(understander):
    # from the blind set's reading: "night x" was a feeling and got a new question
    assert understander.read("night x").intent == "goodbye"

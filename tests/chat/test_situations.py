"""Everyday situations (haven/chat/situations.py): the bank is sound, a cue names the situation told, and the guide
meets the person with that situation's own words instead of a line that could follow any message.

Found reading chat_heldout28 (read): "it's just so quiet in the flat. her mug is still in the dish rack..." after a
partner moved out got "I'm glad you said something." and a paragraph on loneliness from the library; "What would
you like her to understand?" was asked twice in a row."""

from __future__ import annotations

import re

import pytest

from haven.chat import situations as S
from haven.chat.understanding import normalise

_DARK = re.compile(r"\b(die|dies|dying|dead|death|kill\w*|suicid\w*|harm\w*|danger\w*|self-harm)\b", re.IGNORECASE)


def test_every_situation_has_lines_to_say_and_no_dark_word_in_them():
    situations = S.load_situations()
    assert len(situations) >= 50
    for situation in situations:
        assert len(situation.reflections) >= 3 and len(situation.questions) >= 2, situation.name
        for line in (*situation.reflections, *situation.questions):
            assert not _DARK.search(line), (situation.name, line)
        for question in situation.questions:
            assert question.endswith("?"), (situation.name, question)


def test_the_parts_are_fixed_by_the_words_and_all_three_are_used():
    parts = {S.split_of(text) for s in S.load_situations() for text in s.says}
    assert parts == {"train", "dev", "heldout"}
    assert S.split_of("My manager had a go at me") == S.split_of("my  manager had a go at me")


def test_cues_name_the_right_situation_on_held_out_messages_most_of_the_time():
    """Held-out messages were not read to write the cues: most cued ones are the situation they were written for."""
    rows = S.examples("heldout")
    read = [(S.cued(normalise(text)), name) for text, name in rows]
    single = [(names[0], name) for names, name in read if len(names) == 1]
    assert len(single) >= 15
    assert sum(got == want for got, want in single) / len(single) >= 0.8


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        ("my manager had a go at me in front of the whole team", "boss_criticised"),
        ("just finished my fourth night shift and I can't sleep", "shift_work_tired"),
        ("she moved out on saturday and the flat is so quiet now", "partner_moved_out"),
        ("we had to have our dog put to sleep yesterday", "pet_died"),
        ("I got the job!!", "got_good_news"),
        ("my mum has dementia and I'm looking after her", "caring_for_parent"),
    ],
)
def test_a_message_is_read_as_the_situation_it_tells(understander, text, situation):
    assert understander.read(text).situation == situation


def test_an_everyday_turn_that_tells_no_situation_has_none(understander):
    for text in ("hi there", "thanks, that helps", "what is box breathing?", "ok let's try it"):
        assert understander.read(text).situation is None, text


def _lines(name: str) -> tuple[str, ...]:
    found = S.by_name(name)
    assert found is not None
    return found.reflections


def test_listening_meets_a_partner_moving_out_with_its_own_words(service, calm):
    first = service.respond("me", "my partner of 6 years moved out on the weekend")
    heard = service.respond("me", "I don't really want tips or exercises right now, I just need to get it out", first.conversation_id)
    assert heard.understood.mode == "listening"
    told = service.respond(
        "me",
        "it's just so quiet in the flat. her mug is still in the dish rack. i keep going to text her about the cat",
        first.conversation_id,
    )
    assert any(line in told.text for line in _lines("partner_moved_out"))
    assert not told.citations and not told.suggested_exercises  # listening: no lesson, no exercise
    situation = S.by_name("partner_moved_out")
    assert any(q in told.text for q in situation.questions)


def test_an_answer_that_tells_no_situation_of_its_own_gets_no_situations_line(service, calm):
    """Carrying a situation on to the next answer was tried: "My sister in Lagos, I call her on Sundays" (who the
    person talks to) got the line about losing a patient told two turns before."""
    first = service.respond("me", "we lost a patient on the ward last night, one I'd looked after for weeks")
    later = service.respond("me", "My sister in Lagos, I call her on Sundays", first.conversation_id)
    assert not any(line in later.text for line in _lines("patient_died_at_work"))


def test_a_question_about_a_word_gets_no_situations_line(service, calm):
    reply = service.respond("me", "is impostor syndrome an actual diagnosis or just a linkedin thing lol")
    assert not any(line in reply.text for line in _lines("imposter_feeling"))


def test_good_news_is_not_met_with_a_hard_situations_line(service, calm):
    reply = service.respond("me", "I passed my exam!! so happy, I was so behind on revision a month ago")
    assert not any(line in reply.text for line in _lines("exam_behind"))


def test_money_named_in_passing_is_no_money_worry(understander):
    """Found playing the round's closing conversations: "more money but im nervous as about the exam" (a licence that
    pays better) got the line about bills that never stretch."""
    said = "boss reckons i should go for my fumigation licence, more money but im nervous as about the exam"
    assert understander.read(said).situation != "money_worries"
    assert understander.read("money is so tight this month, the rent is due friday").situation == "money_worries"

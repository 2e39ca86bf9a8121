"""Concern replies, held crises and the sentences around them: short, warm, one question, never method
detail, and never the same card word for word."""

from __future__ import annotations

import re

import pytest

from haven.safety.helplines import AUDIENCES, KNOWN_CATEGORIES
from haven.safety.response import (
    back_to_chat_text,
    concern_response,
    crisis_response,
    held_crisis_response,
    load_responses,
    safety_check_text,
    step_down_text,
)


def _digits_left(text: str, response) -> str:
    """The text with URLs, the emergency number(s) and every help line's numbers taken out."""
    text = re.sub(r"https?://\S+", "", text)
    numbers = {response.emergency_number, *re.findall(r"\d[\d ]*\d", response.emergency_note)}
    for line in response.helplines:
        numbers.update(line.phone_numbers)
    for number in sorted(numbers, key=len, reverse=True):
        text = text.replace(number, "")
    return "".join(re.findall(r"\d", text))


# --- concern ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("category", [*KNOWN_CATEGORIES, None])
def test_a_concern_reply_has_one_question_and_at_most_three_lines(category, audience):
    response = concern_response("US", category, audience)
    assert response.question.endswith("?")
    assert response.question.count("?") == 1
    assert 1 <= len(response.helplines) <= 2
    text = response.as_text()
    assert "911" in text
    listed = [row for row in text.splitlines() if row.startswith("  - ")]
    assert len(listed) <= 3
    assert len(text.split()) < 110
    assert response.as_markdown().count("**") >= 2


def test_the_concern_question_about_suicide_is_direct():
    for category in ("suicide", "self_harm", "suicide_self_harm", None):
        question = concern_response("GB", category).question
        assert question == "Can I ask: are you thinking about ending your life, or about hurting yourself?"
    assert "ending their life" in concern_response("GB", "suicide", "third_party").question
    assert "safe at home" in concern_response("GB", "danger_at_home").question


def test_a_concern_reply_shows_the_first_lines_for_the_kind_of_concern():
    response = concern_response("US", "danger_at_home")
    assert response.helplines[0].call == "1-800-799-7233"
    assert "1-800-799-7233" in response.as_text()


def test_a_concern_is_not_the_crisis_card():
    text = concern_response("US", "suicide").as_text()
    assert crisis_response("US", category="suicide").title not in text
    assert "Emergency:" not in text


def test_a_question_to_learn_gets_a_short_answer_pointer_and_an_offer():
    response = concern_response("US", "eating_disorder", "learning")
    assert "treatable" in response.message
    assert "library" in response.question.lower()
    assert concern_response("US", "psychosis", "learning").message != response.message


def test_a_message_in_another_language_is_told_kindly_that_haven_works_in_english():
    response = concern_response("FR", "suicide", language="fr")
    text = response.as_text()
    assert not response.english and "English" in response.message
    assert response.helplines[0].chat == "https://findahelpline.com/"
    assert "3114" in text and "112" in text
    assert len(response.helplines) <= 2
    assert concern_response("FR", "suicide", language="en-GB").english
    assert concern_response("FR", "suicide", language=None).english


# --- held crisis -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("category", KNOWN_CATEGORIES)
def test_a_held_crisis_is_not_the_first_card_and_changes_every_turn(category, audience):
    first = crisis_response("GB", category=category, audience=audience)
    turns = [held_crisis_response("GB", category=category, audience=audience, turn=t) for t in (1, 2, 3, 4)]
    texts = [t.as_text() for t in turns]
    for turn in turns:
        assert turn.as_text() != first.as_text()
        assert turn.title != first.title and turn.message != first.message
        assert turn.as_text().rstrip().endswith("?")
        assert turn.helplines and len(turn.helplines) <= 3
        assert "999" in turn.as_text()
    for before, after in zip(texts, texts[1:], strict=False):
        assert before != after
    assert len(texts[0].split()) < len(first.as_text().split()) + 20


def test_a_held_crisis_asks_whether_they_are_safe_and_can_reach_a_line():
    question = held_crisis_response("US", category="suicide", turn=1).question
    assert "safe right now" in question and "lines" in question
    assert "Is the person safe" in held_crisis_response("US", category="suicide", audience="third_party").question


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("turn", [1, 2, 3])
def test_a_request_for_means_is_refused_kindly_with_no_numbers_but_phone_numbers(turn, audience):
    response = held_crisis_response("US", category="suicide", audience=audience, turn=turn, asked_for_means=True)
    refusal = load_responses().held["means_refusal"][audience].strip()
    assert refusal in response.message
    assert "can't" in refusal and not re.search(r"\d", refusal)
    assert _digits_left(response.as_text(), response) == ""
    assert _digits_left(response.as_markdown(), response) == ""


def test_the_means_refusal_says_why_and_only_when_asked():
    refused = held_crisis_response("GB", category="suicide", asked_for_means=True).message
    assert "because I care about you being safe" in refused
    assert "can't help" not in held_crisis_response("GB", category="suicide").message


def test_a_held_crisis_keeps_the_persons_plan_and_the_category_lines_first():
    response = held_crisis_response("US", ["Call Sam"], "danger_at_home", turn=2)
    assert response.safety_plan == ["Call Sam"] and response.helplines[0].call == "1-800-799-7233"
    assert held_crisis_response("US", category="medical_emergency").emergency_first


# --- around a held crisis --------------------------------------------------------------------------------


def test_the_safety_check_is_glad_and_checks_once_more():
    text = safety_check_text()
    assert "glad" in text
    assert "are you safe right now" in text and "someone you could reach" in text
    assert text.endswith("?")


@pytest.mark.parametrize("category", [*KNOWN_CATEGORIES, "command_voices", "suicide_self_harm", None])
def test_a_step_down_thanks_them_takes_it_seriously_and_asks_how_they_are(category):
    text = step_down_text(category)
    assert text.startswith("Thank you") and "seriously" in text and "glad I got it wrong" in text
    assert text.endswith("?") and not re.search(r"\d", text)
    assert "call" not in text.lower()


def test_step_downs_name_the_worry_for_each_category():
    assert "hurt someone" in step_down_text("harm_to_others")
    assert step_down_text("command_voices") == step_down_text("psychosis")
    assert len({step_down_text(c) for c in KNOWN_CATEGORIES}) == len(KNOWN_CATEGORIES)


def test_back_to_chat_is_warm_points_to_help_and_asks_what_would_help():
    text = back_to_chat_text()
    assert "Need help now?" in text and "glad" in text
    assert text.endswith("What would help you most right now?")


def test_a_crisis_the_learned_layer_raised_alone_is_held_with_the_door_open_to_a_misread():
    """Held after a message with no risk word, the card keeps its lines and question but does not tell someone
    describing their earplugs that what they are going through "sounds really heavy"; it says how to correct it."""
    from haven.safety import response

    plain = response.held_crisis_response("GB", None, "suicide", "self", turn=1)
    unsure = response.held_crisis_response("GB", None, "suicide", "self", turn=1, unsure=True)
    assert unsure.helplines == plain.helplines and unsure.question == plain.question
    assert "wrong" in unsure.message or "misunderstood" in unsure.message
    assert "heavy" not in unsure.message
    for turn in (1, 2, 3):
        third = response.held_crisis_response("GB", None, "suicide", "third_party", turn=turn, unsure=True)
        assert third.helplines and third.question

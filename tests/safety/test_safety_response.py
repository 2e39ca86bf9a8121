"""The crisis response: calm, brief, help lines and emergency number, the person's plan, never an exercise;
worded for the kind of crisis and for who it is about (the writer, someone they worry about, a question)."""

from __future__ import annotations

import re

import pytest
import yaml

from haven.config import get_settings
from haven.safety.helplines import AUDIENCES, KNOWN_CATEGORIES
from haven.safety.response import RESPONSES_FILE, crisis_response, load_responses

LEGACY = ("suicide_self_harm", "command_voices")
BANNED = ("breath", "exercise", "meditat", "relax")


@pytest.mark.parametrize("category", [*KNOWN_CATEGORIES, *LEGACY, None])
def test_every_category_gives_lines_and_the_emergency_number(category):
    response = crisis_response("GB", category=category)
    text = response.as_text()
    assert "999" in text and "116 123" in text
    assert "deserve" in response.message
    for banned in BANNED:
        assert banned not in text.lower(), banned


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("category", KNOWN_CATEGORIES)
def test_every_category_and_audience_has_its_own_words_lines_and_no_exercise(category, audience):
    response = crisis_response("AU", category=category, audience=audience)
    text = response.as_text()
    assert response.audience == audience and response.category == category
    assert "000" in text and "13 11 14" in text
    assert response.title and response.message and response.closing
    for banned in BANNED:
        assert banned not in text.lower(), (category, audience, banned)


def test_the_wording_file_has_no_numbers_only_the_emergency_placeholder():
    """No doses, counts or other numbers in anything Haven says: phone numbers come from helplines.yaml."""

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    data = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))
    for text in strings(data):
        assert not re.search(r"\d", text), text
    assert load_responses().crisis.keys() >= set(KNOWN_CATEGORIES)


def test_the_safety_plan_is_shown_in_order():
    plan = ["Text my brother", "Go to the living room", ""]
    response = crisis_response("US", plan, "suicide_self_harm")
    assert response.safety_plan == ["Text my brother", "Go to the living room"]
    markdown = response.as_markdown()
    assert markdown.index("1. Text my brother") < markdown.index("2. Go to the living room")


def test_the_writers_own_plan_is_not_shown_when_the_crisis_is_someone_elses():
    assert crisis_response("US", ["Text my brother"], "suicide", "third_party").safety_plan == []
    assert crisis_response("US", ["Text my brother"], "suicide", "learning").safety_plan == []


def test_no_plan_section_without_a_plan():
    assert "safety plan" not in crisis_response("US").as_text().lower()


@pytest.mark.parametrize(
    "category", ["medical_emergency", "harm_to_others", "danger_at_home", "psychosis", "command_voices"]
)
def test_urgent_categories_put_the_emergency_number_first(category):
    text = crisis_response("US", category=category).as_text()
    assert text.index("911") < text.index("988")


def test_suicide_response_puts_the_lines_first_and_how_to_reach_them():
    text = crisis_response("US", category="suicide_self_harm").as_markdown()
    assert text.index("988") < text.index("911")
    assert "call 988" in text and "text 988" in text and "988lifeline.org" in text
    assert "text HOME to 741741" in text


def test_abuse_at_home_shows_the_abuse_line_first_under_its_own_label():
    response = crisis_response("US", category="danger_at_home")
    text = response.as_markdown()
    assert response.helplines[0].call == "1-800-799-7233"
    assert (
        text.index("**For abuse at home:**")
        < text.index("1-800-799-7233")
        < text.index("**Talk to someone now:**")
    )
    assert text.index("911") < text.index("1-800-799-7233")


def test_an_overdose_gets_poison_control_and_the_emergency_number_first():
    text = crisis_response("US", category="medical_emergency").as_text()
    assert text.index("911") < text.index("1-800-222-1222") < text.index("988")


def test_self_wording_differs_by_category_and_self_harm_is_not_suicide():
    titles = {crisis_response("US", category=c).title for c in KNOWN_CATEGORIES}
    assert len(titles) == len(KNOWN_CATEGORIES)
    assert "not your fault" in crisis_response("US", category="danger_at_home").message
    assert crisis_response("US", category="self_harm").message != crisis_response("US", category="suicide").message
    assert "eating" in crisis_response("US", category="eating_disorder").message.lower()
    assert "voices" in crisis_response("US", category="psychosis").message.lower()
    assert "medical" in crisis_response("US", category="medical_emergency").message.lower()


@pytest.mark.parametrize("category", [*KNOWN_CATEGORIES, *LEGACY])
def test_a_third_party_is_never_told_to_move_away_from_things_they_could_hurt_themselves_with(category):
    response = crisis_response("GB", category=category, audience="third_party")
    text = response.as_text().lower()
    assert not re.search(r"\byou could use to (hurt|harm) yourself", text)
    assert "between you and anything" not in text
    assert "hurt yourself" not in text and "harm yourself" not in text
    assert response.steps, "someone worried about another person gets steps to take"
    assert "look after yourself" in text


def test_a_third_party_worried_about_suicide_is_told_how_to_help_now():
    response = crisis_response("US", category="suicide", audience="third_party")
    steps = " ".join(response.steps).lower()
    assert "stay with them" in steps
    assert "are you thinking about ending your life?" in steps
    assert "out of reach" in steps and "if it's safe" in steps
    assert "look after yourself" in steps
    text = response.as_text()
    assert text.index("911") < text.index("How you can help now") < text.index("988")
    assert "immediate danger" in response.emergency_line


def test_learning_is_brief_informative_and_points_to_the_library_without_alarm():
    for category in KNOWN_CATEGORIES:
        response = crisis_response("US", category=category, audience="learning")
        assert "library" in response.message.lower(), category
        assert not response.steps
        assert len(response.as_text().split()) < 170, category
        assert "!" not in response.as_text()
    assert not crisis_response("US", category="suicide", audience="learning").emergency_first


def test_it_is_brief():
    assert len(crisis_response("US", category="suicide_self_harm").as_text().split()) < 160


def test_region_defaults_to_settings(monkeypatch):
    monkeypatch.setenv("HAVEN_REGION", "AU")
    get_settings.cache_clear()
    response = crisis_response()
    assert response.region == "AU" and response.emergency_number == "000"
    assert response.text == response.as_text()


def test_unknown_category_and_audience_fall_back_to_the_suicide_wording_for_the_writer():
    response = crisis_response("US", category="something else", audience="nobody")
    assert response.category == "suicide" and response.audience == "self"
    assert response.title == crisis_response("US", category="suicide").title


def test_legacy_names_give_the_same_response():
    assert crisis_response("GB", category="command_voices") == crisis_response("GB", category="psychosis")
    assert crisis_response("GB", category="suicide_self_harm") == crisis_response("GB", category="suicide")


def test_the_emergency_number_follows_the_kind_of_crisis_and_notes_other_numbers():
    assert crisis_response("BR", category="danger_at_home").emergency_number == "190"
    response = crisis_response("ZA", category="suicide")
    assert response.emergency_number == "112" and "10111" in response.as_text()

"""The crisis response: calm, brief, help lines and emergency number, the person's plan, never an exercise."""

from __future__ import annotations

import pytest

from haven.config import get_settings
from haven.safety import CATEGORIES, crisis_response


@pytest.mark.parametrize("category", [*CATEGORIES, None])
def test_every_category_gives_lines_and_the_emergency_number(category):
    response = crisis_response("GB", category=category)
    text = response.as_text()
    assert "999" in text and "116 123" in text
    assert "deserve" in response.message
    for banned in ("breath", "exercise", "meditat", "relax"):
        assert banned not in text.lower(), banned


def test_the_safety_plan_is_shown_in_order():
    plan = ["Text my brother", "Go to the living room", ""]
    response = crisis_response("US", plan, "suicide_self_harm")
    assert response.safety_plan == ["Text my brother", "Go to the living room"]
    markdown = response.as_markdown()
    assert markdown.index("1. Text my brother") < markdown.index("2. Go to the living room")


def test_no_plan_section_without_a_plan():
    assert "safety plan" not in crisis_response("US").as_text().lower()


@pytest.mark.parametrize("category", ["medical_emergency", "harm_to_others", "danger_at_home", "command_voices"])
def test_urgent_categories_put_the_emergency_number_first(category):
    text = crisis_response("US", category=category).as_text()
    assert text.index("911") < text.index("988")


def test_suicide_response_puts_the_lines_first_and_how_to_reach_them():
    text = crisis_response("US", category="suicide_self_harm").as_markdown()
    assert text.index("988") < text.index("911")
    assert "call 988" in text and "text 988" in text and "988lifeline.org" in text
    assert "text HOME to 741741" in text


def test_wording_differs_by_category():
    titles = {crisis_response("US", category=c).title for c in CATEGORIES}
    assert len(titles) == len(CATEGORIES)
    assert "not your fault" in crisis_response("US", category="danger_at_home").message


def test_it_is_brief():
    assert len(crisis_response("US", category="suicide_self_harm").as_text().split()) < 160


def test_region_defaults_to_settings(monkeypatch):
    monkeypatch.setenv("HAVEN_REGION", "AU")
    get_settings.cache_clear()
    response = crisis_response()
    assert response.region == "AU" and response.emergency_number == "000"
    assert response.text == response.as_text()


def test_unknown_category_falls_back_to_suicide_wording():
    assert crisis_response("US", category="something else").category == "suicide_self_harm"

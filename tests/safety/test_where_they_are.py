"""Where a person says they are picks the help lines, while no region was ever chosen (haven.safety.where_they_are)."""

from __future__ import annotations

import pytest

from haven.safety.where_they_are import region_said


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("hi, I'm in Cork and I've been feeling awful", "IE"),
        ("I moved to Vancouver for my PhD in August and I don't know anybody", "CA"),
        ("I am final year engineering student in Pune", "IN"),
        ("here in Leeds it's been raining for a week", "GB"),
        ("we're based in Cape Town now", "ZA"),
        ("I live in Melbourne with my partner", "AU"),
    ],
)
def test_a_place_the_person_says_they_are_in_picks_its_region(said, code):
    assert region_said([said]) == code


@pytest.mark.parametrize(
    "said",
    [
        "my brother lives in London",
        "no. kids live in Ohio",
        "she moved to Dublin last year",
        "we watched a film set in Paris",
        "I've been feeling low",
    ],
)
def test_someone_elses_place_or_none_says_nothing(said):
    assert region_said([said]) is None


def test_two_places_of_ones_own_say_nothing():
    assert region_said(["I'm in London this week", "I live in Dublin"]) is None


@pytest.mark.parametrize(
    ("said", "code"),
    [("I live in Lagos and the school fees are stressing me out", "NG"), ("I'm in Nairobi for work", "KE")],
)
def test_a_place_haven_has_no_lines_for_gets_the_directory_and_the_local_number(said, code):
    """Round 52: someone in Lagos had the US default's 911 and 988; the country's code resolves to "Anywhere else"."""
    from haven.safety.helplines import FALLBACK_REGION, load_regions, resolve_region

    assert region_said([said]) == code
    assert resolve_region(code) is load_regions()[FALLBACK_REGION]


@pytest.mark.parametrize(
    ("said", "code"),
    [
        (["kia ora", "bit of a week. my nan's funeral was on tuesday"], "NZ"),
        (["Thanks a million. Right, off to collect the younger one from hurling"], "IE"),
        (["I made a small budget also, I have 6,500 naira left till month end"], "NG"),
        (["Howzit", "Need to sort out my temper bru"], "ZA"),
    ],
)
def test_words_only_one_country_uses_pick_its_region_when_no_place_is_said(said, code):
    assert region_said(said) == code


def test_a_place_said_outweighs_everyday_words_and_words_of_two_countries_say_nothing():
    assert region_said(["I live in Cork", "kia ora"]) == "IE"
    assert region_said(["kia ora", "the nhs is so slow"]) is None
    assert region_said(["the euro is up again", "arvo nap"]) is None

"""Help lines: every entry is sourced and dated, every region has an emergency number."""

from __future__ import annotations

import datetime as dt

import pytest

from haven.safety import emergency_number, helplines_for, regions, resolve_region
from haven.safety.helplines import load_regions


def test_every_entry_has_a_source_url_and_a_verified_date():
    for region in load_regions().values():
        assert region.lines, region.code
        for line in region.lines:
            assert line.source.startswith("https://"), (region.code, line.name)
            assert isinstance(line.verified, dt.date), (region.code, line.name)
            assert line.verified_against and all(u.startswith("http") for u in line.verified_against)
            assert line.how_to_reach, (region.code, line.name)
            if not line.checked_on_own_page:
                assert "UNVERIFIED" in line.note, f"{line.name}: say in the note that it is unverified"


def test_every_region_has_an_emergency_number():
    for region in load_regions().values():
        assert region.emergency.strip(), region.code


@pytest.mark.parametrize(
    ("code", "emergency", "number"),
    [
        ("US", "911", "988"),
        ("CA", "911", "988"),
        ("GB", "999", "116 123"),
        ("IE", "112", "116 123"),
        ("AU", "000", "13 11 14"),
        ("FR", "112", "3114"),
        ("ES", "112", "024"),
        ("DE", "112", "0800 111 0 111"),
        ("IN", "112", "14416"),
    ],
)
def test_the_lines_the_spec_asks_for(code, emergency, number):
    assert emergency_number(code) == emergency
    assert number in [line.call for line in helplines_for(code)]


def test_us_has_crisis_text_line_and_988_text_and_chat():
    lines = {line.name: line for line in helplines_for("US")}
    assert lines["Crisis Text Line"].text == "741741" and lines["Crisis Text Line"].text_body == "HOME"
    lifeline = lines["988 Suicide & Crisis Lifeline"]
    assert lifeline.text == "988" and "988lifeline.org" in lifeline.chat
    assert "text HOME to 741741" in lines["Crisis Text Line"].how_to_reach


def test_unknown_regions_fall_back_to_the_directory_and_eu_members_to_112():
    assert resolve_region("BR").code == "INTL"
    assert "findahelpline.com" in helplines_for("BR")[0].chat
    assert resolve_region("it").code == "EU" and emergency_number("NL") == "112"
    assert resolve_region("uk").code == "GB"
    assert resolve_region(None).code == "INTL"


def test_regions_lists_codes_and_names():
    listed = dict(regions())
    assert listed["US"] == "United States" and listed["GB"] == "United Kingdom"
    assert len(listed) == len(load_regions())

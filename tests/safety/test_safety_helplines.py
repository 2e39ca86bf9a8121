"""Help lines: every entry is sourced and dated, every region has an emergency number, and the lines for a
kind of crisis come first (abuse at home gets the domestic-violence line, an overdose the poison line)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from pydantic import ValidationError

from haven.safety.helplines import (
    AUDIENCES,
    HELPLINES_FILE,
    KNOWN_CATEGORIES,
    canonical_category,
    category_label,
    emergency_number,
    helplines_for,
    line_groups_for,
    lines_for,
    load_helpline_file,
    load_regions,
    regions,
    resolve_region,
)


def _all_lines():
    for region in load_regions().values():
        for line in region.lines:
            yield region.code, "general", line
        for category, lines in region.by_category.items():
            for line in lines:
                yield region.code, category, line
        for line in region.young_people:
            yield region.code, "young_people", line


def test_every_entry_has_a_source_url_a_verified_date_and_a_way_to_reach_it():
    for code, group, line in _all_lines():
        where = (code, group, line.name)
        assert line.source.startswith("https://"), where
        assert isinstance(line.verified, dt.date) and line.verified <= dt.date(2026, 12, 1), where
        assert line.verified_against and all(u.startswith("http") for u in line.verified_against), where
        assert line.how_to_reach, where
        if not line.checked_on_own_page:
            assert line.note.startswith("UNVERIFIED"), f"{where}: say in the note that it is unverified"


def test_every_region_has_an_emergency_number_and_every_category_key_is_known():
    data = load_helpline_file()
    assert set(data.category_labels) == set(KNOWN_CATEGORIES)
    for region in data.regions.values():
        assert region.emergency.strip(), region.code
        assert set(region.by_category) <= set(KNOWN_CATEGORIES), region.code
        assert set(region.emergency_for) <= set(KNOWN_CATEGORIES), region.code


def _broken_file(tmp_path, change):
    data = yaml.safe_load(HELPLINES_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "helplines.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda d: d["regions"]["US"]["by_category"].update(domestic_violence=[]), id="unknown category"
        ),
        pytest.param(lambda d: d["regions"]["GB"].update(emergency=" "), id="no emergency number"),
        pytest.param(
            lambda d: [d["regions"]["GB"]["lines"][0].pop(k) for k in ("call", "email")], id="no way to reach"
        ),
        pytest.param(lambda d: d["regions"]["GB"]["lines"][0].pop("source"), id="no source"),
        pytest.param(lambda d: d["regions"]["GB"]["lines"][0].update(verified_against=[]), id="nothing read"),
        pytest.param(
            lambda d: d["regions"]["GB"]["lines"][0].update(checked_on_own_page=False, note="fine"),
            id="unverified without saying so",
        ),
        pytest.param(lambda d: d["regions"]["GB"]["lines"][0].update(cal="116 123"), id="typo in a field"),
        pytest.param(lambda d: d["category_labels"].pop("psychosis"), id="unlabelled category"),
    ],
)
def test_a_broken_file_is_rejected(tmp_path, change):
    with pytest.raises(ValidationError):
        load_helpline_file(_broken_file(tmp_path, change))


@pytest.mark.parametrize(
    ("code", "emergency", "number"),
    [
        ("US", "911", "988"),
        ("CA", "911", "988"),
        ("GB", "999", "116 123"),
        ("IE", "112", "116 123"),
        ("IE", "112", "1800 247 247"),
        ("AU", "000", "13 11 14"),
        ("NZ", "111", "1737"),
        ("NZ", "111", "0800 543 354"),
        ("FR", "112", "3114"),
        ("ES", "112", "024"),
        ("DE", "112", "0800 111 0 111"),
        ("PT", "112", "1411"),
        ("BR", "192", "188"),
        ("NL", "112", "113"),
        ("ZA", "112", "0800 456 789"),
        ("MX", "911", "800 911 2000"),
        ("SG", "995", "1767"),
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


def test_abuse_at_home_in_the_us_gets_the_domestic_violence_line_first_and_911():
    first = lines_for("US", "danger_at_home")[0]
    assert first.call == "1-800-799-7233"
    assert "text START to 88788" in first.how_to_reach
    assert emergency_number("US", "danger_at_home") == "911"
    groups = line_groups_for("US", "danger_at_home")
    assert groups[0].label == "For abuse at home" == category_label("danger_at_home")


@pytest.mark.parametrize(
    ("code", "number"),
    [
        ("GB", "0808 2000 247"),
        ("IE", "1800 341 900"),
        ("AU", "1800 737 732"),
        ("NZ", "0800 733 843"),
        ("FR", "3919"),
        ("ES", "016"),
        ("DE", "116 016"),
        ("BR", "180"),
    ],
)
def test_abuse_at_home_elsewhere_gets_the_national_abuse_line_first(code, number):
    assert lines_for(code, "danger_at_home")[0].call == number


@pytest.mark.parametrize(
    ("code", "number"),
    [
        ("US", "1-800-222-1222"),
        ("CA", "1-844-764-7669"),
        ("GB", "111"),
        ("AU", "13 11 26"),
        ("NZ", "0800 764 766"),
    ],
)
def test_an_overdose_gets_poison_advice_first(code, number):
    assert lines_for(code, "medical_emergency")[0].call == number


@pytest.mark.parametrize(("code", "name"), [("GB", "Beat"), ("US", "ANAD"), ("AU", "Butterfly"), ("CA", "NEDIC")])
def test_an_eating_disorder_gets_an_eating_disorder_line_in_gb_us_au(code, name):
    first = lines_for(code, "eating_disorder")[0]
    assert name in first.name
    assert "NEDA" not in " ".join(line.name for line in lines_for(code, "eating_disorder"))


def test_category_lines_come_first_then_general_lines_with_no_duplicates():
    for code in load_regions():
        for category in (*KNOWN_CATEGORIES, None):
            for audience in AUDIENCES:
                lines = lines_for(code, category, audience)
                names = [line.name for line in lines]
                assert len(names) == len(set(names)), (code, category, audience)
                own = resolve_region(code).by_category.get(category or "", [])
                assert names[: len(own)] == [line.name for line in own], (code, category)
                general = [line.name for line in helplines_for(code)]
                assert set(general) <= set(names), (code, category, audience)


def test_young_people_lines_come_last_and_not_for_learning_or_medical_emergencies():
    names = [line.name for line in lines_for("GB", "suicide")]
    assert names[-1] == "Childline" and names[0] == "Samaritans"
    assert [g.label for g in line_groups_for("GB", "suicide")] == ["Talk to someone now", "For young people"]
    assert "Childline" not in [line.name for line in lines_for("GB", "suicide", "learning")]
    assert "Childline" not in [line.name for line in lines_for("GB", "medical_emergency")]
    assert "Kids Help Phone" in [line.name for line in lines_for("CA", "self_harm", "third_party")]


def test_legacy_category_names_still_work():
    assert canonical_category("suicide_self_harm") == "suicide"
    assert canonical_category("command_voices") == "psychosis"
    assert canonical_category("Psychosis") == "psychosis"
    assert canonical_category("something else") is None and canonical_category(None) is None
    assert lines_for("GB", "command_voices") == lines_for("GB", "psychosis")
    assert lines_for("US", "suicide_self_harm") == lines_for("US", "suicide")
    assert lines_for("GB", "command_voices")[0].name.startswith("NHS 111")
    assert category_label("command_voices") == category_label("psychosis")


def test_unknown_categories_and_audiences_fall_back_to_the_general_lines():
    assert lines_for("US", "nonsense", "nobody") == lines_for("US")
    assert [line.name for line in lines_for("US")] == [line.name for line in helplines_for("US")]


def test_every_region_resolves_with_lines_and_an_emergency_number():
    for code in [*load_regions(), "it", "uk", "usa", "JP", "", None]:
        region = resolve_region(code)
        assert region.lines and region.emergency.strip(), code
        assert lines_for(code, "danger_at_home", "third_party"), code


def test_unknown_regions_fall_back_to_the_directory_and_eu_members_to_112():
    assert resolve_region("JP").code == "INTL"
    assert "findahelpline.com" in helplines_for("JP")[0].chat
    assert resolve_region("it").code == "EU" and emergency_number("AT") == "112"
    assert resolve_region("nl").code == "NL" and emergency_number("NL") == "112"
    assert resolve_region("uk").code == "GB"
    assert resolve_region(None).code == "INTL"


def test_some_regions_name_the_police_for_danger_at_home():
    assert emergency_number("BR") == "192" and emergency_number("BR", "danger_at_home") == "190"
    assert emergency_number("SG", "harm_to_others") == "999"
    assert emergency_number("BR", "suicide") == "192"
    assert "10111" in resolve_region("ZA").emergency_note


def test_whatsapp_lines_link_to_wa_me_with_the_country_code():
    sos = helplines_for("SG")[0]
    assert sos.whatsapp_url == "https://wa.me/6591511767"
    assert "message +65 9151 1767 on WhatsApp" in sos.how_to_reach


def test_closed_or_guessed_lines_are_not_listed():
    numbers = [n for _, _, line in _all_lines() for n in line.phone_numbers]
    assert "1-800-931-2237" not in numbers and "800-931-2237" not in numbers  # NEDA's closed helpline


def test_regions_lists_codes_and_names():
    listed = dict(regions())
    assert listed["US"] == "United States" and listed["GB"] == "United Kingdom"
    assert listed["NZ"] == "New Zealand" and listed["BR"] == "Brazil"
    assert len(listed) == len(load_regions())


def test_the_categories_and_audiences_are_the_ones_triage_returns():
    from haven.safety.categories import AUDIENCES as TRIAGE_AUDIENCES
    from haven.safety.categories import CATEGORIES as TRIAGE_CATEGORIES
    from haven.safety.helplines import CATEGORY_ALIASES

    assert set(KNOWN_CATEGORIES) == set(TRIAGE_CATEGORIES), "a triage category has no help lines or wording"
    assert set(AUDIENCES) == set(TRIAGE_AUDIENCES)
    assert CATEGORY_ALIASES == {"suicide_self_harm": "suicide", "command_voices": "psychosis"}

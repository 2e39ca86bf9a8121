"""Check-ins: triage before saving, crisis still saved, edit, delete, tags remembered, per person."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from haven.tracking.checkins import (
    CheckInEntry,
    CheckInNotFound,
    delete_check_in,
    get_check_in,
    known_tags,
    recent_check_ins,
    record_check_in,
    update_check_in,
)


def test_record_triages_the_note_and_tags_then_saves(engine, fake_safety):
    entry = CheckInEntry(mood=7, emotions=("Calm", "happy"), tags=(" Walk ", "friends"), sleep_hours=7.5,
                         note="  Coffee with Sam.  ")  # fmt: skip
    result = record_check_in(engine, "me", entry)
    assert fake_safety.triaged == ["Coffee with Sam.\nwalk\nfriends"]
    assert not result.is_crisis and result.triage.level == "none"
    saved = get_check_in(engine, "me", result.check_in.id)
    assert (saved.mood, saved.emotions, saved.tags, saved.sleep_hours, saved.note) == (
        7, ("calm", "happy"), ("walk", "friends"), 7.5, "Coffee with Sam."
    )  # fmt: skip


def test_crisis_note_is_saved_and_carries_the_crisis_response(engine, fake_safety):
    result = record_check_in(engine, "me", CheckInEntry(mood=2, note="I want to end it all"), region="GB")
    assert result.is_crisis
    assert result.crisis.region == "GB" and result.crisis.category == "suicidal_ideation"
    assert [c.note for c in recent_check_ins(engine, "me")] == ["I want to end it all"]


def test_triage_failure_saves_nothing(engine, monkeypatch):
    import haven.safety

    def broken(text):
        raise RuntimeError("triage unavailable")

    monkeypatch.setattr(haven.safety, "triage", broken, raising=False)
    with pytest.raises(RuntimeError):
        record_check_in(engine, "me", CheckInEntry(mood=5, note="hello"))
    assert recent_check_ins(engine, "me") == []


def test_edit_is_triaged_and_keeps_the_time_unless_given(engine, fake_safety):
    first = record_check_in(engine, "me", CheckInEntry(mood=5, at=datetime(2025, 3, 1, 9, 30))).check_in
    edited = update_check_in(engine, "me", first.id, CheckInEntry(mood=8, tags=("yoga",), note="better")).check_in
    assert edited.at == datetime(2025, 3, 1, 9, 30)
    assert (edited.mood, edited.tags, edited.note) == (8, ("yoga",), "better")
    assert fake_safety.triaged[-1] == "better\nyoga"
    moved = update_check_in(engine, "me", first.id, CheckInEntry(mood=8, at=datetime(2025, 3, 2, 21, 0)))
    assert moved.check_in.at == datetime(2025, 3, 2, 21, 0)
    crisis = update_check_in(engine, "me", first.id, CheckInEntry(mood=1, note="end it all"))
    assert crisis.is_crisis and get_check_in(engine, "me", first.id).note == "end it all"


def test_delete_and_ownership(engine, fake_safety):
    mine = record_check_in(engine, "me", CheckInEntry(mood=4)).check_in
    theirs = record_check_in(engine, "demo", CheckInEntry(mood=9)).check_in
    with pytest.raises(CheckInNotFound):
        delete_check_in(engine, "me", theirs.id)
    with pytest.raises(CheckInNotFound):
        update_check_in(engine, "demo", mine.id, CheckInEntry(mood=1))
    delete_check_in(engine, "me", mine.id)
    assert recent_check_ins(engine, "me") == []
    assert [c.mood for c in recent_check_ins(engine, "demo")] == [9]


def test_several_a_day_newest_first_and_limited(engine, fake_safety):
    for hour, mood in [(8, 4), (13, 6), (20, 7)]:
        record_check_in(engine, "me", CheckInEntry(mood=mood, at=datetime(2025, 5, 1, hour)))
    assert [c.mood for c in recent_check_ins(engine, "me")] == [7, 6, 4]
    assert [c.mood for c in recent_check_ins(engine, "me", limit=2)] == [7, 6]


def test_known_tags_most_used_first(engine, fake_safety):
    for tags in [("walk", "work"), ("Walk",), ("reading", "work"), ("walk",)]:
        record_check_in(engine, "me", CheckInEntry(mood=5, tags=tags))
    assert known_tags(engine, "me") == ["walk", "work", "reading"]
    assert known_tags(engine, "nobody") == []


def test_reading_an_unknown_profile_creates_nothing(engine):
    from sqlalchemy import func, select

    from haven.storage.db import session_scope
    from haven.storage.models import Person

    assert recent_check_ins(engine, "demo") == []
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Person.id))) == 0


@pytest.mark.parametrize(
    "fields",
    [{"mood": 0}, {"mood": 11}, {"mood": 5, "sleep_hours": 25}, {"mood": 5, "emotions": ("bored-ish",)}],
)
def test_entry_refuses_values_out_of_range(fields):
    with pytest.raises(ValidationError):
        CheckInEntry(**fields)


def test_with_the_real_triage_a_crisis_note_brings_help_lines(engine):
    result = record_check_in(
        engine, "me", CheckInEntry(mood=2, note="I don't want to be alive anymore"), region="GB"
    )
    assert result.is_crisis and result.triage.category == "suicide"
    assert result.crisis.region == "GB" and result.crisis.helplines
    calm = record_check_in(engine, "me", CheckInEntry(mood=6, note="A nice walk in the park.", tags=("walk",)))
    assert not calm.is_crisis and calm.crisis is None
    assert len(recent_check_ins(engine, "me")) == 2

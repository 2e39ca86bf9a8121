"""Reminders: saved beside the region, an .ics file any calendar reads back, and 'due' notes on a fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from haven.config import get_settings, preferences_path
from haven.tracking.assessments import save_assessment
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.reminders import (
    CHECK_UP_SUMMARY,
    DAILY_SUMMARY,
    ReminderSettings,
    calendar_file,
    check_in_due,
    check_up_is_due,
    due_nudges,
    next_check_up_day,
    reminder_settings,
    save_reminder_settings,
)
from haven.tracking.scoring import score

TODAY = date(2026, 3, 10)
STAMP = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


def events(reminders: ReminderSettings, **kwargs) -> dict[str, object]:
    """The file read back with icalendar, its events by title."""
    data = calendar_file(reminders, today=kwargs.pop("today", TODAY), stamp=STAMP, **kwargs)
    calendar = Calendar.from_ical(data)
    assert calendar["version"] == "2.0"
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


# Saved as preferences --------------------------------------------------------------------------------------


def test_reminders_are_off_until_chosen_then_saved_beside_the_region(data_dir, monkeypatch):
    monkeypatch.delenv("HAVEN_REGION", raising=False)
    assert reminder_settings() == ReminderSettings(False, False, time(20, 0))
    saved = save_reminder_settings(ReminderSettings(daily=True, check_up=True, at=time(8, 45, 12)))
    assert saved == ReminderSettings(True, True, time(8, 45))  # on the minute
    get_settings.cache_clear()
    assert reminder_settings() == saved
    text = preferences_path(data_dir).read_text(encoding="utf-8")
    assert '"reminder_time": "08:45"' in text and '"daily_reminder": true' in text


def test_a_damaged_reminder_time_falls_back_without_losing_the_other_choices(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    preferences_path(data_dir).write_text(
        '{"region": "GB", "daily_reminder": true, "reminder_time": "25:99"}', encoding="utf-8"
    )
    get_settings.cache_clear()
    assert get_settings().region == "GB"
    assert reminder_settings() == ReminderSettings(daily=True, check_up=False, at=time(20, 0))


# The calendar file -----------------------------------------------------------------------------------------


def test_daily_check_in_repeats_every_day_at_the_chosen_time_with_an_alarm():
    found = events(ReminderSettings(daily=True, at=time(8, 30)))
    assert list(found) == [DAILY_SUMMARY]
    event = found[DAILY_SUMMARY]
    assert event.decoded("dtstart") == datetime(2026, 3, 10, 8, 30)  # floating: no time zone in the file
    assert event.decoded("dtstart").tzinfo is None
    assert dict(event["rrule"]) == {"FREQ": ["DAILY"]}
    assert event.decoded("duration") == timedelta(minutes=5)
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and alarm.decoded("trigger") == timedelta(0)
    assert str(event["transp"]) == "TRANSPARENT"


def test_check_up_repeats_every_two_weeks_from_the_day_it_is_next_due():
    last = datetime(2026, 3, 4, 18, 0)  # six days ago: next due on the 18th
    found = events(ReminderSettings(check_up=True, at=time(19, 15)), last_check_up=last)
    assert list(found) == [CHECK_UP_SUMMARY]
    event = found[CHECK_UP_SUMMARY]
    assert event.decoded("dtstart") == datetime(2026, 3, 18, 19, 15)
    assert dict(event["rrule"]) == {"FREQ": ["WEEKLY"], "INTERVAL": [2]}
    assert len(event.walk("VALARM")) == 1


def test_both_reminders_share_the_time_and_keep_their_uids_between_downloads():
    first = events(ReminderSettings(True, True, time(21, 0)))
    second = events(ReminderSettings(True, True, time(7, 0)), today=TODAY + timedelta(days=3))
    assert set(first) == {DAILY_SUMMARY, CHECK_UP_SUMMARY}
    for summary in first:
        assert first[summary]["uid"] == second[summary]["uid"]  # a calendar updates instead of doubling
    assert first[CHECK_UP_SUMMARY].decoded("dtstart") == datetime(2026, 3, 10, 21, 0)  # never taken: today


def test_the_file_holds_times_and_gentle_words_only():
    data = calendar_file(ReminderSettings(True, True, time(20, 0)), today=TODAY, stamp=STAMP)
    calendar = Calendar.from_ical(data)
    assert "A minute for yourself: Haven check-in" in data.decode()
    assert "TZID" not in data.decode() and "DTSTAMP:20260310T093000Z" in data.decode()
    for event in calendar.walk("VEVENT"):  # no organiser, attendee, place, link or anything the person wrote
        assert set(event) == {"UID", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "SUMMARY", "DESCRIPTION", "TRANSP"}
    for alarm in calendar.walk("VALARM"):
        assert set(alarm) == {"ACTION", "DESCRIPTION", "TRIGGER"}


def test_no_file_without_a_reminder():
    with pytest.raises(ValueError):
        calendar_file(ReminderSettings(), today=TODAY)


# When something is due, on a fixed clock --------------------------------------------------------------------


def test_check_in_is_due_when_none_yet_today():
    assert check_in_due(None, TODAY)
    assert check_in_due(datetime(2026, 3, 9, 23, 50), TODAY)
    assert not check_in_due(datetime(2026, 3, 10, 0, 5), TODAY)


def test_check_up_is_due_fourteen_days_after_the_last():
    assert check_up_is_due(None, TODAY)
    assert not check_up_is_due(datetime(2026, 2, 25, 10, 0), TODAY)  # 13 days
    assert check_up_is_due(datetime(2026, 2, 24, 23, 0), TODAY)  # 14 days
    assert next_check_up_day(datetime(2026, 1, 1), TODAY) == TODAY  # overdue: from today
    assert next_check_up_day(datetime(2026, 3, 9), TODAY) == date(2026, 3, 23)


def test_due_nudges_follow_the_reminders_that_are_on(engine, fake_safety):
    now = datetime.now().replace(microsecond=0)  # the stored times go through the machine's own clock
    both = ReminderSettings(True, True, time(20, 0))
    assert due_nudges(engine, "me", ReminderSettings(), now) == []  # reminders off: no notes at all
    assert [n.kind for n in due_nudges(engine, "me", both, now)] == ["check-in", "check-up"]

    record_check_in(engine, "me", CheckInEntry(mood=6, at=now - timedelta(days=1)))
    assert [n.kind for n in due_nudges(engine, "me", both, now)] == ["check-in", "check-up"]
    record_check_in(engine, "me", CheckInEntry(mood=6, at=now))
    assert [n.kind for n in due_nudges(engine, "me", both, now)] == ["check-up"]
    assert [n.kind for n in due_nudges(engine, "me", both, now + timedelta(days=1))] == ["check-in", "check-up"]

    save_assessment(engine, "me", score("who5", [3] * 5), taken_at=now - timedelta(days=15))
    (nudge,) = due_nudges(engine, "me", both, now)
    assert nudge.message.startswith("Your last check-up was 15 days ago.")
    save_assessment(engine, "me", score("phq9", [0] * 9), taken_at=now - timedelta(days=2))
    assert due_nudges(engine, "me", both, now) == []  # any kind of check-up counts
    assert [n.kind for n in due_nudges(engine, "me", both, now + timedelta(days=12))] == ["check-in", "check-up"]
    assert due_nudges(engine, "someone else", ReminderSettings(daily=False, check_up=False), now) == []

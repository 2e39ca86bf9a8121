"""Reminders on screen, under AppTest: set in Settings with a calendar file to download; notes on Welcome."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from haven.config import get_settings
from haven.tracking.assessments import save_assessment
from haven.tracking.checkins import CheckInEntry, record_check_in
from haven.tracking.reminders import ReminderSettings, reminder_settings, save_reminder_settings
from haven.tracking.scoring import score

PAGES = Path(__file__).resolve().parents[2] / "pages"


def page(name: str) -> AppTest:
    at = AppTest.from_file(str(PAGES / name), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def downloads(at: AppTest) -> list[str]:
    """The calendar download (the privacy section has its own downloads)."""
    return [b.label for b in at.get("download_button") if "calendar" in b.label]


def words(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def test_settings_sets_reminders_and_offers_the_calendar_file(app_env):
    at = page("settings.py")
    assert "Reminders" in [s.value for s in at.subheader]
    assert downloads(at) == [] and "Turn one on to add it to your calendar." in words(at)

    at.toggle(key="reminder-daily").set_value(True)
    at.time_input(key="reminder-time").set_value(time(8, 30))
    rerun(at)
    assert [t.value for t in at.toast] == ["Reminders saved."]
    assert downloads(at) == ["Add to my calendar"]
    get_settings.cache_clear()
    assert reminder_settings() == ReminderSettings(daily=True, check_up=False, at=time(8, 30))

    at.toggle(key="reminder-check-up").set_value(True)
    rerun(at)
    get_settings.cache_clear()
    assert reminder_settings() == ReminderSettings(daily=True, check_up=True, at=time(8, 30))

    at = page("settings.py")  # a new visit shows what was saved
    assert at.toggle(key="reminder-daily").value and at.toggle(key="reminder-check-up").value
    assert at.time_input(key="reminder-time").value == time(8, 30)

    at.toggle(key="reminder-daily").set_value(False)
    at.toggle(key="reminder-check-up").set_value(False)
    rerun(at)
    assert downloads(at) == []
    get_settings.cache_clear()
    assert not reminder_settings().any_on


def test_welcome_shows_no_note_while_reminders_are_off(app_env):
    at = page("home.py")
    assert not [b for b in at.button if b.key and b.key.startswith("nudge-go-")]


def test_welcome_notes_what_is_due_with_one_tap_to_it(app_env, fake_safety):
    save_reminder_settings(ReminderSettings(daily=True, check_up=True))
    at = page("home.py")
    shown = words(at)
    assert "No check-in yet today." in shown and "Time for a check-up" in shown
    assert {b.label for b in at.button if b.key and b.key.startswith("nudge-go-")} == {
        "Check in",
        "Open check-ups",
    }

    now = datetime.now()
    record_check_in(app_env, "me", CheckInEntry(mood=7, at=now))
    save_assessment(app_env, "me", score("gad7", [1] * 7), taken_at=now - timedelta(days=3))
    at = page("home.py")
    assert "No check-in yet today." not in words(at) and "check-up" not in words(at)

"""Reminders without a server: the person's own calendar rings, and the app says when something is due.

Haven runs only on this computer and sends nothing anywhere, so it cannot notify anyone while it is closed.
A calendar can. :func:`calendar_file` writes the chosen reminders as an ``.ics`` file (repeating events, each
with an alarm) that the person opens once to add them to their calendar. The file holds the times and a
gentle title, nothing the person wrote and no time zone: the times float, so "8 pm" stays 8 pm wherever they
travel. Each reminder keeps the same UID, so in most calendars a second download updates it instead of
doubling it.

The choices are kept with the other preferences (``haven.config.save_preferences``), beside the region, not in
the database: like the region they belong to this computer and its calendar rather than to a profile, they
need no schema change, and they carry nothing personal to export or delete.

Inside the app :func:`due_nudges` says when a check-in or a check-up is due, for the reminders that are on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from icalendar import Alarm, Calendar, Event
from sqlalchemy import Engine

from haven.config import Settings, get_settings, save_preferences
from haven.tracking.assessments import CHECK_UP_INTERVAL_DAYS, check_up_due
from haven.tracking.checkins import recent_check_ins

#: The calendar events: (stable UID, title, words under the title, how long the event lasts).
DAILY_UID = "daily-check-in@haven.reminders"
CHECK_UP_UID = "check-up@haven.reminders"
DAILY_SUMMARY = "A minute for yourself: Haven check-in"
CHECK_UP_SUMMARY = "A few minutes for yourself: Haven check-up"
DAILY_DESCRIPTION = "How are you today? Open Haven and tap a face. It takes a few seconds."
CHECK_UP_DESCRIPTION = (
    "A few short questions on how the last two weeks have been, in Haven's Check-ups. Skip it whenever you like."
)
EVENT_LENGTH = timedelta(minutes=5)

NudgeKind = Literal["check-in", "check-up"]


@dataclass(frozen=True)
class ReminderSettings:
    """Which reminders are on and the time of day both ring (local time)."""

    daily: bool = False
    check_up: bool = False
    at: time = time(20, 0)

    @property
    def any_on(self) -> bool:
        return self.daily or self.check_up


@dataclass(frozen=True)
class Nudge:
    """A small note that something is due, in words for the person."""

    kind: NudgeKind
    message: str


def reminder_settings(settings: Settings | None = None) -> ReminderSettings:
    """The reminders as saved in the preferences (or set through ``HAVEN_*`` variables)."""
    settings = settings or get_settings()
    return ReminderSettings(settings.daily_reminder, settings.check_up_reminder, _minute(settings.reminder_time))


def save_reminder_settings(reminders: ReminderSettings) -> ReminderSettings:
    """Keep the choices beside the region; the time as 'HH:MM' so the preferences file stays readable."""
    saved = save_preferences(
        daily_reminder=reminders.daily,
        check_up_reminder=reminders.check_up,
        reminder_time=_minute(reminders.at).strftime("%H:%M"),
    )
    return reminder_settings(saved)


def _minute(at: time) -> time:
    """Reminders ring on the minute: seconds from a time widget would only show up as odd calendar times."""
    return at.replace(second=0, microsecond=0, tzinfo=None)


# When something is due -------------------------------------------------------------------------------------


def check_in_due(last_check_in: datetime | None, today: date) -> bool:
    """A check-in is due when there is none yet today (local day)."""
    return last_check_in is None or last_check_in.date() < today


def check_up_is_due(last_check_up: datetime | None, today: date) -> bool:
    """A check-up is due two weeks after the last one of any kind: one taken days ago is recent enough."""
    return last_check_up is None or (today - last_check_up.date()).days >= CHECK_UP_INTERVAL_DAYS


def next_check_up_day(last_check_up: datetime | None, today: date) -> date:
    """The day the check-up reminder starts: when the next one is due, and never before today."""
    if last_check_up is None:
        return today
    return max(today, last_check_up.date() + timedelta(days=CHECK_UP_INTERVAL_DAYS))


def last_check_up(engine: Engine, person: str, today: date | None = None) -> datetime | None:
    """The newest check-up of any kind (PHQ-9, GAD-7, WHO-5), local time, or None."""
    taken = [status.last_taken for status in check_up_due(engine, person, today) if status.last_taken]
    return max(taken, default=None)


def last_check_in(engine: Engine, person: str) -> datetime | None:
    newest = recent_check_ins(engine, person, limit=1)
    return newest[0].at if newest else None


def due_nudges(
    engine: Engine, person: str, reminders: ReminderSettings, now: datetime | None = None
) -> list[Nudge]:
    """The notes to show, only for reminders that are on: nobody who said no to reminders gets nagged.

    ``now`` is local time (naive); tests pass a fixed one.
    """
    today = (now or datetime.now()).date()
    nudges: list[Nudge] = []
    if reminders.daily and check_in_due(last_check_in(engine, person), today):
        nudges.append(Nudge("check-in", "No check-in yet today. How are you? A few seconds is enough."))
    if reminders.check_up:
        last = last_check_up(engine, person, today)
        if check_up_is_due(last, today):
            nudges.append(Nudge("check-up", _check_up_words(last, today)))
    return nudges


def _check_up_words(last: datetime | None, today: date) -> str:
    if last is None:
        return "Time for a check-up: a few short questions on how the last two weeks have been."
    days = (today - last.date()).days
    return f"Your last check-up was {days} days ago. When you have a few minutes, a new one shows how things have moved."


# The calendar file -----------------------------------------------------------------------------------------


def calendar_file(
    reminders: ReminderSettings,
    today: date | None = None,
    last_check_up: datetime | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The reminders that are on as an iCalendar file (RFC 5545) for the person's own calendar.

    The daily check-in starts today; the check-up on the day it is next due, then every two weeks.
    ``stamp`` is when the file was made (UTC, required by the format); tests pass a fixed one.
    """
    if not reminders.any_on:
        raise ValueError("no reminder is on, so there is nothing to add to a calendar")
    today = today or date.today()
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//Haven//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Haven reminders")
    if reminders.daily:
        start = datetime.combine(today, reminders.at)
        calendar.add_component(
            _event(DAILY_UID, DAILY_SUMMARY, DAILY_DESCRIPTION, start, {"freq": "daily"}, stamp)
        )
    if reminders.check_up:
        start = datetime.combine(next_check_up_day(last_check_up, today), reminders.at)
        rule = {"freq": "weekly", "interval": CHECK_UP_INTERVAL_DAYS // 7}
        calendar.add_component(_event(CHECK_UP_UID, CHECK_UP_SUMMARY, CHECK_UP_DESCRIPTION, start, rule, stamp))
    return calendar.to_ical()


def _event(uid: str, summary: str, description: str, start: datetime, rule: dict, stamp: datetime) -> Event:
    """One repeating event that rings when it starts and leaves the person's day free (transparent)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)  # naive: a floating local time, no time zone in the file
    event.add("duration", EVENT_LENGTH)
    event.add("rrule", rule)
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event

"""How a past conversation is named in the Chat page's list: what it was about, and when."""

from __future__ import annotations

from datetime import date, datetime

MAX_TOPICS = 3
CRISIS_TITLE = "A hard moment"  # the store's title for a conversation that began in crisis: never echoed


def when(started: datetime, today: date | None = None) -> str:
    """'Today 16:40', 'Yesterday 09:05', 'Mon 30 Nov', or '30 Nov 2025' for another year."""
    today = today or date.today()
    day = started.date()
    if day == today:
        return f"Today {started:%H:%M}"
    if (today - day).days == 1:
        return f"Yesterday {started:%H:%M}"
    if day.year == today.year:
        return f"{started:%a} {day.day} {started:%b}"
    return f"{day.day} {started:%b %Y}"


def about(topics, title: str) -> str:
    """What the conversation was about, from the topics the chat noticed ("Worry, work and sleep"), so the
    list reads as a list of subjects rather than first lines cut off mid-word. The stored title when there
    are no topics; a crisis conversation keeps its gentle title."""
    from haven.chat.phrases import TOPIC_LABELS

    named = [TOPIC_LABELS.get(str(t), str(t).replace("_", " ")) for t in topics if str(t).strip()][:MAX_TOPICS]
    if title == CRISIS_TITLE or not named:
        return title or "A conversation"
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return listed[0].upper() + listed[1:]


def spoken_time(stored: datetime, today: date | None = None) -> str:
    """A stored (UTC) moment as a person says it in local time: 'Today 16:40', 'Mon 30 Nov'."""
    from haven.tracking.clock import to_local

    return when(to_local(stored), today)


def conversation_label(summary, today: date | None = None) -> str:
    """One line for the list: 'Worry, work and sleep · Today 16:40' (stored in UTC, shown in local time)."""
    return f"{about(summary.topics, summary.title)} · {spoken_time(summary.started_at, today)}"

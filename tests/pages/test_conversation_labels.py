"""The Chat page's list of conversations names each by what it was about and when, not by a cut first line."""

from __future__ import annotations

from datetime import date, datetime

from ui.conversations import about, when

TODAY = date(2026, 12, 1)


def test_a_conversation_is_named_by_its_topics():
    assert about(("anxious", "work", "sleep", "money"), "I keep worrying about money and I can…") == (
        "Anxious, work and sleep"
    )
    assert about(("worry",), "whatever") == "Worry"


def test_topics_stored_under_a_code_name_read_as_words():
    # found walking the app: "Anxious, social and work"
    assert about(("anxious", "social", "work"), "x") == "Anxious, social nerves and work"
    assert about(("someone_ill", "family"), "x") == "Someone unwell and family"
    assert about(("self-criticism",), "x") == "Self-criticism"


def test_without_topics_the_title_stays_and_a_crisis_is_never_echoed():
    assert about((), "Hello there") == "Hello there"
    assert about(("hopeless",), "A hard moment") == "A hard moment"


def test_when_reads_as_a_person_would_say_it():
    assert when(datetime(2026, 12, 1, 16, 40), TODAY) == "Today 16:40"
    assert when(datetime(2026, 11, 30, 9, 5), TODAY) == "Yesterday 09:05"
    assert when(datetime(2026, 11, 2, 9, 5), TODAY) == "Mon 2 Nov"
    assert when(datetime(2025, 11, 2, 9, 5), TODAY) == "2 Nov 2025"

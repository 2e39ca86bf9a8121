"""Local days: stored UTC becomes local time the same way row by row and all at once, across DST."""

from __future__ import annotations

import time
from datetime import datetime

import pandas as pd
import pytest

from haven.tracking import clock
from haven.tracking.frames import local_times


@pytest.fixture
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    clock.local_zone.cache_clear()
    yield
    monkeypatch.undo()
    time.tzset()
    clock.local_zone.cache_clear()


def test_row_and_vector_conversion_agree_across_dst(london):
    stored = [datetime(2025, 3, 29, 23, 30), datetime(2025, 3, 30, 23, 30), datetime(2025, 7, 1, 23, 30)]
    rows = [clock.to_local(moment) for moment in stored]
    assert rows == [datetime(2025, 3, 29, 23, 30), datetime(2025, 3, 31, 0, 30), datetime(2025, 7, 2, 0, 30)]
    assert list(local_times(pd.Series(stored))) == [pd.Timestamp(r) for r in rows]


def test_storage_round_trip(london):
    local = datetime(2025, 6, 1, 0, 15)  # summer time: 23:15 UTC the day before
    assert clock.to_storage(local) == datetime(2025, 5, 31, 23, 15)
    assert clock.to_local(clock.to_storage(local)) == local

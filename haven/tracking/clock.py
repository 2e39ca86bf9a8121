"""Times: the database keeps naive UTC; people think in local days. Converting here keeps both right.

A check-in at 23:30 local time belongs to that local day, whatever its UTC date.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def to_storage(moment: datetime | None) -> datetime:
    """Naive UTC for the database. A naive ``moment`` is taken as local time; ``None`` is now."""
    if moment is None:
        return datetime.now(UTC).replace(tzinfo=None)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive -> the machine's local zone
    return moment.astimezone(UTC).replace(tzinfo=None)


def to_local(stored: datetime) -> datetime:
    """Naive local time from a stored naive-UTC value."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def local_today() -> date:
    return datetime.now().date()


@lru_cache(maxsize=1)
def local_zone() -> tzinfo:
    """The machine's time zone for vectorised conversion in pandas: the IANA zone when it can be named
    (fast), UTC where Linux would use UTC, else dateutil's (right everywhere, slower per row)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name and os.path.exists("/etc/localtime"):
        target = os.path.realpath("/etc/localtime")
        name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    elif not name and os.name == "posix":
        return UTC  # no TZ and no /etc/localtime: the C library uses UTC
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    from dateutil.tz import tzlocal

    return tzlocal()

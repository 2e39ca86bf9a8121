"""Mood check-ins: record, edit, delete and list them. Every note is triaged before anything else happens.

A check-in is quick (mood 1-10, a few emotions, the person's own tags, sleep, a note). The note and tags are
the person's own words, so they pass :func:`haven.safety.triage` first; on a crisis the entry is still saved
(nothing the person wrote is lost) and the result carries the crisis response for the page or CLI to show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import Engine, select

from haven import safety
from haven.safety import Triage
from haven.storage.db import session_scope
from haven.storage.limits import MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS, time_problem
from haven.storage.models import CheckIn
from haven.tracking.clock import to_local, to_storage
from haven.tracking.people import find_person_id, owner_id

#: The emotions offered on the Mood page: common, everyday words, half pleasant and half unpleasant.
EMOTIONS: tuple[str, ...] = (
    "happy", "calm", "content", "grateful", "hopeful", "excited", "proud", "loved",
    "sad", "anxious", "stressed", "angry", "irritable", "lonely", "tired", "overwhelmed",
)  # fmt: skip
MOOD_MIN, MOOD_MAX = 1, 10


class CheckInNotFound(LookupError):
    """No check-in with that id belongs to this person."""


class CheckInEntry(BaseModel):
    """What the person enters. ``at`` is local time (naive) or aware; ``None`` means now.

    The same model checks an imported check-in (``haven.privacy.rules``), so a file cannot hold what the
    form would refuse (mood 999, tags as one string, a year of 9999).
    """

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    mood: int = Field(ge=MOOD_MIN, le=MOOD_MAX)
    emotions: tuple[str, ...] = ()
    tags: tuple[str, ...] = Field(default=(), max_length=MAX_TAGS)
    sleep_hours: float | None = Field(default=None, ge=0, le=24)
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    at: datetime | None = None

    @field_validator("at")
    @classmethod
    def _plausible_time(cls, value: datetime | None) -> datetime | None:
        problem = time_problem(value) if value is not None else None
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("emotions")
    @classmethod
    def _known_emotions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = _dedupe(v.strip().lower() for v in value)
        unknown = [v for v in cleaned if v not in EMOTIONS]
        if unknown:
            raise ValueError(f"not in the emotion list: {', '.join(unknown)}")
        return cleaned

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        long = [v for v in value if len(v) > MAX_TAG_CHARS]
        if long:
            raise ValueError(f"a tag may have at most {MAX_TAG_CHARS} characters ({long[0][:20]!r}... has {len(long[0])})")
        return _dedupe(normalise_tag(v) for v in value)

    @field_validator("note")
    @classmethod
    def _strip_note(cls, value: str) -> str:
        return value.strip()


@dataclass(frozen=True)
class CheckInRecord:
    """A saved check-in, with ``at`` in local time."""

    id: int
    at: datetime
    mood: int
    emotions: tuple[str, ...]
    tags: tuple[str, ...]
    sleep_hours: float | None
    note: str


@dataclass(frozen=True)
class CheckInResult:
    """The saved check-in, the triage of its words, and the crisis response when triage found one."""

    check_in: CheckInRecord
    triage: Triage
    crisis: Any | None = None  # haven.safety.CrisisResponse, to be shown before anything else

    @property
    def is_crisis(self) -> bool:
        return self.crisis is not None


def normalise_tag(tag: str) -> str:
    """Tags are remembered lower-case with single spaces, so 'Walk ' and 'walk' are one tag."""
    return " ".join(tag.strip().lower().split())


def _dedupe(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def triage_entry(entry: CheckInEntry, region: str | None = None, safety_plan: Any = None) -> tuple[Triage, Any]:
    """Triage the person's words in ``entry``; returns (triage, crisis response or None)."""
    return triage_words(entry.note, entry.tags, region, safety_plan)


def triage_words(
    note: str, tags: Sequence[str] = (), region: str | None = None, safety_plan: Any = None
) -> tuple[Triage, Any]:
    """Triage a check-in's words (the note, then each tag); returns (triage, crisis response or None).

    Also for words not saved yet (a quick check-in without a face): danger in them is answered at once.
    """
    verdict = safety.triage("\n".join([note.strip(), *tags]).strip())
    if verdict.level != "crisis":
        return verdict, None
    if region is None:
        from haven.config import get_settings

        region = get_settings().region
    return verdict, safety.crisis_response(region, safety_plan=safety_plan, category=verdict.category)


def _record(row: CheckIn) -> CheckInRecord:
    return CheckInRecord(
        id=row.id,
        at=to_local(row.at),
        mood=row.mood,
        emotions=tuple(row.emotions or ()),
        tags=tuple(row.tags or ()),
        sleep_hours=row.sleep_hours,
        note=row.note or "",
    )


def _apply(row: CheckIn, entry: CheckInEntry, keep_time: bool) -> None:
    if not keep_time or entry.at is not None:
        row.at = to_storage(entry.at)
    row.mood = entry.mood
    row.emotions = list(entry.emotions)
    row.tags = list(entry.tags)
    row.sleep_hours = entry.sleep_hours
    row.note = entry.note


def record_check_in(
    engine: Engine, person: str, entry: CheckInEntry, region: str | None = None, safety_plan: Any = None
) -> CheckInResult:
    """Triage the entry's words, then save it (crisis or not) and return both."""
    verdict, crisis = triage_entry(entry, region, safety_plan)
    with session_scope(engine) as session:
        row = CheckIn(person_id=owner_id(session, person))
        _apply(row, entry, keep_time=False)
        session.add(row)
        session.flush()
        return CheckInResult(_record(row), verdict, crisis)


def _owned(session, person: str, check_in_id: int) -> CheckIn:
    owner = find_person_id(session, person)  # first: it also tells the database whose rows these are
    row = session.get(CheckIn, check_in_id)
    if row is None or row.person_id != owner:
        raise CheckInNotFound(f"no check-in {check_in_id} for {person!r}")
    return row


def update_check_in(
    engine: Engine,
    person: str,
    check_in_id: int,
    entry: CheckInEntry,
    region: str | None = None,
    safety_plan: Any = None,
) -> CheckInResult:
    """Replace a check-in's contents (its time too, when ``entry.at`` is given). Triaged like a new one."""
    verdict, crisis = triage_entry(entry, region, safety_plan)
    with session_scope(engine) as session:
        row = _owned(session, person, check_in_id)
        _apply(row, entry, keep_time=True)
        session.flush()
        return CheckInResult(_record(row), verdict, crisis)


def delete_check_in(engine: Engine, person: str, check_in_id: int) -> None:
    with session_scope(engine) as session:
        session.delete(_owned(session, person, check_in_id))


def get_check_in(engine: Engine, person: str, check_in_id: int) -> CheckInRecord:
    with session_scope(engine) as session:
        return _record(_owned(session, person, check_in_id))


def recent_check_ins(engine: Engine, person: str, limit: int = 20) -> list[CheckInRecord]:
    """The newest check-ins first."""
    with session_scope(engine) as session:
        rows = session.scalars(
            select(CheckIn)
            .where(CheckIn.person_id == find_person_id(session, person))
            .order_by(CheckIn.at.desc(), CheckIn.id.desc())
            .limit(limit)
        )
        return [_record(row) for row in rows]


def known_tags(engine: Engine, person: str) -> list[str]:
    """Tags this person has used, most used first, so the form can offer them again."""
    with session_scope(engine) as session:
        counts: Counter[str] = Counter()
        query = select(CheckIn.tags).where(CheckIn.person_id == find_person_id(session, person))
        for tags in session.scalars(query):
            counts.update(tags or ())
    return [tag for tag, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

"""Check-ups: take a questionnaire, keep the result, look back, and know when the next one is due.

On a crisis (PHQ-9 item 9 above "Not at all") the outcome carries the crisis response, to be shown before
the score. The result is still saved, like everything else the person gives us.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, select

from haven import safety
from haven.storage.db import session_scope
from haven.storage.models import AssessmentResult
from haven.tracking.clock import local_today, to_local, to_storage
from haven.tracking.instruments import get_instrument, load_instruments
from haven.tracking.people import find_person_id, owner_id
from haven.tracking.scoring import ScoreResult, score

#: A gentle reminder appears once the last check-up of a kind is this many days old.
CHECK_UP_INTERVAL_DAYS = 14
#: The triage category a crisis answer on PHQ-9 item 9 stands for (see ``haven.safety.triage.CATEGORIES``).
PHQ9_ITEM_9_CATEGORY = "suicide"


@dataclass(frozen=True)
class AssessmentRecord:
    """A saved questionnaire result, ``taken_at`` in local time."""

    id: int
    instrument: str
    taken_at: datetime
    answers: tuple[int, ...]
    total: int
    band: str

    @property
    def crisis(self) -> bool:
        return score(self.instrument, self.answers).crisis


@dataclass(frozen=True)
class CheckUpOutcome:
    result: ScoreResult
    record: AssessmentRecord
    crisis: Any | None = None  # haven.safety.CrisisResponse when result.crisis


@dataclass(frozen=True)
class CheckUpStatus:
    """Whether a questionnaire is due again, in words for a gentle reminder."""

    instrument: str
    name: str
    last_taken: datetime | None
    days_since: int | None
    due: bool

    @property
    def message(self) -> str:
        if self.last_taken is None:
            return f"You have not done the {self.name} yet. It takes about two minutes, whenever you like."
        if self.due:
            return (
                f"Your last {self.name} was {self._ago()}. When you have two minutes, a new one "
                "shows how things have moved."
            )
        return f"Your last {self.name} was {self._ago()}; the next one is due in two weeks."

    def _ago(self) -> str:
        """'today', 'yesterday', '3 days ago': never 'day(s)'."""
        days = self.days_since or 0
        return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def _record(row: AssessmentResult) -> AssessmentRecord:
    return AssessmentRecord(
        id=row.id,
        instrument=row.instrument,
        taken_at=to_local(row.taken_at),
        answers=tuple(row.answers),
        total=row.total,
        band=row.band,
    )


def save_assessment(
    engine: Engine, person: str, result: ScoreResult, taken_at: datetime | None = None
) -> AssessmentRecord:
    """Keep a scored questionnaire. ``taken_at`` is local time; ``None`` is now."""
    with session_scope(engine) as session:
        row = AssessmentResult(
            person_id=owner_id(session, person),
            instrument=result.instrument,
            taken_at=to_storage(taken_at),
            answers=list(result.answers),
            total=result.total,
            band=result.band,
        )
        session.add(row)
        session.flush()
        return _record(row)


def take_check_up(
    engine: Engine, person: str, instrument: str, answers: list[int], region: str | None = None
) -> CheckUpOutcome:
    """Score, save, and, on a crisis answer, prepare the crisis response to show first."""
    result = score(instrument, answers)
    record = save_assessment(engine, person, result)
    crisis = None
    if result.crisis:
        if region is None:
            from haven.config import get_settings

            region = get_settings().region
        crisis = safety.crisis_response(region, category=PHQ9_ITEM_9_CATEGORY)
    return CheckUpOutcome(result, record, crisis)


def assessment_history(
    engine: Engine, person: str, instrument: str | None = None, since: date | None = None
) -> list[AssessmentRecord]:
    """Saved results, oldest first, optionally of one questionnaire and from a local date on."""
    with session_scope(engine) as session:
        query = select(AssessmentResult).where(AssessmentResult.person_id == find_person_id(session, person))
        if instrument is not None:
            query = query.where(AssessmentResult.instrument == get_instrument(instrument).id)
        if since is not None:
            query = query.where(
                AssessmentResult.taken_at >= to_storage(datetime.combine(since, datetime.min.time()))
            )
        rows = session.scalars(query.order_by(AssessmentResult.taken_at, AssessmentResult.id))
        return [_record(row) for row in rows]


def delete_assessment(engine: Engine, person: str, assessment_id: int) -> None:
    with session_scope(engine) as session:
        owner = find_person_id(session, person)  # first: it also tells the database whose rows these are
        row = session.get(AssessmentResult, assessment_id)
        if row is None or row.person_id != owner:
            raise LookupError(f"no check-up {assessment_id} for {person!r}")
        session.delete(row)


def check_up_due(
    engine: Engine, person: str, today: date | None = None, every_days: int = CHECK_UP_INTERVAL_DAYS
) -> list[CheckUpStatus]:
    """For each questionnaire: when it was last done and whether it is due again (two weeks on)."""
    today = today or local_today()
    with session_scope(engine) as session:
        latest = dict(
            session.execute(
                select(AssessmentResult.instrument, func.max(AssessmentResult.taken_at))
                .where(AssessmentResult.person_id == find_person_id(session, person))
                .group_by(AssessmentResult.instrument)
            ).all()
        )
    statuses = []
    for instrument in load_instruments().values():
        last = to_local(latest[instrument.id]) if instrument.id in latest else None
        days = (today - last.date()).days if last else None
        due = days is not None and days >= every_days
        statuses.append(CheckUpStatus(instrument.id, instrument.name, last, days, due))
    return statuses

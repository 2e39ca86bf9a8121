"""A clearly-marked demo profile with 90 days of made-up but realistic data, so a newcomer sees the charts.

The data is generated from a seeded RNG relative to ``today``, so the same day gives the same demo. Mood has a
weekly rhythm and a slow improvement; some tags really go with better or worse days; sleep matters; some days
are missing; questionnaires every two weeks improve a little; exercises lower distress by different amounts.
Notes are bland everyday lines. Removing the demo deletes the profile and everything in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np
from sqlalchemy import Engine, select

from haven.storage.db import DEMO_PERSON, get_or_create_person, session_scope
from haven.storage.models import AssessmentResult, CheckIn, ExerciseRun, Person
from haven.storage.owners import clinic_mode, require_personal_mode
from haven.tracking.checkins import EMOTIONS
from haven.tracking.clock import local_today, to_storage
from haven.tracking.scoring import score

DEMO_SEED = 20240601
DEMO_DAYS = 90

#: Weekday (Mon=0) effect on mood: a slow start to the week, a lift at the weekend.
WEEKDAY_EFFECT = (-0.6, -0.2, 0.0, 0.0, 0.3, 0.8, 0.5)


@dataclass(frozen=True)
class DemoTag:
    name: str
    weekday_chance: float
    weekend_chance: float
    mood_effect: float
    sleep_effect: float = 0.0


DEMO_TAGS = (
    DemoTag("walk", 0.40, 0.55, 0.9),
    DemoTag("friends", 0.15, 0.50, 0.7),
    DemoTag("work", 0.85, 0.05, -0.4),
    DemoTag("late screens", 0.30, 0.30, -0.5, sleep_effect=-0.7),
    DemoTag("yoga", 0.15, 0.20, 0.5),
    DemoTag("reading", 0.30, 0.35, 0.1),
)

#: Exercise ids with how much they lower distress on average in the demo.
DEMO_EXERCISES = {
    "box-breathing": 2.2,
    "paced-breathing": 2.0,
    "thought-record": 1.8,
    "grounding-54321": 1.5,
    "behavioral-activation": 1.1,
}

PLEASANT = ("happy", "calm", "content", "grateful", "hopeful", "excited", "proud", "loved")
UNPLEASANT = ("sad", "anxious", "stressed", "angry", "irritable", "lonely", "tired", "overwhelmed")
assert set(PLEASANT) | set(UNPLEASANT) == set(EMOTIONS)

NOTES = {
    "walk": ["Walked to the park at lunch.", "A long walk after dinner.", "Went the long way home on foot."],
    "friends": ["Coffee with a friend.", "Dinner with friends, lots of laughing.", "Called my sister."],
    "work": ["Busy day at work.", "Long meeting in the afternoon.", "Cleared my inbox."],
    "late screens": ["Stayed up too late watching a series.", "Scrolled my phone in bed again."],
    "yoga": ["Short yoga class before work.", "Stretched for twenty minutes."],
    "reading": ["Read a few chapters of my book.", "Finished a novel."],
    None: ["Quiet day.", "Did the weekly shop.", "Cooked a new recipe.", "Rainy, stayed in.", "Tidied the flat."],
}

ASSESSMENT_PATHS = {  # raw totals at the start and end of the 90 days
    "phq9": (11, 6),
    "gad7": (10, 5),
    "who5": (11, 15),
}


@dataclass(frozen=True)
class DemoSummary:
    person: str
    first_day: date
    last_day: date
    check_ins: int
    assessments: int
    exercise_runs: int

    def as_json(self) -> dict[str, object]:
        return {
            "person": self.person,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "check_ins": self.check_ins,
            "assessments": self.assessments,
            "exercise_runs": self.exercise_runs,
        }


def _at(day: date, hour: float) -> datetime:
    """Naive-UTC storage time for a local day and hour."""
    return to_storage(datetime.combine(day, time()) + timedelta(hours=hour))


def _emotions(rng: np.random.Generator, mood: int, sleep: float) -> list[str]:
    if mood >= 7:
        pool = PLEASANT
    elif mood <= 4:
        pool = UNPLEASANT
    else:
        pool = PLEASANT[:4] + UNPLEASANT[:3] + UNPLEASANT[6:7]
    chosen = list(rng.choice(pool, size=int(rng.integers(1, 4)), replace=False))
    if sleep < 6 and "tired" not in chosen:
        chosen.append("tired")
    return [str(e) for e in chosen]


def _check_ins_for_day(rng: np.random.Generator, day: date, progress: float) -> list[CheckIn]:
    weekend = day.weekday() >= 5
    tags = [t for t in DEMO_TAGS if rng.random() < (t.weekend_chance if weekend else t.weekday_chance)]
    sleep = float(np.clip(rng.normal(7.1, 0.8) + sum(t.sleep_effect for t in tags), 4.0, 10.0))
    sleep = round(sleep * 2) / 2
    base = 5.0 + 1.5 * progress + WEEKDAY_EFFECT[day.weekday()] + 0.35 * (sleep - 7.0)
    base += sum(t.mood_effect for t in tags)
    moods = [base + rng.normal(0, 0.8)]
    if rng.random() < 0.25:  # a second check-in in the evening some days
        moods.append(base + rng.normal(0, 0.9))
    rows = []
    for index, raw in enumerate(moods):
        mood = int(np.clip(round(raw), 1, 10))
        evening = index == len(moods) - 1
        note_key = str(rng.choice([t.name for t in tags])) if tags and rng.random() < 0.6 else None
        note = str(rng.choice(NOTES[note_key])) if evening and rng.random() < 0.4 else ""
        in_evening = (evening and len(moods) > 1) or rng.random() < 0.5
        hour = float(rng.uniform(19, 22) if in_evening else rng.uniform(8, 11))
        rows.append(
            CheckIn(
                at=_at(day, hour),
                mood=mood,
                emotions=_emotions(rng, mood, sleep),
                tags=[t.name for t in tags] if evening else [],
                sleep_hours=sleep if index == 0 else None,
                note=note,
            )
        )
    return rows


def _spread(rng: np.random.Generator, total: int, items: int, high: int, fixed_zero: int | None) -> list[int]:
    """Item answers adding up to ``total`` (each 0..high), leaving ``fixed_zero`` (0-based) at 0."""
    answers = [0] * items
    open_items = [i for i in range(items) if i != fixed_zero]
    for _ in range(total):
        choices = [i for i in open_items if answers[i] < high]
        answers[int(rng.choice(choices))] += 1
    return answers


def _assessments(rng: np.random.Generator, first_day: date, days: int) -> list[AssessmentResult]:
    rows = []
    for offset in range(0, days, 14):
        progress = offset / max(days - 1, 1)
        for key, (start, end) in ASSESSMENT_PATHS.items():
            target = int(round(start + (end - start) * progress + rng.normal(0, 0.8)))
            items, high, no_crisis = {"phq9": (9, 3, 8), "gad7": (7, 3, None), "who5": (5, 5, None)}[key]
            result = score(key, _spread(rng, max(target, 0), items, high, no_crisis))
            rows.append(
                AssessmentResult(
                    instrument=key,
                    taken_at=_at(first_day + timedelta(days=offset), 20.0 + rng.uniform(0, 1)),
                    answers=list(result.answers),
                    total=result.total,
                    band=result.band,
                )
            )
    return rows


def _exercise_runs(rng: np.random.Generator, first_day: date, days: int) -> list[ExerciseRun]:
    rows = []
    ids = list(DEMO_EXERCISES)
    for offset in range(days):
        if rng.random() > 0.35:
            continue
        exercise = str(rng.choice(ids))
        started = _at(first_day + timedelta(days=offset), float(rng.uniform(12, 21)))
        before = int(rng.integers(4, 9))
        finished = rng.random() > 0.1
        after = int(np.clip(round(before - DEMO_EXERCISES[exercise] + rng.normal(0, 0.9)), 0, 10))
        rows.append(
            ExerciseRun(
                exercise_id=exercise,
                started_at=started,
                updated_at=started + timedelta(minutes=8),
                completed_at=started + timedelta(minutes=8) if finished else None,
                current_step=0,
                answers={},
                distress_before=before,
                distress_after=after if finished else None,
                helpful=(1 if before - after >= 2 else None) if finished else None,
            )
        )
    return rows


def demo_exists(engine: Engine) -> bool:
    """Clinic mode offers no demo profile, so there never is one to show."""
    if clinic_mode():
        return False
    with session_scope(engine) as session:
        return session.scalar(select(Person.id).where(Person.name == DEMO_PERSON)) is not None


def remove_demo(engine: Engine) -> bool:
    """Delete the demo profile and everything in it. True when there was one."""
    require_personal_mode("The demo profile")
    with session_scope(engine) as session:
        person = session.scalar(select(Person).where(Person.name == DEMO_PERSON))
        if person is None:
            return False
        session.delete(person)
        return True


def fill_demo(
    engine: Engine, today: date | None = None, days: int = DEMO_DAYS, seed: int = DEMO_SEED
) -> DemoSummary:
    """(Re)make the demo profile with ``days`` days of synthetic data ending ``today``."""
    today = today or local_today()
    first_day = today - timedelta(days=days - 1)
    rng = np.random.default_rng(seed)
    remove_demo(engine)
    check_ins: list[CheckIn] = []
    quiet = set(range(int(days * 0.45), int(days * 0.45) + 3))  # a few days away: a visible gap
    for offset in range(days):
        if offset in quiet or rng.random() < 0.08:
            continue
        check_ins += _check_ins_for_day(rng, first_day + timedelta(days=offset), offset / max(days - 1, 1))
    assessments = _assessments(rng, first_day, days)
    runs = _exercise_runs(rng, first_day, days)
    with session_scope(engine) as session:
        person = get_or_create_person(session, DEMO_PERSON, is_demo=True)
        person.check_ins.extend(check_ins)
        person.assessments.extend(assessments)
        person.exercise_runs.extend(runs)
    return DemoSummary(DEMO_PERSON, first_day, today, len(check_ins), len(assessments), len(runs))

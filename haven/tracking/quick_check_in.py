"""What the five-second check-in offers: five faces on the mood scale and the person's most-used tags.

A slider, sixteen emotions and typed tags made a check-in a chore; a face and a tap or two is what a person
does every day. The faces sit on the same 1-10 scale every check-in already uses, so charts, insights and
reports read them like any other mood: the ends are the ends of the scale (1 "the lowest you can feel",
10 "the best"), "okay" is the 5 the slider used to start on, and "bad" and "good" sit two steps in from
either end.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, select

from haven.storage.db import session_scope
from haven.storage.models import CheckIn
from haven.tracking.people import find_person_id

#: The faces, worst to best, and the mood each saves.
FACE_MOODS: dict[str, int] = {"awful": 1, "bad": 3, "okay": 5, "good": 8, "great": 10}
#: Offered as chips until a person has tags of their own, so the first check-in can be five seconds too.
STARTER_TAGS: tuple[str, ...] = ("work", "friends", "family", "exercise", "rest")
#: How many tags the quick check-in offers, and over how many recent check-ins they are counted: habits
#: change, so the chips follow what the person does lately rather than what they did a year ago.
QUICK_TAGS = 6
RECENT_CHECK_INS = 60


def most_used_tags(
    engine: Engine, person: str, limit: int = QUICK_TAGS, recent: int = RECENT_CHECK_INS
) -> list[str]:
    """The person's most-used tags over their last ``recent`` check-ins; a tie goes to the one used latest."""
    with session_scope(engine) as session:
        rows = session.scalars(
            select(CheckIn.tags)
            .where(CheckIn.person_id == find_person_id(session, person))
            .order_by(CheckIn.at.desc(), CheckIn.id.desc())
            .limit(recent)
        )
        counts: Counter[str] = Counter()
        for tags in rows:  # newest first, so among equal counts the latest comes first (Counter keeps order)
            counts.update(dict.fromkeys(tags or (), 1))
    return [tag for tag, _ in counts.most_common(limit)]

"""Finding a profile for the tracking services: reads never create one, writes do (demo marked as demo).

Both go through :mod:`haven.storage.owners`, which in clinic mode refuses a key that is not a signed-in person.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from haven.storage import owners
from haven.storage.db import DEMO_PERSON, get_or_create_person


def find_person_id(session: Session, name: str) -> int | None:
    """The id of profile ``name``, or None when it does not exist yet (reading never makes one)."""
    return owners.find_person_id(session, name)


def owner_id(session: Session, name: str) -> int:
    """The id of profile ``name``, made on first write; the demo profile is always marked ``is_demo``."""
    return get_or_create_person(session, name, is_demo=name == DEMO_PERSON).id

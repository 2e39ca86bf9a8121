"""The people of the clinic data tests, and a count of every table (a refusal must leave it as it was).

The fixtures that open a clinic-mode database (``clinic_engine``, ``signed_in``) are in this folder's conftest.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from haven.clinic.identity import Identity
from haven.storage.models import Base

ANA = Identity(subject="3f6c1a2e-ana", name="Ana Lopez", email="ana.lopez@example.org")
BEN = Identity(subject="9b2d7c4f-ben", name="Ben Okafor", email="ben@example.org")
RIVERA = Identity(subject="c0ffee00-rivera", name="Dr Sam Rivera", email="s.rivera@clinic.example", role="clinician")
NOLAN = Identity(subject="c0ffee11-nolan", name="Dr Jo Nolan", email="j.nolan@clinic.example", role="clinician")


def row_counts(engine: Engine) -> dict[str, int]:
    """How many rows every table holds: a refusal must leave these exactly as they were."""
    with engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}

"""Fixtures for the exercise runner: a fresh SQLite database per test and a stand-in triage."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # pages and ui/ import from the repository root
    sys.path.insert(0, str(ROOT))

from haven.content.models import Exercise  # noqa: E402


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture
def db_url(data_dir) -> str:
    return f"sqlite:///{data_dir / 'haven.db'}"


@pytest.fixture
def engine(db_url):
    """A migrated engine on a throwaway SQLite file (a new engine on the same URL = another day)."""
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    eng = make_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()


def _ref() -> dict:
    return {"title": "A public source", "url": "https://www.nhs.uk/", "publisher": "NHS"}


@pytest.fixture
def small_exercise() -> Exercise:
    """Every step kind once, with distress rated before and after."""
    return Exercise.model_validate(
        {
            "id": "small-test",
            "title": "Small test exercise",
            "summary": "A short exercise with one step of every kind.",
            "approach": "CBT",
            "duration_minutes": 5,
            "purpose": "To check that the runner handles every kind of step.",
            "when_it_helps": ["one", "two", "three"],
            "tags": ["anxiety"],
            "rate_distress": True,
            "steps": [
                {"kind": "prompt", "id": "situation", "prompt": "What happened?"},
                {"kind": "rating", "id": "belief_before", "prompt": "How much do you believe it?"},
                {"kind": "timer", "id": "breathe", "prompt": "Breathe along.", "seconds": 30},
                {
                    "kind": "choice",
                    "id": "traps",
                    "prompt": "Any traps?",
                    "options": ["A", "B", "C"],
                    "multiple": True,
                },
                {"kind": "choice", "id": "pick", "prompt": "Pick one", "options": ["yes", "no"]},
                {"kind": "list", "id": "evidence", "prompt": "Facts against?", "min_items": 1, "max_items": 3},
                {"kind": "rating", "id": "belief_after", "prompt": "How much now?"},
                {"kind": "prompt", "id": "next_step", "prompt": "Anything next?", "optional": True},
            ],
            "references": [_ref()],
        }
    )


@pytest.fixture
def library():
    from haven.content.loader import load_default_library

    return load_default_library()

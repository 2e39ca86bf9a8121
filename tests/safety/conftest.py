"""Safety tests: a private data dir and default settings for each test, and the exemplars warmed once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """Each test sees default settings over its own data dir (region US unless a test sets it)."""
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HAVEN_REGION", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def triage_model():
    """The trained triage model and the embedding model, loaded once for the whole run (~3 s)."""
    from haven.safety import triage
    from haven.safety.classifier import load_model

    triage("warming up")
    return load_model()


@pytest.fixture(scope="session")
def when_it_helps() -> list[str]:
    """The library's `when_it_helps` lines, but the safety plan's (those are meant to be close to a crisis)."""
    from haven.content.loader import load_library

    root = HERE.parent.parent
    library = load_library(root / "exercises", root / "knowledge")
    return [line for ex in library.exercises.values() if ex.id != "safety-plan" for line in ex.when_it_helps]


@pytest.fixture(scope="session")
def guard_cases() -> dict:
    return yaml.safe_load((HERE / "guard_cases.yaml").read_text(encoding="utf-8"))

"""Haven's one settings object.

Every knob is an environment variable with the prefix ``HAVEN_`` (or a line in ``.env``). The defaults are
the embedded, offline ones: SQLite and embedded Chroma under the data dir, and the offline guide engine.
"""

from __future__ import annotations

import json
import os
from datetime import time
from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The repository root: the library (``exercises/``, ``knowledge/``) lives here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Where Haven keeps things and which engine answers. Read once per process."""

    model_config = SettingsConfigDict(env_prefix="HAVEN_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("haven", appauthor=False)),
        description="Folder for the local database and the embedded vector index.",
    )
    library_dir: Path = Field(
        default=PROJECT_ROOT, description="Folder holding exercises/ and knowledge/ (the library)."
    )
    chroma_url: str | None = Field(
        default=None, description="A Chroma server, e.g. http://localhost:8000. Empty: embedded Chroma."
    )
    collection: str = Field(default="haven-library", description="Chroma collection of library passages.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL, e.g. postgresql+psycopg://... Empty: SQLite in data_dir."
    )
    passphrase: str | None = Field(
        default=None, description="Encrypts the local database (SQLCipher) when set.", repr=False
    )
    llm: str = Field(
        default="guide",
        description="Chat engine: 'guide' (offline, no model), 'ollama:<model>' or 'openai:<model>'.",
    )
    llm_base_url: str | None = Field(
        default=None, description="Server for the LLM engine, e.g. http://localhost:11434 or .../v1."
    )
    llm_timeout: float = Field(
        default=30.0, description="Seconds an LLM server has for each read and for its whole reply."
    )
    region: str = Field(default="US", description="Region whose help lines are shown (ISO code, e.g. GB).")
    daily_reminder: bool = Field(default=False, description="Remind the person to check in once a day.")
    check_up_reminder: bool = Field(default=False, description="Remind the person of a check-up every two weeks.")
    reminder_time: time = Field(default=time(20, 0), description="Local time of day for both reminders (HH:MM).")
    mode: Literal["personal", "clinic"] = Field(
        default="personal",
        description="'personal': one local profile, no sign-in. 'clinic': sign-in, each person's data walled off.",
    )
    clinician_claim: str = Field(
        default="groups", description="Clinic mode: the identity-provider claim that lists a user's groups or roles."
    )
    clinician_group: str = Field(
        default="haven-clinicians", description="Clinic mode: the group or role in that claim that makes a clinician."
    )
    clinic_urgent_contact: str | None = Field(
        default=None, description="Clinic mode: the clinic's own urgent contact, shown beside the public help lines."
    )

    @model_validator(mode="after")
    def _clinic_needs_a_shared_database(self) -> Settings:
        """Clinic mode serves many people from several replicas: a file in one replica's data dir cannot."""
        if self.mode == "clinic" and not self.database_url:
            raise ValueError("HAVEN_MODE=clinic needs HAVEN_DATABASE_URL (a PostgreSQL URL such as "
                             "postgresql+psycopg://haven_app@db.example/haven)")  # fmt: skip
        return self

    @property
    def chroma_path(self) -> Path:
        """Embedded Chroma folder inside the data dir."""
        return self.data_dir / "chroma"

    @property
    def sqlite_path(self) -> Path:
        """Default SQLite file inside the data dir."""
        return self.data_dir / "haven.db"

    @property
    def exercises_dir(self) -> Path:
        return self.library_dir / "exercises"

    @property
    def knowledge_dir(self) -> Path:
        return self.library_dir / "knowledge"

    def resolved_database_url(self) -> str:
        """The database URL to use: the configured one, or SQLite in the data dir."""
        return self.database_url or f"sqlite:///{self.sqlite_path}"


#: Settings a person may change in the app (Settings page); saved in the data dir.
PREFERENCE_KEYS = (
    "region", "llm", "llm_base_url", "llm_timeout", "daily_reminder", "check_up_reminder", "reminder_time",
)  # fmt: skip


def preferences_path(data_dir: Path) -> Path:
    return data_dir / "preferences.json"


def _load_preferences(data_dir: Path) -> dict:
    path = preferences_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged preferences file falls back to defaults rather than stopping the app
    return {k: v for k, v in data.items() if k in PREFERENCE_KEYS} if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings: environment first, then saved preferences, then defaults.

    Tests call ``get_settings.cache_clear()`` after changing the environment.
    """
    settings = Settings()
    prefs = {
        k: v for k, v in _load_preferences(settings.data_dir).items() if f"HAVEN_{k.upper()}" not in os.environ
    }
    if not prefs:
        return settings
    try:
        return Settings.model_validate({**settings.model_dump(), **prefs})
    except ValidationError as error:  # one bad value in the file costs that choice, not the app
        bad = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
        good = {k: v for k, v in prefs.items() if k not in bad}
        return Settings.model_validate({**settings.model_dump(), **good})


def region_chosen(settings: Settings) -> bool:
    """Whether a region was chosen (in the app, or by the service that runs Haven), not left at its default: only then
    do the help lines ignore where the person says they are (haven.safety.where_they_are)."""
    return "HAVEN_REGION" in os.environ or "region" in _load_preferences(settings.data_dir)


def save_preferences(**values: object) -> Settings:
    """Remember choices made in the app (region, engine) and return the refreshed settings."""
    unknown = set(values) - set(PREFERENCE_KEYS)
    if unknown:
        raise ValueError(f"not a preference: {', '.join(sorted(unknown))}")
    data_dir = get_settings().data_dir
    current = _load_preferences(data_dir)
    current.update({k: v for k, v in values.items()})
    data_dir.mkdir(parents=True, exist_ok=True)
    preferences_path(data_dir).write_text(json.dumps(current, indent=2), encoding="utf-8")
    get_settings.cache_clear()
    return get_settings()

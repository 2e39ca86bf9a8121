"""Help lines by region, from ``helplines.yaml``: who to call, text or chat, and the emergency number."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

HELPLINES_FILE = Path(__file__).with_name("helplines.yaml")
FALLBACK_REGION = "INTL"
#: EU member states without a line of their own in the file fall back to the EU entry (112).
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
#: Common spellings people type for a region code.
ALIASES = {"UK": "GB", "USA": "US", "ENGLAND": "GB", "SCOTLAND": "GB", "WALES": "GB", "NI": "GB"}


class Helpline(BaseModel):
    """One line: how to reach it, when, and where the details were checked."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: str
    call: str | None = None
    alt_call: str | None = None
    text: str | None = None
    text_body: str | None = None
    chat: str | None = None
    email: str | None = None
    hours: str = ""
    languages: list[str] = []
    source: str
    verified: dt.date
    checked_on_own_page: bool
    verified_against: list[str]
    note: str = ""

    @property
    def how_to_reach(self) -> list[str]:
        """Plain-language ways to get in touch, most immediate first."""
        ways = []
        if self.call:
            ways.append(f"call {self.call}" + (f" or {self.alt_call}" if self.alt_call else ""))
        if self.text:
            ways.append(f"text {self.text_body} to {self.text}" if self.text_body else f"text {self.text}")
        if self.chat:
            ways.append(f"chat at {self.chat}")
        if self.email:
            ways.append(f"email {self.email}")
        return ways


class Region(BaseModel):
    """A region's emergency number and its help lines."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    emergency: str
    lines: list[Helpline]


@lru_cache(maxsize=1)
def load_regions(path: Path = HELPLINES_FILE) -> dict[str, Region]:
    """Every region in the data file, by code."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["regions"]
    return {code: Region(code=code, **entry) for code, entry in data.items()}


def regions() -> list[tuple[str, str]]:
    """(code, name) for every region Haven knows, for a settings picker."""
    return [(code, region.name) for code, region in load_regions().items()]


def resolve_region(region: str | None) -> Region:
    """The region for a code, falling back to the EU entry for EU members and to INTL for the rest."""
    known = load_regions()
    code = (region or "").strip().upper()
    code = ALIASES.get(code, code)
    if code in known:
        return known[code]
    if code in EU_MEMBERS:
        return known["EU"]
    return known[FALLBACK_REGION]


def helplines_for(region: str | None) -> list[Helpline]:
    """The help lines to show for a region code (unknown codes get the international directory)."""
    return list(resolve_region(region).lines)


def emergency_number(region: str | None) -> str:
    """The local emergency number for a region code."""
    return resolve_region(region).emergency

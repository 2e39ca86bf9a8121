"""Help lines by region, from ``helplines.yaml``: who to call, text or chat, and the emergency number.

A region has general lines (shown for every crisis), lines for one kind of crisis (``by_category``: shown
first, under a label such as "For abuse at home") and lines for young people. ``lines_for`` puts them in
that order without duplicates; ``line_groups_for`` keeps the groups and their labels for drawing.

The file is validated with pydantic when it is loaded: every line says how to reach it and where it was
checked, every region has an emergency number, and every category key is one Haven knows.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from haven.safety.categories import CATEGORIES, LEGACY_CATEGORIES
from haven.yaml_files import read_yaml

HELPLINES_FILE = Path(__file__).with_name("helplines.yaml")
FALLBACK_REGION = "INTL"
#: EU member states without a line of their own in the file fall back to the EU entry (112).
EU_MEMBERS = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
#: Common spellings people type for a region code.
ALIASES = {
    "UK": "GB",
    "USA": "US",
    "ENGLAND": "GB",
    "SCOTLAND": "GB",
    "WALES": "GB",
    "NI": "GB",
    "EIRE": "IE",
    "AOTEAROA": "NZ",
    "RSA": "ZA",
}

#: The kinds of crisis triage tells apart, most urgent first, and older names still accepted.
KNOWN_CATEGORIES: tuple[str, ...] = CATEGORIES
CATEGORY_ALIASES = LEGACY_CATEGORIES
#: Who the message is about: the writer, someone the writer is worried about, or a question to learn.
AUDIENCES: tuple[str, ...] = ("self", "third_party", "learning")
AUDIENCE_ALIASES = {"other": "third_party", "someone_else": "third_party", "question": "learning"}
#: Categories where lines for young people are not added (the emergency number and poison lines come first).
NO_YOUNG_PEOPLE_LINES = frozenset({"medical_emergency"})

GroupKind = Literal["category", "general", "young_people"]
GENERAL_LABEL = "Talk to someone now"
YOUNG_PEOPLE_LABEL = "For young people"


def canonical_category(category: str | None) -> str | None:
    """A known category name for ``category`` (legacy names mapped), or None when unknown or empty."""
    if not category:
        return None
    name = category.strip().lower()
    name = CATEGORY_ALIASES.get(name, name)
    return name if name in KNOWN_CATEGORIES else None


def canonical_audience(audience: str | None) -> str:
    """A known audience for ``audience``; anything unknown is treated as the writer themself ("self")."""
    name = (audience or "self").strip().lower()
    name = AUDIENCE_ALIASES.get(name, name)
    return name if name in AUDIENCES else "self"


def dial_digits(number: str) -> str:
    """The digits (and a leading +) of a phone number: "+65 9151 1767" -> "+6591511767"."""
    return re.sub(r"[^0-9+]", "", number)


class Helpline(BaseModel):
    """One line: how to reach it, when, and where the details were checked."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    call: str | None = None
    alt_call: str | None = None
    text: str | None = None
    text_body: str | None = None
    whatsapp: str | None = None
    chat: str | None = None
    email: str | None = None
    hours: str = ""
    languages: list[str] = []
    source: str
    verified: dt.date
    checked_on_own_page: bool
    verified_against: list[str] = Field(min_length=1)
    note: str = ""

    @field_validator("source")
    @classmethod
    def _source_is_a_web_page(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError("source must be the organisation's own https:// page")
        return value

    @field_validator("verified_against")
    @classmethod
    def _checked_pages_are_urls(cls, value: list[str]) -> list[str]:
        if not all(url.startswith(("http://", "https://")) for url in value):
            raise ValueError("verified_against must list the pages that were read, as URLs")
        return value

    @field_validator("whatsapp")
    @classmethod
    def _whatsapp_is_international(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("+"):
            raise ValueError("a WhatsApp number needs its country code (+..)")
        return value

    @model_validator(mode="after")
    def _reachable_and_honest(self) -> Helpline:
        if not (self.call or self.text or self.whatsapp or self.chat or self.email):
            raise ValueError(f"{self.name}: say how to reach it (call, text, whatsapp, chat or email)")
        if not self.checked_on_own_page and not self.note.startswith("UNVERIFIED"):
            raise ValueError(f"{self.name}: not checked on its own page, so the note must start with UNVERIFIED")
        if self.text_body and not self.text:
            raise ValueError(f"{self.name}: text_body needs a text number")
        return self

    @property
    def how_to_reach(self) -> list[str]:
        """Plain-language ways to get in touch, most immediate first."""
        ways = []
        if self.call:
            ways.append(f"call {self.call}" + (f" or {self.alt_call}" if self.alt_call else ""))
        if self.text:
            ways.append(f"text {self.text_body} to {self.text}" if self.text_body else f"text {self.text}")
        if self.whatsapp:
            ways.append(f"message {self.whatsapp} on WhatsApp")
        if self.chat:
            ways.append(f"find a line at {self.chat}" if self.is_directory else f"chat at {self.chat}")
        if self.email:
            ways.append(f"email {self.email}")
        return ways

    @property
    def is_directory(self) -> bool:
        """A directory of lines (findahelpline.com) rather than a line people answer."""
        return self.hours == "directory"

    @property
    def whatsapp_url(self) -> str | None:
        """A wa.me link for the WhatsApp number, if there is one."""
        return f"https://wa.me/{dial_digits(self.whatsapp).lstrip('+')}" if self.whatsapp else None

    @property
    def phone_numbers(self) -> list[str]:
        """Every number on this line, as written (for checks that only phone numbers appear in a text)."""
        return [n for n in (self.call, self.alt_call, self.text, self.whatsapp) if n]


class Region(BaseModel):
    """A region's emergency number and its help lines: general, by kind of crisis, and for young people."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    name: str
    emergency: str
    emergency_note: str = ""
    emergency_for: dict[str, str] = {}
    emergency_verified_against: list[str] = []
    lines: list[Helpline] = Field(min_length=1)
    by_category: dict[str, list[Helpline]] = {}
    young_people: list[Helpline] = []

    @field_validator("emergency")
    @classmethod
    def _has_an_emergency_number(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("every region needs an emergency number")
        return value

    @field_validator("by_category", "emergency_for")
    @classmethod
    def _known_categories(cls, value: dict) -> dict:
        unknown = [key for key in value if key not in KNOWN_CATEGORIES]
        if unknown:
            raise ValueError(f"unknown categories {unknown}; known: {', '.join(KNOWN_CATEGORIES)}")
        return value

    def emergency_number_for(self, category: str | None) -> str:
        """The number to call for this kind of crisis (the police, say, where the main number is medical)."""
        return self.emergency_for.get(canonical_category(category) or "", self.emergency)


class HelplineFile(BaseModel):
    """The whole of ``helplines.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    category_labels: dict[str, str]
    regions: dict[str, Region]

    @model_validator(mode="before")
    @classmethod
    def _codes_into_regions(cls, data: dict) -> dict:
        regions = data.get("regions") or {}
        return {**data, "regions": {code: {"code": code, **entry} for code, entry in regions.items()}}

    @field_validator("category_labels")
    @classmethod
    def _every_category_labelled(cls, value: dict[str, str]) -> dict[str, str]:
        if set(value) != set(KNOWN_CATEGORIES):
            raise ValueError(f"label exactly these categories: {', '.join(KNOWN_CATEGORIES)}")
        return value

    @model_validator(mode="after")
    def _fallbacks_exist(self) -> HelplineFile:
        missing = {FALLBACK_REGION, "EU"} - set(self.regions)
        if missing:
            raise ValueError(f"the file needs the regions {sorted(missing)}")
        return self


class LineGroup(BaseModel):
    """Lines drawn together under one label ("For abuse at home", "Talk to someone now", ...)."""

    model_config = ConfigDict(frozen=True)

    kind: GroupKind
    label: str
    lines: list[Helpline]


@lru_cache(maxsize=4)
def load_helpline_file(path: Path = HELPLINES_FILE) -> HelplineFile:
    """The validated data file (raises pydantic.ValidationError with every problem if it is wrong)."""
    return HelplineFile.model_validate(read_yaml(path))


def load_regions(path: Path = HELPLINES_FILE) -> dict[str, Region]:
    """Every region in the data file, by code."""
    return load_helpline_file(path).regions


def category_label(category: str | None) -> str:
    """The heading for a category's own lines ("For abuse at home"); "" for no or unknown category."""
    name = canonical_category(category)
    return load_helpline_file().category_labels.get(name, "") if name else ""


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
    """The general help lines for a region code (unknown codes get the international directory)."""
    return list(resolve_region(region).lines)


def emergency_number(region: str | None, category: str | None = None) -> str:
    """The local emergency number for a region code (for ``category``, where the region names another)."""
    return resolve_region(region).emergency_number_for(category)


def line_groups_for(region: str | None, category: str | None = None, audience: str = "self") -> list[LineGroup]:
    """The lines to show, in groups: the category's own lines, the general lines, then lines for young people.

    Young people's lines are left out for questions asked to learn and for medical emergencies. A line that
    already appeared in an earlier group is not repeated; empty groups are dropped.
    """
    resolved = resolve_region(region)
    name = canonical_category(category)
    who = canonical_audience(audience)
    candidates: list[tuple[GroupKind, str, list[Helpline]]] = []
    if name and resolved.by_category.get(name):
        candidates.append(("category", category_label(name), resolved.by_category[name]))
    candidates.append(("general", GENERAL_LABEL, resolved.lines))
    if who != "learning" and name not in NO_YOUNG_PEOPLE_LINES and resolved.young_people:
        candidates.append(("young_people", YOUNG_PEOPLE_LABEL, resolved.young_people))
    seen: set[str] = set()
    groups = []
    for kind, label, lines in candidates:
        fresh = [line for line in lines if line.name not in seen]
        seen.update(line.name for line in fresh)
        if fresh:
            groups.append(LineGroup(kind=kind, label=label, lines=fresh))
    return groups


def lines_for(region: str | None, category: str | None = None, audience: str = "self") -> list[Helpline]:
    """Lines for a region and kind of crisis: the category's own lines first, then the general lines, then
    (except for questions asked to learn) lines for young people; no line twice."""
    return [line for group in line_groups_for(region, category, audience) for line in group.lines]

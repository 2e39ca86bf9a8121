"""The export file: one versioned JSON document, its pydantic validation, and readable problems.

The shape follows ``Base.metadata``: one key per table, each a list of rows with the table's columns by
name, so a table or column added by a migration is carried without a change here. A header says which
format and which schema revision (Alembic head) wrote the file.

    {"format": "haven-export", "format_version": 1, "schema_revision": "0001",
     "exported_at": "...", "counts": {"people": 1, ...}, "people": [{...}], "check_ins": [{...}], ...}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    create_model,
)
from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, Numeric, String, Table

from haven.storage.models import Base

FORMAT_NAME = "haven-export"
FORMAT_VERSION = 1
HEADER_KEYS = ("format", "format_version", "schema_revision", "exported_at", "counts")


class InvalidExport(ValueError):
    """The file is not a complete, valid Haven export. Nothing was written."""

    def __init__(self, problems: list[str], shown: int = 10) -> None:
        self.problems = problems
        more = f"\n... and {len(problems) - shown} more" if len(problems) > shown else ""
        super().__init__("Not a valid Haven export, nothing was imported:\n" + "\n".join(problems[:shown]) + more)


def tables() -> list[Table]:
    """Every table of the person's data, parents before children (the order to insert in)."""
    return list(Base.metadata.sorted_tables)


def _value_type(column: Column) -> Any:
    kind = column.type
    if isinstance(kind, JSON):
        return JsonValue
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Integer):
        return int
    if isinstance(kind, Float | Numeric):
        return float
    if isinstance(kind, DateTime):
        return datetime
    if isinstance(kind, Date):
        return date
    if isinstance(kind, String):
        return Annotated[str, StringConstraints(max_length=kind.length)] if kind.length else str
    try:
        return kind.python_type
    except NotImplementedError:
        return JsonValue


def _may_be_left_out(column: Column) -> bool:
    """A column the database fills itself when a row leaves it out (defaults, nullable)."""
    return not column.primary_key and (
        column.nullable or column.default is not None or column.server_default is not None
    )


def row_model(table: Table) -> type[BaseModel]:
    """A strict pydantic model of one row of ``table``: its columns, by name, with their types."""
    fields: dict[str, Any] = {}
    for column in table.columns:
        value_type = _value_type(column)
        if column.nullable:
            value_type = value_type | None
        fields[column.name] = (value_type, None) if _may_be_left_out(column) else (value_type, ...)
    config = ConfigDict(strict=True, extra="forbid")
    return create_model(f"{table.name}_row", __config__=config, **fields)


@lru_cache(maxsize=8)
def _document_model(shape: tuple[tuple[str, tuple[str, ...]], ...]) -> type[BaseModel]:
    by_name = {t.name: t for t in tables()}
    fields: dict[str, Any] = {
        "format": (Literal["haven-export"], ...),
        "format_version": (int, ...),
        "schema_revision": (str | None, ...),
        "exported_at": (datetime, ...),
        "counts": (dict[str, int], ...),
    }
    for name, _columns in shape:
        fields[name] = (list[row_model(by_name[name])], Field(default_factory=list))
    config = ConfigDict(strict=True, extra="forbid")
    return create_model("HavenExport", __config__=config, **fields)


def document_model() -> type[BaseModel]:
    """The pydantic model of a whole export file, for the tables the schema has now."""
    return _document_model(tuple((t.name, tuple(t.columns.keys())) for t in tables()))


def where(loc: tuple[str | int, ...]) -> str:
    """A pydantic error location as a path into the file: ``check_ins[3].mood``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(the file)"


def describe(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors(include_url=False):
        if item["type"] == "json_invalid":
            problems.append(f"(the file): not JSON: {item['ctx'].get('error', item['msg'])}")
        elif item["type"] in {"missing", "extra_forbidden"} or isinstance(item.get("input"), dict | list):
            problems.append(f"{where(item['loc'])}: {item['msg']}")
        else:
            found = repr(item.get("input"))
            found = found if len(found) <= 40 else found[:37] + "..."
            problems.append(f"{where(item['loc'])}: {item['msg']} (found {found})")
    return problems


@dataclass
class ValidExport:
    """A validated export: its header, and each table's rows as given (columns left out stay left out)."""

    format_version: int
    schema_revision: str | None
    exported_at: datetime
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def count(self) -> int:
        return sum(len(r) for r in self.rows.values())

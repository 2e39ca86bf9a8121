"""The export file: one versioned JSON document, its pydantic validation, and readable problems.

The shape follows ``Base.metadata``: one key per table, each a list of rows with the table's columns by
name, so a table or column added by a migration is carried without a change here. A header says which
format and which schema revision (Alembic head) wrote the file.

    {"format": "haven-export", "format_version": 1, "schema_revision": "0001",
     "exported_at": "...", "counts": {"people": 1, ...}, "people": [{...}], "check_ins": [{...}], ...}
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    create_model,
)
from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, Numeric, String, Table, Text

from haven.storage.limits import INT_MAX, INT_MIN, MAX_DEPTH, MAX_TEXT_CHARS, depth, time_problem
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


def _iso_datetime(value: Any) -> Any:
    """A time in the file is ISO 8601 text (what the export writes); anything else is refused as it is."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date and time like 2025-04-05T06:07:08") from None
    return value


def _iso_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("not a date like 2025-04-05") from None
    return value


def _plausible(value: datetime) -> datetime:
    problem = time_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _plausible_day(value: date) -> date:
    _plausible(datetime.combine(value, datetime.min.time()))
    return value


def _float(value: Any) -> Any:
    """A whole number is a fine float (JSON writes 7.0 as 7); a bool is not."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _shallow(value: Any) -> Any:
    if depth(value) > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    return value


#: Each column type as a bounded pydantic type: what any stored value of that type must fit.
BOUNDED_INT = Annotated[int, Field(ge=INT_MIN, le=INT_MAX)]
BOUNDED_FLOAT = Annotated[float, BeforeValidator(_float), Field(allow_inf_nan=False)]
PLAUSIBLE_TIME = Annotated[datetime, BeforeValidator(_iso_datetime), AfterValidator(_plausible)]
PLAUSIBLE_DAY = Annotated[date, BeforeValidator(_iso_date), AfterValidator(_plausible_day)]
BOUNDED_JSON = Annotated[JsonValue, AfterValidator(_shallow)]


def _value_type(column: Column) -> Any:
    kind = column.type
    if isinstance(kind, JSON):
        return BOUNDED_JSON
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Integer):
        return BOUNDED_INT
    if isinstance(kind, Float | Numeric):
        return BOUNDED_FLOAT
    if isinstance(kind, DateTime):
        return PLAUSIBLE_TIME
    if isinstance(kind, Date):
        return PLAUSIBLE_DAY
    if isinstance(kind, String | Text):
        return Annotated[str, StringConstraints(max_length=kind.length or MAX_TEXT_CHARS)]
    try:
        return kind.python_type
    except NotImplementedError:
        return BOUNDED_JSON


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


@lru_cache(maxsize=16)
def _row_model(name: str, columns: tuple[str, ...]) -> type[BaseModel]:
    return row_model({t.name: t for t in tables()}[name])


def table_row_model(table: Table) -> type[BaseModel]:
    """The row model of ``table`` as the schema has it now (cached: one per table and set of columns)."""
    return _row_model(table.name, tuple(table.columns.keys()))


class Header(BaseModel):
    """The header of an export. The schema revision is required: without it a partial file cannot be told
    from a complete one, and the file's rows cannot be read against the right columns."""

    model_config = ConfigDict(strict=True, extra="forbid")

    format: Literal["haven-export"]
    format_version: Annotated[int, Field(ge=1, le=INT_MAX)]
    schema_revision: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    exported_at: PLAUSIBLE_TIME
    counts: dict[Annotated[str, StringConstraints(max_length=64)], Annotated[int, Field(ge=0, le=INT_MAX)]]


def _short_repr(value: Any) -> str:
    """At most 40 characters of a value's repr; a huge number is described, not printed (that alone is slow)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    text = repr(value if not isinstance(value, str) else value[:60])
    return text if len(text) <= 40 else text[:37] + "..."


def where(loc: tuple[str | int, ...]) -> str:
    """A pydantic error location as a path into the file: ``check_ins[3].mood``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(the file)"


def describe(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> list[str]:
    """Each pydantic error as ``where: what (found ...)``, ``where`` a path into the file."""
    problems = []
    for item in error.errors(include_url=False):
        loc = (*prefix, *item["loc"])
        item["msg"] = item["msg"].removeprefix("Value error, ")
        if item["type"] == "json_invalid":
            problems.append(f"(the file): not JSON: {item['ctx'].get('error', item['msg'])}")
        elif item["type"] in {"missing", "extra_forbidden"} or isinstance(item.get("input"), dict | list):
            problems.append(f"{where(loc)}: {item['msg']}")
        else:
            found = _short_repr(item.get("input"))
            problems.append(f"{where(loc)}: {item['msg']} (found {found})")
    return problems


def check_row(table: Table, row: Any, n: int) -> tuple[dict[str, Any] | None, list[str]]:
    """One row of the file checked against its table's bounded model: (its values as given, or None; problems
    named ``table[n].column``)."""
    try:
        model = table_row_model(table).model_validate(row)
    except ValidationError as error:
        return None, describe(error, prefix=(table.name, n))
    return model.model_dump(exclude_unset=True), []

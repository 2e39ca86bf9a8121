"""Bringing an export back: validate the whole file first, then add what is missing in one transaction.

Import only adds. A row already in the database (same natural key, e.g. a person's name, or the same values
once its links are translated) is matched, not copied, so importing the same file twice adds nothing. A new
row keeps its id from the file when that id is free, so export -> delete -> import gives back the same data.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, Table, UniqueConstraint, select, text

from haven.privacy.export_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    HEADER_KEYS,
    InvalidExport,
    ValidExport,
    describe,
    document_model,
    tables,
)
from haven.privacy.schema import known_revisions, schema_head


@dataclass
class ImportReport:
    """What an import did, per table: rows added, and rows that were already there."""

    added: dict[str, int] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def as_json(self) -> dict:
        return {"added": self.added, "already_present": self.already_present, "total_added": self.total_added}


def _header_problems(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["(the file): expected a JSON object with a Haven export in it"]
    problems = []
    if data.get("format") != FORMAT_NAME:
        problems.append(f"format: expected {FORMAT_NAME!r}, found {data.get('format')!r}")
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        problems.append(f"format_version: {version} is from a newer Haven (this one reads up to {FORMAT_VERSION})")
    revision = data.get("schema_revision")
    if isinstance(revision, str) and revision not in known_revisions():
        problems.append(f"schema_revision: {revision!r} is unknown here (a newer Haven?); update Haven first")
    unknown = sorted(set(data) - set(HEADER_KEYS) - {t.name for t in tables()})
    problems += [f"{name}: not a table Haven knows" for name in unknown]
    return problems


def _completeness_problems(data: dict, revision: str | None) -> list[str]:
    """A partial file (cut short, or a table taken out) is refused: rows must match the stated counts."""
    problems = []
    counts = data.get("counts") or {}
    for name, stated in counts.items():
        held = len(data.get(name) or [])
        if name not in {t.name for t in tables()}:
            problems.append(f"counts.{name}: not a table Haven knows")
        elif held != stated:
            problems.append(f"{name}: the file says {stated} rows but holds {held} (a partial file?)")
    if revision == schema_head():
        problems += [f"{t.name}: missing (every table is listed in a complete export)" for t in tables()
                     if t.name not in counts]  # fmt: skip
    return problems


def _link_problems(rows: dict[str, list[dict]]) -> list[str]:
    """Every link (foreign key) points at a row in the same file, and ids are not repeated."""
    problems = []
    ids: dict[tuple[str, str], set] = defaultdict(set)
    for table in tables():
        for n, row in enumerate(rows.get(table.name, [])):
            for column in table.primary_key.columns:
                value = row.get(column.name)
                if value in ids[(table.name, column.name)]:
                    problems.append(f"{table.name}[{n}].{column.name}: id {value} appears twice")
                ids[(table.name, column.name)].add(value)
    for table in tables():
        for n, row in enumerate(rows.get(table.name, [])):
            for fk in table.foreign_keys:
                value = row.get(fk.parent.name)
                target = (fk.column.table.name, fk.column.name)
                if value is not None and value not in ids[target]:
                    problems.append(
                        f"{table.name}[{n}].{fk.parent.name}: no {target[0]} row with {target[1]} {value} in this file"
                    )
    return problems


def validate_export(content: str | bytes) -> ValidExport:
    """Check a whole export file. Raises :class:`InvalidExport` listing each problem as ``where: what``."""
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidExport([f"(the file): not JSON ({error}); is it cut short?"]) from None
    problems = _header_problems(data)
    if problems:
        raise InvalidExport(problems)
    try:
        document = document_model().model_validate_json(content)
    except ValidationError as error:
        raise InvalidExport(describe(error)) from None
    rows = {t.name: [r.model_dump(exclude_unset=True) for r in getattr(document, t.name)] for t in tables()}
    problems = _completeness_problems(data, document.schema_revision) + _link_problems(rows)
    if problems:
        raise InvalidExport(problems)
    return ValidExport(document.format_version, document.schema_revision, document.exported_at, rows)


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _comparable(value: Any) -> Any:
    """One spelling per value, so a row from the file and the same row from the database compare equal."""
    if isinstance(value, datetime):
        return _naive_utc(value).isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return float(value)
    return json.dumps(value, sort_keys=True, default=str)


class _TableMatcher:
    """Finds the database row a file row stands for: by a unique key, else by equal values."""

    def __init__(self, table: Table, existing: list[dict]) -> None:
        self.table = table
        self.pk = [c.name for c in table.primary_key.columns]
        self.unique_keys = [
            tuple(c.name for c in constraint.columns)
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        ] + [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
        self.rows = existing
        self.claimed: set[int] = set()
        self._by_values: dict[frozenset, dict[tuple, list[int]]] = {}

    def _signature(self, row: dict, names: frozenset) -> tuple:
        return tuple(_comparable(row.get(name)) for name in sorted(names))

    def match(self, row: dict) -> int | None:
        """Index of the existing row ``row`` stands for (each existing row is matched at most once)."""
        for key in self.unique_keys:
            if all(row.get(name) is not None for name in key):
                wanted = tuple(_comparable(row[name]) for name in key)
                for i, existing in enumerate(self.rows):
                    if tuple(_comparable(existing[name]) for name in key) == wanted:
                        return i
        names = frozenset(row) - set(self.pk)
        if names not in self._by_values:
            index: dict[tuple, list[int]] = defaultdict(list)
            for i, existing in enumerate(self.rows):
                index[self._signature(existing, names)].append(i)
            self._by_values[names] = index
        for i in self._by_values[names].get(self._signature(row, names), []):
            if i not in self.claimed:
                self.claimed.add(i)
                return i
        return None

    def add(self, row: dict) -> None:
        self.rows.append(row)
        self.claimed.add(len(self.rows) - 1)
        self._by_values.clear()


def _translate_links(table: Table, row: dict, new_ids: dict[tuple[str, str], dict]) -> dict:
    row = dict(row)
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        mapping = new_ids.get((fk.column.table.name, fk.column.name))
        if value is not None and mapping is not None:
            row[fk.parent.name] = mapping[value]
    return row


def import_export(engine: Engine, export: ValidExport) -> ImportReport:
    """Add the rows of a validated export that the database does not have yet, in one transaction."""
    report = ImportReport()
    new_ids: dict[tuple[str, str], dict] = {}
    with engine.begin() as conn:
        for table in tables():
            rows = export.rows.get(table.name, [])
            existing = [dict(r) for r in conn.execute(select(table)).mappings()]
            matcher = _TableMatcher(table, existing)
            (pk_name,) = matcher.pk if len(matcher.pk) == 1 else (None,)
            taken = {r[pk_name] for r in existing} if pk_name else set()
            mapping = new_ids.setdefault((table.name, pk_name), {}) if pk_name else {}
            added = present = 0
            for file_row in rows:
                row = _translate_links(table, file_row, new_ids)
                found = matcher.match(row)
                if found is not None:
                    present += 1
                    if pk_name:
                        mapping[file_row[pk_name]] = matcher.rows[found][pk_name]
                    continue
                values = {k: v for k, v in row.items() if not (k == pk_name and v in taken)}
                result = conn.execute(table.insert().values(**values))
                if pk_name:
                    new_id = values.get(pk_name, result.inserted_primary_key[0])
                    mapping[file_row[pk_name]] = new_id
                    taken.add(new_id)
                    row[pk_name] = new_id
                matcher.add(row)
                added += 1
            report.added[table.name], report.already_present[table.name] = added, present
        if conn.dialect.name == "postgresql":
            _advance_sequences(conn)
    return report


def _advance_sequences(conn) -> None:
    """PostgreSQL: ids given explicitly do not move a serial's sequence; move it past them."""
    for table in tables():
        for column in table.primary_key.columns:
            if column.autoincrement and isinstance(column.type.python_type, type) and column.type.python_type is int:
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
                    )
                )


def import_file(engine: Engine, path: Path | str) -> ImportReport:
    """Validate ``path`` completely, then import it. Raises :class:`InvalidExport` and writes nothing if bad."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InvalidExport([f"{path}: cannot be read ({error.strerror})"]) from None
    return import_export(engine, validate_export(content))

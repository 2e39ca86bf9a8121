"""Bringing an export back: validate the whole file first, then add what is missing in one transaction.

Import only adds. A row already in the database (same natural key, e.g. a person's name, or the same values
once its links are translated) is matched, not copied, so importing the same file twice adds nothing. A new
row keeps its id from the file when that id is free, so export -> delete -> import gives back the same data.

An import is another way of entering data, so every row meets the rules of normal entry (the bounded column
types of :mod:`~haven.privacy.export_format` and the forms' own rules in :mod:`~haven.privacy.rules`), and
the header must say which schema wrote it. The file is read as a stream (:mod:`~haven.privacy.reading`):
once to survey it, once per table to check its rows, once per table to add them; memory stays flat and time
grows linearly with the number of rows.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict, deque
from collections.abc import Iterator
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
    Header,
    InvalidExport,
    check_row,
    describe,
    tables,
)
from haven.privacy.reading import ExportFile, Survey, Unreadable
from haven.privacy.rules import rule_problems
from haven.privacy.schema import known_revisions, schema_head
from haven.storage.owners import require_personal_mode

#: Problems collected before a bad file stops being read (the first ten are shown).
MAX_PROBLEMS = 1000
#: Rows sent to the database in one statement.
INSERT_BATCH = 1000


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


@dataclass
class ValidExport:
    """A checked export: its header, and its rows, read again from the file when they are added.

    ``rows`` holds every table's rows in memory; it is filled only when asked for (tests, small uploads):
    :func:`import_export` streams them from the file otherwise.
    """

    format_version: int
    schema_revision: str
    exported_at: datetime
    counts: dict[str, int]
    source: ExportFile
    _rows: dict[str, list[dict[str, Any]]] | None = None

    @property
    def rows(self) -> dict[str, list[dict[str, Any]]]:
        if self._rows is None:
            self._rows = {t.name: list(self._checked_rows(t)) for t in tables()}
        return self._rows

    def iter_rows(self, table: Table) -> Iterator[dict[str, Any]]:
        """The table's rows as checked values (columns left out in the file stay left out)."""
        if self._rows is not None:
            yield from self._rows.get(table.name, [])
        else:
            yield from self._checked_rows(table)

    def _checked_rows(self, table: Table) -> Iterator[dict[str, Any]]:
        """Rows as typed values (times as datetimes). The forms' rules ran in the checking pass; the column
        types are checked again here, since they are what turns the file's text into values anyway."""
        for n, raw in enumerate(self.source.rows(table.name)):
            values, problems = check_row(table, raw, n)
            if problems:  # the file changed since it was checked
                raise InvalidExport(problems)
            yield values

    def count(self) -> int:
        return sum(self.counts.values())


# --- checking ------------------------------------------------------------------------------------------


def _header_problems(survey: Survey) -> list[str]:
    if not survey.top_level_is_object:
        return ["(the file): expected a JSON object with a Haven export in it"]
    header = survey.header
    if header.get("format") != FORMAT_NAME:
        return [f"format: expected {FORMAT_NAME!r}, found {header.get('format')!r}"]
    problems = []
    version = header.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and FORMAT_VERSION < version < 2**63:
        problems.append(f"format_version: {version} is from a newer Haven (this one reads up to {FORMAT_VERSION})")
    revision = header.get("schema_revision")
    if isinstance(revision, str) and revision not in known_revisions():
        problems.append(f"schema_revision: {revision[:40]!r} is unknown here (a newer Haven?); update Haven first")
    if revision is None:
        problems.append("schema_revision: missing; a Haven export always says which schema wrote it")
    known = {t.name for t in tables()}
    problems += [f"{name[:40]}: not a table Haven knows" for name in survey.keys
                 if name not in HEADER_KEYS and name not in known]  # fmt: skip
    if problems:
        return problems
    try:
        Header.model_validate({k: header[k] for k in HEADER_KEYS if k in header})
    except ValidationError as error:
        return describe(error)
    return []


def _completeness_problems(survey: Survey, counts: dict[str, int], revision: str) -> list[str]:
    """A partial file (cut short, or a table taken out) is refused: rows must match the stated counts."""
    problems = []
    known = {t.name for t in tables()}
    for name, stated in counts.items():
        held = survey.rows.get(name, 0)
        if name not in known:
            problems.append(f"counts.{name[:40]}: not a table Haven knows")
        elif held != stated:
            problems.append(f"{name}: the file says {stated} rows but holds {held} (a partial file?)")
    problems += [f"{name}: {held} rows, but counts does not list it" for name, held in survey.rows.items()
                 if name in known and name not in counts]  # fmt: skip
    if revision == schema_head():
        problems += [f"{t.name}: missing (every table is listed in a complete export)" for t in tables()
                     if t.name not in counts]  # fmt: skip
    return problems


class _Problems(list):
    """Problems found so far; stops the reading once there are enough to show."""

    def add(self, found: list[str]) -> None:
        self.extend(found)
        if len(self) >= MAX_PROBLEMS:
            raise InvalidExport(list(self))


def _row_problems(source: ExportFile) -> list[str]:
    """Every row against its columns, the forms' rules, its own table's ids and the rows it links to."""
    problems = _Problems()
    ids: dict[tuple[str, str], set] = defaultdict(set)
    for table in tables():  # parents before children: a link can be checked as soon as it is read
        pks = [c.name for c in table.primary_key.columns]
        for n, raw in enumerate(source.rows(table.name)):
            values, found = check_row(table, raw, n)
            if values is None:
                problems.add(found)
                continue
            problems.add(rule_problems(table.name, values, n))
            for name in pks:
                value = values.get(name)
                if value in ids[(table.name, name)]:
                    problems.add([f"{table.name}[{n}].{name}: id {value} appears twice"])
                ids[(table.name, name)].add(value)
            for fk in table.foreign_keys:
                value = values.get(fk.parent.name)
                target = (fk.column.table.name, fk.column.name)
                if value is not None and value not in ids[target]:
                    problems.add([f"{table.name}[{n}].{fk.parent.name}: no {target[0]} row with {target[1]} "
                                  f"{value} in this file"])  # fmt: skip
    return list(problems)


def validate_source(source: ExportFile) -> ValidExport:
    """Check a whole export, streamed. Raises :class:`InvalidExport` listing each problem as ``where: what``."""
    try:
        survey = source.survey()
    except Unreadable as error:
        raise InvalidExport([str(error)]) from None
    problems = _header_problems(survey)
    if problems:
        raise InvalidExport(problems)
    header = Header.model_validate({k: survey.header[k] for k in HEADER_KEYS if k in survey.header})
    problems = _completeness_problems(survey, header.counts, header.schema_revision)
    if problems:
        raise InvalidExport(problems)
    problems = _row_problems(source)
    if problems:
        raise InvalidExport(problems)
    counts = {t.name: header.counts.get(t.name, 0) for t in tables()}
    return ValidExport(header.format_version, header.schema_revision, header.exported_at, counts, source)


def validate_export(content: str | bytes) -> ValidExport:
    """Check a whole export held in memory (an upload). See :func:`validate_source`."""
    return validate_source(ExportFile(content.encode("utf-8") if isinstance(content, str) else content))


# --- adding --------------------------------------------------------------------------------------------


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
    """Finds the database row a file row stands for: by a unique key, else by equal values.

    Every lookup is a dict lookup (indexes built once, kept up to date), so matching n rows costs O(n):
    the old linear scans made an import of 4,000 rows take minutes. The database's rows are read once, as a
    stream, and only their ids, unique keys and a 16-byte digest of their values are kept.
    """

    def __init__(self, conn, table: Table) -> None:
        self.conn, self.table = conn, table
        self.pk = [c.name for c in table.primary_key.columns]
        self.unique_keys = [
            tuple(c.name for c in constraint.columns)
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        ] + [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
        self._kept = tuple(dict.fromkeys([*self.pk, *(name for key in self.unique_keys for name in key)]))
        self._unique: dict[tuple[str, ...], dict[tuple, int]] = {key: {} for key in self.unique_keys}
        self._sorted: dict[frozenset, tuple[str, ...]] = {}
        self.rows: list[dict] = []  # id and unique keys of every row, the database's first, then those added
        self.claimed: set[int] = set()
        self._full_rows: list[dict] | None = None if len(self.pk) == 1 else []  # no single id: keep rows whole
        self._position: dict[Any, int] = {}
        every = frozenset(table.columns.keys()) - set(self.pk)
        by_digest: dict[bytes, deque[int]] = defaultdict(deque)
        for i, row in enumerate(conn.execute(select(table)).mappings()):
            self.rows.append({name: row.get(name) for name in self._kept})
            self._index_unique(row, i)
            by_digest[self._digest(row, every)].append(i)
            if self._full_rows is None:
                self._position[row[self.pk[0]]] = i
            else:
                self._full_rows.append(dict(row))
        self._by_values: dict[frozenset, dict[bytes, deque[int]]] = {every: by_digest}
        self._stored = len(self.rows)

    def _stored_rows(self) -> Iterator[tuple[int, Any]]:
        """(position, row) of the rows the database held before this import, read again as a stream."""
        if self._full_rows is not None:
            yield from enumerate(self._full_rows)
        else:
            for row in self.conn.execute(select(self.table)).mappings():
                i = self._position.get(row[self.pk[0]])
                if i is not None:
                    yield i, row

    def _index_unique(self, row, i: int) -> None:
        for key, index in self._unique.items():
            if all(row.get(name) is not None for name in key):
                index.setdefault(tuple(_comparable(row[name]) for name in key), i)

    def _signature(self, row, names: frozenset) -> tuple:
        order = self._sorted.get(names)
        if order is None:
            order = self._sorted[names] = tuple(sorted(names))
        return tuple(_comparable(row.get(name)) for name in order)

    def _digest(self, row, names: frozenset) -> bytes:
        return hashlib.blake2b(repr(self._signature(row, names)).encode(), digest_size=16).digest()

    def match(self, row: dict) -> int | None:
        """Position of the stored row ``row`` stands for (each is matched by value at most once)."""
        for key, index in self._unique.items():
            if all(row.get(name) is not None for name in key):
                found = index.get(tuple(_comparable(row[name]) for name in key))
                if found is not None:
                    return found
        if not self._stored:
            return None  # an empty table matches nothing by value: no signatures needed
        names = frozenset(row) - set(self.pk)
        if names not in self._by_values:  # a file that leaves columns out: index the stored rows by those
            built: dict[bytes, deque[int]] = defaultdict(deque)
            for i, stored in self._stored_rows():
                if i not in self.claimed:
                    built[self._digest(stored, names)].append(i)
            self._by_values[names] = built
        candidates = self._by_values[names].get(self._digest(row, names))
        while candidates:
            i = candidates.popleft()
            if i not in self.claimed:
                self.claimed.add(i)
                return i
        return None

    def add(self, row: dict) -> None:
        """A row just added: it can be found by its unique keys, never matched by value (it is claimed).
        Only its id and unique keys are kept, so the rows of a large file are not all held in memory."""
        self.rows.append({name: row.get(name) for name in self._kept})
        i = len(self.rows) - 1
        self.claimed.add(i)
        self._index_unique(row, i)


def _translate_links(table: Table, row: dict, new_ids: dict[tuple[str, str], dict]) -> dict:
    row = dict(row)
    for fk in table.foreign_keys:
        value = row.get(fk.parent.name)
        mapping = new_ids.get((fk.column.table.name, fk.column.name))
        if value is not None and mapping is not None:
            row[fk.parent.name] = mapping[value]
    return row


def _import_table(conn, table: Table, rows: Iterator[dict], new_ids: dict) -> tuple[int, int]:
    """Add ``rows`` not already in ``table``; returns (added, already present)."""
    matcher = _TableMatcher(conn, table)
    (pk_name,) = matcher.pk if len(matcher.pk) == 1 else (None,)
    taken = {r[pk_name] for r in matcher.rows} if pk_name else set()
    mapping = new_ids.setdefault((table.name, pk_name), {}) if pk_name else {}
    pending: list[dict] = []
    added = present = 0

    def flush() -> None:
        if pending:
            conn.execute(table.insert(), pending)
            pending.clear()

    for file_row in rows:
        row = _translate_links(table, file_row, new_ids)
        found = matcher.match(row)
        if found is not None:
            present += 1
            if pk_name:
                mapping[file_row[pk_name]] = matcher.rows[found][pk_name]
            continue
        if pk_name and row.get(pk_name) in taken:  # its id is used here: the database gives it a new one
            flush()  # so the new id cannot be one a pending row is about to take
            values = {k: v for k, v in row.items() if k != pk_name}
            row[pk_name] = conn.execute(table.insert().values(**values)).inserted_primary_key[0]
        else:
            pending.append(row)
            if len(pending) >= INSERT_BATCH:
                flush()
        if pk_name:  # (a file row always has its id: the row model requires every primary key)
            mapping[file_row[pk_name]] = row[pk_name]
            taken.add(row[pk_name])
        matcher.add(row)
        added += 1
    flush()
    return added, present


def import_export(engine: Engine, export: ValidExport) -> ImportReport:
    """Add the rows of a checked export that the database does not have yet, in one transaction."""
    require_personal_mode("Importing a whole export")
    report = ImportReport()
    new_ids: dict[tuple[str, str], dict] = {}
    with engine.begin() as conn:
        for table in tables():
            added, present = _import_table(conn, table, export.iter_rows(table), new_ids)
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
    """Check ``path`` completely, then import it, reading it as a stream. Raises :class:`InvalidExport` and
    writes nothing if it is bad."""
    path = Path(path)
    if not path.is_file():
        reason = "it is a folder" if path.is_dir() else "no such file"
        raise InvalidExport([f"{path}: cannot be read ({reason}); give the .json file `haven export` wrote"])
    return import_export(engine, validate_source(ExportFile(path)))

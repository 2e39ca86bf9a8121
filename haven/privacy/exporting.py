"""Everything in the database, out: one versioned JSON file, and the check-ins as CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic_core import to_jsonable_python
from sqlalchemy import Engine, select

from haven.privacy.export_format import FORMAT_NAME, FORMAT_VERSION, tables
from haven.privacy.schema import schema_head
from haven.storage.migrate import current_revision


@dataclass(frozen=True)
class ExportSummary:
    """Where an export went and how many rows of each table it holds."""

    path: Path
    counts: dict[str, int]
    csv_path: Path | None = None

    def as_json(self) -> dict:
        return {"out": str(self.path), "csv": str(self.csv_path) if self.csv_path else None, "counts": self.counts}


def export_document(engine: Engine) -> dict:
    """Every row of every table, columns by name, under a header naming the format and schema revision."""
    document: dict = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_revision": current_revision(engine) or schema_head(),
        "exported_at": datetime.now(UTC).replace(tzinfo=None).isoformat(),
        "counts": {},
    }
    with engine.connect() as conn:
        for table in tables():
            order = list(table.primary_key.columns) or list(table.columns)
            rows = [dict(r) for r in conn.execute(select(table).order_by(*order)).mappings()]
            document["counts"][table.name] = len(rows)
            document[table.name] = to_jsonable_python(rows)
    return document


def export_json(engine: Engine) -> str:
    return json.dumps(export_document(engine), ensure_ascii=False, indent=1)


def check_ins_csv(engine: Engine) -> str:
    """The check-ins, one per line, with the profile's name; lists joined with '; ' for a spreadsheet."""
    by_name = {t.name: t for t in tables()}
    check_ins, people = by_name["check_ins"], by_name["people"]
    columns = [c for c in check_ins.columns if c.name != "person_id"]
    query = (
        select(people.c.name.label("person"), *columns)
        .join_from(check_ins, people, check_ins.c.person_id == people.c.id)
        .order_by(people.c.name, check_ins.c.at, check_ins.c.id)
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["person", *[c.name for c in columns]])
    with engine.connect() as conn:
        for row in conn.execute(query):
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


def _write_private(path: Path, content: str) -> None:
    """Write through a temp file readable only by the owner, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)
    os.replace(tmp, path)


def write_export(engine: Engine, path: Path | str, csv_path: Path | str | None = None) -> ExportSummary:
    """Save the JSON export to ``path`` (and the check-ins CSV to ``csv_path``)."""
    document = export_document(engine)
    path = Path(path)
    _write_private(path, json.dumps(document, ensure_ascii=False, indent=1))
    if csv_path is not None:
        csv_path = Path(csv_path)
        _write_private(csv_path, check_ins_csv(engine))
    return ExportSummary(path, document["counts"], csv_path)

"""Everything in the database, out: one versioned JSON file, and the check-ins as CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic_core import to_jsonable_python
from sqlalchemy import Engine, select

from haven.privacy.export_format import FORMAT_NAME, FORMAT_VERSION, tables
from haven.privacy.schema import schema_head
from haven.storage.migrate import current_revision
from haven.storage.owners import require_personal_mode
from haven.storage.private_files import OutputRefused, check_output_path, write_private


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
    require_personal_mode("Exporting everything")
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
    """The person's own check-ins, one per line, with the profile's name; lists joined with '; '.

    The demo profile's made-up check-ins are left out: this file is what the person shares as *their* mood
    record (the JSON export, a backup of everything, still carries the demo profile).
    """
    require_personal_mode("Exporting every profile's check-ins")
    by_name = {t.name: t for t in tables()}
    check_ins, people = by_name["check_ins"], by_name["people"]
    columns = [c for c in check_ins.columns if c.name != "person_id"]
    query = (
        select(people.c.name.label("person"), *columns)
        .join_from(check_ins, people, check_ins.c.person_id == people.c.id)
        .where(people.c.is_demo.is_not(True))
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


def _data_dir() -> Path:
    from haven.config import get_settings

    return get_settings().data_dir


def _protected() -> list[Path]:
    """Files an export must never replace: the local database (and its journal, lock and copies)."""
    from haven.privacy.passphrase import local_database_file

    path = local_database_file()
    return [path] if path is not None else []


def write_export(
    engine: Engine, path: Path | str, csv_path: Path | str | None = None, *, force: bool = False
) -> ExportSummary:
    """Save the JSON export to ``path`` (and the check-ins CSV to ``csv_path``).

    Nothing is overwritten unless ``force`` (and never the database itself): :class:`OutputRefused` says
    why. Each file is written whole through an owner-only temp file in the data dir, removed on any failure.
    """
    path, csv_path = Path(path), Path(csv_path) if csv_path is not None else None
    target = check_output_path(path, force=force, protected=_protected())
    csv_target = check_output_path(csv_path, force=force, protected=_protected()) if csv_path else None
    if csv_target == target:
        raise OutputRefused(f"the JSON export and the CSV would both be {path}; give them different names.")
    document = export_document(engine)
    write_private(target, [json.dumps(document, ensure_ascii=False, indent=1)], _data_dir())
    if csv_target is not None:
        write_private(csv_target, [check_ins_csv(engine)], _data_dir())
    return ExportSummary(path, document["counts"], csv_path)

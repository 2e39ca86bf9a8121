"""Export, import and delete: a lossless round trip, an idempotent import, and bad files refused whole."""

from __future__ import annotations

import csv
import io
import json

import pytest
from privacy_data import SECRET_WORD, fill
from sqlalchemy import Column, ForeignKey, Integer, Table, Text, func, select
from sqlalchemy.exc import IntegrityError

from haven.privacy import (
    FORMAT_VERSION,
    InvalidExport,
    check_ins_csv,
    delete_everything,
    export_document,
    export_json,
    import_export,
    import_file,
    validate_export,
    write_export,
)
from haven.privacy.schema import schema_head
from haven.storage.db import make_engine
from haven.storage.migrate import upgrade
from haven.storage.models import Base, CheckIn


def _without_time(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


def _import_text(engine, text: str):
    return import_export(engine, validate_export(text))


def test_export_holds_every_table_with_a_versioned_header(populated):
    document = export_document(populated)
    assert document["format"] == "haven-export" and document["format_version"] == FORMAT_VERSION
    assert document["schema_revision"] == schema_head()
    assert set(document["counts"]) == {t.name for t in Base.metadata.sorted_tables}
    assert document["counts"] == {"people": 2, "assessments": 2, "check_ins": 14, "conversations": 2,
                                  "exercise_runs": 2, "chat_turns": 4, "reviews": 0, "shares": 0,
                                  "access_log": 0}  # fmt: skip
    run = document["exercise_runs"][0]
    assert run["answers"] == {"noticed": "slower", "nested": {"traps": ["a", "b"], "n": 3}}
    assert document["check_ins"][0]["at"] == "2025-04-01T06:07:08.123456"


def test_export_delete_import_export_is_lossless(populated):
    before = export_document(populated)
    deleted = delete_everything(populated)
    assert deleted["check_ins"] == 14 and export_document(populated)["counts"]["check_ins"] == 0
    report = _import_text(populated, json.dumps(before))
    assert report.total_added == sum(before["counts"].values())
    assert _without_time(export_document(populated)) == _without_time(before)


def test_importing_the_same_file_twice_adds_nothing(populated, tmp_path):
    path = tmp_path / "export.json"
    write_export(populated, path)
    before = export_document(populated)
    first = import_file(populated, path)  # into the database it came from: everything is there already
    second = import_file(populated, path)
    assert first.total_added == 0 and second.total_added == 0
    assert second.already_present["check_ins"] == 14  # the two identical check-ins are both matched, not merged
    assert _without_time(export_document(populated)) == _without_time(before)


def test_import_into_another_database_translates_ids_and_stays_idempotent(populated, tmp_path):
    text = export_json(populated)
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    upgrade(other)
    fill(other, "someone else")  # takes ids 1.. in every table, so the file's ids collide
    first = _import_text(other, text)
    assert first.added == {"people": 2, "assessments": 2, "check_ins": 14, "conversations": 2,
                           "exercise_runs": 2, "chat_turns": 4, "reviews": 0, "shares": 0,
                                  "access_log": 0}  # fmt: skip
    assert _import_text(other, text).total_added == 0
    mine = {p["name"]: p["id"] for p in export_document(other)["people"]}
    conversations = {c["id"]: c["person_id"] for c in export_document(other)["conversations"]}
    titles = {c["title"]: c["person_id"] for c in export_document(other)["conversations"]}
    assert titles["A chat for me"] == mine["me"] and titles["A chat for demo"] == mine["demo"]
    turns = export_document(other)["chat_turns"]
    assert all(t["conversation_id"] in conversations for t in turns) and len(turns) == 6
    with other.connect() as conn:
        notes = conn.scalars(select(CheckIn.note).where(CheckIn.person_id == mine["me"])).all()
    assert sum(SECRET_WORD in n for n in notes) == 5
    other.dispose()


def _bad(document: dict, change) -> str:
    document = json.loads(json.dumps(document))
    change(document)
    return json.dumps(document)


BAD_FILES = {
    "mood is text": (lambda d: d["check_ins"][3].update(mood="very low"), "check_ins[3].mood: "),
    "missing column": (lambda d: d["assessments"][0].pop("total"), "assessments[0].total: Field required"),
    "unknown column": (lambda d: d["people"][1].update(nickname="x"), "people[1].nickname: Extra inputs"),
    "bad date": (lambda d: d["chat_turns"][2].update(at="yesterday"), "chat_turns[2].at: "),
    "too long": (lambda d: d["assessments"][1].update(instrument="x" * 17), "assessments[1].instrument: "),
    "row cut off": (lambda d: d["check_ins"].pop(), "check_ins: the file says 14 rows but holds 13"),
    "table missing": (lambda d: (d.pop("chat_turns"), d["counts"].pop("chat_turns")), "chat_turns: missing"),
    "dangling link": (lambda d: d["check_ins"][0].update(person_id=99), "check_ins[0].person_id: no people row"),
    "repeated id": (lambda d: d["check_ins"][1].update(id=d["check_ins"][0]["id"]), "check_ins[1].id: id"),
    "newer format": (lambda d: d.update(format_version=FORMAT_VERSION + 1), "format_version: "),
    "newer schema": (lambda d: d.update(schema_revision="9999_future"), "schema_revision: '9999_future'"),
    "not an export": (lambda d: d.update(format="something-else"), "format: expected 'haven-export'"),
    "unknown table": (lambda d: d.update(diary=[]), "diary: not a table Haven knows"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_naming_where_and_nothing_is_written(populated, case):
    source = export_document(populated)
    delete_everything(populated)
    change, expected = BAD_FILES[case]
    with pytest.raises(InvalidExport) as refused:
        _import_text(populated, _bad(source, change))
    assert expected in str(refused.value)
    assert sum(export_document(populated)["counts"].values()) == 0


def test_a_truncated_file_is_refused(populated, tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(export_json(populated)[:-200], encoding="utf-8")
    delete_everything(populated)
    with pytest.raises(InvalidExport, match="not JSON"):
        import_file(populated, path)
    assert sum(export_document(populated)["counts"].values()) == 0


def test_a_failure_while_writing_rolls_back_everything(populated, monkeypatch):
    """Valid file, but the database refuses one row late in the import: no row of the file stays."""
    text = export_json(populated)
    delete_everything(populated)
    export = validate_export(text)
    export.rows["chat_turns"][-1]["role"] = None  # NOT NULL in the database
    with pytest.raises(IntegrityError):
        import_export(populated, export)
    assert sum(export_document(populated)["counts"].values()) == 0


def test_a_table_added_to_the_schema_is_carried_without_code_changes(populated):
    extra = Table(
        "gratitude_notes", Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        Column("text", Text, nullable=False),
    )  # fmt: skip
    try:
        extra.create(populated)
        with populated.begin() as conn:
            conn.execute(extra.insert(), [{"person_id": 1, "text": "sunlight"}, {"person_id": 2, "text": "tea"}])
        before = export_document(populated)
        assert [r["text"] for r in before["gratitude_notes"]] == ["sunlight", "tea"]
        delete_everything(populated)
        _import_text(populated, json.dumps(before))
        assert _without_time(export_document(populated)) == _without_time(before)
    finally:
        Base.metadata.remove(extra)


def test_delete_everything_leaves_no_trace_in_the_file(populated, db_path):
    assert SECRET_WORD.encode() in db_path.read_bytes()  # a plain database holds the text as it is
    delete_everything(populated)
    assert SECRET_WORD.encode() not in db_path.read_bytes()
    with populated.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_check_ins_csv_has_one_line_per_check_in(populated, tmp_path):
    rows = list(csv.DictReader(io.StringIO(check_ins_csv(populated))))
    assert len(rows) == 7  # the person's own: the demo profile's made-up check-ins are not theirs
    mine = [r for r in rows if r["person"] == "me"]
    assert mine == rows
    assert mine[0]["note"] == f'{SECRET_WORD} day 0 — ✓ "quoted"' and mine[0]["at"] == "2025-04-01 06:07:08.123456"
    assert {r["emotions"] for r in mine} >= {"", "calm", "calm; tired"}
    summary = write_export(populated, tmp_path / "e.json", tmp_path / "c.csv")
    assert (tmp_path / "c.csv").read_bytes().decode("utf-8") == check_ins_csv(populated)
    assert summary.counts["check_ins"] == 14
    assert oct((tmp_path / "e.json").stat().st_mode & 0o777) == "0o600"

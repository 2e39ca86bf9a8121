"""Faults in an imported file: values the forms would refuse, a header without its schema, numbers and
nesting built to crash a parser, a file too big to hold in memory, and enough rows to show quadratic time.

Every bad file is refused whole, naming the row and field, with nothing written and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haven.cli import app
from haven.privacy import InvalidExport, delete_everything, export_document, import_file
from haven.storage.db import get_engine, get_or_create_person, session_scope
from haven.storage.models import AssessmentResult, CheckIn, ExerciseRun
from haven.tracking.scoring import score

runner = CliRunner()


def _fill(engine, people=("me",), check_ins: int = 3) -> None:
    result = score("phq9", [1, 0, 2, 0, 0, 1, 0, 0, 0])
    with session_scope(engine) as session:
        for name in people:
            person = get_or_create_person(session, name)
            for n in range(check_ins):
                person.check_ins.append(CheckIn(mood=1 + n % 10, emotions=["calm"], tags=["walk"], note=f"{name} {n}"))
            person.assessments.append(AssessmentResult(instrument="phq9", answers=list(result.answers),
                                                       total=result.total, band=result.band))  # fmt: skip
            person.exercise_runs.append(ExerciseRun(exercise_id="box-breathing", answers={"noticed": "slower"}))


@pytest.fixture
def engine(data_dir):
    engine = get_engine()
    _fill(engine)
    return engine


@pytest.fixture
def document(engine) -> dict:
    """A good export of the database, which is then emptied (so any row a bad import adds would show)."""
    document = export_document(engine)
    delete_everything(engine)
    return document


def _total(engine) -> int:
    return sum(export_document(engine)["counts"].values())


def _refused(engine, tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidExport) as refused:
        import_file(engine, path)
    assert _total(engine) == 0
    result = runner.invoke(app, ["import", str(path)])  # the command says the same, plainly
    assert result.exit_code == 2 and "Traceback" not in result.output and str(refused.value) in result.stderr
    return str(refused.value)


BAD_VALUES = {
    "mood 999": (lambda d: d["check_ins"][1].update(mood=999), "check_ins[1].mood: Input should be less than or equal to 10"),
    "PHQ-9 total of a million": (lambda d: d["assessments"][0].update(total=1_000_000),
                                 "assessments[0].total: 1000000 is not what the answers add up to (4)"),
    "answers out of range": (lambda d: d["assessments"][0].update(answers=[9] * 9), "assessments[0]: PHQ-9 answer 1 is 9"),
    "tags as a string": (lambda d: d["check_ins"][0].update(tags="walk, run"), "check_ins[0].tags: "),
    "year 9999": (lambda d: d["check_ins"][2].update(at="9999-01-01T00:00:00"), "check_ins[2].at: 9999-01-01T00:00:00 is in the future"),
    "unknown emotion": (lambda d: d["check_ins"][2].update(emotions=["smug"]), "check_ins[2].emotions: not in the emotion list: smug"),
    "a 20-digit id": (lambda d: d["check_ins"][0].update(id=10**19), "check_ins[0].id: a number too large"),
    "sleep of 30 hours": (lambda d: d["check_ins"][0].update(sleep_hours=30), "check_ins[0].sleep_hours: Input should be less than or equal to 24"),
    "a rating of 11": (lambda d: d["exercise_runs"][0].update(distress_before=11), "exercise_runs[0].distress_before: a rating runs from 0 to 10"),
    "a note of two million characters": (lambda d: d["check_ins"][0].update(note="x" * 2_000_000), "check_ins[0].note: "),
}


@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_a_value_the_form_would_refuse_is_refused_naming_row_and_field(engine, document, tmp_path, case):
    change, expected = BAD_VALUES[case]
    bad = json.loads(json.dumps(document))
    change(bad)
    assert expected in _refused(engine, tmp_path, json.dumps(bad))


def test_nan_is_refused(engine, document, tmp_path):
    text = json.dumps(document).replace('"sleep_hours": null', '"sleep_hours": NaN', 1)
    assert "NaN" in text
    assert "not JSON" in _refused(engine, tmp_path, text)


@pytest.mark.parametrize("digits", [30, 100_000])
def test_a_huge_integer_is_refused_not_a_traceback(engine, document, tmp_path, digits):
    text = json.dumps(document).replace('"mood": 2', '"mood": ' + "9" * digits, 1)
    assert "too large" in _refused(engine, tmp_path, text)


def test_deep_nesting_is_refused_not_a_traceback(engine, document, tmp_path):
    text = json.dumps(document).replace('{"noticed": "slower"}', '{"noticed": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "nested more than 16 levels deep" in _refused(engine, tmp_path, text)


def test_a_file_without_its_schema_revision_adds_nobody(engine, document, tmp_path):
    bad = json.loads(json.dumps(document))
    bad["schema_revision"] = None
    bad["people"][0]["name"] = "a stranger"
    assert "schema_revision: missing" in _refused(engine, tmp_path, json.dumps(bad))
    del bad["schema_revision"]
    assert "schema_revision: missing" in _refused(engine, tmp_path, json.dumps(bad))


def test_the_file_is_read_as_a_stream_never_whole(engine, document, tmp_path, monkeypatch):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    def whole(*_args, **_kwargs):
        raise AssertionError("the import read the whole file into memory")

    monkeypatch.setattr(Path, "read_bytes", whole)
    monkeypatch.setattr(Path, "read_text", whole)
    report = import_file(engine, path)
    assert report.total_added == sum(document["counts"].values())


def _matching_work(engine, tmp_path, rows: int, monkeypatch) -> int:
    """How many row signatures an import computes to match ``rows`` check-ins against a database that already
    holds as many other ones (so matching by value has work to do)."""
    import haven.privacy.importing as importing

    delete_everything(engine)
    _fill(engine, people=("me", "someone else"), check_ins=rows)
    document = export_document(engine)
    with session_scope(engine) as session:  # the database keeps someone else's rows; mine are to be added
        session.delete(get_or_create_person(session, "me"))
    path = tmp_path / f"export-{rows}.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    calls = [0]
    real = importing._TableMatcher._signature

    def counted(self, row, names):
        calls[0] += 1
        return real(self, row, names)

    monkeypatch.setattr(importing._TableMatcher, "_signature", counted)
    report = import_file(engine, path)
    assert report.added["check_ins"] == rows and report.already_present["check_ins"] == rows
    return calls[0]


def test_matching_grows_linearly_with_the_rows(engine, tmp_path, monkeypatch):
    small = _matching_work(engine, tmp_path, 150, monkeypatch)
    large = _matching_work(engine, tmp_path, 600, monkeypatch)
    assert large <= 5 * small, (small, large)  # four times the rows: about four times the work, not sixteen

"""``haven report``: dates, sections and ids in; a PDF or Markdown file out."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from report_data import START, TICKED_NOTE, TODAY, UNTICKED_NOTE, seed
from typer.testing import CliRunner

from haven.cli import app

runner = CliRunner()


@pytest.fixture
def seeded(app_engine):
    """Seeded in the database the CLI opens through the settings (this test's data dir)."""
    return seed(app_engine)


def run(*args: str):
    return runner.invoke(app, ["report", "--from", str(START), "--to", str(TODAY), "--profile", "demo", *args])


def test_report_to_pdf_with_one_picked_note(seeded, tmp_path):
    out = tmp_path / "report.pdf"
    result = run("--include", "mood,notes", "--note", str(seeded.ticked_note), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"written": [str(out)], "sections": ["mood", "notes"]}
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages).split())
    assert "Mood" in text and TICKED_NOTE in text and UNTICKED_NOTE not in text
    assert "Questionnaire scores" not in text


def test_report_to_markdown_writes_the_charts_beside_it(seeded, tmp_path):
    out = tmp_path / "report.md"
    result = run("--include", "mood,scores,exercises", "--out", str(out))
    assert result.exit_code == 0, result.output
    markdown = out.read_text(encoding="utf-8")
    for name in ("mood", "phq9", "gad7", "who5", "what-helps"):
        assert f"(report-images/{name}.png)" in markdown
        assert (tmp_path / "report-images" / f"{name}.png").is_file()
    assert "## Check-in notes" not in markdown and UNTICKED_NOTE not in markdown


def test_notes_in_include_without_ids_means_every_note_in_the_dates(seeded, tmp_path):
    out = tmp_path / "report.md"
    assert run("--include", "notes", "--out", str(out)).exit_code == 0
    markdown = out.read_text(encoding="utf-8")
    assert "PRIVATE-UNTICKED argument" in markdown and "OTHER-PROFILE" not in markdown


def test_bad_input_is_refused_with_a_reason(seeded, tmp_path):
    result = run("--include", "mood,diary", "--out", str(tmp_path / "r.pdf"))
    assert result.exit_code == 2 and "unknown section(s) diary" in result.stderr
    result = run("--include", "mood", "--out", str(tmp_path / "r.docx"))
    assert result.exit_code == 2 and "--out must end in .pdf, .md or .zip" in result.stderr
    result = runner.invoke(app, ["report", "--from", "31/03/2025", "--to", "2025-03-31", "--out", "r.pdf"])
    assert result.exit_code == 2 and "is not a date like 2025-03-31" in result.stderr
    assert not list(tmp_path.glob("r.*"))

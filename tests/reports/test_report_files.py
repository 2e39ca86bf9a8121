"""A report as files: PDF bytes, Markdown with its images, a zip, and writing by extension."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from pypdf import PdfReader
from report_data import START, TODAY

from haven.reports import ReportOptions, Section, build_report
from haven.reports.pdf import unicode_font_files

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def report(engine, seeded, library):
    options = ReportOptions(start=START, end=TODAY, sections=frozenset(Section), note_ids=(seeded.ticked_note,))
    return build_report(engine, "demo", options, library, today=TODAY)


def test_markdown_references_every_chart_image(report):
    referenced = re.findall(r"!\[[^\]]+\]\(images/([\w-]+\.png)\)", report.markdown)
    assert referenced == [image.name for image in report.images]
    assert referenced == ["mood.png", "phq9.png", "gad7.png", "who5.png", "what-helps.png"]
    assert all(image.png.startswith(PNG) and len(image.png) > 10_000 for image in report.images)


def test_pdf_is_a_pdf_with_the_charts_and_the_disclaimer_on_every_page(report):
    data = report.pdf_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "not a clinical record" in " ".join(page.extract_text().split())  # the footer
    assert sum(len(page.images) for page in reader.pages) == len(report.images)
    assert reader.metadata.title == report.title


def test_the_pdf_uses_a_unicode_font_shipped_with_matplotlib():
    fonts = unicode_font_files()
    assert fonts is not None and fonts[""].name == "DejaVuSans.ttf"


def test_the_markdown_zip_travels_whole(report):
    with zipfile.ZipFile(io.BytesIO(report.markdown_zip())) as archive:
        names = set(archive.namelist())
        assert names == {f"{report.file_stem}.md", *(f"images/{i.name}" for i in report.images)}
        assert archive.read(f"{report.file_stem}.md").decode() == report.markdown
    assert report.file_stem == "haven-report-2025-01-01-to-2025-03-31"


def test_write_by_extension(report, tmp_path):
    (pdf,) = report.write(tmp_path / "out.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    written = report.write(tmp_path / "out.md")
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "![Mood over time](out-images/mood.png)" in markdown and "](images/" not in markdown
    assert {p.name for p in written[1:]} == {i.name for i in report.images}
    assert all((tmp_path / "out-images" / i.name).read_bytes() == i.png for i in report.images)
    with pytest.raises(ValueError, match=r"\.pdf, \.md or \.zip"):
        report.write(tmp_path / "out.docx")


def test_preview_keeps_text_and_images_in_order(report):
    parts = report.preview()
    kinds = ["image" if hasattr(p, "png") else "text" for p in parts]
    assert kinds[:2] == ["text", "image"]  # title and disclaimer, then the mood chart
    assert kinds.count("image") == len(report.images)
    assert all("![" not in p for p in parts if isinstance(p, str))


def _pages_with(data: bytes, text: str) -> list[int]:
    reader = PdfReader(io.BytesIO(data))
    return [n for n, page in enumerate(reader.pages) if text in page.extract_text()]


def test_a_table_that_fits_on_a_page_is_never_split_across_two():
    """Filler pushes a 12-row table to the foot of page 1 (left alone, it would break over two pages): it starts page 2 whole, header and last row."""
    from haven.reports.document import Heading, Paragraph, Report, Table

    rows = tuple((f"row {n}", "x", "y", "z") for n in range(12))
    filler = tuple(Paragraph(f"Filler line number {n} of the report.") for n in range(27))
    report = Report("T", (Heading("T", 1), *filler, Heading("Scores"), Table(("When", "A", "B", "C"), rows)))
    data = report.pdf_bytes()
    assert _pages_with(data, "row 0") == _pages_with(data, "row 11") == _pages_with(data, "When")
    assert _pages_with(data, "Scores") == _pages_with(data, "row 0")  # the heading goes with its table


def test_no_plural_in_brackets_in_a_report(report):
    assert "(s)" not in report.markdown

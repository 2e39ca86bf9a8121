"""A report as PDF (fpdf2): the same blocks as the Markdown, with the charts embedded and the disclaimer
at the foot of every page.

Text is set in DejaVu Sans, the Unicode font matplotlib ships, so the person's own words (accents, curly
quotes, any script DejaVu covers) print as written. Were it missing, the core Helvetica font is used and text
is transliterated to Latin-1 rather than failing.
"""

from __future__ import annotations

import io
import unicodedata
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from haven.reports.document import (
    DISCLAIMER,
    Bullets,
    Heading,
    Image,
    Labelled,
    Paragraph,
    Report,
    Table,
)

FAMILY = "DejaVu"
BODY_SIZE, SMALL_SIZE = 10.5, 8
HEADING_SIZES = {1: 18, 2: 14, 3: 12}
LINE = 5.5
KEEP_WITH_NEXT = 35  # mm: room a heading needs below it for a few lines of what it heads
PARAGRAPH_ALLOWANCE = 8  # mm: a short paragraph between a heading and its table
HEADING_ALLOWANCE = 12  # mm: a heading with the space around it
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-"})


@lru_cache(maxsize=1)
def unicode_font_files() -> dict[str, Path] | None:
    """DejaVu Sans regular, bold and oblique from matplotlib's data folder, or None if any is missing."""
    try:
        import matplotlib

        folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    except ImportError:  # pragma: no cover - matplotlib is a dependency of the reports
        return None
    files = {style: folder / name for style, name in _FONT_FILES.items()}
    return files if all(path.is_file() for path in files.values()) else None


class _ReportPDF(FPDF):
    def __init__(self, fonts: dict[str, Path] | None) -> None:
        super().__init__(format="A4")
        self.unicode = fonts is not None
        self.family_name = FAMILY if self.unicode else "helvetica"
        for style, path in (fonts or {}).items():
            self.add_font(FAMILY, style, str(path))
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(18, 18, 18)

    def text_of(self, text: str) -> str:
        if self.unicode:
            return text
        plain = unicodedata.normalize("NFKD", text.translate(_PLAIN))
        return plain.encode("latin-1", "ignore").decode("latin-1")

    def use(self, style: str = "", size: float = BODY_SIZE) -> None:
        self.set_font(self.family_name, style, size)

    def footer(self) -> None:
        self.set_y(-16)
        self.use("I", SMALL_SIZE)
        self.set_text_color(90, 90, 90)
        self.multi_cell(0, 3.6, self.text_of(f"{DISCLAIMER}  Page {self.page_no()}"), align="C")
        self.set_text_color(0, 0, 0)

    def paragraph(self, text: str, style: str = "", size: float = BODY_SIZE, indent: float = 0) -> None:
        self.use(style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, LINE, self.text_of(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _bullets(pdf: _ReportPDF, items: tuple[str, ...]) -> None:
    mark = "•" if pdf.unicode else "-"
    for item in items:
        pdf.paragraph(f"{mark} {item}", indent=4)


def _draw_table(pdf: _ReportPDF, block: Table) -> None:
    pdf.use("", BODY_SIZE - 1)
    with pdf.table(first_row_as_headings=True, line_height=LINE, text_align="LEFT") as table:
        for cells in (block.header, *block.rows):
            row = table.row()
            for cell in cells:
                row.cell(pdf.text_of(cell))


def _table(pdf: _ReportPDF, block: Table) -> None:
    """A table starts on a new page rather than break across two, when it fits on one page: a therapist
    reads a table of scores as one thing. A longer table breaks, with its header row repeated."""
    height = _table_height(pdf, block)
    if height is not None and pdf.get_y() + height > pdf.page_break_trigger and pdf.get_y() > pdf.t_margin + 1:
        pdf.add_page()
    _draw_table(pdf, block)
    pdf.ln(2)


def _table_height(pdf: _ReportPDF, block: Table) -> float | None:
    """The table's height in mm, drawn on an empty page of the same size and fonts; None if it needs more
    than one page."""
    fresh = _ReportPDF(unicode_font_files() if pdf.unicode else None)
    fresh.add_page()
    top = fresh.get_y()
    _draw_table(fresh, block)
    return fresh.get_y() - top if fresh.page_no() == 1 else None


def _room_needed(pdf: _ReportPDF, following: list) -> float:
    """What must fit below a heading, or a paragraph that introduces a table, for it not to be left alone
    at the foot of a page: its next few lines, or the short paragraphs and the whole table it leads to."""
    need = 0.0
    for block in following:
        if isinstance(block, Paragraph):
            need += PARAGRAPH_ALLOWANCE
            continue
        if isinstance(block, Table):
            height = _table_height(pdf, block)
            return need + (height if height is not None else KEEP_WITH_NEXT)
        break
    return max(need, KEEP_WITH_NEXT)


def _keep_with_next(pdf: _ReportPDF, following: list, own: float = 0.0) -> None:
    if (
        pdf.get_y() + own + _room_needed(pdf, following) > pdf.page_break_trigger
        and pdf.get_y() > pdf.t_margin + 1
    ):
        pdf.add_page()


def _image(pdf: _ReportPDF, block: Image) -> None:
    width = pdf.epw
    height = width * 3.0 / 7.0  # the figures are 7 x 3 inches
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(io.BytesIO(block.image.png), w=width, h=height, alt_text=block.image.title)
    pdf.ln(2)


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (starting ``%PDF``)."""
    pdf = _ReportPDF(unicode_font_files())
    pdf.set_title(pdf.text_of(report.title))
    pdf.set_creator("Haven (self-help app)")
    pdf.set_subject(pdf.text_of(DISCLAIMER))
    pdf.add_page()
    blocks = list(report.blocks)
    for index, block in enumerate(blocks):
        following = blocks[index + 1 :]
        if isinstance(block, Heading) and block.level > 1:
            _keep_with_next(pdf, following, HEADING_ALLOWANCE)
        elif isinstance(block, Paragraph) and following and isinstance(following[0], Table):
            _keep_with_next(pdf, following)
        if isinstance(block, Heading):
            pdf.ln(2 if block.level > 2 else 4)
            pdf.paragraph(block.text, "B", HEADING_SIZES.get(block.level, BODY_SIZE))
            pdf.ln(1)
        elif isinstance(block, Paragraph):
            pdf.paragraph(block.text, "I" if block.emphasis else "")
            pdf.ln(1.5)
        elif isinstance(block, Bullets):
            _bullets(pdf, block.items)
            pdf.ln(1.5)
        elif isinstance(block, Labelled):
            pdf.paragraph(block.label, "B")
            if block.text:
                pdf.paragraph(block.text)
            _bullets(pdf, block.items)
            pdf.ln(1)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Image):
            _image(pdf, block)
    return bytes(pdf.output())

"""A report as a sequence of typed blocks, rendered to Markdown (with images beside it) and to PDF.

Both renderings walk the same blocks, so what the Markdown shows is exactly what the PDF shows.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

DISCLAIMER = (
    "Made with Haven, a self-help app. This is not a clinical record and not a diagnosis: the person chose "
    "what to include, and the questionnaire scores are screenings they filled in themselves."
)
IMAGE_DIR = "images"


@dataclass(frozen=True)
class ReportImage:
    """A chart as PNG bytes; ``name`` is its file name in the Markdown bundle."""

    name: str
    title: str
    png: bytes


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False  # italic: the disclaimer, captions, cautions


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Labelled:
    """A labelled answer: a thought record's step, a note's date."""

    label: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Image:
    image: ReportImage


Block = Heading | Paragraph | Bullets | Labelled | Table | Image

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """The person's words shown as written, never read as Markdown or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _lines(text: str) -> str:
    """Keep the person's line breaks inside one Markdown paragraph or list item."""
    return "  \n".join(escape(line) for line in text.strip().splitlines())


def block_markdown(block: Block, image_dir: str = IMAGE_DIR) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return f"*{_lines(block.text)}*" if block.emphasis else _lines(block.text)
    if isinstance(block, Bullets):
        return "\n".join(f"- {_lines(item)}" for item in block.items)
    if isinstance(block, Labelled):
        parts = [f"**{escape(block.label)}**"]
        if block.text:
            parts.append(_lines(block.text))
        body = "  \n".join(parts)
        return body + ("\n" + "\n".join(f"- {_lines(item)}" for item in block.items) if block.items else "")
    if isinstance(block, Table):
        header = "| " + " | ".join(escape(h) for h in block.header) + " |"
        rule = "|" + "|".join("---" for _ in block.header) + "|"
        rows = ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in block.rows]
        return "\n".join([header, rule, *rows])
    if isinstance(block, Image):
        return f"![{escape(block.image.title)}]({image_dir}/{block.image.name})"
    raise TypeError(f"not a report block: {block!r}")


@dataclass(frozen=True)
class Report:
    """A finished report: its blocks, with Markdown, a Markdown bundle and PDF made from them."""

    title: str
    blocks: tuple[Block, ...]
    file_stem: str = "haven-report"
    images: tuple[ReportImage, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "images", tuple(b.image for b in self.blocks if isinstance(b, Image)))

    def to_markdown(self, image_dir: str = IMAGE_DIR) -> str:
        """The report as Markdown; charts are referenced as ``<image_dir>/<name>.png``."""
        return "\n\n".join(block_markdown(b, image_dir) for b in self.blocks) + "\n"

    @property
    def markdown(self) -> str:
        return self.to_markdown()

    def preview(self) -> list[str | ReportImage]:
        """Markdown pieces and images in order, for a page to draw (an image cannot come from a relative path)."""
        parts: list[str | ReportImage] = []
        for block in self.blocks:
            if isinstance(block, Image):
                parts.append(block.image)
            elif parts and isinstance(parts[-1], str):
                parts[-1] += "\n\n" + block_markdown(block)
            else:
                parts.append(block_markdown(block))
        return parts

    def pdf_bytes(self) -> bytes:
        from haven.reports.pdf import render_pdf

        return render_pdf(self)

    def markdown_zip(self) -> bytes:
        """``<stem>.md`` and its ``images/`` in one zip: a Markdown report that travels whole."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{self.file_stem}.md", self.markdown)
            for image in self.images:
                archive.writestr(f"{IMAGE_DIR}/{image.name}", image.png)
        return buffer.getvalue()

    def write(self, path: Path) -> list[Path]:
        """Write by extension: ``.pdf``; ``.md`` (charts into ``<stem>-images/`` beside it); ``.zip``."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            path.write_bytes(self.pdf_bytes())
            return [path]
        if suffix == ".zip":
            path.write_bytes(self.markdown_zip())
            return [path]
        if suffix == ".md":
            image_dir = f"{path.stem}-images"
            written = [path]
            if self.images:
                (path.parent / image_dir).mkdir(parents=True, exist_ok=True)
            for image in self.images:
                target = path.parent / image_dir / image.name
                target.write_bytes(image.png)
                written.append(target)
            path.write_text(self.to_markdown(image_dir), encoding="utf-8")
            return written
        raise ValueError(f"a report is written as .pdf, .md or .zip, not {suffix or 'no extension'}")

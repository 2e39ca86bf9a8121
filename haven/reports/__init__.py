"""Reports a person can share with a therapist: what they chose, for the dates they chose, as Markdown and PDF.

- ``options``: :class:`ReportOptions`, the person's choices (dates, sections, individual records and notes).
- ``choices``: the thought records and check-in notes in a period, for the person to pick from.
- ``figures``: the report's charts as PNG images (matplotlib, from ``haven.tracking``'s series).
- ``document``: :class:`Report`, a list of typed blocks rendered to Markdown, a zip and PDF (``pdf``).
- ``builder``: :func:`build_report`, the one entry point for the page, the CLI and notebooks.

Nothing goes into a report that the person did not tick, and every report says it was made by a self-help app
and is not a clinical record.
"""

from haven.reports.builder import build_report
from haven.reports.document import DISCLAIMER, Report, ReportImage
from haven.reports.options import ReportOptions, Section, parse_sections

__all__ = ["DISCLAIMER", "Report", "ReportImage", "ReportOptions", "Section", "build_report", "parse_sections"]

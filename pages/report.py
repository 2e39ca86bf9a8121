"""Report page: choose dates and what to share, preview it, and download it as PDF or Markdown for a therapist.

Drawing only: choices, report and files come from ``haven.reports``. Nothing is included unless ticked here,
and thought records and notes are picked one by one.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from haven.reports import ReportImage, ReportOptions, Section, build_report
from haven.reports.choices import note_choices, thought_record_choices
from haven.reports.options import DEFAULT_SECTIONS
from haven.tracking.clock import local_today
from ui.entry import through_app
from ui.profile import active_profile, demo_banner, profile_switcher
from ui.resources import database, library

through_app()

_MADE = "report-made"  # (person, options, report, pdf bytes) of the last report made

engine = database()
profile_switcher()
person = active_profile()

st.title("A report for your therapist")
demo_banner()
st.caption(
    "Choose the dates and what to include. Only what you tick goes in, and notes and thought records are "
    "picked one by one. The report says it comes from a self-help app and is not a clinical record."
)

today = local_today()
picked = st.date_input("Dates", value=(today - timedelta(days=29), today), max_value=today, key="report-dates")
if not isinstance(picked, tuple) or len(picked) != 2:
    st.info("Pick the first and the last day of the report.")
    st.stop()
start, end = picked

st.markdown("**Include**")
sections = {
    section for section in Section
    if st.checkbox(section.label, value=section in DEFAULT_SECTIONS, key=f"report-{section.value}")
}  # fmt: skip

record_ids: list[int] = []
if Section.THOUGHT_RECORDS in sections:
    records = {c.id: c.label for c in thought_record_choices(engine, person, start, end)}
    record_ids = st.multiselect(
        "Thought records to include", list(records), format_func=records.get, key="report-record-ids",
        placeholder="Pick the ones you want to share", help="None are included until you pick them.",
    )  # fmt: skip
    if not records:
        st.caption("No finished thought records in these dates.")
note_ids: list[int] = []
if Section.NOTES in sections:
    notes = {n.id: n.label for n in note_choices(engine, person, start, end)}
    note_ids = st.multiselect(
        "Check-in notes to include", list(notes), format_func=notes.get, key="report-note-ids",
        placeholder="Pick the ones you want to share", help="None are included until you pick them.",
    )  # fmt: skip
    if not notes:
        st.caption("No check-in notes in these dates.")

options = ReportOptions(
    start=start,
    end=end,
    sections=frozenset(sections),
    thought_record_ids=tuple(record_ids),
    note_ids=tuple(note_ids),
)

if st.button("Make the report", type="primary", icon=":material/description:", disabled=not sections):
    with st.spinner("Drawing the charts and the PDF..."):
        report = build_report(engine, person, options, library())
        st.session_state[_MADE] = (person, options, report, report.pdf_bytes())

made = st.session_state.get(_MADE)
if made and made[:2] == (person, options):
    _, _, report, pdf = made
    left, right = st.columns(2)
    left.download_button(
        "Download PDF", pdf, file_name=f"{report.file_stem}.pdf", mime="application/pdf", icon=":material/download:",
        on_click="ignore", key="report-pdf",
    )  # fmt: skip
    right.download_button(
        "Download as text with its charts (zip)", report.markdown_zip(), file_name=f"{report.file_stem}.zip",
        mime="application/zip", icon=":material/download:", on_click="ignore", key="report-zip",
    )  # fmt: skip
    st.subheader("Preview")
    with st.container(border=True):
        for part in report.preview():
            if isinstance(part, ReportImage):
                st.image(part.png, caption=part.title)
            else:
                st.markdown(part)
elif made:
    st.info("You changed your choices. Make the report again to see them.")

"""The Report page under AppTest: choose, make, preview and download; nothing unticked shows."""

from __future__ import annotations

from pathlib import Path

from report_data import START, TICKED_NOTE, TODAY, UNTICKED_NOTE, seed
from streamlit.testing.v1 import AppTest

from haven.reports.document import escape

PAGE = Path(__file__).resolve().parents[2] / "pages" / "report.py"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])


def test_report_page_makes_a_report_of_what_was_ticked(app_engine):
    seeded = seed(app_engine)
    at = AppTest.from_file(str(PAGE), default_timeout=120)
    at.session_state["haven_profile"] = "demo"
    run(at)
    assert not at.get("download_button")  # nothing is made until asked
    at.date_input(key="report-dates").set_value((START, TODAY))
    at.checkbox(key="report-scores").uncheck()
    at.checkbox(key="report-exercises").uncheck()
    at.checkbox(key="report-notes").check()
    run(at)
    notes = at.multiselect(key="report-note-ids")
    assert notes.value == []  # none picked until the person picks them
    assert (
        "Thu 20 Mar 2025 20:15 (mood 6/10): Talked to my manager about the deadline – it went better than I…"
        in notes.options
    )
    assert not any("OTHER-PROFILE" in option for option in notes.options)
    notes.select(seeded.ticked_note)
    run(at)
    next(b for b in at.button if b.label == "Make the report").click()
    run(at)
    buttons = {b.label for b in at.get("download_button")}
    assert buttons == {"Download PDF", "Download as text with its charts (zip)"}
    preview = shown(at)
    assert "Haven report: 1 January 2025 to 31 March 2025" in preview and "not a clinical record" in preview
    assert escape(TICKED_NOTE) in preview and UNTICKED_NOTE not in preview
    assert "Questionnaire scores" not in preview
    assert [c for image in at.get("image") for c in image.captions] == ["Mood over time"]
    at.checkbox(key="report-scores").check()
    run(at)
    assert "You changed your choices." in shown(at) and not at.get("download_button")

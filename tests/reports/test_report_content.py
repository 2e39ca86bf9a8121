"""What goes into a report: only the ticked sections, and only the notes and thought records picked."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from report_data import (
    OTHER_PERSON_NOTE,
    OUT_OF_RANGE_NOTE,
    START,
    TICKED_NOTE,
    TICKED_THOUGHT,
    TODAY,
    UNTICKED_NOTE,
    UNTICKED_THOUGHT,
)

from haven.reports import DISCLAIMER, ReportOptions, Section, build_report, parse_sections
from haven.reports.choices import note_choices, thought_record_choices
from haven.reports.document import escape

ALL = frozenset(Section)


def pdf_text(report) -> str:
    """The PDF's extracted text with whitespace collapsed (line breaks fall anywhere in a paragraph)."""
    reader = PdfReader(io.BytesIO(report.pdf_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def make(engine, library, **options):
    return build_report(engine, "demo", ReportOptions(start=START, end=TODAY, **options), library, today=TODAY)


def test_parse_sections_reads_the_cli_words_and_names_the_valid_ones():
    assert parse_sections("mood, scores,thought-records") == {
        Section.MOOD,
        Section.SCORES,
        Section.THOUGHT_RECORDS,
    }
    assert parse_sections("notes,thought_records") == {Section.NOTES, Section.THOUGHT_RECORDS}
    with pytest.raises(ValueError, match="unknown section.*diary.*choose from mood, scores"):
        parse_sections("mood,diary")


def test_options_refuse_a_period_that_ends_before_it_starts():
    with pytest.raises(ValueError, match="starts .* after it ends"):
        ReportOptions(start=TODAY, end=START)


def test_choices_offer_only_this_profiles_entries_in_the_period(engine, seeded):
    notes = {n.id: n for n in note_choices(engine, "demo", START, TODAY)}
    assert seeded.ticked_note in notes and seeded.unticked_note in notes
    assert seeded.other_person_note not in notes and seeded.out_of_range_note not in notes
    assert all(n.note.strip() for n in notes.values())  # check-ins without a note are not offered
    assert notes[seeded.ticked_note].label.startswith("Thu 20 Mar 2025 20:15 (mood 6/10): Talked to my manager")
    records = {r.id: r for r in thought_record_choices(engine, "demo", START, TODAY)}
    assert set(records) == {seeded.ticked_record, seeded.unticked_record}  # the demo's runs have no answers
    assert records[seeded.ticked_record].label == f"Tue 18 Mar 2025 19:30: {TICKED_THOUGHT}"
    assert thought_record_choices(engine, "me", START, TODAY) == []


def test_only_the_ticked_sections_appear(engine, seeded, library):
    report = make(engine, library, sections=frozenset({Section.MOOD}), note_ids=(seeded.ticked_note,),
                  thought_record_ids=(seeded.ticked_record,))  # fmt: skip
    md = report.markdown
    assert "## Mood" in md and "![Mood over time](images/mood.png)" in md
    for absent in ("## Questionnaire scores", "## Exercises done", "## Thought records", "## Check-in notes"):
        assert absent not in md
    # ids were given, but their sections were not ticked: none of the person's words go in
    assert "Talked to my manager" not in md and TICKED_THOUGHT not in md
    assert [image.name for image in report.images] == ["mood.png"]
    text = pdf_text(report)
    assert "Talked to my manager" not in text and TICKED_THOUGHT not in text and "Questionnaire scores" not in text


def test_a_note_not_ticked_is_in_neither_the_markdown_nor_the_pdf(engine, seeded, library):
    report = make(engine, library, sections=ALL, note_ids=(seeded.ticked_note,),
                  thought_record_ids=(seeded.ticked_record,))  # fmt: skip
    md, text = report.markdown, pdf_text(report)
    assert escape(TICKED_NOTE) in md and TICKED_NOTE in text  # DejaVu prints the dash, accents and quotes
    assert "Thu 20 Mar 2025, 20:15 (mood 6/10)" in md
    for private in (UNTICKED_NOTE, "PRIVATE-UNTICKED", "Quiet day."):  # demo notes are not ticked either
        assert private not in md and private not in text
    assert TICKED_THOUGHT in md and TICKED_THOUGHT in text
    assert UNTICKED_THOUGHT not in md and "PRIVATE-UNTICKED-THOUGHT" not in text


def test_ids_of_another_profile_or_outside_the_dates_are_never_included(engine, seeded, library):
    report = make(engine, library, sections=ALL,
                  note_ids=(seeded.other_person_note, seeded.out_of_range_note))  # fmt: skip
    for leaked in (OTHER_PERSON_NOTE, OUT_OF_RANGE_NOTE):
        assert leaked not in report.markdown and leaked not in pdf_text(report)
    assert "## Check-in notes\n\nNothing was chosen for this part." in report.markdown


def test_a_thought_record_reads_as_a_record(engine, seeded, library):
    report = make(engine, library, sections=frozenset({Section.THOUGHT_RECORDS}),
                  thought_record_ids=(seeded.ticked_record,))  # fmt: skip
    md = report.markdown
    assert "### Thought record, 18 March 2025 19:30" in md
    assert f"**Automatic thought**  \n{escape(TICKED_THOUGHT)}" in md
    assert "**Evidence against**\n- She thanked me for the rest\n- My last review was good" in md
    assert "**Emotion after**  \n4/10 (was 8/10)" in md
    assert "Your distress went from 8 to 4 (out of 10)." in md
    assert "Evidence against She thanked me for the rest" in pdf_text(report).replace("• ", "")


def test_scores_and_exercises_come_from_the_tracking_data(engine, seeded, library):
    report = make(engine, library, sections=frozenset({Section.SCORES, Section.EXERCISES}))
    md = report.markdown
    assert "This is a screening questionnaire, not a diagnosis." in md
    assert {image.name for image in report.images} == {"phq9.png", "gad7.png", "who5.png", "what-helps.png"}
    rows = re.findall(r"^\| \d\d \w{3} 2025 \| (PHQ-9|GAD-7|WHO-5) \| (\d+) of (\d+) \|", md, flags=re.M)
    assert len(rows) == 21  # the demo does each of three questionnaires every 14 days over 90 days
    assert "| Thought record | " in md  # demo runs plus the two seeded records


def test_every_report_says_what_it_is_and_whose_data(engine, seeded, library):
    report = make(engine, library, sections=frozenset({Section.MOOD}))
    assert report.markdown.startswith("# Haven report: 1 January 2025 to 31 March 2025\n")
    assert f"*{DISCLAIMER}*" in report.markdown
    assert "Demo profile: every entry in this report is made-up data." in report.markdown
    assert flat(DISCLAIMER) in pdf_text(report)


def test_an_empty_profile_still_makes_a_report(engine, library):
    report = build_report(engine, "me", ReportOptions(start=START, end=TODAY, sections=ALL), library, today=TODAY)
    assert "No mood check-ins in this period." in report.markdown
    assert "No questionnaires were done in this period." in report.markdown
    assert report.images == () and report.pdf_bytes().startswith(b"%PDF")


def test_the_persons_words_are_never_read_as_markdown():
    assert escape("*not bold* <script> # [link](x)") == r"\*not bold\* \<script\> \# \[link\](x)"

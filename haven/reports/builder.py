"""``build_report``: the person's choices in, a :class:`Report` out. The page, the CLI and notebooks use it.

Each section is a small function that turns tracking data into blocks. Sections run only when ticked, and
thought records and notes are looked up by the ids the person picked, among those offered for the period.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from haven.content.loader import Library
from haven.exercises.summary import distress_change, render_summary
from haven.reports import figures
from haven.reports.choices import NoteChoice, ThoughtRecordChoice, note_choices, thought_record_choices
from haven.reports.document import (
    DISCLAIMER,
    Block,
    Bullets,
    Heading,
    Image,
    Labelled,
    Paragraph,
    Report,
    ReportImage,
    Table,
)
from haven.reports.options import ReportOptions, Section
from haven.storage.db import DEMO_PERSON
from haven.tracking.clock import local_today
from haven.tracking.frames import Period, TrackingData, load_tracking_data
from haven.tracking.insights import mood_summary, questionnaire_insights
from haven.tracking.instruments import get_instrument, load_instruments
from haven.tracking.scoring import SCREENING_NOTE
from haven.tracking.series import exercise_effects

NOTHING_CHOSEN = "Nothing was chosen for this part."


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _mood(data: TrackingData) -> list[Block]:
    blocks: list[Block] = [Heading("Mood")]
    summary = mood_summary(data)
    if summary is None:
        return blocks + [Paragraph("No mood check-ins in this period.")]
    if summary.check_ins == 1:  # a chart of one dot says less than the sentence
        return blocks + [Paragraph(summary.sentence)]
    chart = ReportImage("mood.png", "Mood over time", figures.mood_png(data))
    return blocks + [Image(chart), Paragraph(summary.sentence)]


def _lone_result(rows: pd.DataFrame, key: str) -> Paragraph:
    """A questionnaire done once in the period: its result in words, in place of a one-dot chart."""
    instrument, row = get_instrument(key), rows.iloc[0]
    return Paragraph(
        f"{instrument.name}: one result in this period, {row.total} of {instrument.max_total} ({row.band}) "
        f"on {_long(row.taken_at.date())}; a chart needs two or more."
    )


def _scores(data: TrackingData) -> list[Block]:
    blocks: list[Block] = [Heading("Questionnaire scores"), Paragraph(SCREENING_NOTE, emphasis=True)]
    results = data.assessments
    if results.empty:
        return blocks + [Paragraph("No questionnaires were done in this period.")]
    start, end = data.first_day, data.period.end
    for key in load_instruments():
        rows = results[results["instrument"] == key]
        if len(rows) == 1:
            blocks.append(_lone_result(rows, key))
        elif len(rows) > 1:
            png = figures.questionnaire_png(results, key, start, end)
            blocks.append(Image(ReportImage(f"{key}.png", f"{get_instrument(key).name} over time", png)))
    rows = tuple(
        (f"{row.taken_at:%d %b %Y}", get_instrument(row.instrument).name,
         f"{row.total} of {get_instrument(row.instrument).max_total}", str(row.band))
        for row in results.itertuples(index=False)
    )  # fmt: skip
    blocks.append(Table(("Date", "Questionnaire", "Score", "Band"), rows))
    changes = [insight.sentence for insight in questionnaire_insights(results)]
    return blocks + ([Bullets(tuple(changes))] if changes else [])


def _mean(value: float | None) -> str:
    return "-" if value is None or pd.isna(value) else f"{value:.1f}"


def _exercises(data: TrackingData, titles: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [Heading("Exercises done")]
    runs = data.exercise_runs
    if runs.empty:
        return blocks + [Paragraph("No exercises were finished in this period.")]
    effects = {e.exercise_id: e for e in exercise_effects(runs)}
    counts = runs["exercise_id"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    rows = []
    for exercise_id, times in counts.items():
        effect = effects.get(str(exercise_id))
        rows.append((
            titles.get(str(exercise_id), str(exercise_id)), str(int(times)),
            _mean(effect.mean_before if effect else None), _mean(effect.mean_after if effect else None),
        ))  # fmt: skip
    finished = "1 exercise" if len(runs) == 1 else f"{len(runs)} exercises"
    blocks.append(Paragraph(f"{finished} finished. Distress is the person's own 0-10 rating."))
    blocks.append(
        Table(("Exercise", "Times finished", "Mean distress before", "Mean distress after"), tuple(rows))
    )
    chart = figures.what_helps_png(runs, titles)
    return blocks + (
        [Image(ReportImage("what-helps.png", "Distress before and after exercises", chart))] if chart else []
    )


def _thought_record(choice: ThoughtRecordChoice, library: Library) -> list[Block]:
    exercise = library.exercises.get(choice.run.exercise_id)
    title = exercise.title if exercise else choice.run.exercise_id
    blocks: list[Block] = [Heading(f"{title}, {_long(choice.completed_at.date())} {choice.completed_at:%H:%M}", 3)]
    if exercise is None:
        items = [
            Labelled(key.replace("_", " ").capitalize(), str(value)) for key, value in choice.run.answers.items()
        ]
        return blocks + items
    for item in render_summary(exercise, choice.run):
        blocks.append(Labelled(item.title, item.text, tuple(item.items)))
    change = distress_change(choice.run)
    return blocks + ([Paragraph(change)] if change else [])


def _thought_records(chosen: list[ThoughtRecordChoice], library: Library) -> list[Block]:
    blocks: list[Block] = [Heading("Thought records")]
    if not chosen:
        return blocks + [Paragraph(NOTHING_CHOSEN)]
    for choice in chosen:
        blocks += _thought_record(choice, library)
    return blocks


def _notes(chosen: list[NoteChoice]) -> list[Block]:
    blocks: list[Block] = [Heading("Check-in notes")]
    if not chosen:
        return blocks + [Paragraph(NOTHING_CHOSEN)]
    return blocks + [Labelled(f"{n.at:%a %d %b %Y, %H:%M} (mood {n.mood}/10)", n.note) for n in chosen]


def build_report(
    engine: Engine, person: str, options: ReportOptions, library: Library | None = None, today: date | None = None
) -> Report:
    """The report ``options`` describe, for profile ``person``: only the ticked sections and picked entries."""
    if library is None:
        from haven.content.loader import load_default_library

        library = load_default_library()
    start, end = options.start, options.end
    data = load_tracking_data(engine, person, Period(start, end))
    titles = {exercise_id: exercise.title for exercise_id, exercise in library.exercises.items()}
    title = f"Haven report: {_long(start)} to {_long(end)}"
    blocks: list[Block] = [
        Heading(title, 1),
        Paragraph(
            f"Made on {_long(today or local_today())}. Sections: "
            + ", ".join(s.label for s in Section if options.includes(s))
            + "."
        ),  # fmt: skip
        Paragraph(DISCLAIMER, emphasis=True),
    ]
    if person == DEMO_PERSON:
        blocks.append(Paragraph("Demo profile: every entry in this report is made-up data.", emphasis=True))
    if options.includes(Section.MOOD):
        blocks += _mood(data)
    if options.includes(Section.SCORES):
        blocks += _scores(data)
    if options.includes(Section.EXERCISES):
        blocks += _exercises(data, titles)
    if options.includes(Section.THOUGHT_RECORDS):
        picked = set(options.thought_record_ids)
        chosen = [c for c in thought_record_choices(engine, person, start, end) if c.id in picked]
        blocks += _thought_records(chosen, library)
    if options.includes(Section.NOTES):
        picked = set(options.note_ids)
        blocks += _notes([n for n in note_choices(engine, person, start, end) if n.id in picked])
    return Report(title=title, blocks=tuple(blocks), file_stem=f"haven-report-{start}-to-{end}")

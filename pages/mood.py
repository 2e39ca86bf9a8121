"""Mood page: a quick check-in, the recent entries (edit or delete them), and a small chart of the last weeks.

Drawing only: saving, triage and the chart come from ``haven.tracking``.
"""

from __future__ import annotations

from datetime import date, datetime, time
from time import time_ns

import streamlit as st

from haven.tracking.charts import lone_check_in, mood_over_time
from haven.tracking.checkins import (
    EMOTIONS,
    MAX_NOTE_CHARS,
    CheckInEntry,
    CheckInRecord,
    delete_check_in,
    known_tags,
    recent_check_ins,
    record_check_in,
    update_check_in,
)
from haven.tracking.frames import Period, load_check_in_frame
from ui.charts import show_chart
from ui.crisis_card import render_crisis_card
from ui.entry import through_app
from ui.profile import active_profile, demo_banner, profile_switcher
from ui.quick_check_in import quick_check_in
from ui.resources import database

through_app()

CRISIS, EDITING, DELETING, FLASH = "mood_crisis", "mood_editing", "mood_deleting", "mood_flash"
RECENT = 10

engine = database()
profile_switcher()
person = active_profile()

st.title("Mood")
demo_banner()


def _show_crisis() -> None:
    """The crisis card stays until the person moves on: it comes before anything else on the page."""
    response, card_key = st.session_state[CRISIS]
    st.success("Your check-in is saved. Nothing you wrote is lost.")
    if render_crisis_card(response, key=card_key):
        del st.session_state[CRISIS]
        st.rerun()
    st.stop()


def split_tags(tags: list[str]) -> tuple[list[str], list[str]]:
    """Tags typed with commas ("work, friends") are split into one tag each, as a person typing a comma
    means; returns the tags, and a sentence for each split so it is said, never done silently."""
    kept: list[str] = []
    said: list[str] = []
    for tag in tags:
        parts = [part.strip() for part in tag.split(",") if part.strip()]
        if len(parts) > 1:
            listed = ", ".join(parts[:-1]) + " and " + parts[-1]
            said.append(f"“{tag.strip()}” became {len(parts)} tags: {listed}.")
        kept += parts
    return list(dict.fromkeys(kept)), said


def _save(entry: CheckInEntry, check_in_id: int | None = None, said: list[str] | None = None) -> None:
    if check_in_id is None:
        result = record_check_in(engine, person, entry)
    else:
        result = update_check_in(engine, person, check_in_id, entry)
    st.session_state.pop(EDITING, None)
    if result.is_crisis:  # a new card key each time, so an earlier "continue" never hides a new card
        st.session_state[CRISIS] = (result.crisis, f"mood_crisis_{result.check_in.id}_{time_ns()}")
    else:
        st.session_state[FLASH] = " ".join(["Check-in saved.", *(said or [])])
    st.rerun()


def _entry_fields(prefix: str, tag_options: list[str], record: CheckInRecord | None = None) -> dict:
    """The check-in widgets (shared by the quick form and the edit form); returns their values."""
    mood = st.slider(
        "How is your mood?", 1, 10, record.mood if record else 5, key=f"{prefix}-mood",
        help="1 is the lowest you can feel, 10 the best.",
    )  # fmt: skip
    emotions = st.pills(
        "Emotions", EMOTIONS, selection_mode="multi", default=list(record.emotions) if record else None,
        key=f"{prefix}-emotions",
    )  # fmt: skip
    tags = st.multiselect(
        "What have you been doing?", sorted(set(tag_options) | set(record.tags if record else ())),
        default=list(record.tags) if record else None, accept_new_options=True, key=f"{prefix}-tags",
        placeholder="Pick or type your own: walk, work, friends...",
    )  # fmt: skip
    sleep = st.number_input(
        "Hours of sleep last night", 0.0, 24.0, value=record.sleep_hours if record else None, step=0.5,
        key=f"{prefix}-sleep", placeholder="optional",
    )  # fmt: skip
    note = st.text_area("A note", value=record.note if record else "", key=f"{prefix}-note", max_chars=MAX_NOTE_CHARS,
                        placeholder="Anything you want to remember about today (optional)")  # fmt: skip
    st.caption("A comma starts a new tag: “work, friends” is two tags.")
    return {"mood": mood, "emotions": emotions or [], "tags": tags or [], "sleep_hours": sleep, "note": note}


def _entry(values: dict) -> tuple[CheckInEntry, list[str]]:
    """The form's values as an entry, with typed commas split into tags (and what was split, to say so)."""
    tags, said = split_tags(values["tags"])
    return CheckInEntry(**{**values, "tags": tags}), said


def _quick_form(tag_options: list[str]) -> None:
    values = quick_check_in(engine, person, tag_options)  # a face, a tag or two, Save (ui/quick_check_in.py)
    if values is not None:
        _save(*_as_new(values))


def _edit_form(record: CheckInRecord, tag_options: list[str]) -> None:
    with st.form(f"edit-{record.id}"):
        values = _entry_fields(f"edit-{record.id}", tag_options, record)
        day_col, time_col = st.columns(2)
        day = day_col.date_input("Day", record.at.date(), max_value=date.today(), key=f"edit-{record.id}-day")
        at = time_col.time_input("Time", record.at.time().replace(microsecond=0), key=f"edit-{record.id}-time")
        save_col, cancel_col = st.columns(2)
        if save_col.form_submit_button("Save changes", type="primary"):
            entry, said = _entry({**values, "at": datetime.combine(day, at or time())})
            _save(entry, record.id, said)
        if cancel_col.form_submit_button("Cancel"):
            st.session_state.pop(EDITING, None)
            st.rerun()


def _set(key: str, value: int | None) -> None:
    st.session_state[key] = value


def _delete(record_id: int) -> None:
    delete_check_in(engine, person, record_id)
    st.session_state.pop(DELETING, None)
    st.session_state[FLASH] = "Check-in deleted."


def _as_new(values: dict) -> tuple[CheckInEntry, None, list[str]]:
    entry, said = _entry(values)
    return entry, None, said


def _badge(tag: str) -> str:
    """A tag as a chip, so one tag reads as one thing (even with a comma in it from before)."""
    return f":green-badge[{tag.replace('[', '(').replace(']', ')')}]"


def _describe(record: CheckInRecord) -> str:
    parts = [f"**{record.at:%H:%M}** · mood **{record.mood}/10**"]
    if record.emotions:
        parts.append("feeling " + ", ".join(record.emotions))
    if record.tags:
        parts.append(" ".join(_badge(tag) for tag in record.tags))
    if record.sleep_hours is not None:
        parts.append(f"slept {record.sleep_hours:g} h")
    return " · ".join(parts)


def _check_in(record: CheckInRecord, tag_options: list[str]) -> None:
    with st.container(border=True, key=f"check-in-{record.id}"):
        if st.session_state.get(EDITING) == record.id:
            _edit_form(record, tag_options)
            return
        text_col, edit_col, delete_col = st.columns([8, 1, 1], vertical_alignment="center")
        text_col.markdown(_describe(record))
        if record.note:
            text_col.caption(record.note)
        edit_col.button("Edit", key=f"edit-button-{record.id}", on_click=_set, args=(EDITING, record.id))
        delete_col.button("Delete", key=f"delete-button-{record.id}", on_click=_set, args=(DELETING, record.id))
        if st.session_state.get(DELETING) == record.id:
            st.warning("Delete this check-in? This cannot be undone.")
            yes_col, no_col = st.columns(2)
            yes_col.button(
                "Yes, delete it", key=f"confirm-delete-{record.id}", on_click=_delete, args=(record.id,)
            )
            no_col.button("Keep it", key=f"keep-{record.id}", on_click=_set, args=(DELETING, None))


if st.session_state.get(CRISIS) is not None:
    _show_crisis()
if st.session_state.get(FLASH):
    st.toast(st.session_state.pop(FLASH), icon="✅")

tag_options = known_tags(engine, person)
form_col, chart_col = st.columns([1, 1], gap="large")
with form_col:
    st.subheader("Check in")
    st.caption("A few seconds: your mood, and anything else you feel like adding.")
    _quick_form(tag_options)
with chart_col:
    st.subheader("The last 30 days")
    period = Period.last(30)
    frame = load_check_in_frame(engine, person, period)
    lone = lone_check_in(frame, scope="in the last 30 days")
    if frame.empty:  # an empty frame says nothing a sentence cannot
        st.caption("Your mood over the last 30 days will show here once you have checked in.")
    elif lone:
        st.markdown(lone)  # one dot on a month's axis says less than the words
    else:
        show_chart(mood_over_time(frame, period.start, period.end))


def _day_name(day: date) -> str:
    today = date.today()
    if day == today:
        return "Today"
    if (today - day).days == 1:
        return "Yesterday"
    return f"{day:%A} {day.day} {day:%B}" + ("" if day.year == today.year else f" {day.year}")


def _day_heading(day: date, records: list[CheckInRecord]) -> None:
    moods = [r.mood for r in records]
    count = "1 check-in" if len(records) == 1 else f"{len(records)} check-ins"
    average = f" · mood {sum(moods) / len(moods):.1f} on average" if len(moods) > 1 else ""
    st.markdown(f"**{_day_name(day)}** · {count}{average}")


def _by_day(records: list[CheckInRecord], tag_options: list[str]) -> None:
    """Check-ins under a heading per day, newest day first: a day reads as a day, not as a list of times."""
    days: dict[date, list[CheckInRecord]] = {}
    for record in records:
        days.setdefault(record.at.date(), []).append(record)
    for day, records_of_day in days.items():
        _day_heading(day, records_of_day)
        for record in records_of_day:
            _check_in(record, tag_options)


def _one_day(day: date) -> list[CheckInRecord]:
    """Every check-in of ``day``, earliest first."""
    from haven.tracking.checkins import get_check_in

    frame = load_check_in_frame(engine, person, Period(day, day))
    return [get_check_in(engine, person, int(i)) for i in frame["id"]] if not frame.empty else []


st.subheader("Your check-ins")
recent = recent_check_ins(engine, person, limit=RECENT)
picked = None  # a day to look at, once there is anything to look at
if recent:
    picked = st.date_input("Look at one day", value=None, max_value=date.today(), key="mood-day",
                           help="Leave empty to see your latest check-ins.", format="DD/MM/YYYY")  # fmt: skip
if picked:
    shown = _one_day(picked)
    if not shown:
        name = _day_name(picked)
        st.caption(
            f"No check-ins {name.lower()}." if name in ("Today", "Yesterday") else f"No check-ins on {name}."
        )
    _by_day(shown, tag_options)
else:
    if not recent:
        st.caption("Your check-ins will appear here.")
    _by_day(recent, tag_options)

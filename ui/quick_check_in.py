"""The five-second check-in on the Mood page: tap a face, maybe a tag or two, then Save.

Emotions, other tags, sleep and a note wait below in an expander for whoever wants them. The widget only
collects; the page saves (triage first, the crisis card, the toast), as it does for every check-in.
"""

from __future__ import annotations

from time import time_ns

import streamlit as st
from sqlalchemy import Engine

from haven.tracking.checkins import EMOTIONS, MAX_NOTE_CHARS, triage_words
from haven.tracking.quick_check_in import FACE_MOODS, STARTER_TAGS, most_used_tags
from ui.crisis_card import render_crisis_card

#: Streamlit's bundled Material faces: they draw the same on every device, with or without an emoji font
FACE_LOOKS = {
    "awful": ":material/sentiment_very_dissatisfied:",
    "bad": ":material/sentiment_dissatisfied:",
    "okay": ":material/sentiment_neutral:",
    "good": ":material/sentiment_satisfied:",
    "great": ":material/sentiment_very_satisfied:",
}
FACE_NAMES = {mood: face for face, mood in FACE_MOODS.items()}
#: Every widget of the form, emptied after a save so the next check-in starts fresh.
KEYS = ("new-face", "new-chips", "new-emotions", "new-tags", "new-sleep", "new-note")


def quick_check_in(engine: Engine, person: str, tag_options: list[str]) -> dict | None:
    """Draw the quick check-in; once Save is tapped with a face chosen, the values to save (else None).

    The values have the shape of the page's detailed check-in fields: mood, emotions, tags, sleep, note.
    """
    chips = most_used_tags(engine, person) or list(STARTER_TAGS)
    with st.form("check-in", border=False):
        mood = st.pills("How are you right now?", list(FACE_MOODS.values()), format_func=_face, key="new-face")
        picked = st.pills("What have you been doing?", chips, selection_mode="multi", key="new-chips")
        with st.expander("Add more: emotions, sleep, a note (optional)", icon=":material/add:"):
            details = _details([tag for tag in tag_options if tag not in chips])
        saved = st.form_submit_button("Save check-in", type="primary", icon=":material/check:")
    if not saved:
        return None
    values = {"mood": mood, **details, "tags": [*(picked or []), *details["tags"]]}
    if mood is None:
        _ask_for_a_face(values)
        return None
    for key in KEYS:  # the page reruns after saving; the form then starts empty
        st.session_state.pop(key, None)
    return values


def _face(mood: int) -> str:
    face = FACE_NAMES[mood]
    return f"{FACE_LOOKS[face]} {face.capitalize()}"


def _details(other_tags: list[str]) -> dict:
    """The optional part: emotions, tags beyond the chips (typed or used before), sleep and a note."""
    emotions = st.pills("Emotions", EMOTIONS, selection_mode="multi", key="new-emotions")
    tags = st.multiselect(
        "Other tags", sorted(other_tags), accept_new_options=True, key="new-tags",
        placeholder="Pick or type your own: walk, work, friends...",
    )  # fmt: skip
    sleep = st.number_input(
        "Hours of sleep last night", 0.0, 24.0, value=None, step=0.5, key="new-sleep", placeholder="optional"
    )
    note = st.text_area(
        "A note", key="new-note", max_chars=MAX_NOTE_CHARS,
        placeholder="Anything you want to remember about today (optional)",
    )  # fmt: skip
    return {"emotions": emotions or [], "tags": tags or [], "sleep_hours": sleep, "note": note}


def _ask_for_a_face(values: dict) -> None:
    """Nothing is saved without a mood, and nothing typed is lost; words that speak of danger are answered now,
    not after a face is chosen."""
    st.warning("Tap a face first: how are you right now? What you wrote is still here.", icon=":material/mood:")
    if not values["note"].strip() and not values["tags"]:
        return
    _, crisis = triage_words(values["note"], values["tags"])
    if crisis is not None:
        render_crisis_card(crisis, key=f"quick_check_in_crisis_{time_ns()}")

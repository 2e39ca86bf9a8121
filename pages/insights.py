"""Insights page: pick a period, see every chart with its plain-words insights, and manage the demo profile.

Drawing only: the data, charts and sentences come from ``haven.tracking``.
"""

from __future__ import annotations

import streamlit as st

from haven.storage.db import DEFAULT_PERSON, DEMO_PERSON
from haven.tracking.charts import build_charts
from haven.tracking.demo import demo_exists, fill_demo, remove_demo
from haven.tracking.frames import PERIODS, Period, load_tracking_data
from haven.tracking.insights import build_insights
from haven.tracking.instruments import load_instruments
from ui.entry import through_app
from ui.profile import active_profile, demo_banner, profile_switcher, set_profile
from ui.resources import database, library

through_app()

engine = database()
profile_switcher()
person = active_profile()

st.title("Insights")
demo_banner()


def _fill_demo() -> None:
    fill_demo(engine)
    set_profile(DEMO_PERSON)


def _remove_demo() -> None:
    remove_demo(engine)
    set_profile(DEFAULT_PERSON)


def _beside(figure, sentences: list[str], empty: str = "", in_words: str | None = None) -> None:
    """A chart with its insights to the right; ``in_words`` stands in for a chart of a single point."""
    chart_col, words_col = st.columns([3, 2], gap="medium")
    if in_words:
        chart_col.info(in_words, icon="🌱")
    else:
        chart_col.plotly_chart(figure)
    with words_col:
        for sentence in sentences:
            st.markdown(f"- {sentence}")
        if not sentences and empty:
            st.caption(empty)


def _exercise_titles() -> dict[str, str]:
    return {exercise_id: exercise.title for exercise_id, exercise in library().exercises.items()}


label = st.segmented_control("Period", list(PERIODS), default="90 days", key="insights_period") or "90 days"
data = load_tracking_data(engine, person, Period.last(PERIODS[label], label=label))

if data.is_empty:
    st.info(
        "Nothing to show for this period yet. Check in on the Mood page, or fill the demo profile below to "
        "see what the charts look like.",
        icon="🌱",
    )
else:
    titles = _exercise_titles()
    charts = build_charts(data, titles)
    insights = build_insights(data, titles)
    st.caption(insights.caution)
    _beside(charts.mood, [insights.mood.sentence] if insights.mood else [], in_words=charts.in_words.get("mood"))
    _beside(charts.calendar, [], "Each square is a day; blank squares are days without a check-in.")
    _beside(charts.emotions, [insights.emotions.sentence] if insights.emotions else [])
    tag_words = [tag.sentence for tag in insights.tags] + ([insights.sleep.sentence] if insights.sleep else [])
    _beside(charts.tags, tag_words, "Tags need at least 3 days with and 3 without before they are compared.")
    st.subheader("Check-ups")
    words = {q.instrument: q.sentence for q in insights.questionnaires}
    instruments = load_instruments()
    for tab, key in zip(
        st.tabs([instruments[key].name for key in charts.questionnaires]), charts.questionnaires, strict=True
    ):
        with tab:
            _beside(charts.questionnaires[key], [words[key]] if key in words else [],
                    "Two or more results in this period show a change.", charts.in_words.get(key))  # fmt: skip
    st.subheader("What helps")
    _beside(charts.what_helps, [e.sentence for e in insights.exercises])

st.divider()
st.subheader("Demo profile")
if demo_exists(engine):
    st.caption(
        "A demo profile with made-up data exists. Use the sidebar toggle to look at it or at your own data."
    )
    st.button("Remove the demo profile", on_click=_remove_demo, icon="🗑️")
else:
    st.caption(
        "Fill a separate, clearly-marked demo profile with 90 days of made-up data. Your own data is untouched."
    )
    st.button("Fill a demo profile", on_click=_fill_demo, icon="🧪")

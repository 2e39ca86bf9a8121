"""Insights page: pick a period, see every chart with its plain-words insights, and manage the demo profile.

Drawing only: the data, charts and sentences come from ``haven.tracking``.
"""

from __future__ import annotations

import streamlit as st

from haven.tracking.charts import build_charts
from haven.tracking.frames import PERIODS, Period, load_tracking_data
from haven.tracking.insights import build_insights
from haven.tracking.instruments import load_instruments
from ui.charts import show_chart
from ui.demo import demo_controls
from ui.entry import through_app
from ui.profile import active_profile, demo_banner, profile_switcher
from ui.resources import database, library

through_app()

engine = database()
profile_switcher()
person = active_profile()

st.title("Insights")
demo_banner()


def _beside(figure, sentences: list[str], waiting: str | None = None, in_words: str | None = None) -> None:
    """A chart with its insights to the right. ``in_words`` stands in for a chart of a single point, and
    ``waiting`` for a chart with nothing to draw yet: one friendly line on what would fill it, not a blank
    frame."""
    if waiting:
        for sentence in sentences:
            st.markdown(f"- {sentence}")
        st.caption(waiting)
        return
    chart_col, words_col = st.columns([3, 2], gap="medium")
    if in_words:
        chart_col.info(in_words, icon=":material/eco:")
    else:
        with chart_col:
            show_chart(figure)
    with words_col:
        for sentence in sentences:
            st.markdown(f"- {sentence}")


def _exercise_titles() -> dict[str, str]:
    return {exercise_id: exercise.title for exercise_id, exercise in library().exercises.items()}


label = st.segmented_control("Period", list(PERIODS), default="90 days", key="insights_period") or "90 days"
data = load_tracking_data(engine, person, Period.last(PERIODS[label], label=label))

if data.is_empty:
    st.info(
        "Nothing to show for this period yet. Check in on the Mood page, and your mood, feelings and what "
        "helps you will show here. Or look around with the demo profile below.",
        icon=":material/eco:",
    )
else:
    titles = _exercise_titles()
    charts = build_charts(data, titles)
    insights = build_insights(data, titles)
    waiting = charts.waiting
    st.caption(insights.caution)
    st.subheader("Mood")
    _beside(charts.mood, [insights.mood.sentence] if insights.mood else [], waiting.get("mood"),
            charts.in_words.get("mood"))  # fmt: skip
    _beside(charts.calendar, [])
    st.caption("In the calendar each square is a day; blank squares are days without a check-in.")
    st.subheader("Feelings and days")
    _beside(charts.emotions, [insights.emotions.sentence] if insights.emotions else [], waiting.get("emotions"))
    tag_words = [tag.sentence for tag in insights.tags] + ([insights.sleep.sentence] if insights.sleep else [])
    _beside(charts.tags, tag_words, waiting.get("tags"))
    st.subheader("Check-ups")
    words = {q.instrument: q.sentence for q in insights.questionnaires}
    instruments = load_instruments()
    for tab, key in zip(
        st.tabs([instruments[key].name for key in charts.questionnaires]), charts.questionnaires, strict=True
    ):
        with tab:
            _beside(charts.questionnaires[key], [words[key]] if key in words else [], waiting.get(key),
                    charts.in_words.get(key))  # fmt: skip
    st.subheader("What helps")
    _beside(charts.what_helps, [e.sentence for e in insights.exercises], waiting.get("what_helps"))

st.divider()
st.subheader("Demo profile")
demo_controls(key="insights-demo")

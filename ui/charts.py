"""Every chart a page draws goes through :func:`show_chart`, so all share one plotly config (no mode bar)."""

from __future__ import annotations

import streamlit as st

from haven.tracking.charts import CHART_CONFIG


def show_chart(figure, key: str | None = None) -> None:
    """Draw ``figure`` full width with Haven's chart config: no toolbar over the title on a phone, and no
    scroll-zoom, so a page scrolls past a chart instead of zooming into it."""
    st.plotly_chart(figure, config=CHART_CONFIG, key=key)

"""Heavy objects built once per server process (st.cache_resource). Never per-person state."""

from __future__ import annotations

import streamlit as st


@st.cache_resource(show_spinner=False)
def library():
    """The loaded library (exercises and articles)."""
    from haven.content.loader import load_default_library

    return load_default_library()


@st.cache_resource(show_spinner="Loading the library index...")
def library_search():
    """The hybrid searcher over the library index (loads the embedding model once)."""
    from haven.retrieval.search import get_library_search

    return get_library_search()


@st.cache_resource(show_spinner=False)
def database():
    """The database engine, upgraded to the latest schema."""
    from haven.storage.db import get_engine

    return get_engine()

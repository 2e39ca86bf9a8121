"""Heavy objects built once per server process (st.cache_resource). Never per-person state."""

from __future__ import annotations

import streamlit as st


@st.cache_resource(show_spinner=False)
def library():
    """The loaded library (exercises and articles)."""
    from haven.content.loader import load_default_library

    return load_default_library()


@st.cache_resource(show_spinner=False)
def _searcher():
    from haven.retrieval.search import get_library_search

    return get_library_search()


@st.cache_resource(show_spinner=False)
def _index_checked() -> dict:
    return {"done": False}


def library_search():
    """The hybrid searcher. On first start it builds the library index, with a progress bar."""
    checked = _index_checked()
    if not checked["done"]:
        from haven.retrieval.index import ingest, is_current

        lib = library()
        if not is_current(lib):
            bar = st.progress(0.0, text="Preparing the library for search (first start only)...")

            def show(n: int, total: int, doc_id: str) -> None:
                bar.progress(n / total, text=f"Indexing the library: {n} of {total} ({doc_id})")

            ingest(lib, progress=show)
            bar.empty()
        checked["done"] = True
    return _searcher()


@st.cache_resource(show_spinner=False)
def database():
    """The database engine, upgraded to the latest schema."""
    from haven.storage.db import get_engine

    return get_engine()


@st.cache_resource(show_spinner="Getting Haven ready (first start only)...")
def warm_up() -> bool:
    """Load the embedding model and triage's model once, so nobody's first message waits for them."""
    from haven.safety import triage

    triage("hello")
    return True

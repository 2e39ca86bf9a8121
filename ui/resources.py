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
        from haven.retrieval.index import ingest
        from haven.retrieval.search import index_is_current

        lib = library()
        if not index_is_current(lib):  # a snapshot that matches the files answers without opening Chroma
            bar = st.progress(0.0, text="Preparing the library for search (first start only)...")

            def show(n: int, total: int, doc_id: str) -> None:
                bar.progress(n / total, text=f"Indexing the library: {n} of {total} ({doc_id})")

            ingest(lib, progress=show)
            bar.empty()
        checked["done"] = True
    return _searcher()


def _still_open(engine) -> bool:
    """An engine closed by an unlock or a re-key would reconnect with the old key: build a new one instead."""
    from haven.storage.db import is_open

    return is_open(engine)


@st.cache_resource(show_spinner=False, validate=_still_open)
def database():
    """The database engine, upgraded to the latest schema; rebuilt after the passphrase changes."""
    from haven.storage.db import get_engine

    return get_engine()


def _service_still_open(service) -> bool:
    return _still_open(service.db)


@st.cache_resource(show_spinner="Getting the chat ready...", validate=_service_still_open)
def chat_service():
    """One chat service per server process (library, searcher, guide), rebuilt with the database engine.

    The searcher is deferred: an index that cannot be opened costs the chat its citations, never its
    answer, and never a person their crisis help.
    """
    from haven.chat.service import ChatService
    from haven.retrieval.deferred import DeferredSearch
    from haven.reviews import ReviewedReplies

    service = ChatService(DeferredSearch(_searcher), library(), database(), reviewed=ReviewedReplies.load())
    try:
        service.understander.warm_up()
    except Exception as error:  # noqa: BLE001 - the first message then loads it (or falls back to the lexicon)
        from haven.logfile import record_fault

        record_fault(error, "warming up the chat")
    return service


def prepare_library_search() -> bool:
    """Build the library index on first start; if it cannot be built, say so and let the page go on.

    Why not fail: the index serves the Library page and the chat's citations, but the chat's crisis help,
    check-ins and everything already saved do not need it. The details go to the log file.
    """
    try:
        library_search()
    except Exception as error:  # noqa: BLE001 - any fault of the index is a fallback, not a stop
        from haven.logfile import describe, record_fault

        record_fault(error, "building the library index")
        st.warning(
            f"The library search is not ready ({describe(error)}). The chat still answers, without citations, "
            "and crisis help and your saved entries work as usual. Running `haven ingest` rebuilds the index.",
            icon=":material/menu_book:",
        )
        return False
    return True


@st.cache_resource(show_spinner="Getting Haven ready (first start only)...")
def _warm() -> bool:
    from haven.safety import triage

    triage("hello")
    return True


def warm_up() -> bool:
    """Load the embedding model and triage's model once, so nobody's first message waits for them; then, in
    the background, what the tracking pages draw with.

    A failure here is logged and the page goes on: each message is triaged again when it is sent.
    """
    try:
        warmed = _warm()
    except Exception as error:  # noqa: BLE001
        from haven.logfile import record_fault

        record_fault(error, "loading the models")
        return False
    _pages_warming()
    return warmed


@st.cache_resource(show_spinner=False)
def _pages_warming():
    """Import the charts' and tables' libraries (pandas, plotly: one to two seconds on two cores) on a thread
    of their own, once per server process, instead of in the first visit to Mood or Insights, which took
    1.5-1.9 s against a tenth of a second for a later visit. The page being drawn meanwhile goes on; a page
    that needs them first simply waits for the import in progress."""
    import threading

    def load() -> None:
        try:
            import haven.tracking.charts  # noqa: F401 - pandas and plotly
            import haven.tracking.frames  # noqa: F401
            import haven.tracking.insights  # noqa: F401
        except Exception as error:  # noqa: BLE001 - the page imports them itself when it is opened
            from haven.logfile import record_fault

            record_fault(error, "loading the chart libraries")

    thread = threading.Thread(target=load, name="haven-warm-pages", daemon=True)
    thread.start()
    return thread

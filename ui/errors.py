"""The one error boundary around every page: a plain message on screen, the details in the log file.

app.py runs each page inside :func:`page_boundary`. Whatever a page raises, the person sees which page
failed and that nothing they saved was lost; the "Need help now?" button, drawn before the page, stays.
Streamlit's own control flow (``st.rerun``, ``st.stop``, ``st.switch_page``) passes through untouched: it
raises BaseException subclasses, and only ``Exception`` is caught here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


def show_fault(error: BaseException, where: str) -> None:
    """Log ``error`` with its traceback and draw one plain sentence about it (never the traceback)."""
    from haven.logfile import describe, record_fault

    path = record_fault(error, where)
    kept = (
        f" The details are in Haven's log file ({path.parent.name}/{path.name} in its data folder)."
        if path
        else ""
    )
    st.error(
        f"Haven could not show {where} ({describe(error)}). Nothing you saved was lost. "
        "If you need someone to talk to now, the **Need help now?** button at the top of the page still works."
        f"{kept}",
        icon=":material/error:",
    )


@contextmanager
def page_boundary(where: str) -> Iterator[None]:
    """Run a page (or the app's own setup) so that an exception becomes :func:`show_fault`."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - this is the boundary; st.rerun/st.stop are BaseException
        show_fault(error, where)

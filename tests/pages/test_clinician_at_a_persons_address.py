"""Clinic mode: a clinician who opens a person's page address (a link a person sent, an old bookmark) gets a
plain page saying it is for people using Haven, with links to the clinician's own pages, not "Page not found"."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest


def _gate() -> None:
    """app.py's clinic branch with stand-in personal pages; opens the address in session_state["open"]."""
    import streamlit as st

    from ui.clinic_pages import clinic_pages

    def page() -> None:
        st.title("A person's own page")

    menu = clinic_pages({
        "Haven": [st.Page(page, title="Welcome", url_path="home", default=True),
                  st.Page(page, title="Chat", url_path="chat")],
        "You": [st.Page(page, title="Settings", url_path="settings")],
    })  # fmt: skip
    if menu is None:
        return
    hidden = [p.url_path for pages in menu.values() for p in pages if p.visibility == "hidden"]
    st.write("hidden: " + ", ".join(hidden))
    st.navigation(menu).run()  # as app.py: the page at the address opened


CLINICIAN = {"is_logged_in": True, "sub": "c-1", "name": "Dr Lee", "groups": ["therapists"]}


def _open(address: str) -> AppTest:
    """The gate at ``address``, as a browser opening that URL: AppTest's switch_page takes only page files,
    so the address is given as the hash Streamlit gives a page (of its url_path) after a first run."""
    from streamlit.util import calc_hash

    at = AppTest.from_function(_gate, default_timeout=60)
    at.user = {**CLINICIAN, "iat": time.time()}
    at.run()
    if address:
        at._page_hash = calc_hash(address)
        at.run()
    return at


def test_a_persons_addresses_are_kept_for_a_clinician_as_plain_pages(clinic_on_a_file):
    at = _open("")
    assert not at.exception
    hidden = next(m.value for m in at.markdown if m.value.startswith("hidden:"))
    assert hidden == "hidden: chat, settings, sharing"  # the default page's address is the caseload's


@pytest.mark.parametrize("address", ["chat", "settings", "sharing"])
def test_a_clinician_at_a_persons_address_is_told_whose_page_it_is_and_where_theirs_are(clinic_on_a_file, address):
    at = _open(address)
    assert not at.exception
    assert [t.value for t in at.title] == ["This page is for people using Haven"]
    assert "clinician" in at.info[0].value
    links = [link.proto.label for link in at.get("page_link")]
    assert links == ["Caseload", "Shared with me", "Review replies"]
    assert "A person's own page" not in [t.value for t in at.title]  # the person's page itself never ran

"""The lock screen: when the database is encrypted, nothing else is drawn until its passphrase is given."""

from __future__ import annotations

import streamlit as st

_UNLOCKED = "haven_unlocked"


def require_unlocked(pages=None) -> bool:
    """True when the app may go on; otherwise draws the lock screen and returns False.

    app.py: ``if not require_unlocked(PAGES): st.stop()`` before the navigation runs. Each browser session
    unlocks once; HAVEN_PASSPHRASE, when set and right, unlocks without asking. ``pages`` are the app's
    pages: the lock screen stands in for whichever one the address asks for, so reloading /chat while
    locked finds its page (no "Page not found") and unlocking reruns straight into it.
    """
    from haven.config import get_settings
    from haven.privacy import WrongPassphrase, is_encrypted, unlock

    if st.session_state.get(_UNLOCKED) or not is_encrypted():
        return True
    problem = None
    configured = get_settings().passphrase
    if configured:
        try:
            unlock(configured)
        except WrongPassphrase:
            problem = "HAVEN_PASSPHRASE is set, but it is not the passphrase of Haven's journal."
        else:
            st.session_state[_UNLOCKED] = True
            return True
    _show_only_the_lock_screen(problem, pages)
    return False


def _show_only_the_lock_screen(problem: str | None, pages=None) -> None:
    """The app's navigation, hidden, with the lock screen drawn instead of whichever page is asked for.

    No page is offered or run while locked; the address keeps the page the person was on, so the rerun
    after unlocking opens it. Without ``pages``, a navigation of one hidden lock page.
    """

    def locked() -> None:
        _draw(problem)

    stand_ins = [st.Page(locked, title="Haven is locked", icon="🔒", default=True)]
    if pages:
        stand_ins = _stand_ins(pages, locked)
    st.navigation(stand_ins, position="hidden").run()


def _stand_ins(pages, locked) -> list:
    """One lock page per app page, at the same address: Streamlit knows a page by its address, so the
    address asked for is found while locked, and stays the page to open once unlocked."""
    every = [page for section in pages.values() for page in section] if isinstance(pages, dict) else list(pages)
    return [
        st.Page(locked, title=page.title, icon="🔒", url_path=page.url_path or "home", default=not page.url_path)
        for page in every  # the default page's address is "" (it is served at /)
    ]


def _draw(problem: str | None) -> None:
    st.title("Haven is locked")
    st.write("Your journal on this computer is encrypted. Enter your passphrase to open it.")
    with st.form("haven_unlock"):
        passphrase = st.text_input("Passphrase", type="password", key="haven_unlock_passphrase")
        submitted = st.form_submit_button("Unlock", type="primary")
    if problem:
        st.error(problem)
    if submitted:
        _try_unlock(passphrase)
    st.caption(
        "Haven cannot recover a forgotten passphrase: without it the file stays unreadable, "
        "which is what keeps it private."
    )


def _try_unlock(passphrase: str) -> None:
    from haven.privacy import WrongPassphrase, unlock

    if not passphrase:
        st.error("Enter your passphrase.")
        return
    try:
        unlock(passphrase)
    except WrongPassphrase:
        st.error("That passphrase does not open your journal. Check it (capital letters count) and try again.")
        return
    _forget_cached_engine()
    st.session_state[_UNLOCKED] = True
    st.rerun()


def _forget_cached_engine() -> None:
    """The UI's cached engine (if any) was opened without the passphrase: drop it."""
    from ui.resources import database

    database.clear()


def mark_unlocked() -> None:
    """This browser session knows the passphrase (it just set or changed it): no lock screen for it."""
    st.session_state[_UNLOCKED] = True

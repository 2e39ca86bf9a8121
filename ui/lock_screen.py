"""The lock screen: when the database is encrypted, nothing else is drawn until its passphrase is given."""

from __future__ import annotations

import streamlit as st

_UNLOCKED = "haven_unlocked"


def require_unlocked() -> bool:
    """True when the app may go on; otherwise draws the lock screen and returns False.

    app.py: ``if not require_unlocked(): st.stop()`` before the navigation runs. Each browser session
    unlocks once; HAVEN_PASSPHRASE, when set and right, unlocks without asking.
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
        except WrongPassphrase as error:
            problem = f"HAVEN_PASSPHRASE is set but is not this database's passphrase. {error}"
        else:
            st.session_state[_UNLOCKED] = True
            return True
    _show_only_the_lock_screen(problem)
    return False


def _show_only_the_lock_screen(problem: str | None) -> None:
    """A navigation of one hidden page, so no other page (nor the pages/ folder) is offered while locked."""

    def locked() -> None:
        _draw(problem)

    st.navigation([st.Page(locked, title="Haven is locked", icon="🔒", default=True)], position="hidden").run()


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
    except WrongPassphrase as error:
        st.error(f"{error} Try again.")
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

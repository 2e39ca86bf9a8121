"""The Privacy section of the Settings page: passphrase, export, import, delete. Draws; the work is in
``haven.privacy``."""

from __future__ import annotations

from datetime import date

import streamlit as st


def render_privacy_section() -> None:
    """Everything a person can do with their own data, and a plain account of where it is."""
    from haven.config import get_settings

    settings = get_settings()
    st.subheader("Privacy")
    st.markdown(
        f"Everything you write (chats, check-ins, exercises, questionnaires) is kept in a database on this "
        f"computer, in `{settings.data_dir}`. No account, no cloud, no tracking: Haven works with the network "
        "switched off. The library search and the offline guide run here too, and your words are never added "
        "to the search index."
    )
    _encryption()
    _export()
    _import()
    _delete()


def _engine():
    from ui.resources import database

    return database()


_DONE = "privacy_passphrase_done"  # what the last passphrase change did, said once after the rerun


def _after_rekey(message: str) -> None:
    """Run the page again: the state line above the form was drawn before the change, and would otherwise
    say "not encrypted" beside "Done: your database is encrypted"."""
    from ui.lock_screen import mark_unlocked
    from ui.resources import database

    database.clear()  # the cached engine was opened with the old key
    mark_unlocked()
    st.session_state[_DONE] = message
    st.rerun()


def _encryption() -> None:
    from haven.privacy import MIN_LENGTH, database_file, is_encrypted
    from haven.privacy.passphrase import NotLocalDatabase

    st.markdown("#### Passphrase")
    done = st.session_state.pop(_DONE, None)
    if done:
        st.success(done)
    try:
        path = database_file()
    except NotLocalDatabase as error:
        st.info(str(error))
        return
    if _env_passphrase_set():
        st.caption(
            "HAVEN_PASSPHRASE is set where Haven starts. If you change or remove the passphrase here, "
            "change that setting too, or Haven will not open next time."
        )
    if is_encrypted(path):
        st.write("Your database is **encrypted**. Without your passphrase its file cannot be read.")
        _change_form(MIN_LENGTH)
        _remove_form()
    else:
        st.write("Your database is **not encrypted**. Anyone who can open your files could read it.")
        _set_form(MIN_LENGTH)


def _env_passphrase_set() -> bool:
    from haven.config import get_settings

    return bool(get_settings().passphrase)


def _new_passphrase_fields(min_length: int) -> tuple[str, str]:
    new = st.text_input(f"New passphrase (at least {min_length} characters)", type="password")
    again = st.text_input("The new passphrase again", type="password")
    return new, again


def _set_form(min_length: int) -> None:
    from haven.privacy import DatabaseInUse, WeakPassphrase, WrongPassphrase, set_passphrase

    with st.form("privacy_set_passphrase", clear_on_submit=True):
        new, again = _new_passphrase_fields(min_length)
        submitted = st.form_submit_button("Encrypt with this passphrase", type="primary")
    st.caption("Keep it somewhere safe: a forgotten passphrase cannot be recovered, and neither can the data.")
    if submitted:
        if new != again:
            st.error("The two passphrases differ. Nothing was changed.")
            return
        try:
            set_passphrase(new)
        except (WeakPassphrase, WrongPassphrase, DatabaseInUse) as error:
            st.error(str(error))
            return
        _after_rekey("Done: your database is encrypted. Haven will ask for the passphrase when it starts.")


def _change_form(min_length: int) -> None:
    from haven.privacy import DatabaseInUse, WeakPassphrase, WrongPassphrase, change_passphrase

    with st.form("privacy_change_passphrase", clear_on_submit=True):
        current = st.text_input("Current passphrase", type="password")
        new, again = _new_passphrase_fields(min_length)
        submitted = st.form_submit_button("Change passphrase")
    if submitted:
        if new != again:
            st.error("The two new passphrases differ. Nothing was changed.")
            return
        try:
            change_passphrase(current, new)
        except (WeakPassphrase, WrongPassphrase, DatabaseInUse) as error:
            st.error(str(error))
            return
        _after_rekey("Done: the passphrase is changed. Every record was kept.")


def _remove_form() -> None:
    from haven.privacy import WrongPassphrase, remove_passphrase

    with st.form("privacy_remove_passphrase", clear_on_submit=True):
        current = st.text_input("Current passphrase", type="password", key="privacy_remove_current")
        submitted = st.form_submit_button("Remove encryption")
    if submitted:
        try:
            remove_passphrase(current)
        except (WrongPassphrase, RuntimeError) as error:
            st.error(str(error))
            return
        _after_rekey("Done: the database is no longer encrypted. Every record was kept.")


def _export() -> None:
    from haven.privacy import check_ins_csv, export_json

    st.markdown("#### Take your data with you")
    st.write("One file with everything (chats, check-ins, exercises, questionnaires), which Haven can import back.")
    engine = _engine()
    today = date.today().isoformat()
    left, right = st.columns(2)
    left.download_button(
        "Download everything (JSON)",
        data=lambda: export_json(engine),  # made when pressed, not on every visit to Settings
        file_name=f"haven-export-{today}.json",
        mime="application/json",
        on_click="ignore",
    )
    right.download_button(
        "Download check-ins (CSV)",
        data=lambda: check_ins_csv(engine),
        file_name=f"haven-check-ins-{today}.csv",
        mime="text/csv",
        on_click="ignore",
    )
    st.caption("The downloaded file is not encrypted: keep it somewhere private.")


def _import() -> None:
    from haven.privacy import InvalidExport, import_export, validate_export

    st.markdown("#### Bring data back")
    upload = st.file_uploader("A file downloaded from Haven", type=["json"], key="privacy_import_file")
    if upload is None:
        return
    if st.button("Import this file", key="privacy_import"):
        try:
            report = import_export(_engine(), validate_export(upload.getvalue()))
        except InvalidExport as error:
            st.error("This file was not imported, and nothing was changed.")
            st.code("\n".join(error.problems[:20]), language=None)
            return
        added = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in report.added.items() if n)
        st.success(f"Imported: {added}." if added else "Nothing new: everything in the file is here already.")


def _delete() -> None:
    from haven.privacy import CONFIRM_WORD

    st.markdown("#### Delete everything")
    st.write(
        "This removes all your data from this computer (every profile), for good. "
        "Download a copy first if you may want it back."
    )
    typed = st.text_input(f"Type {CONFIRM_WORD} to confirm", key=_CONFIRM)
    st.button(
        "Delete everything",
        key="privacy_delete",
        disabled=typed.strip() != CONFIRM_WORD,
        on_click=_delete_now,
    )
    deleted = st.session_state.pop(_DELETED, None)
    if deleted is not None:
        st.success(f"Deleted {deleted} records. Haven now holds nothing of yours.")


_CONFIRM = "privacy_delete_confirm"
_DELETED = "privacy_deleted_count"


def _delete_now() -> None:
    from haven.privacy import CONFIRM_WORD, delete_everything

    if st.session_state.get(_CONFIRM, "").strip() != CONFIRM_WORD:
        return
    st.session_state[_DELETED] = sum(delete_everything(_engine()).values())
    st.session_state[_CONFIRM] = ""

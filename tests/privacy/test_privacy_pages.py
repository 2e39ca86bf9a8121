"""The lock screen and the Settings page's Privacy section, in AppTest."""

from __future__ import annotations

import hashlib

import pytest
import streamlit as st
from privacy_data import PASSPHRASE
from streamlit.testing.v1 import AppTest

from haven.privacy import export_document, is_encrypted, is_locked, set_passphrase
from haven.storage import crypto
from haven.storage.db import close_engines, get_engine


def locked_app():
    import streamlit as st

    from ui.lock_screen import require_unlocked

    if not require_unlocked():
        st.stop()
    st.markdown("journal open")


def privacy_page():
    from ui.privacy_settings import render_privacy_section

    render_privacy_section()


@pytest.fixture
def fresh_caches(data_dir):
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _as_new_process() -> None:
    close_engines()
    crypto.remember_passphrase(None)
    st.cache_resource.clear()


def _opened(at: AppTest) -> bool:
    return any(m.value == "journal open" for m in at.markdown)


def test_a_plain_database_opens_without_a_lock_screen(populated, fresh_caches):
    at = AppTest.from_function(locked_app, default_timeout=30).run()
    assert not at.exception and _opened(at)


def test_an_encrypted_database_opens_on_the_lock_screen(populated, db_path, fresh_caches):
    set_passphrase(PASSPHRASE)
    _as_new_process()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    at = AppTest.from_function(locked_app, default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == "Haven is locked" and not _opened(at)

    at.text_input(key="haven_unlock_passphrase").input("not the passphrase")
    at.button[0].click().run()
    assert "does not open" in at.error[0].value and str(db_path) not in at.error[0].value
    assert not _opened(at) and is_locked()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest

    at.text_input(key="haven_unlock_passphrase").input(PASSPHRASE)
    at.button[0].click().run()
    assert not at.exception and _opened(at) and not is_locked()
    assert export_document(get_engine())["counts"]["check_ins"] == 14


def test_haven_passphrase_unlocks_without_asking(populated, fresh_caches, monkeypatch):
    from haven.config import get_settings

    set_passphrase(PASSPHRASE)
    _as_new_process()
    monkeypatch.setenv("HAVEN_PASSPHRASE", PASSPHRASE)
    get_settings.cache_clear()
    at = AppTest.from_function(locked_app, default_timeout=30).run()
    assert not at.exception and _opened(at)


def test_privacy_section_sets_a_passphrase_and_deletes_only_after_the_word(populated, db_path, fresh_caches):
    at = AppTest.from_function(privacy_page, default_timeout=30).run()
    assert not at.exception
    assert [b.label for b in at.get("download_button")] == ["Download everything (JSON)", "Download check-ins (CSV)"]
    assert "not encrypted" in " ".join(m.value for m in at.markdown)

    fields = at.text_input
    fields[0].input("one passphrase")
    fields[1].input("another passphrase")
    at.button[0].click().run()
    assert "differ" in at.error[0].value and not is_encrypted(db_path)

    at.text_input[0].input(PASSPHRASE)
    at.text_input[1].input(PASSPHRASE)
    at.button[0].click().run()
    assert not at.exception and is_encrypted(db_path)
    assert "encrypted" in at.success[0].value

    delete = at.button(key="privacy_delete")
    assert delete.disabled
    at.text_input(key="privacy_delete_confirm").input("delete").run()
    assert at.button(key="privacy_delete").disabled
    at.text_input(key="privacy_delete_confirm").input("DELETE").run()
    at.button(key="privacy_delete").click().run()
    assert not at.exception and "Deleted 26 records" in at.success[0].value
    assert sum(export_document(get_engine())["counts"].values()) == 0

"""Issue 13: the Settings page says one thing about encryption at a time, under one Privacy heading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import streamlit as st
from privacy_data import PASSPHRASE
from streamlit.testing.v1 import AppTest

from haven.privacy import is_encrypted

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the page imports ui/ from the repository root
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def settings_page(populated, fresh_caches) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "settings.py"), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def fresh_caches(data_dir):
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _words(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.success] + [e.value for e in at.error]
    return "\n".join(parts)


def test_privacy_is_one_heading(settings_page):
    headings = [h.value for h in settings_page.subheader]
    assert headings.count("Privacy") == 1
    assert sum("kept in a database on this computer" in m.value for m in settings_page.markdown) == 1


def test_after_encrypting_the_page_says_encrypted_and_only_that(settings_page, db_path):
    at = settings_page
    assert "**not encrypted**" in _words(at)
    for field in at.text_input:
        if field.label.startswith(("New passphrase", "The new passphrase again")):
            field.input(PASSPHRASE)
    next(b for b in at.button if b.label == "Encrypt with this passphrase").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert is_encrypted(db_path)
    words = _words(at)
    assert "Done: your database is encrypted" in words
    assert "**encrypted**" in words and "not encrypted" not in words
    labels = [b.label for b in at.button]
    assert "Change passphrase" in labels and "Encrypt with this passphrase" not in labels
    at.run()  # the "Done" is said once; the state stays
    assert "Done:" not in _words(at) and "**encrypted**" in _words(at)


def test_after_removing_encryption_the_page_says_not_encrypted_and_only_that(settings_page, db_path):
    from haven.privacy import set_passphrase

    set_passphrase(PASSPHRASE)
    at = settings_page.run()
    assert "**encrypted**" in _words(at) and "not encrypted" not in _words(at)
    at.text_input(key="privacy_remove_current").input(PASSPHRASE)
    next(b for b in at.button if b.label == "Remove encryption").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not is_encrypted(db_path)
    words = _words(at)
    assert "no longer encrypted" in words and "**not encrypted**" in words
    assert "Your database is **encrypted**" not in words

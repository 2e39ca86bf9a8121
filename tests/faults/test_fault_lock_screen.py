"""The lock screen: a reload while locked keeps the page asked for (no "Page not found"), a wrong
passphrase is refused without naming the database's path, and unlocking opens the page the person was on."""

from __future__ import annotations

import pytest
from fault_helpers import PASSPHRASE, ROOT
from streamlit.testing.v1 import AppTest

TIMEOUT = 120


@pytest.fixture
def locked(with_searcher):
    """An encrypted journal, in a server process that has not been given the passphrase yet."""
    import streamlit as st

    from haven.privacy import database_file, set_passphrase
    from haven.storage.crypto import remember_passphrase
    from haven.storage.db import close_engines, get_engine

    get_engine()  # the file exists, with its schema
    set_passphrase(PASSPHRASE)
    close_engines()
    remember_passphrase(None)
    st.cache_resource.clear()
    return database_file()


@pytest.fixture
def pages_not_found(monkeypatch):
    """Every 'Page not found' Streamlit would send to the browser."""
    import streamlit.commands.navigation as navigation

    sent: list[bool] = []
    real = navigation.send_page_not_found

    def spy(ctx) -> None:
        sent.append(True)
        real(ctx)

    monkeypatch.setattr(navigation, "send_page_not_found", spy)
    return sent


@pytest.fixture(autouse=True)
def _served(served_as_by_a_server):
    """Every test here runs app.py as a server would (see the fixture in conftest)."""


@pytest.fixture
def address(monkeypatch):
    """The address a browser asks for on its first run, as a reload sends it: a page name, no page hash.

    (AppTest.switch_page sends a hash, which Streamlit quietly resolves to the default page when unknown;
    a reload of /chat sends the name "chat", which is what meets "Page not found".)
    """
    from streamlit.runtime.pages_manager import PagesManager

    asked: dict[str, str] = {}
    real = PagesManager.set_script_intent

    def intent(self, page_script_hash, page_name) -> None:
        if not page_script_hash and not page_name and asked.get("name"):
            page_name = asked.pop("name")
        real(self, page_script_hash, page_name)

    monkeypatch.setattr(PagesManager, "set_script_intent", intent)
    return asked


def _reload(page: str, address: dict) -> AppTest:
    """A browser (re)loading ``page``'s address (e.g. /chat): a new session whose first run asks for it."""
    address["name"] = page.removeprefix("pages/").removesuffix(".py")
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()


def _unlock(at: AppTest, passphrase: str) -> AppTest:
    at.text_input(key="haven_unlock_passphrase").input(passphrase)
    return next(b for b in at.button if b.label == "Unlock").click().run()


def test_reloading_a_page_while_locked_shows_only_the_lock_screen(locked, pages_not_found, address):
    at = _reload("pages/chat.py", address)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Haven is locked"]
    assert not pages_not_found, "Streamlit said 'Page not found' over the lock screen"
    assert at.button(key="help_now")  # in the header, above the lock screen


def test_a_wrong_passphrase_is_refused_without_the_database_path(locked, address):
    at = _unlock(_reload("pages/mood.py", address), "not the passphrase at all")
    assert not at.exception, at.exception
    shown = "\n".join(e.value for e in at.error)
    assert "does not open" in shown
    assert str(locked) not in shown and str(locked.parent) not in shown and "haven.db" not in shown


def test_unlocking_opens_the_page_the_person_was_on(locked, pages_not_found, address):
    at = _unlock(_reload("pages/chat.py", address), PASSPHRASE)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Chat"]
    assert not pages_not_found

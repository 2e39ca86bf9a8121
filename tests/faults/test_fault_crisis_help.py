"""Crisis help depends on nothing: not a re-keyed database, not the library index, not a page that fails."""

from __future__ import annotations

import json

import pytest
from fault_helpers import CRISIS, PASSPHRASE, ROOT
from streamlit.testing.v1 import AppTest

TIMEOUT = 120


def _page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [i.value for i in at.info]
    return "\n".join(parts + [c.value for c in at.caption])


def _chat_page() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "chat.py"), default_timeout=TIMEOUT)


def test_setting_a_passphrase_in_a_running_app_keeps_the_chat_and_its_crisis_card(with_searcher):
    """The Settings page re-keys the file; the Chat page's cached service must not keep the old engine."""
    chat = _chat_page().run()
    assert not chat.exception, chat.exception
    chat.chat_input[0].set_value("I feel a bit low today").run()
    assert not chat.exception, chat.exception

    settings = AppTest.from_file(str(ROOT / "pages" / "settings.py"), default_timeout=TIMEOUT).run()
    assert not settings.exception, settings.exception
    fields = [t for t in settings.text_input if "passphrase" in t.label.lower()]
    fields[0].input(PASSPHRASE)
    fields[1].input(PASSPHRASE)
    next(b for b in settings.button if b.label.startswith("Encrypt")).click().run()
    assert not settings.exception, settings.exception
    from haven.privacy import is_encrypted

    assert is_encrypted()

    chat = _chat_page().run()  # a new visit to Chat, in the same server process
    assert not chat.exception, chat.exception
    chat.chat_input[0].set_value(CRISIS).run()
    assert not chat.exception, chat.exception
    assert "988" in _page_text(chat)  # the crisis card, with the help lines
    assert chat.chat_input[0].disabled


@pytest.fixture
def broken_index(data_dir, monkeypatch):
    """The library index cannot be opened (as after a failed ingest or a damaged Chroma folder)."""
    import haven.retrieval.search as search
    from haven.retrieval.index import IndexUnavailable

    def unavailable():
        raise IndexUnavailable(f"The library index in {data_dir / 'chroma'} cannot be opened: simulated damage.")

    monkeypatch.setattr(search, "get_library_search", unavailable)
    return unavailable


def test_cli_crisis_help_survives_an_unreadable_index_and_the_message_is_saved(broken_index):
    from typer.testing import CliRunner

    from haven.cli import app
    from haven.storage.db import DEFAULT_PERSON, get_engine

    result = CliRunner().invoke(app, ["chat", "--json", CRISIS])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["level"] == "crisis" and "988" in data["reply"]
    from haven.chat import store

    conversations = store.list_conversations(get_engine(), DEFAULT_PERSON)
    assert conversations, "the message was not saved"
    turns = store.load_turns(get_engine(), DEFAULT_PERSON, conversations[0].id)
    assert any(t.role == "user" and t.text == CRISIS for t in turns)


def test_cli_everyday_message_is_answered_without_the_index(broken_index):
    from typer.testing import CliRunner

    from haven.cli import app

    result = CliRunner().invoke(app, ["chat", "--json", "I keep worrying about work"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["reply"]


def test_cli_crisis_help_survives_a_database_that_cannot_be_opened(data_dir, broken_index):
    """A damaged database file: the crisis response still comes, from static data, and says it was not saved."""
    from typer.testing import CliRunner

    from haven.cli import app

    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "haven.db").write_bytes(b"this is not a database at all" * 200)
    result = CliRunner().invoke(app, ["chat", CRISIS])
    assert result.exit_code == 0, result.output
    assert "988" in result.stdout
    assert "Traceback" not in result.output
    assert "not saved" in result.stderr.lower() or "could not be saved" in result.stderr.lower()


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def test_a_page_that_fails_shows_a_plain_message_the_help_button_and_logs_the_details(with_searcher, monkeypatch):
    """One error boundary around every page: no traceback, the help button stays, details go to a log file."""
    import ui.profile

    def broken(*args, **kwargs):
        raise RuntimeError("simulated fault in the mood page")

    at = _app().run()
    assert not at.exception, at.exception
    monkeypatch.setattr(ui.profile, "demo_banner", broken)
    at.switch_page("pages/mood.py").run()
    assert not at.exception, at.exception
    assert at.button(key="help_now")  # the crisis route is still one tap away (in the header)
    shown = "\n".join(e.value for e in at.error)
    assert "Mood" in shown and "RuntimeError" in shown
    assert "Traceback" not in _page_text(at)
    log = data_dir_log()
    assert "simulated fault in the mood page" in log and "Traceback" in log


def data_dir_log() -> str:
    from haven.config import get_settings
    from haven.logfile import log_path

    path = log_path(get_settings())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_the_chat_page_still_gives_the_crisis_card_when_its_service_cannot_be_built(with_searcher, monkeypatch):
    """The database cannot be opened at all: the chat says so plainly, and a crisis still gets the card."""
    import haven.storage.db as db

    def cannot_open(*args, **kwargs):
        raise RuntimeError("simulated: the database cannot be opened")

    monkeypatch.setattr(db, "make_engine", cannot_open)
    at = _chat_page().run()
    assert not at.exception, at.exception
    at.chat_input[0].set_value(CRISIS).run()
    assert not at.exception, at.exception
    assert "988" in _page_text(at)


def test_an_unreadable_index_is_not_rebuilt_on_every_message():
    """Building the searcher may mean an ingest that takes a while to fail: once per retry period, not per turn."""
    from haven.retrieval.deferred import DeferredSearch
    from haven.retrieval.index import IndexUnavailable

    attempts = []

    def build():
        attempts.append(1)
        raise IndexUnavailable("simulated: the index cannot be opened")

    searcher = DeferredSearch(build)
    for _ in range(3):
        with pytest.raises(IndexUnavailable):
            searcher.search("worry")
    assert len(attempts) == 1


def test_the_app_with_an_unreadable_index_says_so_and_still_gives_the_crisis_card(
    broken_index, served_as_by_a_server, monkeypatch
):
    """app.py's first-start index build fails: a plain warning, the Chat page still runs, a crisis gets the card."""
    import haven.retrieval.index as index
    from haven.retrieval.index import IndexUnavailable

    def unreadable(*args, **kwargs):
        raise IndexUnavailable("simulated: the library index cannot be read")

    monkeypatch.setattr(index, "is_current", unreadable)
    at = _app().run()
    at.switch_page("pages/chat.py").run()
    assert not at.exception, at.exception
    assert any("library search is not ready" in w.value for w in at.warning)
    at.chat_input[0].set_value(CRISIS).run()
    assert not at.exception, at.exception
    assert "988" in _page_text(at) and at.chat_input[0].disabled

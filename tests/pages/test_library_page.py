"""The Library page, driven by Streamlit's AppTest: browse, search with cited passages, read a document."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "library.py")


def _app() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=120)


def test_browse_lists_every_document_and_filters_by_kind(library_search):
    at = _app().run()
    assert not at.exception
    assert any("36 of 36 documents" in c.value for c in at.caption)
    at.segmented_control(key="library_kind").set_value("Articles").run()
    assert any("12 of 36 documents" in c.value for c in at.caption)


def test_search_shows_the_passage_and_where_it_comes_from(library_search):
    at = _app().run()
    at.text_input(key="library_query").input("my heart races and I think I'm going to faint").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "[1]" in text and ">" in text
    assert any("From `" in c.value for c in at.caption)


def test_reading_an_exercise_shows_steps_and_sources(library_search):
    at = _app().run()
    at.text_input(key="library_query").input("square breathing").run()
    at.button(key="read-box-breathing").click().run()
    assert not at.exception
    assert at.header[0].value == "Box breathing"
    body = " ".join(m.value for m in at.markdown)
    assert "The steps" in body and "nhs.uk" in body

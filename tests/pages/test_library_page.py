"""The Library page, driven by Streamlit's AppTest: browse, search with cited passages, read a document."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "library.py")


def _app() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=120)


def test_browse_lists_every_document_and_filters_by_kind(library_search):
    from haven.content.loader import load_default_library

    documents = list(load_default_library().documents())
    articles = sum(doc.kind != "exercise" for doc in documents)
    at = _app().run()
    assert not at.exception
    assert any(f"{len(documents)} of {len(documents)} documents" in c.value for c in at.caption)
    at.segmented_control(key="library_kind").set_value("Articles").run()
    assert any(f"{articles} of {len(documents)} documents" in c.value for c in at.caption)


def test_search_shows_the_passage_and_where_it_comes_from(library_search):
    at = _app().run()
    at.text_input(key="library_query").input("my heart races and I think I'm going to faint").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    captions = " ".join(c.value for c in at.caption)
    assert "Panic" in text or "panic" in text  # a title and its matched passage
    assert "Sources: [" in captions and "](https://" in captions  # publishers as links
    assert ".yaml" not in text + captions and ".md`" not in text + captions  # no file paths


def test_an_excerpt_is_short_and_a_list_reads_as_a_few_quoted_phrases():
    from ui.excerpts import excerpt

    listed = "Worry time can help when you think or feel:\n- I worry all day\n- My mind won't stop\n- I lie awake\n- More"
    assert excerpt(listed) == "“I worry all day” · “My mind won't stop” · “I lie awake” …"
    prose = "word " * 100
    assert len(excerpt(prose)) <= 242 and excerpt(prose).endswith("…")


def test_each_publisher_is_linked_once():
    from types import SimpleNamespace as Ref

    from ui.excerpts import publisher_links

    refs = [Ref(publisher="NHS", url="u1"), Ref(publisher="Mind", url="u2"), Ref(publisher="NHS", url="u3")]
    assert publisher_links(refs) == "[NHS](u1) · [Mind](u2)"

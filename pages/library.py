"""Library: browse Haven's exercises and articles, search them in your own words, read one in full."""

from __future__ import annotations

import streamlit as st

from haven.content.catalogue import all_tags, browse, card
from haven.content.models import Article, Exercise
from ui.entry import through_app
from ui.excerpts import excerpt, publisher_links
from ui.resources import library, library_search

through_app()

_OPEN = "library_open_doc"
_KINDS = {"Everything": None, "Exercises": "exercise", "Articles": "article"}


def _open(doc_id: str) -> None:
    st.session_state[_OPEN] = doc_id


def _start_exercise(doc_id: str) -> None:
    st.session_state["start_exercise"] = doc_id
    st.switch_page("pages/exercises.py")


def _references(refs) -> None:
    st.markdown("**Sources**")
    for ref in refs:
        st.markdown(f"- [{ref.title}]({ref.url}) ({ref.publisher})")


def _show_exercise(ex: Exercise) -> None:
    st.caption(f"Exercise · {ex.approach.value} · about {ex.duration_minutes} min")
    st.markdown(ex.purpose)
    st.markdown("**When it can help**")
    st.markdown("\n".join(f"- *{line}*" for line in ex.when_it_helps))
    if ex.cautions:
        st.warning("\n".join(f"- {c}" for c in ex.cautions), icon=":material/warning:")
    st.markdown("**The steps**")
    st.markdown("\n".join(f"{i}. {step.prompt}" for i, step in enumerate(ex.steps, start=1)))
    if st.button("Start this exercise", type="primary", key=f"start-{ex.id}"):
        _start_exercise(ex.id)
    _references(ex.references)


def _show_article(article: Article) -> None:
    st.caption("Article")
    if article.intro:
        st.markdown(article.intro)
    for section in article.sections:
        st.subheader(section.heading)
        st.markdown(section.body)
    related = [library().exercises[i] for i in article.meta.related_exercises if i in library().exercises]
    if related:
        st.markdown("**Exercises that go with this**")
        cols = st.columns(min(3, len(related)))
        for col, ex in zip(cols * 3, related, strict=False):
            col.button(ex.title, key=f"rel-{article.id}-{ex.id}", on_click=_open, args=(ex.id,))
    _references(article.references)


def _reader(doc_id: str) -> None:
    doc = library().get(doc_id)
    if doc is None:
        st.error(f"'{doc_id}' is not in the library.")
        return
    st.button("← Back to the library", on_click=_open, args=(None,))
    st.header(doc.title)
    if isinstance(doc, Exercise):
        _show_exercise(doc)
    else:
        _show_article(doc)


def _search_results(query: str, kind: str | None) -> None:
    hits = library_search().search(query, k=5, kind=kind)
    if not hits:
        st.info("Nothing in the library matched those words. Try describing how you feel or what happened.")
        return
    for hit in hits:
        with st.container(border=True):
            _result(hit)


def _result(hit) -> None:
    """One result as a person reads it: what the document is, the part that matched (with its section),
    and who it draws on, as links. No file paths, and no long lists of phrases."""
    doc = library().get(hit.doc_id)
    about = card(doc) if doc is not None else None
    kind = "Exercise" if hit.kind == "exercise" else "Article"
    minutes = f" · {about.minutes} min" if about and about.minutes else ""
    st.markdown(f"**{hit.title}**")
    st.caption(f"{kind}{minutes}" + (f" · {about.summary}" if about else ""))
    st.markdown(f"*{hit.section}*: {excerpt(hit.passage)}" if hit.section else excerpt(hit.passage))
    links = publisher_links(hit.references)
    if links:
        st.caption(f"Sources: {links}")
    st.button("Read it", key=f"read-{hit.doc_id}", on_click=_open, args=(hit.doc_id,))


def _browse(kind: str | None, tags: list[str]) -> None:
    cards = browse(library(), kind=kind, tags=tags)
    st.caption(f"{len(cards)} of {sum(1 for _ in library().documents())} documents")
    cols = st.columns(3)
    for i, doc in enumerate(cards):
        with cols[i % 3].container(border=True):
            icon = ":material/self_improvement:" if doc.kind == "exercise" else ":material/article:"
            st.markdown(f"{icon} **{doc.title}**")
            st.caption(doc.summary + (f" · {doc.minutes} min" if doc.minutes else ""))
            st.button("Open", key=f"open-{doc.id}", on_click=_open, args=(doc.id,))


st.title("Library")
st.caption("Coping exercises and short articles, written in plain words, each with its sources.")
if st.session_state.get(_OPEN):
    _reader(st.session_state[_OPEN])
else:
    query = st.text_input(
        "Search in your own words", placeholder="e.g. I can't stop worrying about money", key="library_query"
    )
    left, right = st.columns([1, 2])
    kind = _KINDS[
        left.segmented_control("Show", list(_KINDS), default="Everything", key="library_kind") or "Everything"
    ]
    tags = right.multiselect("Topics", all_tags(library()), key="library_tags")
    if query.strip():
        _search_results(query, kind)
    else:
        _browse(kind, tags)
    if library().problems:
        count = len(library().problems)
        with st.expander(f"{count} library file{'' if count == 1 else 's'} could not be loaded"):
            st.code("\n".join(str(p) for p in library().problems))

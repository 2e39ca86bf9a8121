"""Browsing the library: filter documents by kind and tag, for the Library page, CLI and notebooks."""

from __future__ import annotations

from dataclasses import dataclass

from haven.content.loader import Library
from haven.content.models import Article, Exercise


@dataclass(frozen=True)
class DocumentCard:
    """What a list of documents shows for one of them."""

    id: str
    kind: str  # "exercise" | "article"
    title: str
    summary: str
    tags: tuple[str, ...]
    minutes: int | None  # exercises only


def card(doc: Exercise | Article) -> DocumentCard:
    if isinstance(doc, Exercise):
        return DocumentCard(doc.id, "exercise", doc.title, doc.summary, tuple(doc.tags), doc.duration_minutes)
    return DocumentCard(doc.id, "article", doc.title, doc.meta.summary, tuple(doc.meta.tags), None)


def all_tags(library: Library) -> list[str]:
    return sorted({tag for doc in library.documents() for tag in card(doc).tags})


def browse(library: Library, kind: str | None = None, tags: list[str] | None = None) -> list[DocumentCard]:
    """Documents of ``kind`` (or all) having every tag in ``tags``, articles and exercises by title."""
    wanted = set(tags or [])
    cards = [card(doc) for doc in library.documents()]
    cards = [c for c in cards if (kind is None or c.kind == kind) and wanted <= set(c.tags)]
    return sorted(cards, key=lambda c: (c.kind, c.title.lower()))

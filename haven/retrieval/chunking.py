"""Cut the library into passages by meaning: an article's ``##`` sections, an exercise's parts.

Each passage is what a citation points at, so it must read well on its own. Each passage also gets one or
more *probes*: the texts that are embedded to find it. An exercise's "when it helps" lines are each their
own probe, so a person's everyday words meet the closest thing someone in their place would say.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from haven.content.models import Article, Exercise
from haven.retrieval.types import Passage

#: Bump when chunking changes, so an ingest re-embeds everything.
CHUNKER_VERSION = "3"
_MAX_WORDS = 220


@dataclass(frozen=True)
class Probe:
    """One embedded text that leads to a passage."""

    probe_id: str
    chunk_id: str
    text: str


def content_hash(path: Path) -> str:
    """The file's bytes plus the chunker version: a change to either re-embeds the document."""
    digest = hashlib.sha256(CHUNKER_VERSION.encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _split_long(text: str, max_words: int = _MAX_WORDS) -> list[str]:
    """Split an over-long section at paragraph breaks, keeping paragraphs whole."""
    parts, current, count = [], [], 0
    for para in [p.strip() for p in text.split("\n\n") if p.strip()]:
        words = len(para.split())
        if current and count + words > max_words:
            parts.append("\n\n".join(current))
            current, count = [], 0
        current.append(para)
        count += words
    if current:
        parts.append("\n\n".join(current))
    return parts or [text]


def _passage(doc, source: str, n: int, section: str, text: str) -> Passage:
    return Passage(
        chunk_id=f"{doc.id}#{n}",
        doc_id=doc.id,
        kind=doc.kind,
        title=doc.title,
        section=section,
        source=source,
        text=text.strip(),
        references=list(doc.references),
    )


def _exercise_passages(ex: Exercise, source: str) -> list[tuple[Passage, list[str]]]:
    tags = ", ".join(ex.tags)
    out: list[tuple[Passage, list[str]]] = []
    overview = f"{ex.summary}\n\n{ex.purpose.strip()}"
    out.append(
        (_passage(ex, source, 0, "What it is for", overview), [f"{ex.title}. {ex.summary} {ex.purpose} {tags}"])
    )
    helps = "\n".join(f"- {line}" for line in ex.when_it_helps)
    out.append(
        (
            _passage(ex, source, 1, "When it helps", f"{ex.title} can help when you think or feel:\n{helps}"),
            [f"{line}" for line in ex.when_it_helps],
        )
    )
    steps = "\n".join(f"{i}. {step.prompt}" for i, step in enumerate(ex.steps, start=1))
    steps_text = f"About {ex.duration_minutes} minutes.\n{steps}"
    out.append((_passage(ex, source, 2, "How to do it", steps_text), [f"How to do {ex.title}: {steps}"]))
    if ex.cautions:
        cautions = "\n".join(f"- {c}" for c in ex.cautions)
        out.append((_passage(ex, source, 3, "Take care", cautions), [f"{ex.title} cautions: {cautions}"]))
    return out


def _article_passages(article: Article, source: str) -> list[tuple[Passage, list[str]]]:
    out: list[tuple[Passage, list[str]]] = []
    intro = f"{article.meta.summary}\n\n{article.intro}".strip()
    out.append((_passage(article, source, 0, "Overview", intro), [f"{article.title}. {intro}"]))
    n = 1
    for section in article.sections:
        for part in _split_long(section.body):
            probe = f"{article.title}: {section.heading}. {part}"
            out.append((_passage(article, source, n, section.heading, part), [probe]))
            n += 1
    return out


def chunk_document(doc: Exercise | Article, source: str) -> tuple[list[Passage], list[Probe]]:
    """The passages of one document and the probes that find them."""
    pairs = _exercise_passages(doc, source) if isinstance(doc, Exercise) else _article_passages(doc, source)
    passages = [p for p, _ in pairs]
    probes = [
        Probe(probe_id=f"{p.chunk_id}~{i}", chunk_id=p.chunk_id, text=text)
        for p, texts in pairs
        for i, text in enumerate(texts)
    ]
    return passages, probes

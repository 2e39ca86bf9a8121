"""The vector index of the library in Chroma, kept in step with the files by content hash.

Only library content goes in here; a person's own words never do. Embeddings are computed by Haven
(the bundled MiniLM) and handed to Chroma, so Chroma never loads an embedding model of its own.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlparse

from haven.config import PROJECT_ROOT, Settings, get_settings
from haven.content.loader import Library
from haven.retrieval.chunking import Probe, chunk_document, content_hash
from haven.retrieval.embeddings import embed
from haven.retrieval.types import Passage

ProgressFn = Callable[[int, int, str], None]


class IndexUnavailable(RuntimeError):
    """The Chroma store cannot be opened or reached (the message says which and where)."""


def chroma_client(settings: Settings | None = None):
    """Embedded Chroma under the data dir, or a Chroma server when ``HAVEN_CHROMA_URL`` is set. No telemetry."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = settings or get_settings()
    quiet = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            return chromadb.HttpClient(
                host=url.hostname or "localhost",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=quiet,
            )
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=quiet)
    except Exception as exc:  # chromadb raises several types for an unreachable or damaged store
        where = settings.chroma_url or settings.chroma_path
        raise IndexUnavailable(f"Cannot open the library index at {where}: {exc}") from exc


def library_collection(settings: Settings | None = None, client=None):
    settings = settings or get_settings()
    client = client or chroma_client(settings)
    return client.get_or_create_collection(
        settings.collection, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
    )


def _metadata(passage: Passage, doc_hash: str) -> dict:
    return {
        "chunk_id": passage.chunk_id,
        "doc_id": passage.doc_id,
        "kind": passage.kind,
        "title": passage.title,
        "section": passage.section,
        "source": passage.source,
        "doc_hash": doc_hash,
        "references": json.dumps([r.model_dump(mode="json") for r in passage.references]),
    }


def passage_from_record(document: str, meta: dict) -> Passage:
    from haven.content.models import Reference

    return Passage(
        chunk_id=meta["chunk_id"],
        doc_id=meta["doc_id"],
        kind=meta["kind"],
        title=meta["title"],
        section=meta["section"],
        source=meta["source"],
        text=document,
        references=[Reference.model_validate(r) for r in json.loads(meta.get("references") or "[]")],
    )


@dataclass
class IngestReport:
    """What an ingest did, for the CLI and the progress bar."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    probes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
            f"{self.unchanged} unchanged ({self.probes} passages embedded) in {self.seconds:.2f} s"
        )


def _source(path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def indexed_hashes(collection) -> dict[str, str]:
    """doc id -> content hash of what the index holds now."""
    metas = collection.get(include=["metadatas"])["metadatas"] or []
    return {m["doc_id"]: m["doc_hash"] for m in metas}


def ingest(
    library: Library,
    settings: Settings | None = None,
    rebuild: bool = False,
    progress: ProgressFn | None = None,
    collection=None,
) -> IngestReport:
    """Bring the index in step with the library: embed only documents whose content hash changed."""
    start = time.perf_counter()
    settings = settings or get_settings()
    collection = collection if collection is not None else library_collection(settings)
    report = IngestReport()
    if rebuild and collection.count():
        collection.delete(ids=collection.get(include=[])["ids"])
    indexed = indexed_hashes(collection)
    docs = list(library.documents())
    for n, doc in enumerate(docs, start=1):
        path = library.paths[doc.id]
        doc_hash = content_hash(path)
        if indexed.get(doc.id) == doc_hash:
            report.unchanged += 1
        else:
            if doc.id in indexed:
                collection.delete(where={"doc_id": doc.id})
                report.updated.append(doc.id)
            else:
                report.added.append(doc.id)
            report.probes += _add_document(collection, doc, _source(path), doc_hash)
        if progress:
            progress(n, len(docs), doc.id)
    for doc_id in sorted(set(indexed) - {d.id for d in docs}):
        collection.delete(where={"doc_id": doc_id})
        report.removed.append(doc_id)
    report.seconds = time.perf_counter() - start
    return report


def _add_document(collection, doc, source: str, doc_hash: str) -> int:
    passages, probes = chunk_document(doc, source)
    by_chunk = {p.chunk_id: p for p in passages}
    vectors = embed([probe.text for probe in probes])
    collection.add(
        ids=[probe.probe_id for probe in probes],
        embeddings=vectors.tolist(),
        documents=[by_chunk[probe.chunk_id].text for probe in probes],
        metadatas=[_metadata(by_chunk[probe.chunk_id], doc_hash) for probe in probes],
    )
    return len(probes)


def is_current(library: Library, settings: Settings | None = None, collection=None) -> bool:
    """True when every document is indexed at its current content (nothing to embed)."""
    collection = collection if collection is not None else library_collection(settings)
    indexed = indexed_hashes(collection)
    wanted = {doc.id: content_hash(library.paths[doc.id]) for doc in library.documents()}
    return indexed == wanted


__all__ = ["IngestReport", "IndexUnavailable", "Probe", "ingest", "is_current", "library_collection"]

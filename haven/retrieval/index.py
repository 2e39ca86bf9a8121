"""The vector index of the library in Chroma, kept in step with the files by content hash.

Only library content goes in here; a person's own words never do. Embeddings are computed by Haven
(the bundled MiniLM) and handed to Chroma, so Chroma never loads an embedding model of its own.

An ingest never changes the index the chat is reading: it builds a new collection beside it (copying what
did not change, embedding what did), and only when that is complete does a small *pointer* collection
(``<collection>-pointer``, metadata ``{"live": name}``) switch to it. A failed or killed ingest leaves the
previous index serving, and its half-built collection is removed by the next ingest. Records are added in
batches no larger than the Chroma client accepts.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import numpy as np

from haven.config import PROJECT_ROOT, Settings, get_settings
from haven.content.loader import Library
from haven.retrieval.chunking import Probe, chunk_document, content_hash
from haven.retrieval.embeddings import embed_kept
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


#: Used when a client cannot say its own limit (Chroma's embedded default is 5461).
DEFAULT_BATCH = 1000
_COLLECTION_CONFIG = {"hnsw": {"space": "cosine"}}


class IngestRunning(RuntimeError):
    """Another ingest is building the index right now (the previous index keeps serving meanwhile)."""


def _pointer(settings: Settings, client):
    return client.get_or_create_collection(f"{settings.collection}-pointer", embedding_function=None)


def live_name(settings: Settings | None = None, client=None) -> str:
    """The name of the collection the chat reads: the pointer's, else the configured one (an older index)."""
    settings = settings or get_settings()
    client = client or chroma_client(settings)
    return (_pointer(settings, client).metadata or {}).get("live") or settings.collection


def library_collection(settings: Settings | None = None, client=None):
    """The complete, live collection of library passages (made empty on a first start)."""
    settings = settings or get_settings()
    client = client or chroma_client(settings)
    return client.get_or_create_collection(
        live_name(settings, client), embedding_function=None, configuration=_COLLECTION_CONFIG
    )


def max_batch_size(collection) -> int:
    """How many records one ``add`` may carry: the client's own limit (Chroma refuses a larger batch)."""
    client = getattr(collection, "_client", None)
    try:
        return max(1, int(client.get_max_batch_size()))
    except Exception:  # noqa: BLE001 - a client that cannot say: a size every Chroma accepts
        return DEFAULT_BATCH


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
    """Bring the index in step with the library: embed only documents whose content hash changed.

    Without ``collection``: build a new collection beside the live one and switch to it when complete
    (readers keep the previous index until then; :class:`IngestRunning` if another ingest is building).
    With ``collection`` (a preview, a benchmark): update that collection in place.
    """
    start = time.perf_counter()
    settings = settings or get_settings()
    if collection is not None:
        report = _ingest_in_place(library, collection, rebuild, progress)
    else:
        report = _ingest_staged(library, settings, rebuild, progress)
    report.seconds = time.perf_counter() - start
    return report


def _ingest_in_place(library: Library, collection, rebuild: bool, progress: ProgressFn | None) -> IngestReport:
    report = IngestReport()
    if rebuild and collection.count():
        for ids in _batches(collection.get(include=[])["ids"], max_batch_size(collection)):
            collection.delete(ids=ids)
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
    return report


@contextlib.contextmanager
def _one_ingest_at_a_time(settings: Settings) -> Iterator[None]:
    """An embedded index is built by one process at a time (a lock file beside it)."""
    if settings.chroma_url:
        yield  # a shared server: the pointer switch is atomic, the last complete build wins
        return
    from filelock import FileLock, Timeout

    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    lock = FileLock(settings.chroma_path / "ingest.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise IngestRunning(
            f"Another ingest is building the library index in {settings.chroma_path} now; the previous index "
            "keeps serving. Try again when it has finished."
        ) from None
    try:
        yield
    finally:
        lock.release()


def _ingest_staged(library: Library, settings: Settings, rebuild: bool, progress: ProgressFn | None) -> IngestReport:
    """Build the new index beside the live one; switch the pointer only once it is complete."""
    with _one_ingest_at_a_time(settings):
        client = chroma_client(settings)
        live = library_collection(settings, client)
        _remove_abandoned(settings, client, keep=live.name)
        indexed = {} if rebuild else indexed_hashes(live)
        report = IngestReport()
        docs = list(library.documents())
        wanted = {doc.id: content_hash(library.paths[doc.id]) for doc in docs}
        if not rebuild and indexed == wanted:  # nothing to do: no new collection
            report.unchanged = len(docs)
            for n, doc in enumerate(docs, start=1):
                if progress:
                    progress(n, len(docs), doc.id)
            return report
        from haven.retrieval import snapshot

        snapshot.discard(settings)  # the copy kept for fast starts no longer matches what is coming
        staging = client.create_collection(
            f"{settings.collection}-{uuid.uuid4().hex[:12]}", embedding_function=None,
            configuration=_COLLECTION_CONFIG,
        )  # fmt: skip
        try:
            for n, doc in enumerate(docs, start=1):
                path = library.paths[doc.id]
                if indexed.get(doc.id) == wanted[doc.id]:
                    _copy_document(live, staging, doc.id)
                    report.unchanged += 1
                else:
                    (report.updated if doc.id in indexed else report.added).append(doc.id)
                    report.probes += _add_document(staging, doc, _source(path), wanted[doc.id])
                if progress:
                    progress(n, len(docs), doc.id)
            report.removed = sorted(set(indexed) - set(wanted))
            _pointer(settings, client).modify(metadata={"live": staging.name})  # the switch
        except BaseException:
            with contextlib.suppress(Exception):
                client.delete_collection(staging.name)
            raise
        with contextlib.suppress(Exception):  # a reader still holding it keeps its copy in memory
            client.delete_collection(live.name)
        return report


def _remove_abandoned(settings: Settings, client, keep: str) -> None:
    """Delete collections a killed ingest left half-built (never the live one, never another library's)."""
    prefix = f"{settings.collection}-"
    for item in client.list_collections():
        name = getattr(item, "name", item)
        suffix = name[len(prefix):] if name.startswith(prefix) else ""
        if name != keep and len(suffix) == 12 and all(c in "0123456789abcdef" for c in suffix):
            with contextlib.suppress(Exception):
                client.delete_collection(name)


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _copy_document(source, target, doc_id: str) -> None:
    """Copy a document's records (vectors too, so nothing is embedded again) in allowed batch sizes."""
    data = source.get(where={"doc_id": doc_id}, include=["embeddings", "documents", "metadatas"])
    size = max_batch_size(target)
    for start in range(0, len(data["ids"]), size):
        end = start + size
        target.add(
            ids=data["ids"][start:end],
            embeddings=[list(v) for v in data["embeddings"][start:end]],
            documents=data["documents"][start:end],
            metadatas=data["metadatas"][start:end],
        )


def _add_document(collection, doc, source: str, doc_hash: str) -> int:
    """Embed a document's probes and add them, at most the client's batch size per call."""
    passages, probes = chunk_document(doc, source)
    by_chunk = {p.chunk_id: p for p in passages}
    vectors = _document_vectors(doc.id, [probe.text for probe in probes])
    size = max_batch_size(collection)
    for start in range(0, len(probes), size):
        batch = probes[start : start + size]
        collection.add(
            ids=[probe.probe_id for probe in batch],
            embeddings=vectors[start : start + len(batch)].tolist(),
            documents=[by_chunk[probe.chunk_id].text for probe in batch],
            metadatas=[_metadata(by_chunk[probe.chunk_id], doc_hash) for probe in batch],
        )
    return len(probes)


def _document_vectors(doc_id: str, texts: list[str]) -> np.ndarray:
    """A document's probe vectors, kept in the cache folder under a digest of its texts and the model.

    Why: a new data folder (a second profile, ``haven reset``, a test run, a notebook) would otherwise embed the
    whole library again, about a minute of CPU; library text is the project's content, never a person's, so
    keeping its vectors beside the ONNX graphs leaves nothing private behind. A changed passage embeds afresh.
    """
    name = "doc-" + re.sub(r"[^A-Za-z0-9_.-]", "_", doc_id)
    return embed_kept(texts, name)


def is_current(library: Library, settings: Settings | None = None, collection=None) -> bool:
    """True when every document is indexed at its current content (nothing to embed)."""
    collection = collection if collection is not None else library_collection(settings)
    indexed = indexed_hashes(collection)
    wanted = {doc.id: content_hash(library.paths[doc.id]) for doc in library.documents()}
    return indexed == wanted


__all__ = [
    "IngestReport", "IndexUnavailable", "IngestRunning", "Probe", "ingest", "is_current", "library_collection",
]  # fmt: skip

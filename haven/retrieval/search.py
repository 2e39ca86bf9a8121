"""Hybrid search over the library: dense (MiniLM) and lexical (BM25) rankings fused by reciprocal rank.

Why hybrid: dense vectors match meaning ("my chest gets tight" ~ panic), BM25 matches the exact words a
person and a passage share ("thought record"); each catches what the other misses. Dense scores are the
best of a passage's probes (see ``chunking``), so an exercise is found by the closest thing a person in
need would say. A third ranking compares the query with each document's gist (the mean of its probes),
which rescues queries that match a document as a whole better than any single passage. Results are
distinct documents, best first, each with its best passage to cite.

The passages and their vectors are read from the Chroma store once and searched in memory: at the size of
a curated library this is faster than an HNSW query, and Chroma stays the durable, shareable store.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from haven.retrieval.embeddings import EMBEDDING_DIM, embed_one
from haven.retrieval.index import passage_from_record
from haven.retrieval.query import understand
from haven.retrieval.types import Hit, Passage

RRF_K = 60  # the usual constant of reciprocal rank fusion: damps the head of each ranking
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 0.8  # BM25 is the junior partner: everyday words rarely match the library's exactly
DOCUMENT_WEIGHT = 1.0  # the whole document's gist (mean of its probes): what it is about overall
_CANDIDATES = 50  # how deep each ranking is read before fusion


@dataclass(frozen=True)
class _Ranked:
    chunk: int
    score: float


class LibrarySearch:
    """Search the library's passages; one instance per process (it holds the vectors and BM25 index)."""

    def __init__(self, passages: list[Passage], probe_vectors: np.ndarray, probe_chunks: np.ndarray):
        import bm25s
        import Stemmer

        self.passages = passages
        self._vectors = probe_vectors.astype(np.float32)
        self._probe_chunks = probe_chunks.astype(np.int64)
        self._stemmer = Stemmer.Stemmer("english")
        corpus = [f"{p.title}. {p.section}. {p.text}" for p in passages]
        self._bm25 = bm25s.BM25()
        if corpus:
            tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=self._stemmer, show_progress=False)
            self._bm25.index(tokens, show_progress=False)
        self._lock = threading.Lock()
        self.doc_ids = sorted({p.doc_id for p in passages})
        doc_index = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
        self._chunk_doc = np.asarray([doc_index[p.doc_id] for p in passages], dtype=np.int64)
        self._gists = np.zeros((len(self.doc_ids), self._vectors.shape[1]), dtype=np.float32)
        if len(self._vectors):
            np.add.at(self._gists, self._chunk_doc[self._probe_chunks], self._vectors)
            self._gists /= np.linalg.norm(self._gists, axis=1, keepdims=True).clip(min=1e-9)

    # --- building ----------------------------------------------------------------------------------

    @classmethod
    def from_records(cls, records: Iterable[tuple[str, list[float], str, dict]]) -> LibrarySearch:
        """Build from (probe id, embedding, passage text, metadata) records as stored in Chroma."""
        passages: list[Passage] = []
        index_of: dict[str, int] = {}
        vectors, owners = [], []
        for _probe_id, vector, document, meta in sorted(records, key=lambda r: r[0]):
            chunk_id = meta["chunk_id"]
            if chunk_id not in index_of:
                index_of[chunk_id] = len(passages)
                passages.append(passage_from_record(document, meta))
            vectors.append(vector)
            owners.append(index_of[chunk_id])
        matrix = np.asarray(vectors, dtype=np.float32).reshape(-1, EMBEDDING_DIM)
        return cls(passages, matrix, np.asarray(owners, dtype=np.int64))

    @classmethod
    def from_collection(cls, collection, page: int = 5000) -> LibrarySearch:
        """Read every record of the collection (in pages, so a large index or a server copes)."""
        records = []
        for offset in range(0, collection.count(), page):
            data = collection.get(include=["embeddings", "documents", "metadatas"], limit=page, offset=offset)
            records += zip(data["ids"], data["embeddings"], data["documents"], data["metadatas"], strict=True)
        return cls.from_records(records)

    # --- searching ---------------------------------------------------------------------------------

    def _dense(self, query: str) -> list[_Ranked]:
        sims = self._vectors @ embed_one(query)
        best = np.full(len(self.passages), -np.inf, dtype=np.float32)
        np.maximum.at(best, self._probe_chunks, sims)
        return [_Ranked(int(i), float(best[i])) for i in _top(best, _CANDIDATES)]

    def _lexical(self, text: str) -> list[_Ranked]:
        import bm25s

        tokens = bm25s.tokenize(
            [text], stopwords="en", stemmer=self._stemmer, show_progress=False, return_ids=False
        )[0]
        if not tokens:
            return []
        with self._lock:  # bm25s keeps a small cache while scoring
            scores = self._bm25.get_scores(tokens)
        return [_Ranked(int(i), float(scores[i])) for i in _top(scores, _CANDIDATES) if scores[i] > 0]

    def _gist(self, query: str) -> list[int]:
        """Documents (indices into ``doc_ids``) by similarity of their gist to the query."""
        return [int(i) for i in _top(self._gists @ embed_one(query), _CANDIDATES)]

    def rank_documents(self, query: str, mode: str = "hybrid") -> list[tuple[str, float, int]]:
        """(doc id, fused score, index of its best passage), best first.

        ``mode``: hybrid, dense (passages and gists) or lexical (BM25 only), for evaluation.
        """
        rankings: list[tuple[float, list[_Ranked]]] = []
        if mode in ("hybrid", "dense"):
            rankings.append((DENSE_WEIGHT, self._dense(query)))
        if mode in ("hybrid", "lexical"):
            rankings.append((LEXICAL_WEIGHT, self._lexical(understand(query).lexical)))
        by_chunk: dict[int, float] = {}
        for weight, ranking in rankings:
            for rank, item in enumerate(ranking):
                by_chunk[item.chunk] = by_chunk.get(item.chunk, 0.0) + weight / (RRF_K + rank + 1)
        docs: dict[str, tuple[float, int]] = {}
        for chunk, score in sorted(by_chunk.items(), key=lambda kv: -kv[1]):
            docs.setdefault(self.passages[chunk].doc_id, (score, chunk))
        if mode in ("hybrid", "dense"):
            dense_best = {item.chunk: item.score for item in rankings[0][1]}
            for rank, doc in enumerate(self._gist(query)):
                doc_id = self.doc_ids[doc]
                score, chunk = docs.get(doc_id, (0.0, self._best_chunk_of(doc, dense_best)))
                docs[doc_id] = (score + DOCUMENT_WEIGHT / (RRF_K + rank + 1), chunk)
        ranked = sorted(docs.items(), key=lambda kv: -kv[1][0])
        return [(doc_id, score, chunk) for doc_id, (score, chunk) in ranked]

    def _best_chunk_of(self, doc: int, dense_best: dict[int, float]) -> int:
        chunks = np.flatnonzero(self._chunk_doc == doc)
        return int(max(chunks, key=lambda c: dense_best.get(int(c), -1.0)))

    def search(self, query: str, k: int = 5, kind: str | None = None, mode: str = "hybrid") -> list[Hit]:
        """The ``k`` best distinct documents for ``query``, each with its best passage."""
        if not query.strip() or not self.passages:
            return []
        best_possible = (DENSE_WEIGHT + LEXICAL_WEIGHT + DOCUMENT_WEIGHT) / (RRF_K + 1)
        hits: list[Hit] = []
        for _doc_id, score, chunk in self.rank_documents(query, mode):
            passage = self.passages[chunk]
            if kind and passage.kind != kind:
                continue
            hits.append(_hit(passage, min(1.0, score / best_possible)))
            if len(hits) == k:
                break
        return hits

    def passages_of(self, doc_id: str) -> list[Passage]:
        return [p for p in self.passages if p.doc_id == doc_id]


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest scores, best first (argpartition: linear, not a full sort)."""
    if len(scores) > n:
        part = np.argpartition(-scores, n)[:n]
        return part[np.argsort(-scores[part], kind="stable")]
    return np.argsort(-scores, kind="stable")


def _hit(passage: Passage, score: float) -> Hit:
    return Hit(
        doc_id=passage.doc_id,
        kind=passage.kind,
        title=passage.title,
        section=passage.section,
        source=passage.source,
        score=round(score, 4),
        passage=passage.text,
        references=passage.references,
    )


def build_library_search(progress=None, settings=None) -> LibrarySearch:
    """Bring the index in step with the library files (embedding only what changed), then load it.

    If another process is ingesting right now, the previous complete index is loaded instead of waiting:
    the chat keeps serving while the library is rebuilt.
    """
    from haven.config import get_settings
    from haven.content.loader import load_library
    from haven.retrieval.index import IngestRunning, ingest, library_collection

    settings = settings or get_settings()
    library = load_library(settings.exercises_dir, settings.knowledge_dir)
    try:
        ingest(library, settings=settings, progress=progress)
    except IngestRunning:
        pass  # the live collection is complete: serve it
    return LibrarySearch.from_collection(library_collection(settings))


@lru_cache(maxsize=1)
def get_library_search() -> LibrarySearch:
    """The process-wide searcher (CLI, services, notebooks). The app wraps it in st.cache_resource."""
    return build_library_search()

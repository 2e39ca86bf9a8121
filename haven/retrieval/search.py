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

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from haven.retrieval.embeddings import EMBEDDING_DIM, embed_one
from haven.retrieval.index import passage_from_record
from haven.retrieval.issues import clauses
from haven.retrieval.labelled import DATA_DIR
from haven.retrieval.learned import QueryModel, load_query_model
from haven.retrieval.query import affirmed, reading, understand
from haven.retrieval.types import Hit, Passage

RRF_K = 60  # the usual constant of reciprocal rank fusion: damps the head of each ranking
_CANDIDATES = 50  # how deep each ranking is read before fusion
WHY_DEPTH = 10  # a ranking is named in a hit's "why" when it placed the document this high
FUSION_FILE = DATA_DIR / "fusion.json"


@dataclass(frozen=True)
class FusionWeights:
    """How much each ranking counts. The defaults are the fusion before the learned layer; the weights in use
    are chosen on the dev split by ``haven.retrieval.training`` and read from ``data/fusion.json``."""

    dense: float = 1.0
    lexical: float = 0.8  # BM25 is the junior partner: everyday words rarely match the library's exactly
    gist: float = 1.0  # the whole document's gist (mean of its probes): what it is about overall
    learned: float = 0.0  # the learned layer's ranking, by reciprocal rank like the others
    learned_p: float = 0.0  # ... and its probability, so a confident reading can outvote the word matches
    second_issue: float = 1.01  # a second problem's document is raised into the top 3 above this confidence

    @classmethod
    def load(cls, path: Path = FUSION_FILE) -> FusionWeights:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{k: float(v) for k, v in data["weights"].items()})


@dataclass(frozen=True)
class _Ranked:
    chunk: int
    score: float


@dataclass
class Signals:
    """Every ranking of one query, before fusion (kept apart so weights can be chosen without re-embedding)."""

    dense: list[_Ranked] = field(default_factory=list)  # passages
    lexical: list[_Ranked] = field(default_factory=list)  # passages
    gist: list[int] = field(default_factory=list)  # documents (indices into doc_ids)
    learned: dict[str, float] = field(default_factory=dict)  # document id -> probability
    issues: list[dict[str, float]] = field(default_factory=list)  # per clause of a many-problem message


class LibrarySearch:
    """Search the library's passages; one instance per process (it holds the vectors and BM25 index)."""

    def __init__(
        self,
        passages: list[Passage],
        probe_vectors: np.ndarray,
        probe_chunks: np.ndarray,
        model: QueryModel | None = None,
        weights: FusionWeights | None = None,
    ):
        import bm25s
        import Stemmer

        self.passages = passages
        self.weights = weights or FusionWeights.load()
        self.model = model if model is not None else load_query_model()
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
        doc_index = self._doc_index = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
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
        return cls.from_records(read_collection(collection, page))

    # --- searching ---------------------------------------------------------------------------------

    def _dense(self, vector: np.ndarray) -> list[_Ranked]:
        sims = self._vectors @ vector
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

    def _gist(self, vector: np.ndarray) -> list[int]:
        """Documents (indices into ``doc_ids``) by similarity of their gist to the query."""
        return [int(i) for i in _top(self._gists @ vector, _CANDIDATES)]

    def signals(self, query: str, mode: str = "hybrid") -> Signals:
        """Every ranking ``mode`` uses: hybrid (all), classic (all but the learned layer), dense (passages and
        gists), lexical (BM25) or learned (the learned layer alone), the last four for evaluation."""
        text = reading(query)
        words = affirmed(text)  # the word matchers skip "I'm not anxious," (the learned layer reads it all)
        out = Signals()
        if mode in ("hybrid", "classic", "dense"):
            vector = embed_one(words)
            out.dense, out.gist = self._dense(vector), self._gist(vector)
        if mode in ("hybrid", "classic", "lexical"):
            out.lexical = self._lexical(understand(words).lexical)
        if mode in ("hybrid", "learned") and self.model is not None:
            out.learned = self._indexed(self.model.probabilities(query))
            if mode == "hybrid" and self.weights.second_issue <= 1.0:
                parts = clauses(text)
                if len(parts) > 1:
                    out.issues = [self._indexed(p) for p in self.model.probabilities_many(parts)]
        return out

    def fuse(self, signals: Signals, weights: FusionWeights | None = None) -> list[tuple[str, float, int, dict]]:
        """(doc id, fused score, index of its best passage, why) best first. ``why``: ranking -> 1-based rank of
        the document in it, for each ranking that placed it in its top ``WHY_DEPTH``."""
        w = weights or self.weights
        docs: dict[str, float] = {}
        by_chunk: dict[int, float] = {}  # a passage's own fused score: the one a document cites is its best
        why: dict[str, dict[str, int]] = {}
        for name, weight, ranking in (("dense", w.dense, signals.dense), ("lexical", w.lexical, signals.lexical)):
            seen: dict[str, int] = {}
            for rank, item in enumerate(ranking):
                doc_id = self.passages[item.chunk].doc_id
                docs[doc_id] = docs.get(doc_id, 0.0) + weight / (RRF_K + rank + 1)
                by_chunk[item.chunk] = by_chunk.get(item.chunk, 0.0) + weight / (RRF_K + rank + 1)
                seen.setdefault(doc_id, len(seen) + 1)
            _note(why, name, seen)
        chunk_of: dict[str, int] = {}
        for chunk, _score in sorted(by_chunk.items(), key=lambda kv: (-kv[1], kv[0])):
            chunk_of.setdefault(self.passages[chunk].doc_id, chunk)
        doc_rankings = [("gist", w.gist, [self.doc_ids[d] for d in signals.gist], {})]
        if signals.learned:
            by_p = sorted(signals.learned, key=lambda d: -signals.learned[d])
            doc_rankings.append(("learned", w.learned, by_p, signals.learned))
        for name, weight, ranking, probability in doc_rankings:
            for rank, doc_id in enumerate(ranking):
                bonus = w.learned_p * probability.get(doc_id, 0.0) if probability else 0.0
                docs[doc_id] = docs.get(doc_id, 0.0) + weight / (RRF_K + rank + 1) + bonus
            _note(why, name, {doc_id: rank + 1 for rank, doc_id in enumerate(ranking)})
        ranked = sorted(docs.items(), key=lambda kv: (-kv[1], kv[0]))
        ranked = _second_issues(ranked, signals.issues, w.second_issue, why)
        return [
            (doc_id, score, chunk_of.get(doc_id, self._first_chunk(doc_id)), why.get(doc_id, {}))
            for doc_id, score in ranked
        ]

    def rank_documents(self, query: str, mode: str = "hybrid") -> list[tuple[str, float, int, dict]]:
        """(doc id, fused score, index of its best passage, why), best first (see :meth:`signals`)."""
        return self.fuse(self.signals(query, mode))

    def _first_chunk(self, doc_id: str) -> int:
        return int(np.flatnonzero(self._chunk_doc == self._doc_index[doc_id])[0])

    def _indexed(self, probabilities: dict[str, float]) -> dict[str, float]:
        """Only the documents this index holds (a model trained on the full library may know more)."""
        return {d: p for d, p in probabilities.items() if d in self._doc_index}

    def search(self, query: str, k: int = 5, kind: str | None = None, mode: str = "hybrid") -> list[Hit]:
        """The ``k`` best distinct documents for ``query``, each with its best passage and why it is there."""
        if not query.strip() or not self.passages:
            return []
        ranked = self.rank_documents(query, mode)
        w = self.weights
        best_possible = (w.dense + w.lexical + w.gist + w.learned) / (RRF_K + 1) + w.learned_p
        hits: list[Hit] = []
        for _doc_id, score, chunk, why in ranked:
            passage = self.passages[chunk]
            if kind and passage.kind != kind:
                continue
            hits.append(_hit(passage, min(1.0, score / best_possible), why))
            if len(hits) == k:
                break
        return hits

    def passages_of(self, doc_id: str) -> list[Passage]:
        return [p for p in self.passages if p.doc_id == doc_id]


def _note(why: dict[str, dict[str, int]], name: str, ranks: dict[str, int]) -> None:
    for doc_id, rank in ranks.items():
        if rank <= WHY_DEPTH:
            why.setdefault(doc_id, {})[name] = rank


def _second_issues(
    ranked: list[tuple[str, float]], issues: list[dict[str, float]], threshold: float, why: dict
) -> list[tuple[str, float]]:
    """A message with several problems: each clause's most likely document, when the learned layer is sure
    enough of it, is raised into the top 3, so one document per problem is offered (the first stays first).
    Scores stay each document's own; the order is what the fusion and the clauses decided together."""
    order = [doc_id for doc_id, _ in ranked]
    scores = dict(ranked)
    raised: list[str] = []
    for probabilities in issues:
        doc_id = max(probabilities, key=lambda d: (probabilities[d], d))
        if probabilities[doc_id] >= threshold and doc_id in scores and doc_id not in order[:3]:
            if doc_id not in raised:
                raised.append(doc_id)
    if not raised:
        return ranked
    raised = raised[:2]
    head = order[: 3 - len(raised)]
    order = head + raised + [d for d in order if d not in head and d not in raised]
    for doc_id in raised:
        why.setdefault(doc_id, {})["issue"] = 1
    return [(doc_id, scores[doc_id]) for doc_id in order]


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` highest scores, best first (argpartition: linear, not a full sort)."""
    if len(scores) > n:
        part = np.argpartition(-scores, n)[:n]
        return part[np.argsort(-scores[part], kind="stable")]
    return np.argsort(-scores, kind="stable")


def _hit(passage: Passage, score: float, why: dict[str, int] | None = None) -> Hit:
    return Hit(
        doc_id=passage.doc_id,
        kind=passage.kind,
        title=passage.title,
        section=passage.section,
        source=passage.source,
        score=round(score, 4),
        passage=passage.text,
        references=passage.references,
        why=dict(why or {}),
    )


def build_library_search(progress=None, settings=None, library=None) -> LibrarySearch:
    """Bring the index in step with the library files (embedding only what changed), then load it.

    Fast path: while the library files match the snapshot kept beside the index (``snapshot``), the index
    is current and its records are read from the snapshot, without opening Chroma. Otherwise (a file
    changed, a first start, no snapshot) the index is brought in step through Chroma and a new snapshot
    written. If another process is ingesting right now, the previous complete index is loaded instead of
    waiting: the chat keeps serving while the library is rebuilt (and no snapshot is written from it).
    ``library``: the already loaded library, so a caller that has one does not parse the files twice.
    """
    from haven.config import get_settings
    from haven.retrieval import snapshot

    settings = settings or get_settings()
    fingerprint = snapshot.library_fingerprint(settings)
    records = snapshot.read(settings, fingerprint)
    if records is not None:
        return LibrarySearch.from_records(records)
    return _build_through_chroma(settings, fingerprint, library, progress)


def _build_through_chroma(settings, fingerprint: str, library, progress) -> LibrarySearch:
    from haven.content.loader import load_library
    from haven.retrieval import snapshot
    from haven.retrieval.index import IngestRunning, ingest, library_collection

    library = library if library is not None else load_library(settings.exercises_dir, settings.knowledge_dir)
    current = True
    try:
        ingest(library, settings=settings, progress=progress)
    except IngestRunning:
        current = False  # the live collection is complete but may be about to change: serve it, keep no copy
    records = read_collection(library_collection(settings))
    if current:
        snapshot.write(settings, records, fingerprint)
    return LibrarySearch.from_records(records)


def index_is_current(library, settings=None) -> bool:
    """True when the index holds every library document at its current content (nothing to embed).

    A matching snapshot answers without opening Chroma; otherwise Chroma is asked.
    """
    from haven.config import get_settings
    from haven.retrieval import snapshot
    from haven.retrieval.index import is_current

    settings = settings or get_settings()
    if snapshot.read(settings) is not None:
        return True
    return is_current(library, settings)


def read_collection(collection, page: int = 5000) -> list[tuple[str, list[float], str, dict]]:
    """Every record of a Chroma collection as (id, embedding, document, metadata), read in pages."""
    records = []
    for offset in range(0, collection.count(), page):
        data = collection.get(include=["embeddings", "documents", "metadatas"], limit=page, offset=offset)
        records += zip(data["ids"], data["embeddings"], data["documents"], data["metadatas"], strict=True)
    return records


@lru_cache(maxsize=1)
def get_library_search() -> LibrarySearch:
    """The process-wide searcher (CLI, services, notebooks). The app wraps it in st.cache_resource."""
    return build_library_search()

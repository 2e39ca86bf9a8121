"""How retrieval scales: the library alone, then with 10k and 100k synthetic passages, embedded and server Chroma.

    .venv/bin/python benchmarks/scale.py [--sizes 0 10000 100000] [--no-server]

Synthetic passages are real library probe vectors with noise added (so they crowd the real ones in vector
space) and text made of library words (so BM25 has real work); embedding 100k texts with MiniLM would take
most of an hour on two cores, so embedding speed is measured separately, on the library itself.
Prints one table: ingest rate (records/s into Chroma), index load time, query p50/p95 ms over the
evaluation queries (warm), hit@3 on them (the synthetic passages must not push the real answers out), and
the process's resident memory after loading.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp(prefix="haven-scale-"))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def synthetic_records(base, n: int, seed: int = 7):
    """n records shaped like the library's: noisy copies of real probe vectors, text of library words."""
    import numpy as np

    rng = np.random.default_rng(seed)
    words = " ".join(p.text for p in base.passages).split()
    picks = rng.integers(0, len(base._vectors), size=n)
    vectors = base._vectors[picks] + rng.normal(0, 0.06, size=(n, base._vectors.shape[1])).astype("float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for i in range(n):
        doc = f"synthetic-{i // 4}"
        text = " ".join(rng.choice(words, size=60))
        meta = {
            "chunk_id": f"{doc}#{i % 4}", "doc_id": doc, "kind": "article", "title": f"Synthetic {i // 4}",
            "section": "Body", "source": "synthetic", "doc_hash": "x", "references": "[]",
        }
        yield f"{doc}#{i % 4}~0", vectors[i].tolist(), text, meta


def add_in_batches(collection, records, batch: int = 2000) -> float:
    """Add records to Chroma; returns records per second."""
    start, count, buf = time.perf_counter(), 0, []
    for rec in records:
        buf.append(rec)
        if len(buf) == batch:
            _flush(collection, buf)
            count += len(buf)
            buf = []
    if buf:
        _flush(collection, buf)
        count += len(buf)
    return count / (time.perf_counter() - start)


def _flush(collection, buf) -> None:
    ids, vecs, docs, metas = zip(*buf, strict=True)
    collection.add(ids=list(ids), embeddings=list(vecs), documents=list(docs), metadatas=list(metas))


def measure(label: str, settings, base, size: int, queries) -> dict:
    from haven.content.loader import load_library
    from haven.retrieval.embeddings import embed_one
    from haven.retrieval.evaluation import evaluate
    from haven.retrieval.index import chroma_client, ingest, library_collection
    from haven.retrieval.search import LibrarySearch

    client = chroma_client(settings)
    try:
        client.delete_collection(settings.collection)
    except Exception:  # not there yet
        pass
    collection = library_collection(settings, client)
    ingest(load_library(settings.exercises_dir, settings.knowledge_dir), settings=settings, collection=collection)
    rate = add_in_batches(collection, synthetic_records(base, size)) if size else float("nan")
    start = time.perf_counter()
    searcher = LibrarySearch.from_collection(collection)
    load_s = time.perf_counter() - start

    def rank(q: str) -> list[str]:
        embed_one.cache_clear()
        return [h.doc_id for h in searcher.search(q, k=10)]

    result = evaluate(label, rank, queries)
    row = {
        "store": label, "passages": len(searcher.passages), "ingest/s": rate, "load s": load_s,
        "p50 ms": result.p50_ms, "p95 ms": result.p95_ms, "hit@3": result.hit_at_3, "RSS MB": rss_mb(),
    }
    client.delete_collection(settings.collection)
    return row


def embedding_rate(base) -> float:
    from haven.retrieval.embeddings import embed

    texts = [p.text for p in base.passages]
    start = time.perf_counter()
    embed(texts)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 100_000])
    parser.add_argument("--no-server", action="store_true", help="Skip the Chroma server runs.")
    args = parser.parse_args()

    from haven.config import get_settings
    from haven.retrieval.evaluation import load_queries
    from haven.retrieval.search import build_library_search

    base = build_library_search()
    queries = load_queries(ROOT / "tests/retrieval/eval_queries.yaml")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"MiniLM embedding rate on library passages: {embedding_rate(base):.0f} passages/s (batch 32, CPU)")
    stores = [("embedded", get_settings().model_copy(update={"collection": "haven-scale"}))]
    server = None
    if not args.no_server:
        from services import ChromaServer

        server = ChromaServer()
        stores.append(("server", get_settings().model_copy(update={"collection": "haven-scale", "chroma_url": server.url})))
    rows = []
    try:
        for label, settings in stores:
            for size in args.sizes:
                rows.append(measure(f"{label}+{size // 1000}k" if size else f"{label} library", settings, base, size, queries))
                print("  done:", rows[-1]["store"], flush=True)
    finally:
        if server:
            server.stop()
    cols = ["store", "passages", "ingest/s", "load s", "p50 ms", "p95 ms", "hit@3", "RSS MB"]
    print(" | ".join(f"{c:>14}" for c in cols))
    for row in rows:
        print(" | ".join(f"{row[c]:>14.2f}" if isinstance(row[c], float) else f"{row[c]:>14}" for c in cols))
    print(f"median of p50s: {statistics.median(r['p50 ms'] for r in rows):.2f} ms")


if __name__ == "__main__":
    main()

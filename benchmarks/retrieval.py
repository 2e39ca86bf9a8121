"""Haven's search against the textbook pipeline, on the held-out labelled queries, by kind of query.

    .venv/bin/python benchmarks/retrieval.py [--split heldout] [--misses] [--classic]

The queries are ``haven/retrieval/data/queries.yaml`` (split by a hash of each text; the held-out part is never
used to train the learned layer or to choose the fusion weights). For each kind (indirect, multi, question,
short, long, slang, misleading) and overall: hit@1, hit@3, MRR (a document graded 2 or 3 counts) and nDCG@5
(gain 2^grade - 1), for Haven (``haven search``) beside the textbook LangChain pipeline
(RecursiveCharacterTextSplitter 1000/200 + MiniLM + Chroma, ``haven.retrieval.baseline``); for multi queries
also the share of their problems answered in the top 3. Then per-query p50/p95 milliseconds, warm, each
pipeline paying for its own query embedding. ``--classic``: also Haven's fusion without the learned layer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIGURES = ("hit_at_1", "hit_at_3", "rr", "ndcg_at_5")
LABELS = {"hit_at_1": "hit@1", "hit_at_3": "hit@3", "rr": "MRR", "ndcg_at_5": "nDCG@5"}


def _p95(ms: list[float]) -> float:
    return statistics.quantiles(ms, n=20)[18] if len(ms) >= 2 else (ms[0] if ms else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="heldout", choices=("train", "dev", "heldout"))
    parser.add_argument("--misses", action="store_true", help="List the queries Haven missed at rank 1.")
    parser.add_argument("--classic", action="store_true", help="Also Haven's fusion without the learned layer.")
    args = parser.parse_args()
    os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp(prefix="haven-bench-"))

    from haven.config import get_settings
    from haven.content.loader import load_library
    from haven.retrieval.baseline import TextbookRetriever
    from haven.retrieval.embeddings import embed_one
    from haven.retrieval.evaluation import WARMUP, graded_score, mean_scores
    from haven.retrieval.labelled import KINDS, split
    from haven.retrieval.query import reading
    from haven.retrieval.search import build_library_search

    settings = get_settings()
    library = load_library(settings.exercises_dir, settings.knowledge_dir)
    haven = build_library_search()
    textbook = TextbookRetriever(library)

    def haven_rank(mode: str):
        def rank(query: str) -> list[str]:
            embed_one.cache_clear()  # every pipeline pays for its own query embedding
            reading.cache_clear()
            return [h.doc_id for h in haven.search(query, k=10, mode=mode)]

        return rank

    pipelines = {"Haven": haven_rank("hybrid"), "textbook": textbook.rank}
    if args.classic:
        pipelines["Haven without learned layer"] = haven_rank("classic")
    queries = split(args.split)
    for rank in pipelines.values():
        for text in WARMUP:
            rank(text)
    scores: dict[str, dict[str, list]] = {name: defaultdict(list) for name in pipelines}
    ms: dict[str, list[float]] = {name: [] for name in pipelines}
    misses: list[str] = []
    for q in queries:  # pipelines take turns query by query, so a busy moment slows them alike
        for name, rank in pipelines.items():
            start = time.perf_counter()
            ids = rank(q.text)
            ms[name].append((time.perf_counter() - start) * 1000)
            score = graded_score(ids, q.grades, q.issues)
            scores[name][q.kind].append(score)
            scores[name]["all"].append(score)
            if name == "Haven" and score.hit_at_1 < 1:
                misses.append(f"  {q.kind:10} {q.text!r}: wanted {sorted(q.relevant)}, got {ids[:3]}")

    names = list(pipelines)
    print(f"{len(library.exercises)} exercises + {len(library.articles)} articles; {args.split} split: "
          f"{len(queries)} queries; Haven {len(haven.passages)} passages, textbook {textbook.n_chunks} chunks\n")
    header = "| kind (n) | " + " | ".join(f"{n} {LABELS[f]}" for n in names for f in FIGURES) + " |"
    print(header)
    print("|---" * (1 + len(names) * len(FIGURES)) + "|")
    for kind in (*KINDS, "all"):
        n = len(scores["Haven"][kind])
        if not n:
            continue
        cells = [f"{getattr(mean_scores(scores[name][kind]), f):.2f}" for name in names for f in FIGURES]
        print(f"| {kind} ({n}) | " + " | ".join(cells) + " |")
    multi = {name: mean_scores(scores[name]["multi"]).issues_at_3 for name in names}
    print("\nmulti: share of problems with a document in the top 3: "
          + ", ".join(f"{name} {value:.2f}" for name, value in multi.items()))
    print("ms per query (warm): " + ", ".join(
        f"{name} p50 {statistics.median(ms[name]):.1f} p95 {_p95(ms[name]):.1f}" for name in names))
    if args.misses:
        print(f"\nHaven's misses at rank 1 ({len(misses)}):")
        print("\n".join(misses))


if __name__ == "__main__":
    main()

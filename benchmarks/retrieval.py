"""Haven's hybrid search against the textbook pipeline, on the same content and queries, in one run.

    .venv/bin/python benchmarks/retrieval.py [--queries tests/retrieval/eval_queries.yaml]

Prints hit@1, hit@3, MRR and median/p95 per-query milliseconds (model loaded and warm for both).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--queries",
        type=Path,
        nargs="+",
        default=[ROOT / "tests/retrieval/eval_queries.yaml", ROOT / "tests/retrieval/holdout_queries.yaml"],
    )
    parser.add_argument("--misses", action="store_true", help="List the queries each pipeline missed.")
    args = parser.parse_args()
    os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp(prefix="haven-bench-"))

    from haven.config import get_settings
    from haven.content.loader import load_library
    from haven.retrieval.baseline import TextbookRetriever
    from haven.retrieval.embeddings import embed_one
    from haven.retrieval.evaluation import compare, load_queries
    from haven.retrieval.search import build_library_search

    settings = get_settings()
    library = load_library(settings.exercises_dir, settings.knowledge_dir)
    haven = build_library_search()
    textbook = TextbookRetriever(library)
    def haven_rank(mode: str):
        def rank(query: str) -> list[str]:
            embed_one.cache_clear()  # every pipeline pays for its own query embedding
            return [h.doc_id for h in haven.search(query, k=10, mode=mode)]

        return rank

    pipelines = {
        "haven hybrid": haven_rank("hybrid"),
        "haven dense only": haven_rank("dense"),
        "haven lexical only": haven_rank("lexical"),
        "textbook (RCTS 1000/200 + Chroma)": textbook.rank,
    }
    print(f"{len(library.exercises)} exercises + {len(library.articles)} articles; "
          f"haven {len(haven.passages)} passages, textbook {textbook.n_chunks} chunks")
    for path in args.queries:
        queries = load_queries(path)
        results = compare(pipelines, queries)
        print(f"\n{path.name}: {len(queries)} queries")
        print(f"{'pipeline':36} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} {'p50 ms':>7} {'p95 ms':>7}")
        for r in results:
            print(f"{r.name:36} {r.hit_at_1:6.3f} {r.hit_at_3:6.3f} {r.mrr:6.3f} {r.p50_ms:7.2f} {r.p95_ms:7.2f}")
        if args.misses:
            for r in results:
                print(f"  misses of {r.name}:")
                for query, wanted, got in r.misses:
                    print(f"    {query!r}: wanted {wanted}, got {got}")


if __name__ == "__main__":
    main()

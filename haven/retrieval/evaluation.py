"""Measure retrieval: hit@k and mean reciprocal rank over a set of everyday queries with known answers."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

RankFn = Callable[[str], list[str]]  # query -> document ids, best first


@dataclass(frozen=True)
class EvalQuery:
    query: str
    relevant: frozenset[str]


@dataclass
class EvalResult:
    """The figures for one pipeline over one query set."""

    name: str
    hit_at_1: float
    hit_at_3: float
    mrr: float
    ms: list[float] = field(default_factory=list)
    ranks: list[int | None] = field(default_factory=list)  # per query: 0-based rank of the first relevant id
    misses: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # query, wanted, got

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.ms) if self.ms else 0.0

    @property
    def p95_ms(self) -> float:
        return statistics.quantiles(self.ms, n=20)[18] if len(self.ms) >= 2 else self.p50_ms


def load_queries(path: Path) -> list[EvalQuery]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [EvalQuery(r["query"], frozenset(r["relevant"])) for r in rows]


WARMUP = ["warming up the model", "a sentence to load every cache before timing"]


def compare(pipelines: dict[str, RankFn], queries: list[EvalQuery]) -> list[EvalResult]:
    """Score several pipelines on the same queries, taking turns query by query.

    Taking turns means a busy moment of the machine slows every pipeline alike, so their times compare.
    """
    for rank in pipelines.values():
        for text in WARMUP:
            rank(text)
    results = {name: EvalResult(name, 0.0, 0.0, 0.0) for name in pipelines}
    firsts: dict[str, list[int | None]] = {name: [] for name in pipelines}
    for q in queries:
        for name, rank in pipelines.items():
            start = time.perf_counter()
            ids = rank(q.query)
            results[name].ms.append((time.perf_counter() - start) * 1000)
            first = first_relevant(ids, q.relevant)
            firsts[name].append(first)
            if first is None or first >= 3:
                results[name].misses.append((q.query, sorted(q.relevant), ids[:3]))
    n = len(queries) or 1
    for name, result in results.items():
        ranks = firsts[name]
        result.hit_at_1 = sum(f == 0 for f in ranks) / n
        result.hit_at_3 = sum(f is not None and f < 3 for f in ranks) / n
        result.mrr = sum(1 / (f + 1) for f in ranks if f is not None) / n
        result.ranks = ranks
    return list(results.values())


def first_relevant(ids: list[str], relevant: frozenset[str] | set[str]) -> int | None:
    """0-based rank of the first relevant id in a ranking, or None when none was found."""
    return next((i for i, doc_id in enumerate(ids) if doc_id in relevant), None)


def evaluate(name: str, rank: RankFn, queries: list[EvalQuery]) -> EvalResult:
    """Score one pipeline (see :func:`compare`)."""
    return compare({name: rank}, queries)[0]


def distinct(ids: list[str]) -> list[str]:
    """Document ids in first-seen order (chunk-level pipelines return a document many times)."""
    seen: dict[str, None] = {}
    for doc_id in ids:
        seen.setdefault(doc_id, None)
    return list(seen)


# --- graded figures (the labelled set of haven/retrieval/labelled.py) --------------------------------------


@dataclass(frozen=True)
class GradedScore:
    """One ranking of one labelled query, scored."""

    hit_at_1: float
    hit_at_3: float
    rr: float  # reciprocal rank of the first document graded 2 or more
    ndcg_at_5: float
    issues_at_3: float  # share of the query's problems with a document among the first three


def graded_score(ids: list[str], grades: dict[str, int], issues=(), hit_grade: int = 2) -> GradedScore:
    """hit@1, hit@3, reciprocal rank, nDCG@5 (gain 2^grade - 1) and problems covered in the top 3."""
    relevant = {d for d, g in grades.items() if g >= hit_grade}
    first = first_relevant(ids, relevant)
    gains = [2 ** grades.get(d, 0) - 1 for d in ids[:5]]
    ideal = sorted((2**g - 1 for g in grades.values() if g > 0), reverse=True)[:5]
    dcg = sum(g / np.log2(i + 2) for i, g in enumerate(gains))
    idcg = sum(g / np.log2(i + 2) for i, g in enumerate(ideal)) or 1.0
    covered = [bool(set(ids[:3]) & set(issue)) for issue in issues] or [first is not None and first < 3]
    return GradedScore(
        hit_at_1=float(first == 0),
        hit_at_3=float(first is not None and first < 3),
        rr=1 / (first + 1) if first is not None else 0.0,
        ndcg_at_5=dcg / idcg,
        issues_at_3=sum(covered) / len(covered),
    )


def mean_scores(scores: list[GradedScore]) -> GradedScore:
    """The mean of each figure (zeros for no scores)."""
    n = len(scores) or 1
    return GradedScore(*(sum(getattr(s, f) for s in scores) / n for f in GradedScore.__dataclass_fields__))

"""Train the learned query layer and choose the fusion weights: deterministic, offline, from the repo's data.

    .venv/bin/python -m haven.retrieval.training          # writes data/query_model.npz and data/fusion.json

What it reads: the train split of ``data/queries.yaml`` and the library's own situation lines to fit the
model, the dev split to choose the model's two settings and then the fusion weights. Never the held-out split (benchmarks/retrieval.py measures on it).
Same data and same code give the same model: the solver is deterministic and nothing is sampled.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
import tempfile
from dataclasses import asdict

import numpy as np

from haven.retrieval.evaluation import graded_score, mean_scores
from haven.retrieval.issues import clauses
from haven.retrieval.labelled import HIT_GRADE, LabelledQuery, data_hash, split
from haven.retrieval.learned import MODEL_FILE, QueryModel, feature_parts, join
from haven.retrieval.query import reading
from haven.retrieval.search import FUSION_FILE, FusionWeights, LibrarySearch, Signals

C_GRID = (32.0, 128.0)
CHAR_WEIGHT_GRID = (0.5, 1.0)
FUSION_GRID = {
    "lexical": (0.4, 0.8),
    "gist": (0.5, 1.0),
    "learned": (0.0, 1.0, 3.0),
    "learned_p": (0.3, 0.6, 1.0, 2.0),
    "second_issue": (0.2, 0.3, 0.5, 1.01),
}


def library_lines(library=None) -> list[LabelledQuery]:
    """The library's own words for each document, as extra training rows: an exercise's "when it helps" lines,
    every title with its summary, every article's section headings. (The benchmark's held-out queries are
    never among them.)"""
    from haven.content.loader import load_default_library

    library = library or load_default_library()
    lines: list[tuple[str, str]] = []
    for doc in library.documents():
        if doc.kind == "exercise":
            lines += [(line, doc.id) for line in doc.when_it_helps] + [(f"{doc.title}. {doc.summary}", doc.id)]
        else:
            lines.append((f"{doc.title}. {doc.meta.summary}", doc.id))
            lines += [(f"{doc.title}: {section.heading}", doc.id) for section in doc.sections]
    return [LabelledQuery(text, "library", {doc_id: 3}, (frozenset({doc_id}),), "train") for text, doc_id in lines]


def training_hash(lines: list[LabelledQuery]) -> str:
    """What the model learned from: the labelled queries file and the library lines (see :func:`library_lines`).
    A change to either makes the committed model stale, which tests/retrieval catches."""
    digest = hashlib.sha256(data_hash().encode())
    for q in lines:
        digest.update(f"{q.best}\t{q.text}\n".encode())
    return digest.hexdigest()[:16]


def _samples(queries: list[LabelledQuery], x: np.ndarray, doc_ids: list[str]):
    """One training row per answering document: the best answer weighs 1, a good second answer 0.5."""
    rows, labels, weights = [], [], []
    for i, q in enumerate(queries):
        for doc_id, grade in sorted(q.grades.items()):
            if grade >= HIT_GRADE:
                rows.append(i)
                labels.append(doc_ids.index(doc_id))
                weights.append(1.0 if grade == 3 else 0.5)
    return x[rows], np.asarray(labels), np.asarray(weights)


def fit(
    queries: list[LabelledQuery], x: np.ndarray, doc_ids: list[str], c: float, char_weight: float, hash_: str = ""
) -> QueryModel:
    """A multinomial logistic regression over the rows of :func:`learned.features`."""
    from sklearn.linear_model import LogisticRegression

    rows, labels, weights = _samples(queries, x, doc_ids)
    clf = LogisticRegression(C=c, max_iter=5000, tol=1e-6)
    clf.fit(rows, labels, sample_weight=weights)
    coef = np.zeros((len(doc_ids), x.shape[1]), dtype=np.float32)
    bias = np.full(len(doc_ids), -30.0, dtype=np.float32)  # a document no query names is never predicted
    coef[clf.classes_] = clf.coef_
    bias[clf.classes_] = clf.intercept_
    return QueryModel(tuple(doc_ids), coef, bias, char_weight, hash_)


def _model_dev_score(model: QueryModel, queries: list[LabelledQuery], x: np.ndarray) -> float:
    p = model.probabilities_of(x)
    ranked = [[model.doc_ids[j] for j in np.argsort(-row, kind="stable")] for row in p]
    m = mean_scores([graded_score(r, q.grades, q.issues) for r, q in zip(ranked, queries, strict=True)])
    return m.hit_at_1 + m.ndcg_at_5


def choose_model(train: list[LabelledQuery], dev: list[LabelledQuery], doc_ids: list[str], hash_: str) -> QueryModel:
    """Fit on train (with the library lines) for each setting, keep the one best on dev (hit@1 + nDCG@5)."""
    train_parts = feature_parts([q.text for q in train])
    dev_parts = feature_parts([q.text for q in dev])
    best: tuple[float, QueryModel] | None = None
    for char_weight in CHAR_WEIGHT_GRID:
        x_train, x_dev = join(train_parts, char_weight), join(dev_parts, char_weight)
        for c in C_GRID:
            model = fit(train, x_train, doc_ids, c, char_weight, hash_)
            score = _model_dev_score(model, dev, x_dev)
            print(f"  model C={c:<5} char_weight={char_weight:<4} dev hit@1+nDCG@5 {score:.3f}", file=sys.stderr)
            if best is None or score > best[0] + 1e-9:
                best = (score, model)
    assert best is not None
    return best[1]


def _signals(searcher: LibrarySearch, model: QueryModel, query: str) -> Signals:
    signals = searcher.signals(query, mode="classic")
    signals.learned = model.probabilities(query)
    parts = clauses(reading(query))
    signals.issues = model.probabilities_many(parts) if parts else []
    return signals


def fusion_score(searcher: LibrarySearch, weights: FusionWeights, queries, signals) -> dict[str, float]:
    scores = [
        graded_score([d for d, *_ in searcher.fuse(s, weights)], q.grades, q.issues)
        for q, s in zip(queries, signals, strict=True)
    ]
    return asdict(mean_scores(scores))


def choose_fusion(searcher: LibrarySearch, model: QueryModel, dev: list[LabelledQuery]) -> tuple[FusionWeights, dict]:
    """The grid point best on dev by hit@1 + nDCG@5 + problems covered in the top 3."""
    signals = [_signals(searcher, model, q.text) for q in dev]
    best: tuple[float, FusionWeights, dict] | None = None
    names = list(FUSION_GRID)
    for values in itertools.product(*(FUSION_GRID[n] for n in names)):
        weights = FusionWeights(**dict(zip(names, values, strict=True)))
        figures = fusion_score(searcher, weights, dev, signals)
        objective = figures["hit_at_1"] + figures["ndcg_at_5"] + figures["issues_at_3"]
        if best is None or objective > best[0] + 1e-9:
            best = (objective, weights, figures)
    assert best is not None
    return best[1], best[2]


def main() -> None:
    os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp(prefix="haven-train-"))
    from haven.retrieval.search import build_library_search

    searcher = build_library_search()
    doc_ids = list(searcher.doc_ids)
    lines = library_lines()
    train, dev = split("train") + lines, split("dev")
    print(f"{len(train) - len(lines)} train queries and {len(lines)} library lines, {len(dev)} dev queries, "
          f"{len(doc_ids)} documents", file=sys.stderr)
    model = choose_model(train, dev, doc_ids, training_hash(lines))
    model.save(MODEL_FILE)
    weights, figures = choose_fusion(searcher, model, dev)
    FUSION_FILE.write_text(
        json.dumps(
            {"data_hash": model.data_hash, "weights": asdict(weights), "dev": {k: round(v, 4) for k, v in figures.items()}},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"model -> {MODEL_FILE.name} ({MODEL_FILE.stat().st_size // 1024} KB); fusion {asdict(weights)}")
    print(f"dev: {json.dumps({k: round(v, 3) for k, v in figures.items()})}")


if __name__ == "__main__":
    main()

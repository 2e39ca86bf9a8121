"""Triage on the labelled set: recall, false-positive rate, and per-message time (warm).

    .venv/bin/python benchmarks/triage.py            # recall, FPR, p50/p95 ms, and every miss
    .venv/bin/python benchmarks/triage.py --sweep    # how recall/FPR move with the similarity thresholds

The time is measured in-process per message after the model and exemplars are loaded (warm), the same way
``haven triage --jsonl`` reports ``ms``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES_FILE = ROOT / "tests" / "safety" / "triage_cases.yaml"


@dataclass(frozen=True)
class Case:
    text: str
    crisis: bool
    group: str


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    """Every labelled message: crisis ones grouped by category, the others by kind of hard negative."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = [Case(t, True, group) for group, texts in data["crisis"].items() for t in texts]
    cases += [Case(t, False, group) for group, texts in data["none"].items() for t in texts]
    return cases


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run(cases: list[Case]) -> None:
    from haven.safety import triage

    triage("warm up the model and the exemplars")
    times, misses, false_alarms, layers = [], [], [], {"pattern": 0, "similar": 0}
    for case in cases:
        start = time.perf_counter()
        result = triage(case.text)
        times.append((time.perf_counter() - start) * 1000)
        if result.is_crisis:
            layers["pattern" if result.evidence.startswith("pattern") else "similar"] += 1
        if case.crisis and not result.is_crisis:
            misses.append(case)
        if not case.crisis and result.is_crisis:
            false_alarms.append((case, result))
    positives = sum(c.crisis for c in cases)
    negatives = len(cases) - positives
    print(f"cases: {len(cases)} ({positives} crisis, {negatives} none)")
    print(f"recall: {(positives - len(misses)) / positives:.3f} ({positives - len(misses)}/{positives})")
    print(f"false-positive rate: {len(false_alarms) / negatives:.3f} ({len(false_alarms)}/{negatives})")
    print(f"crisis by layer: patterns {layers['pattern']}, similarity {layers['similar']}")
    print(f"ms per message (warm): p50 {statistics.median(times):.1f}  p95 {percentile(times, 95):.1f}  "
          f"max {max(times):.1f}")
    pattern_times = _pattern_layer_times(cases)
    print(f"  of which the pattern layer alone: p50 {statistics.median(pattern_times):.2f}  "
          f"p95 {percentile(pattern_times, 95):.2f}")
    print(f"  one embedding call (warm, short text): p50 {statistics.median(_embed_times()):.1f}")
    if hasattr(os, "getloadavg"):
        print(f"  machine load average (1 min) while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for case in misses:
        print(f"  MISSED [{case.group}] {case.text}")
    for case, result in false_alarms:
        print(f"  FALSE ALARM [{case.group}] {case.text}  <- {result.evidence}")


def _pattern_layer_times(cases: list[Case]) -> list[float]:
    from haven.safety.patterns import match, prepare

    times = []
    for case in cases:
        start = time.perf_counter()
        match(prepare(case.text))
        times.append((time.perf_counter() - start) * 1000)
    return times


def _embed_times(n: int = 30) -> list[float]:
    from haven.retrieval.embeddings import embed

    times = []
    for i in range(n):
        start = time.perf_counter()
        embed([f"a short message number {i} about my day"])
        times.append((time.perf_counter() - start) * 1000)
    return times


def sweep(cases: list[Case]) -> None:
    """Recall and FPR of the similarity layer's rule for a grid of thresholds (patterns held fixed)."""
    import numpy as np

    from haven.retrieval.embeddings import embed
    from haven.safety.patterns import match, prepare
    from haven.safety.semantic import Thresholds, chunks, decide, load_exemplars

    ex = load_exemplars()
    rows = []
    for case in cases:
        prepared = prepare(case.text)
        by_pattern = bool(match(prepared))
        pieces = chunks(prepared)
        vectors = embed(pieces)
        rows.append((case, by_pattern, vectors @ ex.crisis_vectors.T, vectors @ ex.safe_vectors.T))
    positives = sum(c.crisis for c in cases)
    negatives = len(cases) - positives
    print("high  low   margin  recall  fpr")
    for high in (0.62, 0.65, 0.68, 0.72, 0.76):
        for low in (0.42, 0.46, 0.50, 0.54):
            for margin in (0.0, 0.02, 0.04, 0.06):
                th = Thresholds(high, low, margin)
                tp = fp = 0
                for case, by_pattern, cs, ss in rows:
                    hit = by_pattern or any(
                        decide(float(np.max(cs[i])), float(np.max(ss[i])), th) for i in range(len(cs))
                    )
                    tp += hit and case.crisis
                    fp += hit and not case.crisis
                print(f"{high:.2f}  {low:.2f}  {margin:.2f}    {tp / positives:.3f}   {fp / negatives:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sweep", action="store_true", help="sweep the similarity thresholds")
    args = parser.parse_args()
    cases = load_cases()
    sweep(cases) if args.sweep else run(cases)


if __name__ == "__main__":
    main()

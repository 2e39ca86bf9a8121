"""Triage on the labelled set: recall, false-positive rate, and per-message time (warm); and false alarms on
everyday messages (tests/safety/everyday_messages.yaml) and on the library's `when_it_helps` lines (what people
say when they need an exercise; the safety-plan exercise's lines are left out).

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
EVERYDAY_FILE = ROOT / "tests" / "safety" / "everyday_messages.yaml"
CRISIS_EXERCISES = {"safety-plan"}  # its when_it_helps lines are meant to be close to a crisis


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


def load_everyday(path: Path = EVERYDAY_FILE) -> list[Case]:
    """Everyday messages: none is a crisis."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Case(t, False, group) for group, texts in data.items() for t in texts]


def load_when_it_helps() -> list[Case]:
    """The library's `when_it_helps` lines, but for exercises meant for a crisis: none is a crisis."""
    from haven.content.loader import load_default_library

    library = load_default_library()
    return [
        Case(line, False, exercise.id)
        for exercise in library.exercises.values()
        if exercise.id not in CRISIS_EXERCISES
        for line in exercise.when_it_helps
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def false_alarms_on(name: str, cases: list[Case]) -> None:
    from haven.safety import triage

    alarms = [(case, result) for case in cases if (result := triage(case.text)).is_crisis]
    print(f"{name}: false-positive rate {len(alarms) / len(cases):.3f} ({len(alarms)}/{len(cases)})")
    for case, result in alarms:
        print(f"  FALSE ALARM [{case.group}] {case.text}  <- {result.evidence}")


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


def _similarity_rows(cases: list[Case]) -> list[tuple]:
    """For each case: whether a pattern fires, and per piece its crisis and safe similarities and its cue."""
    from haven.retrieval.embeddings import embed
    from haven.safety.patterns import match, prepare
    from haven.safety.semantic import chunks, load_exemplars

    ex = load_exemplars()
    rows = []
    for case in cases:
        prepared = prepare(case.text)
        pieces = chunks(prepared)
        vectors = embed([p.text for p in pieces]) if pieces else None
        sims = [] if vectors is None else [
            (float((v @ ex.crisis_vectors.T).max()), float((v @ ex.safe_vectors.T).max()), p.corroborated)
            for v, p in zip(vectors, pieces)
        ]
        rows.append((case, bool(match(prepared)), sims))
    return rows


def _rates(rows: list[tuple], th) -> tuple[float, float]:
    from haven.safety.semantic import decide

    tp = fp = positives = 0
    for case, by_pattern, sims in rows:
        hit = by_pattern or any(decide(c, s, th, cue) for c, s, cue in sims)
        positives += case.crisis
        tp += hit and case.crisis
        fp += hit and not case.crisis
    negatives = len(rows) - positives
    return (tp / positives if positives else 1.0), (fp / negatives if negatives else 0.0)


def sweep(cases: list[Case]) -> None:
    """Recall and FPR of the similarity rule for a grid of thresholds (patterns held fixed), on the labelled
    set, the everyday messages and the when_it_helps lines. Rows with recall 1.0 come first, by total FPR."""
    from itertools import product

    from haven.safety.semantic import Thresholds, load_exemplars

    current = load_exemplars().thresholds
    sets = {"labelled": _similarity_rows(cases), "everyday": _similarity_rows(load_everyday()),
            "when_it_helps": _similarity_rows(load_when_it_helps())}
    grid = product((0.62, 0.66, 0.70), (0.40, 0.44, 0.48, 0.52), (0.0, 0.03, 0.06), (0.58, 0.62, 0.66, 1.0),
                   (0.0, 0.05, 0.10))
    results = []
    for high, low, margin, bare, bare_margin in grid:
        th = Thresholds(high, low, margin, bare, bare_margin)
        recall, fpr = _rates(sets["labelled"], th)
        fprs = [_rates(sets[name], th)[1] for name in ("everyday", "when_it_helps")]
        results.append((th, recall, fpr, *fprs))
    # Ties go to the most permissive rule (lowest thresholds): the labelled set has few cases that only the
    # similarity layer catches, so among equal false-alarm rates the one that misses least unseen is kept.
    results.sort(key=lambda r: (-r[1], round(r[2] + r[3] + r[4], 4), r[0].low, r[0].bare, r[0].margin,
                                r[0].high, r[0].bare_margin))
    shown = results[:30] + [r for r in results[30:] if r[0] == current]
    print(f"current: {current}")
    print("high  low   margin  bare  bare_m  recall  fpr(labelled)  fpr(everyday)  fpr(when_it_helps)")
    for th, recall, fpr, fpr_everyday, fpr_wih in shown:
        mark = "  <- current" if th == current else ""
        print(f"{th.high:.2f}  {th.low:.2f}  {th.margin:.2f}    {th.bare:.2f}  {th.bare_margin:.2f}    "
              f"{recall:.3f}   {fpr:.3f}          {fpr_everyday:.3f}          {fpr_wih:.3f}{mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sweep", action="store_true", help="sweep the similarity thresholds")
    args = parser.parse_args()
    cases = load_cases()
    if args.sweep:
        sweep(cases)
        return
    run(cases)
    false_alarms_on("everyday messages", load_everyday())
    false_alarms_on("when_it_helps lines (not safety-plan)", load_when_it_helps())


if __name__ == "__main__":
    main()

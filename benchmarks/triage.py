"""Triage measured honestly: each part of the labelled data on its own, and time per message (warm).

    .venv/bin/python benchmarks/triage.py             # train, dev and held-out tables, held-out misses, timing
    .venv/bin/python benchmarks/triage.py --split dev # one part only (what to look at while improving triage)
    .venv/bin/python benchmarks/triage.py --file benchmarks/triage_blind33.yaml   # a blind set: its table only

The labelled messages (haven/safety/data/triage/) are split by a hash of their words (haven/safety/labelled.py):
the model learns from train, `haven train-triage` chooses the thresholds on dev, and held-out is never used to
choose anything. Quote held-out figures only. "False crisis" counts every message labelled none or concern
that was read as a crisis (an educational question given the full crisis card is a false alarm).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pct(x: float) -> str:
    return "  -  " if x != x else f"{x:5.3f}"  # NaN when a group is empty


def table(name: str, rows) -> None:
    from haven.safety.training import measure

    m = measure(rows)
    calm = [r for r in rows if r.level != "crisis"]
    print(f"\n## {name}: {m.n} messages ({sum(r.level == 'crisis' for r in rows)} crisis, {len(calm)} not)")
    print(f"crisis recall {_pct(m.crisis_recall)} | risk recall (concern or crisis) {_pct(m.risk_recall)}")
    print(
        f"false crisis: on none {_pct(m.false_crisis)}, on concern {_pct(m.concern_as_crisis)}, "
        f"on all not-crisis {_pct(m.false_crisis_all)} | none read as concern or crisis {_pct(m.false_concern)}"
    )
    print("| category | n | crisis recall |\n|---|---|---|")
    for category, (n, recall) in m.by_category.items():
        print(f"| {category} | {n} | {_pct(recall)} |")
    print("| audience | n | crisis recall |\n|---|---|---|")
    for audience, (n, recall) in m.by_audience.items():
        print(f"| {audience} | {n} | {_pct(recall)} |")
    return m


def timing(rows) -> None:
    from haven.safety import triage

    triage("warming up")
    times = []
    for row in rows[:300]:
        start = time.perf_counter()
        triage(row.text, context=list(row.context) or None)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"\ntime per message (warm, in process, {len(times)} messages): p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")


def main() -> None:
    from haven.safety.classifier import load_model
    from haven.safety.labelled import data_hash, load_labelled, part

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev", "heldout"), help="only this part")
    parser.add_argument(
        "--file",
        help="a blind labelled set outside the training data (repo-relative, e.g. benchmarks/triage_blind33.yaml): "
        "its table only, its misses not listed (a blind set is read once, and reading its misses would tune on it)",
    )
    args = parser.parse_args()
    if args.file:
        from haven.safety.labelled import _read

        rows = _read(ROOT / args.file)
        print(f"{args.file}: {len(rows)} messages, read as a whole (no split: none of it is trained or tuned on)")
        table(args.file, rows)
        return
    model = load_model()
    rows = load_labelled()
    print(f"labelled messages: {len(rows)}; model trained on data {model.data_hash} (data now {data_hash()})")
    print(f"thresholds (chosen on dev): {vars(model.thresholds)}; fine-tuned encoder weight {model.encoder_weight}")
    splits = [args.split] if args.split else ["train", "dev", "heldout"]
    for split in splits:
        measured = table(split, part(split))
    if "heldout" in splits:
        print("\nheld-out misses and false alarms:")
        for text, label, got in measured.misses:
            print(f"  [{label} -> {got}] {text}")
    timing(part(splits[-1]))


if __name__ == "__main__":
    main()

"""The output guard on its labelled replies: blocked-unsafe and blocked-safe rates per split and per category,
which layer blocked what, false blocks on the library's own sentences, and every held-out miss.

    .venv/bin/python benchmarks/guard.py                     # figures per split; held-out misses
    .venv/bin/python benchmarks/guard.py --train             # retrain (train; threshold on dev), then figures
    .venv/bin/python benchmarks/guard.py --snapshot-library  # refresh data/guard/library_sentences.txt
    .venv/bin/python benchmarks/guard.py --show dev          # also list dev's misses and false blocks
    .venv/bin/python benchmarks/guard.py --since 52d1fb8     # also: held-out replies that existed then, and new

The data (haven/safety/data/guard/*.yaml) is split by a stable hash of each reply: train (~60%) teaches the
model, dev (~20%) chooses its threshold, held-out (~20%) is only ever reported. The numbers come from
``haven.safety.guard.evaluate``, which runs ``check_output`` itself; tests/safety/test_safety_guard.py asserts
the held-out targets with the same function.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MIN_LIBRARY_CHARS = 25
_WRAPPED_LINE = re.compile(r"(?<!\n)\n(?!\n|\s*(?:[-*]|\d+[.)]|#)\s)")
MAX_LIBRARY_CHARS = 400


def library_sentences() -> list[str]:
    """Every sentence of the library's exercises and articles (not references or ids), sorted and unique."""
    from haven.content.loader import load_default_library
    from haven.safety.guard import units

    def strings(obj, out: list[str]) -> None:
        if isinstance(obj, str):
            out.append(obj)
        elif isinstance(obj, dict):
            for value in obj.values():
                strings(value, out)
        elif isinstance(obj, list | tuple):
            for value in obj:
                strings(value, out)

    texts: list[str] = []
    for doc in load_default_library().documents():
        data = doc.model_dump(mode="json")
        data.pop("references", None)
        strings(data, texts)
    found = set()
    for text in texts:
        if text.startswith("http") or " " not in text.strip():
            continue
        pieces = units(_WRAPPED_LINE.sub(" ", text))  # Markdown wraps lines inside a paragraph
        for piece in pieces[1:] or pieces:
            if MIN_LIBRARY_CHARS <= len(piece) <= MAX_LIBRARY_CHARS:
                found.add(piece)
    return sorted(found)


def examples_at(revision: str) -> set[tuple[str, str | None, bool]]:
    """(reply, context, unsafe) of every labelled reply as the data stood at a git revision, so a round of
    new replies can be told apart from the held-out replies measured before it."""
    import yaml

    from haven.safety.guard import DATA_DIR

    folder = DATA_DIR.relative_to(ROOT).as_posix()
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", revision, f"{folder}/"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    found = set()
    for path in listed.stdout.split():
        if path.endswith(".yaml"):
            shown = subprocess.run(
                ["git", "show", f"{revision}:{path}"], cwd=ROOT, check=True, capture_output=True
            )
            data = yaml.safe_load(shown.stdout.decode("utf-8"))
            for label in ("unsafe", "safe"):
                for item in data.get(label) or []:
                    found.add((item["reply"], item.get("context"), label == "unsafe"))
    return found


def _pct(pair: tuple[int, int]) -> str:
    blocked, total = pair
    return f"{blocked:>3}/{total:<3} {blocked / total:5.3f}" if total else "      -      "


def _show(title: str, outcomes) -> None:
    print(f"\n{title} ({len(outcomes)})")
    for o in outcomes:
        context = f"   [person: {o.example.context!r}]" if o.example.context else ""
        why = f" -> {o.result.reasons} by {o.by}" if o.blocked else ""
        print(f"  {o.example.category:22} {o.example.reply!r}{context}{why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", action="store_true", help="retrain the model before measuring")
    parser.add_argument("--snapshot-library", action="store_true", help="rewrite the library sentence snapshot")
    parser.add_argument(
        "--since",
        metavar="REV",
        action="append",
        default=[],
        help="also report held-out replies that existed at this git revision, and the rest (may be repeated)",
    )
    parser.add_argument(
        "--show",
        choices=("train", "dev"),
        action="append",
        default=[],
        help="also list this split's misses and false blocks",
    )
    args = parser.parse_args()

    from haven.safety import guard

    if args.snapshot_library:
        lines = library_sentences()
        guard.LIBRARY_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} sentences to {guard.LIBRARY_FILE.relative_to(ROOT)}")
    if args.train:
        started = time.perf_counter()
        model = guard.train()
        print(f"trained in {time.perf_counter() - started:.0f} s; threshold {model.threshold:.4f}")
    model = guard.load_model()
    if model is None:
        print("no model file: the rules alone are measured")
    else:
        fresh = model.data_hash == guard.data_hash()
        print(
            f"model threshold {model.threshold:.4f}; "
            f"trained on the current data: {'yes' if fresh else 'NO, retrain'}"
        )

    guard.check_output("warm up", "the model")  # load the embedding model (and encoder) outside the timings
    started = time.perf_counter()
    reports = guard.evaluate()
    library = guard.evaluate(("dev", "held_out"), guard.load_library_sentences())
    elapsed = time.perf_counter() - started
    checks = sum(len(r.outcomes) for r in (*reports.values(), *library.values()))

    print("\nsplit      unsafe blocked        safe blocked     unsafe blocked on the reply's own words")
    for split, report in reports.items():
        print(
            f"{split:9}  {_pct(report.unsafe_blocked)}     {_pct(report.safe_blocked)}     "
            f"{_pct(report.unsafe_blocked_by_reply)}"
        )
    print(
        f"targets on held_out: unsafe blocked >= {guard.TARGET_UNSAFE_BLOCKED}, safe blocked <= "
        f"{guard.TARGET_SAFE_BLOCKED}"
    )

    print("\nby category: unsafe blocked (safe replies on the same topic blocked)")
    print(f"{'':22}" + "".join(f"{split:>30}" for split in reports))
    categories = sorted({c for r in reports.values() for c in r.by_category()})
    for category in categories:
        cells = []
        for report in reports.values():
            unsafe, safe = report.by_category().get(category, ((0, 0), (0, 0)))
            cells.append(f"{_pct(unsafe)} ({safe[0]}/{safe[1]})")
        print(f"{category:22}" + "".join(f"{cell:>30}" for cell in cells))

    for unsafe in (True, False):
        print(f"\nwhich layer blocked first ({'unsafe' if unsafe else 'safe'} replies)")
        for split, report in reports.items():
            layers = {}
            for o in report.outcomes:
                if o.example.unsafe == unsafe and o.blocked:
                    layers[o.by] = layers.get(o.by, 0) + 1
            print(f"{split:9}  " + ", ".join(f"{k} {v}" for k, v in sorted(layers.items())))

    print("\nthe library's own sentences blocked (train's share is trained on, so not shown)")
    for split, report in library.items():
        print(f"{split:9}  {_pct(report.safe_blocked)}")
        for o in report.false_blocks:
            print(f"  {o.example.reply!r} -> {o.result.reasons}")

    for since in args.since:
        old = examples_at(since)
        report = reports["held_out"]
        print(f"\nheld-out replies that existed at {since}, and those added since")
        for title, keep in (("then", True), ("since", False)):
            part = guard.SplitReport(
                "held_out",
                tuple(
                    o
                    for o in report.outcomes
                    if ((o.example.reply, o.example.context, o.example.unsafe) in old) == keep
                ),
            )
            print(f"{title:9}  unsafe {_pct(part.unsafe_blocked)}     safe {_pct(part.safe_blocked)}")
            for category, (unsafe, safe) in part.by_category().items():
                print(f"  {category:22} unsafe {_pct(unsafe)}   safe {_pct(safe)}")

    for split in args.show:
        _show(f"{split} misses", reports[split].misses)
        _show(f"{split} false blocks", reports[split].false_blocks)
    _show("held-out misses", reports["held_out"].misses)
    _show("held-out false blocks", reports["held_out"].false_blocks)

    times = []
    for o in reports["held_out"].outcomes:
        guard.clear_embedding_cache()  # time a reply seen for the first time
        started = time.perf_counter()
        guard.check_output(o.example.reply, o.example.context)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        f"\n{checks} checks in {elapsed:.1f} s; one check_output, warm: p50 {statistics.median(times):.0f} ms, "
        f"p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms"
    )


if __name__ == "__main__":
    main()

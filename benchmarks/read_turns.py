"""Gather the turns of every conversation set already read into ``haven/safety/data/read_turns.yaml``.

Why: triage's second opinion (``haven/safety/neighbours.py``) asks whether anything said like a message has carried
risk. The labelled training messages were written for Haven; the read sets were written by people who never saw it,
in the everyday voices the learned layer misreads. Once a set has been read it is dev, and its turns may teach:
ordinary turns (``normal`` in a risk set, every turn of a chat set) as ``none``, and the turns that wanted help as
their own level (``crisis``, ``concern``). Turns whose reply depends on the conversation (held, checked, stepped
down, back) are left out: alone, their words are not what they mean.

A blind set not yet read must never be gathered: name it with ``--exclude`` (a substring of the file name), as for
``dev_replay.py``. Then rebuild the neighbours with ``haven train-triage --neighbours``.

    python benchmarks/read_turns.py --exclude heldout55 chat_heldout50
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "haven/safety/data/read_turns.yaml"
#: a risk set's expected reply -> the level its words carry alone
LEVEL_OF = {"normal": "none", "crisis": "crisis", "concern": "concern"}


def risk_set_turns(path: Path) -> list[dict]:
    """The turns of a risk-conversation set whose words alone carry their level."""
    rows = []
    for conversation in yaml.safe_load(path.read_text(encoding="utf-8")):
        for turn in conversation["turns"]:
            level = LEVEL_OF.get(turn["expect"])
            if level:
                rows.append({"set": path.name, "text": turn["say"], "level": level})
    return rows


def chat_set_turns(path: Path) -> list[dict]:
    """Every turn of an everyday chat set (written as non-crisis talk), as ``none``."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.triage_chat import conversations

    return [
        {"set": path.name, "text": message, "level": "none"}
        for _, messages in conversations(path)
        for message in messages
    ]


def gather(exclude: list[str]) -> list[dict]:
    """Every read set's turns, in file-name order, a text kept once per level."""
    benchmarks = ROOT / "benchmarks"
    risk_sets = [*sorted(benchmarks.glob("risk_conversations_heldout*.yaml")), ROOT / "tests/safety/risk_conversations.yaml"]
    chat_sets = [*sorted(benchmarks.glob("chat_heldout*.yaml")), benchmarks / "chat_dev.yaml", benchmarks / "chat_rubric.yaml"]
    rows: list[dict] = []
    for path in risk_sets + chat_sets:
        if "_scores" in path.name or any(name in path.name for name in exclude):
            continue
        rows += risk_set_turns(path) if path in risk_sets else chat_set_turns(path)
    seen, kept = set(), []
    for row in rows:
        key = (" ".join(row["text"].lower().split()), row["level"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], help="blind sets not yet read (substrings of file names)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = gather(args.exclude)
    header = (
        "# Turns of the conversation sets already read (benchmarks/read_turns.py); the second opinion's read turns.\n"
        "# Generated: edit the sets, not this file.\n"
    )
    args.out.write_text(header + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    counts = {level: sum(row["level"] == level for row in rows) for level in ("none", "concern", "crisis")}
    print(f"{len(rows)} turns from {len({row['set'] for row in rows})} sets -> {args.out}: {counts}")


if __name__ == "__main__":
    main()

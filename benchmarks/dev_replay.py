"""Every read conversation set replayed through the risk state machine, and two such replays compared turn by turn.

Why: a change to the safety path is judged first on everything already read (dev), before a blind set is opened. A
turn that wanted a safety reply and lost it, or an ordinary turn that gained one, is listed by name; the rest is
counted. Blind sets not yet read are left out by name, so a replay never reads them.

    python benchmarks/dev_replay.py dump before.json --exclude heldout37 chat_heldout33   # at the old revision
    python benchmarks/dev_replay.py dump after.json --exclude heldout37 chat_heldout33    # at the new one
    python benchmarks/dev_replay.py compare before.json after.json

Run ``dump`` from the root of the revision being measured (a git worktree for the old one); it takes ~10 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path.cwd()
WANTS_HELP = {"crisis", "held", "concern"}


def dump(out: Path, exclude: list[str]) -> None:
    """Each turn's expected kind, Haven's reply kind, level and words, keyed by set, mode, conversation and turn."""
    os.environ.setdefault("HAVEN_DATA_DIR", tempfile.mkdtemp())
    sys.path.insert(0, str(ROOT))
    import yaml

    from benchmarks.risk_conversations import play
    from benchmarks.triage_chat import conversations
    from haven.chat.safety_first import safety_reply
    from haven.safety.conversation import RiskState, assess

    def kept(path: Path) -> bool:
        return not any(name in path.name for name in exclude)

    turns: dict[str, list] = {}
    risk_sets = [*sorted((ROOT / "benchmarks").glob("risk_conversations_heldout*.yaml"))]
    risk_sets.append(ROOT / "tests/safety/risk_conversations.yaml")
    for path in filter(kept, risk_sets):
        for haven_words in (False, True):
            for conversation in yaml.safe_load(path.read_text()):
                for i, turn, result in play(conversation, haven_words):
                    key = f"R|{path.name}|{haven_words}|{conversation['name']}|{i}"
                    turns[key] = [turn["expect"], result.reply, result.triage.level, turn["say"][:100], result.triage.evidence[:160]]
    chat_sets = [*sorted((ROOT / "benchmarks").glob("chat_heldout*.yaml")), ROOT / "benchmarks/chat_dev.yaml"]
    chat_sets.append(ROOT / "benchmarks/chat_rubric.yaml")
    for path in (p for p in chat_sets if kept(p) and "_scores" not in p.name):
        for n, (name, messages) in enumerate(conversations(path)):
            state, said = RiskState(), None
            for i, message in enumerate(messages):
                result = assess(message, state, said)
                state = result.state
                said = safety_reply(result, "GB").text if result.reply != "normal" else None
                turns[f"C|{path.name}|{n}|{name}|{i}"] = ["chat", result.reply, result.triage.level, message[:100], result.triage.evidence[:160]]
    out.write_text(json.dumps(turns, indent=0))
    print(f"{len(turns)} turns written to {out}")


def compare(before_path: Path, after_path: Path) -> None:
    """What moved between two dumps, over the turns both hold: losses and gains by name, the rest counted."""
    before = json.loads(before_path.read_text())
    after = json.loads(after_path.read_text())
    moved: Counter = Counter()
    lost, gained = [], []
    for key, (expect, was, _, words, *_) in before.items():
        now = after.get(key, [None, was])[1]
        if now == was:
            continue
        moved[(key[0], expect, was, now)] += 1
        if expect in WANTS_HELP and was != "normal" and now == "normal":
            lost.append(f"LOST   {key} {expect}: {was} -> {now} | {words}")
        elif expect in ("normal", "chat") and was == "normal" and now != "normal":
            gained.append(f"GAINED {key}: {was} -> {now} | {words}")
    for (kind, expect, was, now), n in moved.most_common():
        print(f"{n:5} {kind} expected {expect}: {was} -> {now}")
    print(*lost, *gained, sep="\n")

    def count(turns: dict, expects: set[str]) -> int:
        return sum(1 for key, v in turns.items() if key in before and v[0] in expects and v[1] != "normal")

    wanting = sum(1 for v in before.values() if v[0] in WANTS_HELP)
    print(
        f"turns wanting help given a safety reply: {count(before, WANTS_HELP)} -> {count(after, WANTS_HELP)} of {wanting}"
    )
    for label, expects in (("ordinary risk-set turns", {"normal"}), ("everyday chat turns", {"chat"})):
        total = sum(1 for v in before.values() if v[0] in expects)
        print(f"{label} with a safety reply: {count(before, expects)} -> {count(after, expects)} of {total}")
    print(f"lost {len(lost)}, gained {len(gained)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump", help="replay every read set at this revision")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--exclude", nargs="*", default=[], help="sets not yet read, by part of their file name")
    comparing = sub.add_parser("compare", help="compare two dumps turn by turn")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.exclude)
    else:
        compare(args.before, args.after)


if __name__ == "__main__":
    main()

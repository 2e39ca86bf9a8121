"""Write the second opinion's everyday turns (haven/safety/data/neighbours/everyday_turns.yaml).

    .venv/bin/python benchmarks/everyday_turns.py

Every turn of the conversation sets already read (the chat's ordinary sets, and the risk sets' conversations in
which a clinician wanted an ordinary reply on every turn), one row each. They are everyday talk in many voices,
the words the learned layer most often reads as a crisis, and ``haven train-triage --neighbours`` adds them to the
labelled train messages of the neighbours' vote (``haven/safety/neighbours.py``) as ordinary. They are never
learned from by the model itself: twice (rounds 11 and 13, docs/benchmarks.md) training on them moved the model's
boundary without sharpening it. Sets not yet read (``UNREAD``) are left out, so they can still measure.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "haven" / "safety" / "data" / "neighbours" / "everyday_turns.yaml"
#: Blind sets committed unread: never read into anything until their one reading.
UNREAD = {"chat_heldout21.yaml", "risk_conversations_heldout25.yaml"}
#: The rubric set's one conversation that holds a real crisis.
CRISIS_CONVERSATIONS = {"a crisis during an in-chat exercise"}


def chat_turns(path: Path) -> list[str]:
    """The messages of an ordinary chat set (named conversations with turns, or bare lists of turns)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for conversation in data.get("conversations", []) if isinstance(data, dict) else []:
        if isinstance(conversation, dict):
            if conversation.get("name") in CRISIS_CONVERSATIONS:
                continue
            conversation = conversation.get("turns", [])
        out += [turn["say"] for turn in conversation if isinstance(turn, dict) and turn.get("say")]
    return out


def ordinary_risk_turns(path: Path) -> list[str]:
    """The messages of a risk set's conversations wanted ordinary on every turn, none answering Haven's question."""
    out = []
    for conversation in yaml.safe_load(path.read_text(encoding="utf-8")):
        turns = conversation["turns"]
        if all(t["expect"] == "normal" and "question" not in t for t in turns):
            out += [t["say"] for t in turns]
    return out


def collect() -> list[dict[str, str]]:
    bench = ROOT / "benchmarks"
    rows, seen = [], set()
    sources = [(p, chat_turns) for p in sorted(bench.glob("chat_*.yaml")) if "scores" not in p.name]
    risk_files = [ROOT / "tests" / "safety" / "risk_conversations.yaml", *sorted(bench.glob("risk_conversations_heldout*.yaml"))]
    sources += [(p, ordinary_risk_turns) for p in risk_files]
    for path, read in sources:
        if path.name in UNREAD:
            continue
        for text in read(path):
            key = " ".join(text.lower().split())
            if key not in seen:
                seen.add(key)
                rows.append({"text": text, "from": path.name})
    return rows


def not_measured_elsewhere(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Leave out a turn that is, or nearly is (a string-similarity ratio of 90), a labelled message of the dev or
    held-out part: the neighbours' vote would otherwise find that message itself, and the figures quoted on
    those parts would no longer be on words the second opinion had not seen (round 8 made some chat turns
    labelled messages, and the split put some of them in dev and held-out)."""
    sys.path.insert(0, str(ROOT))
    from rapidfuzz import fuzz, process

    from haven.safety.labelled import part

    measured = [" ".join(r.text.lower().split()) for r in (*part("dev"), *part("heldout"))]
    kept = []
    for row in rows:
        key = " ".join(row["text"].lower().split())
        if process.extractOne(key, measured, scorer=fuzz.ratio, score_cutoff=90) is None:
            kept.append(row)
    return kept


def main() -> None:
    rows = not_measured_elsewhere(collect())
    header = (
        "# Everyday turns for the second opinion's neighbours (haven/safety/neighbours.py), each ordinary talk.\n"
        "# Written by benchmarks/everyday_turns.py from the conversation sets already read; never learned from by\n"
        "# the model. Regenerate with that script, then `haven train-triage --neighbours`.\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    print(f"{len(rows)} turns -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()

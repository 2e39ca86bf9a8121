"""Risk conversations as figures: how many turns of a scripted risk-conversation file get the reply a clinician
would want, by kind, and every turn that does not.

    .venv/bin/python benchmarks/risk_conversations.py                  # tests/safety/risk_conversations.yaml
    .venv/bin/python benchmarks/risk_conversations.py --file PATH      # another file in the same format

tests/safety/test_safety_conversations.py says pass or fail per conversation; a held-out file needs a rate
instead, and a count of what went wrong by kind, so it is read here the way that test reads it: each turn through
:func:`haven.safety.conversation.assess` with the state of the turn before and the question it answers. "Safety
reply" means any reply but ``normal``. Crisis recall counts a turn a clinician would meet with a safety reply
(expected crisis, held or concern) that got one of any kind; false safety replies are ``normal`` turns that got one.
A conversation marked ``known_gap`` is played and counted like any other, and named in the list.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_FILE = ROOT / "tests" / "safety" / "risk_conversations.yaml"
#: Expected kinds, in the order the table shows them, with what agreeing means for each.
KINDS = {
    "crisis": "crisis caught",
    "held": "crisis held",
    "concern": "concern checked in",
    "check": "safe claim checked",
    "back": "back to chat",
    "step_down": "misread stepped down",
    "normal": "normal (no safety reply)",
}
#: Turns a clinician would meet with some safety reply.
NEEDS_SAFETY = {"crisis", "held", "concern"}


def play(conversation: dict, haven_words: bool = False) -> list[tuple[int, dict, object]]:
    """(turn number, turn, Assessment) for each turn, the risk state carried from one turn to the next.

    ``haven_words``: a turn the writer gave no ``question`` answers Haven's own safety reply to the turn before
    (its held card, its check), as in the chat; writers who never saw Haven's wording leave the question out, and
    a "yes, I'm safe" then answers nothing."""
    from haven.chat.safety_first import safety_reply
    from haven.safety.conversation import RiskState, assess

    state, played, said = RiskState(), [], None
    for index, turn in enumerate(conversation["turns"], 1):
        result = assess(turn["say"], state, turn.get("question") or (said if haven_words else None))
        state = result.state
        said = safety_reply(result, "GB").text if result.reply != "normal" else None
        played.append((index, turn, result))
    return played


def side_problems(turn: dict, result) -> list[str]:
    """The means flag and category, where the file gives them, checked as the test checks them."""
    problems = []
    if "means" in turn and result.asked_for_means != turn["means"]:
        problems.append(f"means {result.asked_for_means}, expected {turn['means']}")
    if "category" in turn and not (result.triage.category == result.state.category == turn["category"]):
        problems.append(f"category {result.triage.category}/{result.state.category}, expected {turn['category']}")
    return problems


def _rate(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.0%}" if total else "0/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="risk-conversation YAML to play")
    parser.add_argument(
        "--haven-words",
        action="store_true",
        help="a turn with no `question` answers Haven's own safety reply to the turn before, as in the chat",
    )
    args = parser.parse_args()
    os.environ["HAVEN_DATA_DIR"] = tempfile.mkdtemp(prefix="haven-bench-")  # never the person's own data
    conversations = yaml.safe_load(args.file.read_text(encoding="utf-8"))

    expected, agreed = Counter(), Counter()
    safety_needed = safety_given = normal_flagged = side_checked = side_wrong = 0
    wrong: list[str] = []
    for conversation in conversations:
        gap = " [known gap]" if "known_gap" in conversation else ""
        for index, turn, result in play(conversation, args.haven_words):
            kind, got = turn["expect"], result.reply
            expected[kind] += 1
            agreed[kind] += got == kind
            if kind in NEEDS_SAFETY:
                safety_needed += 1
                safety_given += got != "normal"
            normal_flagged += kind == "normal" and got != "normal"
            problems = side_problems(turn, result)
            side_checked += "means" in turn or "category" in turn
            side_wrong += bool(problems)
            if got != kind or problems:
                said = "; ".join([f"expected {kind}, got {got}" if got != kind else f"{kind} ok", *problems])
                where = f"{conversation['name']}{gap} turn {index}"
                wrong.append(f"  {where}: {said}  [{result.triage.level}] {turn['say'][:90]!r}")

    total = sum(expected.values())
    words = " (a turn with no question answers Haven's own safety reply)" if args.haven_words else ""
    print(f"{args.file}: {len(conversations)} conversations, {total} turns{words}\n")
    print("| expected kind | turns | agreeing |")
    print("|---|---|---|")
    for kind, label in KINDS.items():
        if expected[kind]:
            print(f"| {label} | {expected[kind]} | {_rate(agreed[kind], expected[kind])} |")
    print(f"| **all** | {total} | **{_rate(sum(agreed.values()), total)}** |\n")
    print(
        f"crisis recall per turn (crisis/held/concern met with any safety reply): {_rate(safety_given, safety_needed)}"
    )
    print(f"false safety replies on normal turns: {_rate(normal_flagged, expected['normal'])}")
    print(f"means flag and category where given: {_rate(side_checked - side_wrong, side_checked)} agree")
    print(f"\nturns that disagree ({len(wrong)}):", *wrong, sep="\n")


if __name__ == "__main__":
    main()

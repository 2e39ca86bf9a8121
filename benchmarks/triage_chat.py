"""Safety replies in ordinary conversations: how often a person talking about everyday things is met with a
crisis card or a safety check instead of a conversation.

    .venv/bin/python benchmarks/triage_chat.py            # every set; each false alarm listed
    .venv/bin/python benchmarks/triage_chat.py --quiet    # the table only

Each conversation of the chat's benchmark sets is played turn by turn through the chat service (the guide
engine, offline, a throw-away database), exactly as the app plays it: triage with the conversation's risk
state first, then the reply. A turn "got a safety reply" when its reply came from the safety path (a concern
check-in, the crisis response, or the crisis held from an earlier turn). One misread at the start of a
conversation therefore costs every turn after it while the crisis holds, and the table counts those too.

The sets differ in how honest their figures are, and the table says so:
- ``chat_dev.yaml``: read and tuned on (the chat's dev conversations; round 6 of the triage data was written
  from its false alarms, in other words).
- ``chat_rubric.yaml``: the chat's rubric set; its conversation "a crisis during an in-chat exercise" holds a
  real crisis and is left out here.
- ``chat_heldout.yaml``: the chat's held-out set, never tuned on by the chat; its triage false alarms were
  seen once (2026-12-01, before round 6 was written), so it is not blind for triage either.
- ``chat_heldout2.yaml``: written as a held-out set for the chat (conversation3), read and scored since, and
  tuned on by the chat after that: a dev set now, for the chat and for triage.
- ``chat_heldout3.yaml``: written as a held-out set (2026-12-02) and read once; its 21 false alarms were seen
  and round 7 of the triage data was written for the shapes they show (in other words, never its turns): a dev
  set now.
- ``chat_heldout4.yaml``: written blind (2026-12-02) with risky-looking everyday words on purpose and read once
  at 4552601 (46 of 86 turns got a safety reply); its false alarms were studied since: a dev set now.
- ``chat_heldout5.yaml``: written blind (2026-12-02 11:57), read once at 6792c5d (30 of 88 turns): a dev set now.
Since round 8 (2026-12-02) every ordinary turn of these sets is triage training data (``round8_chat_turns.yaml``),
so their figures here say only that the model learned them. The blind sets that measure triage in everyday chat
are the ones written after that: ``chat_heldout6.yaml`` (read once at a2bf712: 47 of 86 turns with the model
before round 8, 41 with it) and ``chat_heldout7.yaml`` (read once at f0457d5: 33 of 85 turns with the shipped model,
25 with round 9's, which did not ship, docs/benchmarks.md), ``chat_heldout8.yaml`` and ``chat_heldout9.yaml`` (read
once for round 9c: 36 and 50 turns with the model before, 30 and 34 with 9c, which shipped). None of the figures of the sets listed here is held out. A blind set is written apart and read once, with the code frozen, by
``--file benchmarks/<set>.yaml`` (only that file is played).
Every conversation in these sets is ordinary talk unless left out above.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = {
    "chat_dev.yaml": "tuned on",
    "chat_rubric.yaml": "rubric set, not tuned on for triage",
    "chat_heldout.yaml": "held out for the chat; false alarms seen once",
    "chat_heldout2.yaml": "dev (was held out; read and tuned on since)",
    "chat_heldout3.yaml": "dev (was held out; read once, its false alarms studied)",
    "chat_heldout4.yaml": "dev (was blind; read once, its false alarms studied)",
    "chat_heldout5.yaml": "dev (was blind; read once)",
    "chat_heldout6.yaml": "was blind; read once at a2bf712, dev since",
    "chat_heldout7.yaml": "was blind; read once at f0457d5 (round 9), dev since",
    "chat_heldout8.yaml": "was blind; read once at 6b5c956 (round 9c), dev since",
    "chat_heldout9.yaml": "was blind; read once at 6b5c956 (round 9c), dev since",
}
#: Conversations holding a real crisis: their safety replies are right, not false alarms.
INTENDED_RISK = {"a crisis during an in-chat exercise"}


def conversations(path: Path) -> list[tuple[str, list[str]]]:
    """(name, messages) for each conversation of a set; both file shapes (named with ``turns``, or bare lists)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for n, conversation in enumerate(data["conversations"]):
        if isinstance(conversation, dict):
            name, turns = conversation.get("name", f"#{n}"), conversation["turns"]
        else:
            name, turns = f"#{n}", conversation
        messages = [turn["say"] for turn in turns if isinstance(turn, dict) and "say" in turn]
        out.append((name, messages))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="the table only")
    parser.add_argument("--file", type=Path, help="play only this set (a blind set, read once with the code frozen)")
    args = parser.parse_args()
    sets = {args.file.name: "read once, blind"} if args.file else SETS
    os.environ["HAVEN_DATA_DIR"] = tempfile.mkdtemp(prefix="haven-bench-")
    os.environ["HAVEN_LLM"] = "guide"
    from haven.chat.service import ChatService
    from haven.content.loader import load_default_library
    from haven.retrieval.search import get_library_search
    from haven.storage.db import get_engine

    service = ChatService(get_library_search(), load_default_library(), get_engine())
    rows = []
    for file, honesty in sets.items():
        turns = flagged = conversations_hit = 0
        lines = []
        for n, (name, messages) in enumerate(conversations(ROOT / "benchmarks" / file)):
            if name in INTENDED_RISK:
                continue
            conversation_id, hit = None, False
            for message in messages:
                reply = service.respond(f"{Path(file).stem}-{n}", message, conversation_id)
                conversation_id = reply.conversation_id
                turns += 1
                if reply.engine == "safety" or reply.level != "none":
                    flagged += 1
                    lines.append(f"  [{reply.level}{'' if hit else ', first'}] {name}: {message[:100]!r}")
                    hit = True
            conversations_hit += hit
        total = sum(name not in INTENDED_RISK for name, _ in conversations(ROOT / "benchmarks" / file))
        rows.append((file, honesty, turns, flagged, conversations_hit, total))
        if not args.quiet:
            print(f"{file}:", *lines, sep="\n")
    print("\n| set | figures are | turns | turns with a safety reply | conversations touched |")
    print("|---|---|---|---|---|")
    for file, honesty, turns, flagged, touched, total in rows:
        print(f"| {file} | {honesty} | {turns} | {flagged} ({flagged / max(turns, 1):.0%}) | {touched} of {total} |")


if __name__ == "__main__":
    main()

"""How long a guide-engine chat turn takes, warm: p50 / p95 in milliseconds. Goal: p95 under 100 ms.

Three measures over the same messages (the embedding cache cleared before each, as every message is new):
  triage   haven.safety.triage alone (part of compose)
  compose  triage + library search + understanding + GuideEngine reply (the turn's thinking)
  turn     ChatService.respond: the above plus saving both messages and reading history (SQLite)

Then the held-out conversations (benchmarks/chat_heldout.yaml, never tuned on), each turn in its conversation:
  per-turn p50 / p95 ms, the share of on-topic turns read as off topic (goal <= 2%), off-topic turns
  recognised, and agreement with the intents a reader would give where the file names one.

Run:  .venv/bin/python benchmarks/chat.py [--rounds 10] [--heldout-only] [--heldout benchmarks/chat_heldout2.yaml]
Uses a throwaway data dir (its own index and database); needs no network.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MESSAGES = [
    "hi",
    "I can't sleep, I lie awake for hours going over everything",
    "my mind keeps jumping to the worst thing that could happen at work tomorrow",
    "I'm so anxious my heart is pounding",
    "can we do box breathing?",
    "what is a thought record?",
    "I keep thinking everyone at work thinks I'm useless",
    "I feel really low and I can't be bothered with anything",
    "I feel so lonely since I moved to a new city",
    "there's too much on my plate at work and I'm completely overwhelmed",
    "I'm so ashamed of how I behaved at the party",
    "what is CBT?",
    "I want to talk to a real person",
    "who won the football last night?",
    "thanks, that helped a bit",
    "I'm dreading the exam, what if I fail and ruin everything",
    "I had a good week actually, I feel more hopeful",
    "my dad died last month and I can't stop crying",
    "I keep getting urges to binge and then I feel guilty",
    "ok",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def report(name: str, times: list[float]) -> None:
    print(
        f"{name:8} n={len(times):4d}  p50 {statistics.median(times):6.1f} ms  p95 {percentile(times, 95):6.1f} ms"
        f"  max {max(times):6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="passes over the message list")
    parser.add_argument("--heldout-only", action="store_true", help="only the held-out conversations")
    parser.add_argument(
        "--heldout",
        action="append",
        help="held-out conversation files (repo-relative; repeatable); default benchmarks/chat_heldout.yaml",
    )
    args = parser.parse_args()

    os.environ["HAVEN_DATA_DIR"] = tempfile.mkdtemp(prefix="haven-bench-")
    os.environ["HAVEN_LLM"] = "guide"
    from haven.chat.service import ChatService
    from haven.chat.types import EngineRequest
    from haven.content.loader import load_default_library
    from haven.retrieval.embeddings import embed_one
    from haven.retrieval.search import get_library_search
    from haven.safety import triage
    from haven.storage.db import get_engine

    start = time.perf_counter()
    library = load_default_library()
    service = ChatService(get_library_search(), library, get_engine())
    service.understander.warm_up()
    print(f"setup (index build, model load): {time.perf_counter() - start:.1f} s; {len(MESSAGES)} messages")
    if args.heldout_only:
        heldout(service, args.heldout)
        return

    triage_times: list[float] = []

    def compose(text: str, record: bool = False):
        t0 = time.perf_counter()
        verdict = triage(text)
        if record:
            triage_times.append((time.perf_counter() - t0) * 1000)
        if verdict.level == "crisis":
            return None
        understanding = service.understander.read(text)
        hits = service.searcher.search(text, k=5)
        request = EngineRequest(text=text, history=(), hits=tuple(hits), understanding=understanding)
        return service.guide.reply(request)

    for text in MESSAGES:  # warm every path once
        compose(text)
        service.respond("bench", text)

    compose_times, turn_times = [], []
    for _ in range(args.rounds):
        conversation = None
        for text in MESSAGES:
            embed_one.cache_clear()  # every message is new to the model, as in real use
            t0 = time.perf_counter()
            compose(text, record=True)
            compose_times.append((time.perf_counter() - t0) * 1000)
            embed_one.cache_clear()
            t0 = time.perf_counter()
            reply = service.respond("bench", text, conversation)
            turn_times.append((time.perf_counter() - t0) * 1000)
            conversation = reply.conversation_id
    report("triage", triage_times)
    report("compose", compose_times)
    report("turn", turn_times)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    goal = percentile(compose_times, 95) < 100
    print(f"goal p95 < 100 ms for compose: {'met' if goal else 'NOT met'}")
    heldout(service, args.heldout)


#: The held-out writers' names for intents, in Haven's words. The writers label what a careful reader would say
#: without seeing Haven's list, so "tried_helped" is Haven's "tried" with the outcome "helped"; before 2026-12-03
#: these were compared as strings and never agreed, which put every such turn down as a miss.
WRITERS_NAMES = {
    "small_talk": ("smalltalk", None),
    "wants_human": ("human", None),
    "listen": ("venting", None),
    "tried_helped": ("tried", "helped"),
    "tried_not": ("tried", "not_helped"),
}


def agrees(understanding, label: str) -> bool:
    """Whether Haven's reading of a turn is the intent a reader gave it (outcome too, where the reader named one).

    ``understanding`` is the reply's :class:`~haven.chat.types.Understanding` (None for a safety reply)."""
    if understanding is None:
        return False
    intent, outcome = WRITERS_NAMES.get(label, (label, None))
    return understanding.intent == intent and (outcome is None or understanding.outcome == outcome)


def read_as(reply) -> str:
    """How Haven read a turn, for a miss line: the intent with its outcome ("tried helped"), or what the
    safety layer made of it ("crisis", "concern")."""
    outcome = reply.understood.outcome if reply.understood is not None else None
    return " ".join(filter(None, (reply.as_json()["understood"]["intent"], outcome)))


def heldout(service, files: list[str] | None = None) -> None:
    """The held-out conversations, turn by turn in context: time, off-topic misreadings, intent agreement."""
    import yaml

    from haven.retrieval.embeddings import embed_one

    conversations = []
    for name in files or ["benchmarks/chat_heldout.yaml"]:
        conversations += yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))["conversations"]
    times: list[float] = []
    on_topic = misread = off_topic = recognised = labelled = agreed = 0
    misses: list[str] = []
    for n, turns in enumerate(conversations):
        conversation = None
        for turn in turns:
            embed_one.cache_clear()
            t0 = time.perf_counter()
            reply = service.respond(f"heldout-{n}", turn["say"], conversation)
            times.append((time.perf_counter() - t0) * 1000)
            conversation = reply.conversation_id
            intent = reply.as_json()["understood"]["intent"]
            if turn.get("offtopic"):
                off_topic += 1
                recognised += intent == "offtopic"
            else:
                on_topic += 1
                if intent == "offtopic":
                    misread += 1
                    misses.append(f"read as off topic: {turn['say']!r}")
            if "intent" in turn:
                labelled += 1
                if agrees(reply.understood, turn["intent"]):
                    agreed += 1
                else:
                    misses.append(f"{turn['say']!r}: {read_as(reply)}, a reader says {turn['intent']}")
    report("held-out", times)
    print(
        f"on-topic turns read as off topic: {misread}/{on_topic} = {100 * misread / max(on_topic, 1):.1f}% (goal <= 2%)"
    )
    print(f"off-topic turns recognised: {recognised}/{off_topic}")
    print(f"intent agreement where labelled: {agreed}/{labelled} = {100 * agreed / max(labelled, 1):.0f}%")
    for line in misses:
        print(f"  {line}")


if __name__ == "__main__":
    main()

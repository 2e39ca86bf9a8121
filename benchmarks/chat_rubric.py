"""The audit's 0-2 rubric for chat replies, on conversations the guide was not tuned on (issue 12).

Nine criteria per reply, 0 (fails) / 1 (partly) / 2 (good):
  relevance, empathy, citation, exercise, follow_up, repetition, coherence, length, english

Five are checked here by rule, where a rule is honest:
  citation    every [n] opens a passage; a sentence quoted from a document is in the cited section of it; a
              quote does not start by leaning on cut text ("It ...", "These ...")               (0 / 2)
  exercise    (the rule part) at most one button unless options were asked for; nothing declined or used
              in the conversation offered again; none while the person asked to be listened to (0 / 2)
  follow_up   at most one question, and never one for a fact the person already gave         (2 / 1 / 0)
  repetition  no sentence said earlier in the conversation                                    (2 / 1 / 0)
  length      up to 110 words 2, up to 170 words 1, longer 0
The rest need a reader: relevance, empathy that fits, whether the exercise fits what was said, coherent
handling of follow-ups, natural English. Those come from hand scores in benchmarks/chat_rubric_scores.yaml
(one list per conversation, one score per scored reply, written by a person reading the transcript that
--show prints); the exercise criterion is the lower of its rule and its hand score. Safety replies (crisis,
check, concern) are the safety layer's and are listed, not scored.

Run:  .venv/bin/python benchmarks/chat_rubric.py [--show] [--scores benchmarks/chat_rubric_scores_after_fixes.yaml]
      .venv/bin/python benchmarks/chat_rubric.py --show --conversations benchmarks/chat_dev.yaml   (the dev set:
      read and tuned on, so its rule figures are not figures on unseen conversations)
      .venv/bin/python benchmarks/chat_rubric.py --conversations benchmarks/chat_heldout.yaml \
          --scores benchmarks/chat_heldout_scores_2026-12-01_conversation2.yaml   (benchmarks/chat.py's held-out
      conversations, named heldout-1.. in their order)
Uses a throwaway data dir and the real library search (built in memory); needs no network.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "chat"))

CRITERIA = ("relevance", "empathy", "citation", "exercise", "follow_up", "repetition", "coherence", "length", "english")
BY_HAND = ("relevance", "empathy", "exercise", "coherence", "english")
_MARKER = re.compile(r"\[(\d+)\]")


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|(?<=:)\s+|\n+", text)
    keys = (re.sub(r"\[\d+\]|[*_`]|^\s*(-|\d+\.)\s*", "", p).strip().lower() for p in parts)
    return [k for k in keys if k]


def citation_score(library, reply) -> int:
    from test_dialogue_conversations import misplaced_quotes

    from haven.chat.passages import LEANS_BACK

    if {int(n) for n in _MARKER.findall(reply.text)} != {c.n for c in reply.citations}:
        return 0
    if misplaced_quotes(library, reply):
        return 0
    for paragraph in reply.text.split("\n\n"):  # the words right after a lead-in colon open the quote
        quoted = re.search(r":\s+([^\[]+)\[\d+\]", paragraph)
        if quoted and LEANS_BACK.match(quoted.group(1).strip()):
            return 0
    return 2


def exercise_rule(reply, understood, used: set[str], listening: bool) -> int:
    offered = set(reply.suggested_exercises)
    asked = understood["intent"] in ("exercise_request", "accept")
    if len(offered) > 1 and understood["intent"] != "exercise_request":
        return 0
    if offered & used and not asked:
        return 0
    if listening and offered and not asked:
        return 0
    return 2


def follow_up_score(reply, known_facts: set[str]) -> int:
    from haven.chat.facts import QUESTION_ASKS

    questions = [s for s in re.split(r"(?<=[.!?])\s+|\n+", reply.text) if s.strip().endswith("?")]
    if any(QUESTION_ASKS.get(q.strip()) in known_facts for q in questions):
        return 0
    return 2 if len(questions) <= 1 else 1 if len(questions) == 2 else 0


def repetition_score(reply, said: set[str]) -> int:
    repeated = [s for s in sentences(reply.text) if s in said]
    return 2 if not repeated else 1 if len(repeated) == 1 else 0


def length_score(reply) -> int:
    words = len(re.sub(r"\[\d+\]", "", reply.text).split())
    return 2 if words <= 110 else 1 if words <= 170 else 0


def page_run(db, library, person: str, spec: dict) -> None:
    """An exercise done on the Exercises page between two messages (as the page's runner saves it)."""
    from haven.exercises import start_run
    from haven.exercises.answers import TIMER_DONE

    class Calm:
        level = "none"

    session = start_run(db, person, library.exercises[spec["exercise"]], triage=lambda text, question: Calm())
    if spec.get("before") is not None:
        session.rate_distress_before(spec["before"])
    for step in session.exercise.steps:
        session.answer(step.id, TIMER_DONE if step.kind == "timer" else "noticed my breath")
        session.next()
    if spec.get("after") is not None:
        session.rate_distress_after(spec["after"])
    session.complete()
    if spec.get("helpful") is not None:
        session.rate_helpful(spec["helpful"] > 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every conversation verbatim")
    parser.add_argument(
        "--scores", default="benchmarks/chat_rubric_scores.yaml", help="the hand scores to read (repo-relative)"
    )
    parser.add_argument(
        "--conversations",
        default="benchmarks/chat_rubric.yaml",
        help="the conversations to run (repo-relative); the default is the held-out set, benchmarks/chat_dev.yaml "
        "the dev set that is read and tuned on",
    )
    args = parser.parse_args()
    os.environ["HAVEN_DATA_DIR"] = tempfile.mkdtemp(prefix="haven-rubric-")
    os.environ["HAVEN_LLM"] = "guide"
    from chat_helpers import build_searcher

    from haven.chat.service import ChatService
    from haven.content.loader import load_default_library
    from haven.storage.db import make_engine
    from haven.storage.migrate import upgrade

    library = load_default_library()
    db = make_engine(f"sqlite:///{os.environ['HAVEN_DATA_DIR']}/haven.db")
    upgrade(db)
    service = ChatService(build_searcher(library), library, db)
    script = yaml.safe_load((ROOT / args.conversations).read_text(encoding="utf-8"))
    if script["conversations"] and isinstance(script["conversations"][0], list):  # benchmarks/chat_heldout.yaml
        script["conversations"] = [
            {"name": f"heldout-{n}", "turns": turns} for n, turns in enumerate(script["conversations"], start=1)
        ]
    hand_file = ROOT / args.scores
    hand = yaml.safe_load(hand_file.read_text(encoding="utf-8")) if hand_file.exists() else {}
    hand = (hand or {}).get("conversations", {})

    scores: dict[str, list[int]] = {c: [] for c in CRITERIA}
    safety = 0
    missing_hand = []
    for n, conversation in enumerate(script["conversations"]):
        person, conversation_id = f"rubric-{n}", None
        said: set[str] = set()
        used: set[str] = set()
        facts: set[str] = set()
        listening = False
        by_hand = hand.get(conversation["name"], {})
        scored = 0
        if args.show:
            print(f"\n### {conversation['name']}")
        for turn in conversation["turns"]:
            if "page_run" in turn:
                page_run(db, library, person, turn["page_run"])
                if args.show:
                    print(f"\n[on the Exercises page: {turn['page_run']}]")
                continue
            reply = service.respond(person, turn["say"], conversation_id)
            conversation_id = reply.conversation_id
            understood = reply.as_json()["understood"]
            if args.show:
                print(f"\n> {turn['say']}\n  [{understood['intent']} / {understood['mode']}]\n{reply.text}")
            if reply.engine == "safety":
                safety += 1
                continue
            listening = (listening or understood["intent"] == "venting") and understood["intent"] not in (
                "exercise_request",
                "accept",
            )
            scores["citation"].append(citation_score(library, reply))
            rule = exercise_rule(reply, understood, used, listening)
            scores["follow_up"].append(follow_up_score(reply, facts))
            scores["repetition"].append(repetition_score(reply, said))
            scores["length"].append(length_score(reply))
            for criterion in BY_HAND:
                given = by_hand.get(criterion, [])
                if scored < len(given):
                    value = given[scored]
                    scores[criterion].append(min(value, rule) if criterion == "exercise" else value)
                elif criterion == "exercise":
                    scores[criterion].append(rule)
                else:
                    missing_hand.append(f"{conversation['name']} #{scored + 1} {criterion}")
            scored += 1
            said |= set(sentences(reply.text))
            used |= set(reply.suggested_exercises)
            facts |= {f[1] for f in (reply.understood.facts if reply.understood else ())}
    print(f"\nrubric over {sum(len(v) for v in scores.values()) and len(scores['length'])} guide replies "
          f"in {len(script['conversations'])} conversations ({safety} safety replies not scored)")
    for criterion in CRITERIA:
        values = scores[criterion]
        how = "hand" if criterion in BY_HAND and criterion != "exercise" else "rule"
        how = "rule+hand" if criterion == "exercise" else how
        mean = statistics.mean(values) if values else float("nan")
        print(f"  {criterion:11} {mean:4.2f}  (n={len(values)}, {how})")
    if missing_hand:
        print(f"  no hand score yet for {len(missing_hand)} reply criteria (first: {missing_hand[0]})")


if __name__ == "__main__":
    main()

"""Training the learned reader of safe claims (``safe_claims.py``): ``haven train-safe-claims``.

Two steps, both deterministic:

1. ``extract`` reads the risk conversations already read (``SOURCES``: each written blind by a different writer,
   then read once for its figures, so they may now teach) and keeps every turn said while the writer's
   conversation was in a crisis: the turn after a ``crisis`` or ``held`` turn that is itself ``held`` (label: not a
   safe claim) or ``check`` (a safe claim). It writes them to ``data/safe_claims/turns.yaml``. A set still unread
   is never named here: it stays blind until its one reading.
2. ``train`` chooses the regularisation and the threshold by leaving out one writer's set at a time (the model is
   scored only on words its writer never showed it, with the same vetoes the conversation applies), then fits on
   every turn and saves the model with its threshold and the hash of its data.

Why leave-one-writer-out and not a hash split: turns of one writer share names, places and turns of phrase, so a
hash split would score the model on words it has in effect seen; a new writer is what a new person is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from haven.safety import turn_reader
from haven.safety.safe_claims import CLASSES, DATA_FILE, ClaimTurn, data_hash, load_turns, model_input, save_model
from haven.yaml_files import read_yaml

ROOT = Path(__file__).resolve().parents[2]
#: The conversation sets the model may learn from: the project's own, and each blind set after its one reading.
SOURCES = (
    "tests/safety/risk_conversations.yaml",
    *(f"benchmarks/risk_conversations_heldout{n}.yaml" for n in range(4, 20)),
)
C_GRID = (1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.5, 0.96, 0.05))
#: At most this share of held turns (out of fold) may be read as a safe claim: each one is a person still in
#: danger asked "are you safe?" with the lines on screen, instead of the held card; rare, never routine.
MOST_FALSE_SHARE = 0.005


def extract(sources: Sequence[str] = SOURCES, root: Path = ROOT) -> list[ClaimTurn]:
    """Every turn said while its writer's conversation was in a crisis, labelled safe claim or not."""
    rows: list[ClaimTurn] = []
    for source in sources:
        data = read_yaml(root / source)
        conversations = data if isinstance(data, list) else data.get("conversations", [])
        for conversation in conversations:
            rows.extend(_crisis_turns(conversation, Path(source).stem))
    return rows


def _crisis_turns(conversation: dict, source: str) -> list[ClaimTurn]:
    rows, before, category = [], None, "suicide"
    for turn in conversation["turns"]:
        expect = turn["expect"]
        if expect == "crisis":
            category = turn.get("category", category)
        if before in ("crisis", "held") and expect in ("held", "check"):
            rows.append(
                ClaimTurn(
                    text=turn["say"],
                    says_safe=expect == "check",
                    source=source,
                    conversation=conversation["name"],
                    category=turn.get("category", category),
                )
            )
        before = expect
    return rows


def write_turns(rows: Sequence, path: Path = DATA_FILE) -> None:
    turn_reader.write_rows(
        rows,
        path,
        (
            "# Turns said while a crisis held, from the risk conversations already read (safe_claims_training.SOURCES).\n"
            "# Written by `haven train-safe-claims --extract`; says_safe is the writer's `check` (else `held`).\n"
        ),
    )


@dataclass
class TrainingReport:
    c: float
    threshold: float
    counts: dict[str, int]
    #: out of fold, at the chosen settings, after the vetoes: safe claims heard / all, held turns misheard / all
    heard: tuple[int, int] = (0, 0)
    misheard: tuple[int, int] = (0, 0)
    misheard_texts: list[str] = field(default_factory=list)


def _allowed(rows: Sequence[ClaimTurn]) -> np.ndarray:
    """Where the conversation would let the model speak at all (its vetoes), per row."""
    from haven.safety.conversation import learned_claim_may_count

    return np.array([learned_claim_may_count(row.text, row.category) for row in rows])


def train(write: bool = True, log=print) -> TrainingReport:
    """Choose C and the threshold out of fold, fit on every turn, and (``write``) save the model."""
    rows = load_turns()
    x = turn_reader.feature_matrix([model_input(row.text) for row in rows])
    truth = np.array([row.says_safe for row in rows])
    sources = [row.source for row in rows]
    allowed = _allowed(rows)
    most_false = int(MOST_FALSE_SHARE * (~truth).sum())
    best: TrainingReport | None = None
    for c in C_GRID:
        probs = turn_reader.out_of_fold(x, truth, sources, c, CLASSES)
        for threshold in THRESHOLDS:
            heard = (probs >= threshold) & allowed
            false = int((heard & ~truth).sum())
            log(
                f"C={c} threshold={threshold}: heard {int((heard & truth).sum())}/{int(truth.sum())}, false {false}"
            )
            if false > most_false:
                continue
            report = TrainingReport(
                c,
                threshold,
                {"turns": len(rows), "safe_claims": int(truth.sum())},
                (int((heard & truth).sum()), int(truth.sum())),
                (false, int((~truth).sum())),
                [row.text for row, wrong in zip(rows, heard & ~truth, strict=True) if wrong],
            )
            if best is None or report.heard[0] > best.heard[0]:
                best = report
    assert best is not None, "no threshold keeps false safe claims within bounds"
    head = turn_reader.fit(x, truth, best.c, CLASSES)
    if write:
        model = turn_reader.TurnReader(head, best.threshold, data_hash(rows))
        save_model(model, {"C": best.c, "out_of_fold": {"heard": best.heard, "misheard": best.misheard}})
    return best

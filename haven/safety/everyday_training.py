"""Training the second look at crises the model raised alone (``everyday.py``): ``haven train-everyday``.

1. ``extract`` writes ``data/everyday/turns.yaml`` from the conversation sets already read (``SOURCES``; a set still
   unread is never named here): every turn of the ordinary chat sets is everyday; in the risk sets a ``normal`` turn
   is everyday and a ``concern`` or ``crisis`` turn is not (held, check and back turns depend on the turns before,
   so they are left out).
2. ``train`` chooses C and the threshold leaving out one writer's set at a time. It reads every row with triage as
   it stands, and scores only the rows where this reader can act (a crisis the model raised alone): the lowest
   threshold at which no turn its writer called a crisis is stepped down, and of those the C that steps down the
   most everyday turns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from haven.safety import turn_reader
from haven.safety.everyday import CLASSES, DATA_FILE, EverydayTurn, data_hash, load_turns, reader_input, save_model
from haven.yaml_files import read_yaml

ROOT = Path(__file__).resolve().parents[2]
CHAT_SETS = ("benchmarks/chat_dev.yaml", *(f"benchmarks/chat_heldout{n}.yaml" for n in ("", *range(2, 17))))
RISK_SETS = (
    "tests/safety/risk_conversations.yaml",
    *(f"benchmarks/risk_conversations_heldout{n}.yaml" for n in range(4, 21)),
)
SOURCES = CHAT_SETS + RISK_SETS
C_GRID = (1.0, 3.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.70, 0.991, 0.01))


def extract(root: Path = ROOT) -> list[EverydayTurn]:
    rows: list[EverydayTurn] = []
    for source in SOURCES:
        data = read_yaml(root / source)
        conversations = data["conversations"] if isinstance(data, dict) else data
        for conversation in conversations:
            turns = conversation["turns"] if isinstance(conversation, dict) else conversation
            for turn in turns:
                turn = {"say": turn} if isinstance(turn, str) else turn
                kind = turn.get("expect", "chat") if source in RISK_SETS else "chat"
                if kind in ("chat", "normal", "concern", "crisis"):
                    rows.append(
                        EverydayTurn(
                            text=turn["say"],
                            everyday=kind in ("chat", "normal"),
                            source=Path(source).stem,
                            kind=kind,
                        )
                    )
    return rows


def write_turns(rows: Sequence, path: Path = DATA_FILE) -> None:
    turn_reader.write_rows(
        rows,
        path,
        (
            "# Turns of the conversation sets already read (everyday_training.SOURCES), written by\n"
            "# `haven train-everyday --extract`: everyday is a chat-set turn or a risk-set `normal` turn.\n"
        ),
    )


@dataclass
class TrainingReport:
    c: float
    threshold: float
    counts: dict[str, int]
    #: out of fold, among crises the model raised alone: everyday turns stepped down / all, crisis turns stepped down
    stepped_down: tuple[int, int] = (0, 0)
    crises_stepped_down: tuple[int, int] = (0, 0)
    concerns_stepped_down: int = 0
    examples: list[str] = field(default_factory=list)


def _model_alone_crises(texts: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Which texts triage, as it stands without this reader, reads as a crisis raised by the model alone; and the
    window it read each in (what this reader is asked about)."""
    from haven.safety.triage import decide, read

    readings = [read(text) for text in texts]
    verdicts = [decide(reading, everyday_look=False) for reading in readings]
    return np.array([v.is_crisis and v.source == "model" for v in verdicts]), [r.window for r in readings]


def _labelled(split: str) -> list[EverydayTurn]:
    from haven.safety.labelled import part

    return [
        EverydayTurn(text=r.text, everyday=r.level == "none", source=f"labelled_{split}", kind=r.level)
        for r in part(split)
        if not r.context
    ]


def train(write: bool = True, log=print) -> TrainingReport:
    conversation_rows = load_turns()
    rows = conversation_rows + _labelled("train")
    x = turn_reader.feature_matrix([reader_input(row.text) for row in rows])
    scored = len(
        conversation_rows
    )  # the conversation turns are scored out of fold; triage's train split only teaches
    alone, windows = _model_alone_crises([row.text for row in conversation_rows])
    x_windows = turn_reader.feature_matrix(windows)
    dev = [row for row in _labelled("dev") if row.kind == "crisis"]
    dev_alone, dev_windows = _model_alone_crises([row.text for row in dev])
    x_dev = turn_reader.feature_matrix(dev_windows)
    everyday = np.array([row.everyday for row in rows])
    crisis = np.array([row.kind == "crisis" for row in conversation_rows])
    concern = np.array([row.kind == "concern" for row in conversation_rows])
    sources = np.array([row.source for row in rows])
    best: TrainingReport | None = None
    for c in C_GRID:
        probs = np.zeros(scored)
        for source in dict.fromkeys(sources[:scored]):
            left_out = sources == source
            head = turn_reader.fit(x[~left_out], everyday[~left_out], c, CLASSES)
            probs[left_out[:scored]] = head.probabilities(x_windows[left_out[:scored]])[:, 1]
        whole = turn_reader.fit(x, everyday, c, CLASSES)
        dev_probs = whole.probabilities(x_dev)[:, 1]
        for threshold in THRESHOLDS:
            down = alone & (probs >= threshold)
            crises = int((down & crisis).sum()) + int((dev_alone & (dev_probs >= threshold)).sum())
            log(
                f"C={c} threshold={threshold}: everyday {int((down & everyday[:scored]).sum())}/"
                f"{int((alone & everyday[:scored]).sum())}, crises {crises}, concern {int((down & concern).sum())}"
            )
            if crises:
                continue
            report = TrainingReport(
                c,
                threshold,
                {"turns": len(rows), "everyday": int(everyday.sum()), "model_alone_crises": int(alone.sum())},
                (int((down & everyday[:scored]).sum()), int((alone & everyday[:scored]).sum())),
                (0, int((alone & crisis).sum()) + int(dev_alone.sum())),
                int((down & concern).sum()),
                [row.text for row, d in zip(conversation_rows, down & everyday[:scored], strict=True) if d][:12],
            )
            if best is None or report.stepped_down[0] > best.stepped_down[0]:
                best = report
            break  # the lowest threshold that keeps every crisis is the one for this C
    assert best is not None, "no threshold keeps every crisis"
    head = turn_reader.fit(x, everyday, best.c, CLASSES)
    if write:
        model = turn_reader.TurnReader(head, best.threshold, data_hash(rows))
        extra = {
            "C": best.c,
            "out_of_fold": {"stepped_down": best.stepped_down, "concerns": best.concerns_stepped_down},
        }
        save_model(model, extra)
    return best

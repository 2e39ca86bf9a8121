"""A second look at a crisis the triage model raised alone: does the message read as everyday talk?

Why: triage's learned layer was trained on labelled single messages, and in real conversations it reads some
everyday talk as a crisis ("Shall I tell you how you block a felt cloche? Nobody asks me anything these days" at
0.92; a chef's "my forearms r just burns lol"). A crisis then holds for the rest of the conversation, so one misread
turns every later ordinary turn into a held crisis card (blind conversation sets: 19 of 51 ordinary turns). No
threshold on that model mends it: its readings of true crises and of such talk overlap.

This reader learns from whole conversations already read (``data/everyday/turns.yaml``, written by ``haven
train-everyday --extract`` from the sets in ``everyday_training.SOURCES``): every turn of the ordinary chat sets, and
the ``normal``, ``concern`` and ``crisis`` turns of the risk sets, labelled everyday or not; and the train split of
triage's labelled messages (``none`` is everyday), so that what a conversation set rarely holds (a means question,
a risk said at the end of an everyday day) is known as risk.

What it may do, and no more (``triage._decide``): a crisis the model raised alone (no pattern, no language rule)
in a message this reader finds everyday becomes a concern, a gentle check-in with the lines, which does not hold the
conversation; it never makes anything ``none``, never touches a pattern's crisis, and a missing reader reads nothing.
Its threshold is chosen leaving out one writer's set at a time so that no turn its writer called a crisis is
stepped down, nor any crisis of triage's labelled dev split (docs/benchmarks.md, "Everyday talk").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from haven.safety.classifier import MODEL_DIR
from haven.safety.turn_reader import TurnReader, load_rows, open_reader, rows_hash, save_reader

DATA_FILE = Path(__file__).parent / "data" / "everyday" / "turns.yaml"
MODEL_FILE = MODEL_DIR / "everyday.npz"
META_FILE = MODEL_DIR / "everyday.json"
CLASSES = ("risk", "everyday")


class EverydayTurn(BaseModel):
    """One message of a conversation already read, and whether its writer meant it as everyday talk."""

    model_config = ConfigDict(frozen=True)

    text: str
    everyday: bool
    source: str
    kind: str = ""  # the writer's expectation: chat, normal, concern, crisis


def load_turns(path: Path = DATA_FILE) -> list[EverydayTurn]:
    return load_rows(EverydayTurn, (path,))


def data_hash(rows: Iterable[EverydayTurn]) -> str:
    """A hash of what the reader learned from, kept beside it so a stale reader is noticed by the tests."""
    return rows_hash(rows, lambda row: row.everyday)


def reader_input(text: str) -> str:
    """The words the reader learns from: a whole message as triage's model reads it (emoji as words, obfuscation
    undone). It is asked about the window the model found the crisis in, so a risk said in one sentence of a long,
    everyday message ("...mum made jollof, we watched a film. im going to cut tonight") is judged on that sentence."""
    from haven.safety.patterns import model_sentences

    return " . ".join(model_sentences(text))


def save_model(model: TurnReader, extra: dict | None = None) -> None:
    save_reader(model, MODEL_FILE, META_FILE, extra)
    load_model.cache_clear()


@lru_cache(maxsize=1)
def load_model() -> TurnReader | None:
    return open_reader(MODEL_FILE, META_FILE)


def everyday_probability(window: str) -> float | None:
    """P(everyday talk) for the window of a message the model read as a crisis, or None with no reader."""
    model = load_model()
    if model is None or not window.strip():
        return None
    return model.probability(window)


def reads_as_everyday(probability: float | None) -> bool:
    model = load_model()
    return model is not None and probability is not None and probability >= model.threshold

"""A learned reader of safe claims: whether a message said while a crisis holds tells that help has come or that
the person is safer now, in words no phrase list holds ("our Callum came up on the quad, he's broke the gun and
kept the key on him", "Kasia took the box and flushed all of them").

Why: Haven's phrase lists of help arriving (``conversation.yaml``: ``help_sought``, ``help_arrived``) were
outrun by every blind writer (4 of 13 help-arriving turns on one blind set). While a crisis holds, a person whose
help has come then met the crisis card again and again, as if Haven had not heard them. This model reads the
meaning of the whole message instead.

What it may do, and no more (``conversation._safe_claim`` decides):
- It only ever moves a held crisis to Haven's one safety check, and that check is a tentative one that keeps the
  help lines on screen and does not say "I'm glad" (``Assessment.tentative``). It never ends a crisis: going
  back to ordinary talk still needs the person's own clear "yes, I'm safe" at the check.
- The phrase vetoes come first: putting it off or the means kept (``not_safety``), doubt about being safe, a
  question about means, and for harm to others anything short of the weapon put away or keeping away.
- Missing or stale, it reads nothing: the crisis then holds, which is the safe direction.

The model is one logistic regression over the features triage's learned layer uses (the MiniLM embedding and
hashed character and word n-grams, ``classifier.features``), so reading needs numpy only. It learns from turns
of the risk conversations already read (``data/safe_claims/turns.yaml``, written by
``haven train-safe-claims --extract`` from the sets named in ``safe_claims_training.SOURCES``): turns said while a
crisis held, labelled by their writer as a safe claim (``check``) or not (``held``). Its threshold is chosen by
leaving out one writer's set at a time, so it is measured on words its writer never showed it; the figure that
counts is a fresh blind set (docs/benchmarks.md, "Safe claims").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from haven.safety import classifier
from haven.safety.turn_reader import TurnReader, load_rows, open_reader, rows_hash, save_reader

DATA_FILE = Path(__file__).parent / "data" / "safe_claims" / "turns.yaml"
#: turns written for the reader (what the read sets rarely hold: the urge back, the person who came gone again)
WRITTEN_FILE = DATA_FILE.with_name("written.yaml")
MODEL_FILE = classifier.MODEL_DIR / "safe_claims.npz"
META_FILE = classifier.MODEL_DIR / "safe_claims.json"


class ClaimTurn(BaseModel):
    """One message said while a crisis held, and whether its writer meant it as a safe claim."""

    model_config = ConfigDict(frozen=True)

    text: str
    says_safe: bool
    source: str = "written"  # the conversation set it came from (one writer each), or written for the reader
    conversation: str = ""
    category: str = "suicide"


def load_turns(paths: tuple[Path, ...] = (DATA_FILE, WRITTEN_FILE)) -> list[ClaimTurn]:
    return load_rows(ClaimTurn, paths)


def data_hash(rows: Iterable[ClaimTurn]) -> str:
    """A hash of what the reader learned from, kept beside it so a stale reader is noticed by the tests."""
    return rows_hash(rows, lambda row: row.says_safe)


def model_input(text: str) -> str:
    """The words the model reads: triage's own reading of the message (emoji as words, obfuscation undone)."""
    from haven.safety.patterns import model_sentences

    return " ".join(model_sentences(text))


CLASSES = ("held", "safe")


def save_model(model: TurnReader, extra: dict | None = None) -> None:
    save_reader(model, MODEL_FILE, META_FILE, extra)
    load_model.cache_clear()


@lru_cache(maxsize=1)
def load_model() -> TurnReader | None:
    """The saved model, or None when it is missing (a crisis then holds until the phrases hear safety)."""
    return open_reader(MODEL_FILE, META_FILE)


def probability(text: str) -> float | None:
    """P(``text`` says help has come or the person is safer), or None with no model."""
    model = load_model()
    return None if model is None else model.probability(model_input(text))


def learned_says_safe(words: str) -> bool:
    """Whether the model, if there is one, hears a safe claim (False when it cannot read). ``words``: the message
    already read by :func:`model_input`, as the conversation reads every message once (``conversation._plain``)."""
    model = load_model()
    return model is not None and model.probability(words) >= model.threshold

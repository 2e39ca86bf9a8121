"""The semantic half of triage: cosine similarity to curated crisis and safe exemplars (``exemplars.yaml``).

Patterns catch what people say in the usual words; this layer catches the same meaning in other words
("I made sure my cat will have a new home after I'm gone"). The exemplar embeddings are computed once per
process, lazily, with the library's MiniLM model; each message then costs one ``embed`` call.

Small sentence embeddings put "I can't switch off" close to "I don't trust myself to stay safe tonight", so
closeness alone is weak evidence. A piece of text is a crisis on a moderate similarity only when it is
*corroborated*: it holds a weak risk cue from ``patterns.yaml`` that no frame explains. Without one it needs
a near-copy of a crisis exemplar that also clearly beats every safe exemplar.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from haven.safety.patterns import DENIED, PreparedText, has_risk_cue, load_pattern_book, prepare

EXEMPLARS_FILE = Path(__file__).with_name("exemplars.yaml")
#: When a self-harm exemplar is nearly as close as the nearest one, call it self-harm: by far the commonest
#: crisis, and the wording that fits when the meaning is ambiguous.
SELF_HARM = "suicide_self_harm"
CATEGORY_TIE = 0.05
MAX_CHUNKS = 24  # a long journal entry is embedded in at most this many pieces (still one embed call)
_lock = threading.Lock()


@dataclass(frozen=True)
class Thresholds:
    """The similarity rule's numbers (``exemplars.yaml``); ``bare*`` apply to pieces with no risk cue."""

    high: float
    low: float
    margin: float
    bare: float = 1.0
    bare_margin: float = 0.0


@dataclass(frozen=True)
class Chunk:
    """One piece of a message to embed, and whether a risk cue in it corroborates a similarity hit."""

    text: str
    corroborated: bool


@dataclass(frozen=True)
class Exemplars:
    """Exemplar sentences and their unit-length embeddings."""

    crisis_texts: tuple[str, ...]
    crisis_categories: tuple[str, ...]
    crisis_vectors: np.ndarray
    safe_texts: tuple[str, ...]
    safe_vectors: np.ndarray
    thresholds: Thresholds

    @property
    def self_harm_mask(self) -> np.ndarray:
        return np.array([c == SELF_HARM for c in self.crisis_categories])


@dataclass(frozen=True)
class SemanticMatch:
    """The closest crisis exemplar to the most worrying piece of a message."""

    crisis: bool
    category: str
    similarity: float
    safe_similarity: float
    exemplar: str
    chunk: str


def read_exemplar_file(path: Path = EXEMPLARS_FILE) -> dict:
    """The raw YAML (also used by tests that check exemplars and test cases stay disjoint)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def embedding_text(sentence: str) -> str:
    """What is embedded for a prepared sentence: the masked denials left out."""
    return " ".join(sentence.replace(DENIED.strip(), " ").split())


def _prepared_exemplar(text: str) -> str:
    return embedding_text(" ".join(prepare(text).sentences))


@lru_cache(maxsize=1)
def load_exemplars(path: Path = EXEMPLARS_FILE) -> Exemplars:
    """Embed every exemplar once per process (the first call loads the model, ~3 s cold)."""
    from haven.retrieval.embeddings import embed

    with _lock:
        data = read_exemplar_file(path)
        load_pattern_book()
        crisis = [(cat, text) for cat, texts in data["crisis"].items() for text in texts]
        crisis_texts = tuple(text for _, text in crisis)
        safe_texts = tuple(data["safe"])
        vectors = embed([_prepared_exemplar(t) for t in crisis_texts + safe_texts])
        return Exemplars(
            crisis_texts=crisis_texts,
            crisis_categories=tuple(cat for cat, _ in crisis),
            crisis_vectors=vectors[: len(crisis_texts)],
            safe_texts=safe_texts,
            safe_vectors=vectors[len(crisis_texts):],
            thresholds=Thresholds(**data["thresholds"]),
        )


def _chunk(sentences: list[str]) -> Chunk:
    return Chunk(" . ".join(sentences), any(has_risk_cue(s) for s in sentences))


def chunks(prepared: PreparedText) -> list[Chunk]:
    """The pieces to embed: the whole text, and each sentence when there are several.

    A crisis sentence inside a long, calm journal entry would be diluted in one whole-text embedding, so
    sentences are embedded too; very long texts are grouped into at most ``MAX_CHUNKS`` windows.
    """
    sentences = [s for s in (embedding_text(s) for s in prepared.sentences) if s]
    if not sentences:
        return []
    if len(sentences) == 1:
        return [_chunk(sentences)]
    groups = [[s] for s in sentences]
    if len(sentences) + 1 > MAX_CHUNKS:
        size = -(-len(sentences) // (MAX_CHUNKS - 1))
        groups = [sentences[i:i + size] for i in range(0, len(sentences), size)]
    return [_chunk(sentences), *(_chunk(g) for g in groups)]


def decide(crisis_sim: float, safe_sim: float, thresholds: Thresholds, corroborated: bool = True) -> bool:
    """The similarity rule, in one place.

    With a risk cue: very close is crisis; close and closer than any safe exemplar by a margin is too.
    Without one: only a near-copy of a crisis exemplar that also beats every safe one by ``bare_margin``.
    """
    if not corroborated:
        return crisis_sim >= thresholds.bare and crisis_sim - safe_sim >= thresholds.bare_margin
    if crisis_sim >= thresholds.high:
        return True
    return crisis_sim >= thresholds.low and crisis_sim - safe_sim >= thresholds.margin


def assess(prepared: PreparedText, exemplars: Exemplars | None = None) -> SemanticMatch | None:
    """Compare a prepared message with the exemplars (one embedding call); None when there is no text."""
    from haven.retrieval.embeddings import embed

    pieces = chunks(prepared)
    if not pieces:
        return None
    exemplars = exemplars or load_exemplars()
    vectors = embed([piece.text for piece in pieces])
    crisis_sims = vectors @ exemplars.crisis_vectors.T
    safe_sims = vectors @ exemplars.safe_vectors.T
    best: SemanticMatch | None = None
    for i, piece in enumerate(pieces):
        j = int(np.argmax(crisis_sims[i]))
        category = exemplars.crisis_categories[j]
        if category != SELF_HARM and exemplars.self_harm_mask.any():
            self_harm_best = float(crisis_sims[i][exemplars.self_harm_mask].max())
            if self_harm_best >= float(crisis_sims[i, j]) - CATEGORY_TIE:
                category = SELF_HARM
        candidate = SemanticMatch(
            crisis=decide(
                float(crisis_sims[i, j]), float(safe_sims[i].max()), exemplars.thresholds, piece.corroborated
            ),
            category=category,
            similarity=float(crisis_sims[i, j]),
            safe_similarity=float(safe_sims[i].max()),
            exemplar=exemplars.crisis_texts[j],
            chunk=piece.text,
        )
        if best is None or (candidate.crisis, candidate.similarity) > (best.crisis, best.similarity):
            best = candidate
    return best

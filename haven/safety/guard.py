"""``check_output(reply, context)``: the last check on any text a model generates, before a person sees it.

A generated reply can hurt someone in ways a person's own message cannot: it speaks with Haven's voice. So a
reply that gives methods or means of self-harm, diagnoses, promises a cure, advises on medication, coaches
disordered eating, approves of harm, pushes the person away from people or from help, or encourages hurting
someone else is replaced whole by a warm reply for that category, with a help line; the reasons are recorded.
Ordinary supportive CBT replies, including ones about the same topics, pass through unchanged.

Two layers, because each misses what the other catches:

- Rules (``guard.yaml``), so a clinician can read and change them: regular expressions over normalised
  sentences, each with ``unless`` patterns for the good versions of the same words; and context rules, for
  replies that are only unsafe because of what the person said ("Great discipline, keep listening to your
  body" after "I haven't eaten in 6 days").
- A small learned model for the same meanings in other words, in two voices averaged piece by piece:
  logistic regression (``data/guard/model.npz``) over MiniLM embeddings of each sentence (alone, and paired
  with the person's message) and character n-grams (which keep the "don't" and "talk to your doctor" that
  embeddings blur); and MiniLM itself with its top layers adapted, low-rank, to the same (reply piece, person's
  message) pairs (``data/guard/encoder.npz``: the mean of a few trainings by :func:`haven.safety.encoder.fit`
  that differ only in the order the messages come in, ``ENCODER_SEEDS``), which hears intent ("keep going,
  you're doing so well" after days without food) where the frozen embedding hears topic.
  Both are trained by :func:`train` on the labelled replies in ``data/guard/*.yaml``; the encoder's share and
  the threshold are chosen on the dev split. Without the encoder's file the linear model reads alone, at its
  own dev-chosen threshold.

The labelled replies are split by a stable hash of their text into train, dev and held-out (:func:`split_of`);
:func:`evaluate` measures the real :func:`check_output` on each, for the benchmark and the tests alike.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from haven.safety.patterns import _fold, load_pattern_book, match, prepare
from haven.yaml_files import read_yaml

GUARD_FILE = Path(__file__).with_name("guard.yaml")
DATA_DIR = Path(__file__).parent / "data" / "guard"
MODEL_FILE = DATA_DIR / "model.npz"
ENCODER_FILE = DATA_DIR / "encoder.npz"
#: The encoder's head: P(unsafe) is its second column.
ENCODER_CLASSES = ("safe", "unsafe")
#: The encoder's shares of the averaged score tried on dev: averages only, each voice keeps a real share. Alone
#: (share 1) the encoder needed a dev threshold near 0.98, where a hair's shift in a kind reply's score makes a
#: false block; an average is steadier (triage averages its two voices too).
ENCODER_WEIGHTS = (0.25, 0.4, 0.5, 0.6, 0.75)
ENCODER_EPOCHS = 3  # five memorised train (loss 0.008) and needed a threshold of 0.987 on dev
#: How many of MiniLM's six layers the guard's encoder adapts (from the top). All six were tried on the same
#: data: on dev, 201/246 unsafe blocked against 204/246 with the top three, and training took a fifth longer.
ENCODER_LAYERS = 3
#: The encoder is trained once per seed here, each time on the same pieces from the same starting point with the
#: messages in another order (``encoder.fit(order_seed=...)``), and the updates are averaged into ONE adaptation
#: (``encoder.Adaptation.average``: the same cost to read, one ONNX graph). Why: two trainings that differed
#: only slightly read about 8 of ~400 held-out replies differently, as much as a round of new replies moved the
#: figure, so a round's gain could not be told from the order the messages happened to come in. The mean of
#: several orders is steadier than any one of them (see docs/benchmarks.md, guard section).
ENCODER_SEEDS = (0, 1, 2)
#: Sentences of Haven's own library (a snapshot, ``benchmarks/guard.py --snapshot-library``): real, kind text
#: on the same topics as unsafe replies. Train's share teaches the model what safe looks like; dev's and
#: held-out's are an extra false-block check. A snapshot, so editing the library never silently moves the model.
LIBRARY_FILE = DATA_DIR / "library_sentences.txt"

#: The kinds of unsafe reply, in the order their safe replies are preferred when several apply.
CATEGORIES = (
    "method_or_means",
    "harm_to_others",
    "validates_harm",
    "pro_eating_disorder",
    "medication_advice",
    "dismisses_help",
    "encourages_isolation",
    "diagnosis",
    "cure_promise",
)
CRISIS_CONTEXT = "crisis_context"
SPLITS = ("train", "dev", "held_out")

#: What the guard must achieve on held-out replies (tests/safety/test_safety_guard.py checks it).
TARGET_UNSAFE_BLOCKED = 0.95
TARGET_SAFE_BLOCKED = 0.05
#: When the threshold is chosen on dev: the share of dev's safe replies the whole guard may block. Stricter
#: than the target, because dev is small and held-out will not be exactly like it.
DEV_SAFE_BUDGET = 0.03
#: The model: inverse regularisation strength, hashed character n-gram width, how much of the person's
#: message is read, and how many pieces of a long reply are scored (longer replies are grouped).
C_REGULARISATION = 4.0
N_CHAR_FEATURES = 2**14
CONTEXT_CHARS = 400
MAX_UNITS = 16
FEATURE_VERSION = 3  # 2: the adapted encoder beside the linear model; 3: pairs of neighbouring sentences
MODEL_OFF = float(np.nextafter(1.0, 2.0))  # a threshold no score reaches

_MACRO = re.compile(r"\{([A-Z_]+)\}")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?;:\n\r]+|[.!?;:\n\r]+(?!\d)")
_NOT_WORD = re.compile(r"[^a-z0-9% ]+")
_RAW_SENTENCE = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
_CITATION = re.compile(r"\s*\[\d+\]")
_JOINED = re.compile(r"\b(you|we|they|i|he|she|it|that|there|what|who|let)(ve|re|ll|d|m|s)\b")
_JOINED_NOT = re.compile(r"\b(do|does|did|is|are|was|were|wo|ca|could|would|should|have|has|had)nt\b")
_lock = threading.Lock()


# --- rules -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One category's patterns, and the good versions of the same words that excuse a sentence."""

    id: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class GuardResult:
    """The text to show (the reply, or its safe replacement), whether the reply was safe, and why not."""

    text: str
    safe: bool
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _GuardBook:
    rules: tuple[Rule, ...]
    agree_unless: tuple[re.Pattern[str], ...]
    #: said, replies, except (a reply sentence matching `except` does not count as going along)
    contexts: dict[str, tuple[tuple[re.Pattern[str], ...], ...]]
    safe_replies: dict[str, str]


@lru_cache(maxsize=1)
def _load(path: Path = GUARD_FILE) -> _GuardBook:
    data = read_yaml(path)
    vocab: dict[str, str] = {}
    for name, value in data["vocab"].items():  # a vocab entry may use the ones above it
        vocab[name] = _MACRO.sub(lambda m: vocab[m.group(1)], value)

    def compile_all(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(_MACRO.sub(lambda m: vocab[m.group(1)], rx)) for rx in patterns)

    rules = tuple(
        Rule(rid, spec["reason"], compile_all(spec["patterns"]), compile_all(spec.get("unless", [])))
        for rid, spec in data["rules"].items()
    )
    unknown = {r.id for r in rules} - set(CATEGORIES)
    if unknown:
        raise ValueError(f"guard.yaml: rules for unknown categories {sorted(unknown)}")
    ctx = data["context_rules"]
    agrees = compile_all(ctx["agrees"])
    contexts = {
        cat: (
            compile_all(spec["said"]),
            compile_all(spec["replies"]) if "replies" in spec else agrees,
            compile_all(spec.get("except", [])),
        )
        for cat, spec in ctx["categories"].items()
    }
    unknown = set(contexts) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"guard.yaml: context rules for unknown categories {sorted(unknown)}")
    return _GuardBook(rules, compile_all(ctx["unless"]), contexts, data["safe_replies"])


def _sentences(text: str) -> list[str]:
    """Normalised sentences, as the rules read them: folded, apostrophes gone, punctuation as spaces."""
    folded = _fold(text)
    pieces = (" ".join(_NOT_WORD.sub(" ", piece).split()) for piece in _SENTENCE_END.split(folded))
    return [piece for piece in pieces if piece]


def _spellings(sentence: str) -> tuple[str, ...]:
    """A normalised sentence as written ("youve", "dont") and with contractions split ("you ve", "don t"),
    so a pattern matches whichever way its author spelled them."""
    split = _JOINED_NOT.sub(r"\1n t", _JOINED.sub(r"\1 \2", sentence))
    return (sentence,) if split == sentence else (sentence, split)


def _any(patterns: Iterable[re.Pattern[str]], sentence: str) -> bool:
    return any(p.search(v) for p in patterns for v in _spellings(sentence))


def _broken_rules(sentences: list[str], book: _GuardBook) -> list[str]:
    broken = []
    for rule in book.rules:
        for sentence in sentences:
            if _any(rule.patterns, sentence) and not _any(rule.unless, sentence):
                broken.append(rule.id)
                break
    return broken


def _broken_context_rules(sentences: list[str], context: str, book: _GuardBook) -> list[str]:
    """Categories where the person described harm (or asked about means) and the reply goes along with it,
    with no concern, refusal or pointer to help anywhere in the reply. A sentence matching the category's
    ``except`` patterns is not going along ("Proud of you for going to the appointment!" after a first session)."""
    said = _sentences(context)
    if not said or not sentences or any(_any(book.agree_unless, s) for s in sentences):
        return []
    return [
        cat
        for cat, (described, replies, excepted) in book.contexts.items()
        if any(_any(described, s) for s in said)
        and any(_any(replies, s) and not _any(excepted, s) for s in sentences)
    ]


def _crisis_in(context: str) -> bool:
    """The person's message holds crisis wording: the chat answers it with the crisis response, not a model,
    so a generated reply to it is never shown (belt and braces for callers that skip triage). A quiet sign
    (``strength: quiet``: food cut right down, feeling unreal) is a check-in, not crisis wording."""
    return any(hit.pattern.strength != "quiet" for hit in match(prepare(context, load_pattern_book())))


# --- the learned layer -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """The learned layer's arrays: a binary unsafe/safe head over [sentence embedding, embedding of the
    sentence with the person's message, character n-grams], and a category head over the embeddings."""

    w_embedding: np.ndarray  # (2 * 384,)
    w_chars: np.ndarray  # (N_CHAR_FEATURES,)
    bias: float
    category_w: np.ndarray  # (len(CATEGORIES), 2 * 384)
    category_b: np.ndarray  # (len(CATEGORIES),)
    threshold: float  # for the averaged score (the linear model's own when encoder_weight is 0)
    data_hash: str
    encoder_weight: float = 0.0  # the adapted encoder's share of each piece's score
    linear_threshold: float | None = None  # for the linear model alone, when the encoder's file is missing


class GuardEncoder:
    """The adapted MiniLM's P(unsafe) per (reply piece, person's message) text, remembering recent texts
    (a streamed reply is checked at every sentence; only the new pieces cost model time)."""

    def __init__(self, reader, data_hash: str) -> None:
        self.reader = reader  # anything with .probabilities(texts) -> (n, len(ENCODER_CLASSES))
        self.data_hash = data_hash
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def unsafe(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._seen))
        if missing:
            fresh = self.reader.probabilities(missing)[:, ENCODER_CLASSES.index("unsafe")]
        with self._lock:
            for text, p in zip(missing, fresh if missing else [], strict=True):
                self._seen[text] = float(p)
            for text in texts:
                self._seen.move_to_end(text)
            scores = np.array([self._seen[t] for t in texts], dtype=np.float64)
            while len(self._seen) > _CACHE_SIZE:
                self._seen.popitem(last=False)
        return scores

    def forget(self) -> None:
        with self._lock:
            self._seen.clear()


@lru_cache(maxsize=1)
def load_encoder(path: Path = ENCODER_FILE) -> GuardEncoder | None:
    """The adapted encoder, opened once per process (through ONNX Runtime, as triage's is: its graph is
    exported once and cached), or None without its file (the linear model reads alone)."""
    if not path.exists():
        return None
    from haven.safety import encoder

    with np.load(path, allow_pickle=False) as data:
        classes = tuple(str(c) for c in data["classes"]) if "classes" in data.files else encoder.LEVELS
        digest = str(data["data_hash"]) if "data_hash" in data.files else ""
    if classes != ENCODER_CLASSES:
        raise ValueError(f"{path.name} reads {classes}, not {ENCODER_CLASSES}; retrain it")
    with _lock:
        return GuardEncoder(encoder.open_adapted(path, "guard-encoder"), digest)


def _encoder_for(model: Model) -> GuardEncoder | None:
    """The encoder this model averages in: the saved one, if it was trained with this model (same data hash);
    None when the model gives it no share or its file is missing or stale."""
    if model.encoder_weight <= 0:
        return None
    found = load_encoder()
    return found if found is not None and found.data_hash == model.data_hash else None


def threshold_of(model: Model | None) -> float:
    """The threshold that applies: the averaged score's, or the linear model's own without the encoder."""
    if model is None:
        return MODEL_OFF
    if model.encoder_weight > 0 and _encoder_for(model) is None:
        return model.linear_threshold if model.linear_threshold is not None else MODEL_OFF
    return model.threshold


@dataclass(frozen=True)
class ModelHit:
    """The most unsafe-looking piece of a reply, by the learned layer."""

    score: float
    category: str
    unit: str


def units(reply: str) -> list[str]:
    """The pieces of a reply the model scores: the whole reply, each sentence when there are several, and
    each pair of neighbouring sentences when there are more than two.

    A harmful sentence inside a long, kind reply would be diluted in one whole-reply embedding; and harm often
    spans two sentences ("Since you asked. The old bridge has no fence."), which neither sentence shows alone.
    Long replies are grouped into at most ``MAX_UNITS`` pieces before pairing, so a reply still costs one
    embedding call; a streamed reply's earlier pieces are unchanged as it grows, so they stay cached.
    """
    lines = (_BULLET.sub("", line) for line in _RAW_SENTENCE.split(_CITATION.sub("", reply or "")))
    sentences = [" ".join(s.split()) for s in lines if s.strip()]
    if not sentences:
        return []
    whole = " ".join(sentences)
    if len(sentences) == 1:
        return [whole]
    if len(sentences) + 1 > MAX_UNITS:
        size = -(-len(sentences) // (MAX_UNITS - 1))
        sentences = [" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size)]
    pairs = [f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False)] if len(sentences) > 2 else []
    return [whole, *sentences, *pairs]


def _paired(unit: str, context: str) -> str:
    """A piece with the person's message after it (so truncation at 256 tokens cuts the message, not it)."""
    return f"reply: {unit} || person: {' '.join(context.split())[:CONTEXT_CHARS]}"


_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_CACHE_SIZE = 2048


def _embed(texts: Sequence[str]) -> np.ndarray:
    """Embeddings in one model call for the texts not seen lately.

    The chat engine checks a streamed reply each time a sentence completes, so most sentences were embedded
    on the previous check; only the new ones cost model time.
    """
    from haven.retrieval.embeddings import EMBEDDING_DIM, embed

    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    with _lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    fresh = embed(missing) if missing else None
    with _lock:
        for text, vector in zip(missing, fresh if fresh is not None else [], strict=False):
            _cache[text] = vector
        for text in texts:
            _cache.move_to_end(text)
        rows = [_cache[t] for t in texts]
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return np.vstack(rows)


def clear_embedding_cache() -> None:
    """Forget the cached sentence embeddings and encoder scores (for timing a reply seen for the first time)."""
    with _lock:
        _cache.clear()
    reader = load_encoder() if load_encoder.cache_info().currsize else None
    if reader is not None:
        reader.forget()


def _char_ngrams(texts: Sequence[str]):
    """Hashed character 2-5-grams (rows of unit length) as a sparse matrix: scikit-learn's
    ``HashingVectorizer(analyzer="char_wb")`` numbers, made by ``ngrams.py`` so a chat turn does not import
    scikit-learn (about 1.7 s per process)."""
    from haven.safety import ngrams

    rows = [ngrams.hashed(ngrams.char_wb_ngrams(t, 2, 5), N_CHAR_FEATURES) for t in texts]
    return ngrams.as_matrix(rows, N_CHAR_FEATURES)


def _pairs(pieces: Sequence[str], contexts: Sequence[str]) -> list[str]:
    """Each piece as both learned voices read it with its context: the piece, then the person's message."""
    return [_paired(u, c) if c else u for u, c in zip(pieces, contexts, strict=True)]


def _features(pieces: Sequence[str], contexts: Sequence[str]):
    """Dense embedding features (n, 768) and sparse character n-grams (n, N_CHAR_FEATURES), one embed call."""
    paired = _pairs(pieces, contexts)
    vectors = _embed([*pieces, *paired])
    n = len(pieces)
    dense = np.hstack([vectors[:n], vectors[n:]])
    chars = _char_ngrams([" ".join(_NOT_WORD.sub(" ", _fold(u)).split()) for u in pieces])
    return dense, chars


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> Model | None:
    """The trained arrays, or None when no model file exists yet (the rules still apply)."""
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        categories = tuple(str(c) for c in data["categories"])
        if categories != CATEGORIES:
            raise ValueError(f"{path.name} was trained for categories {categories}; retrain it")
        return Model(
            w_embedding=data["w_embedding"].astype(np.float64),
            w_chars=data["w_chars"].astype(np.float64),
            bias=float(data["bias"]),
            category_w=data["category_w"].astype(np.float64),
            category_b=data["category_b"].astype(np.float64),
            threshold=float(data["threshold"]),
            data_hash=str(data["data_hash"]),
            encoder_weight=float(data["encoder_weight"]) if "encoder_weight" in data.files else 0.0,
            linear_threshold=float(data["linear_threshold"]) if "linear_threshold" in data.files else None,
        )


def _scores(model: Model, dense: np.ndarray, chars) -> np.ndarray:
    logits = dense @ model.w_embedding + chars @ model.w_chars + model.bias
    return 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float64)))


def _voices(model: Model, pieces: Sequence[str], contexts: Sequence[str]):
    """Each piece's score by the linear model and by the encoder (None when it is not used), and the
    embedding features (the category head reads them).

    The encoder's pass runs beside the embedding's on one worker thread (ONNX Runtime releases the GIL, as in
    triage), so on two cores a reply costs about one MiniLM pass, not two."""
    reader = _encoder_for(model)
    pairs = _pairs(pieces, contexts)
    encoder_pass = _encoder_pool().submit(reader.unsafe, pairs) if reader is not None else None
    dense, chars = _features(pieces, contexts)
    linear = _scores(model, dense, chars)
    encoded = encoder_pass.result() if encoder_pass is not None else None
    return linear, encoded, dense


@lru_cache(maxsize=1)
def _encoder_pool():
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="guard-encoder")


def _blend(linear: np.ndarray, encoded: np.ndarray | None, weight: float) -> np.ndarray:
    return linear if encoded is None or weight <= 0 else (1.0 - weight) * linear + weight * encoded


def model_hit(reply: str, context: str | None = None, model: Model | None = None) -> ModelHit | None:
    """The learned layer's view of a reply: its most unsafe-looking piece, or None without text or model."""
    model = model or load_model()
    pieces = units(reply)
    if model is None or not pieces:
        return None
    linear, encoded, dense = _voices(model, pieces, [context or ""] * len(pieces))
    scores = _blend(linear, encoded, model.encoder_weight)
    best = int(np.argmax(scores))
    category = CATEGORIES[int(np.argmax(model.category_w @ dense[best] + model.category_b))]
    return ModelHit(float(scores[best]), category, pieces[best])


# --- checking a reply --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    """Why a reply is unsafe, by layer: the rules, the context rules, the person's crisis, the model."""

    rules: tuple[str, ...] = ()
    context_rules: tuple[str, ...] = ()
    crisis_context: bool = False
    model: ModelHit | None = None
    threshold: float = MODEL_OFF

    @property
    def model_blocks(self) -> bool:
        return self.model is not None and self.model.score >= self.threshold

    @property
    def reasons(self) -> list[str]:
        found = [*self.rules, *self.context_rules]
        if self.crisis_context:
            found.append(CRISIS_CONTEXT)
        if self.model_blocks and self.model.category not in found:
            found.append(self.model.category)
        return list(dict.fromkeys(found))


def _rule_findings(reply: str, context: str | None) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The rules' verdict alone: broken rules, broken context rules, and crisis wording in the message."""
    book = _load()
    sentences = _sentences(reply or "")
    if not sentences:
        return (), (), False
    rules = tuple(_broken_rules(sentences, book))
    context_rules = tuple(c for c in _broken_context_rules(sentences, context or "", book) if c not in rules)
    return rules, context_rules, bool(context) and _crisis_in(context)


def assess(
    reply: str, context: str | None = None, model: Model | None = None, always_model: bool = False
) -> Assessment:
    """Every layer's verdict on a reply. The model runs only when no rule fired (one embed call saved),
    unless ``always_model`` (training uses it to see the model's score for every dev reply)."""
    if not _sentences(reply or ""):
        return Assessment()
    rules, context_rules, crisis = _rule_findings(reply, context)
    model = model or load_model()
    hit = None
    if model is not None and (always_model or not (rules or context_rules or crisis)):
        hit = model_hit(reply, context, model)
    return Assessment(rules, context_rules, crisis, hit, threshold_of(model))


def _help_line_sentence() -> str:
    from haven.safety.response import crisis_response

    response = crisis_response()
    line = response.helplines[0] if response.helplines else None
    reach = f"{line.name} ({', '.join(line.how_to_reach)})" if line else "a local help line"
    return (
        f"If you're struggling right now, you can reach {reach}, "
        f"or call {response.emergency_number} in an emergency."
    )


def safe_reply(reason: str) -> str:
    """The replacement text for a broken rule: warm, plain about Haven's limits, and pointing to help."""
    book = _load()
    return f"{book.safe_replies.get(reason, book.safe_replies['method_or_means'])} {_help_line_sentence()}"


def check_output(reply: str, context: str | None = None) -> GuardResult:
    """Check generated text; ``context`` is the person's message it answers.

    The context decides replies that are only unsafe in answer to something ("yes, go ahead" to "should I
    stop my meds?", praise after "I haven't eaten in days"), and a reply to a message with crisis wording is
    never sent as generated text. The first reason picks the replacement; all reasons are recorded.
    """
    return _verdict(reply, assess(reply, context))


def _verdict(reply: str, found: Assessment) -> GuardResult:
    reasons = found.reasons
    if not reasons:
        return GuardResult(text=reply, safe=True, reasons=[])
    first = CRISIS_CONTEXT if found.crisis_context else min(reasons, key=_preference)
    return GuardResult(text=safe_reply(first), safe=False, reasons=reasons)


def _preference(reason: str) -> int:
    return CATEGORIES.index(reason) if reason in CATEGORIES else len(CATEGORIES)


# --- the labelled replies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One labelled reply: what a model might say, to what (``context``), whether it is unsafe, and its
    category (for a safe reply: the topic it sits near, e.g. ``medication_advice`` or ``everyday``)."""

    reply: str
    context: str | None
    unsafe: bool
    category: str

    @property
    def split(self) -> str:
        return split_of(self.reply)


def split_of(reply: str) -> str:
    """train (~60%), dev (~20%) or held_out (~20%), by a stable hash of the reply's words.

    Hashing the reply alone keeps a reply and its twin in another context (safe after a run, unsafe after
    days without food) in the same split, so neither half leaks into a split that measures the other.
    """
    key = " ".join(reply.lower().split()).encode("utf-8")
    bucket = int(hashlib.sha256(key).hexdigest()[:8], 16) % 100
    return "train" if bucket < 60 else "dev" if bucket < 80 else "held_out"


def load_examples(data_dir: Path = DATA_DIR) -> list[Example]:
    """Every labelled reply in ``data/guard/*.yaml``. A reply takes its file's ``category`` unless it names its
    own (a file of one round's replies across categories has no file-wide category)."""
    examples = []
    for path in sorted(data_dir.glob("*.yaml")):
        data = read_yaml(path)
        for label in ("unsafe", "safe"):
            for item in data.get(label) or []:
                category = item.get("category", data.get("category"))
                if category is None:
                    raise ValueError(f"{path.name}: {item['reply']!r} has no category and the file names none")
                examples.append(Example(item["reply"], item.get("context"), label == "unsafe", category))
    return examples


def load_library_sentences(path: Path = LIBRARY_FILE) -> list[Example]:
    """The library snapshot as safe examples of category ``library`` (empty when there is no snapshot)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Example(line, None, False, "library") for line in lines if line.strip()]


def _encoder_settings() -> list:
    from haven.safety import encoder

    return [encoder.RANK, encoder.SCALE, encoder.LEARNING_RATE, encoder.BATCH, encoder.MAX_TOKENS]


def data_hash(examples: Sequence[Example] | None = None) -> str:
    """What the model depends on: the labelled replies, the library snapshot, the rules (the threshold is
    chosen with them in place) and the training settings. A change to any of them asks for :func:`train`."""
    examples = [*load_examples(), *load_library_sentences()] if examples is None else examples
    rules = read_yaml(GUARD_FILE)
    payload = {
        "examples": sorted((e.reply, e.context or "", e.unsafe, e.category) for e in examples),
        "rules": [rules["vocab"], rules["rules"], rules["context_rules"]],
        "settings": [
            FEATURE_VERSION,
            C_REGULARISATION,
            N_CHAR_FEATURES,
            CONTEXT_CHARS,
            DEV_SAFE_BUDGET,
            ENCODER_WEIGHTS,
            ENCODER_EPOCHS,
            ENCODER_LAYERS,
            ENCODER_SEEDS,
            *_encoder_settings(),
        ],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


# --- training ----------------------------------------------------------------------------------------------


def _training_units(examples: Sequence[Example]) -> tuple[list[str], list[str], list[bool], list[str]]:
    """Whole replies of every kind, plus each sentence of a safe reply as safe on its own (the guard scores
    sentences too, and a kind reply's sentences must not look unsafe alone)."""
    pieces, contexts, labels, categories = [], [], [], []
    for e in examples:
        split = units(e.reply)
        for i, piece in enumerate(split):
            if i > 0 and e.unsafe:
                continue  # which sentence carries the harm is not labelled; see train()
            pieces.append(piece)
            contexts.append(e.context or "")
            labels.append(e.unsafe)
            categories.append(e.category)
    return pieces, contexts, labels, categories


def _fit_binary(dense, chars, labels):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    x = hstack([csr_matrix(dense), chars]).tocsr()
    clf = LogisticRegression(C=C_REGULARISATION, max_iter=5000, class_weight="balanced")
    clf.fit(x, np.asarray(labels))
    w = clf.coef_[0]
    return w[: dense.shape[1]], w[dense.shape[1] :], float(clf.intercept_[0])


@dataclass(frozen=True)
class DevReading:
    """One dev reply as the learned layer sees it while training: whether the rules already block it, and
    each piece's score by the linear model and by the encoder (None without one)."""

    example: Example
    by_rules: bool
    linear: np.ndarray
    encoded: np.ndarray | None

    def score(self, weight: float) -> float:
        return float(np.max(_blend(self.linear, self.encoded, weight))) if len(self.linear) else 0.0


def dev_readings(dev: Sequence[Example], model: Model, reader: GuardEncoder | None = None) -> list[DevReading]:
    """Every dev reply read once by the rules and both voices, so weights and thresholds are tried cheaply."""
    readings = []
    for e in dev:
        rules, context_rules, crisis = _rule_findings(e.reply, e.context)
        pieces = units(e.reply)
        contexts = [e.context or ""] * len(pieces)
        dense, chars = _features(pieces, contexts) if pieces else (None, None)
        linear = _scores(model, dense, chars) if pieces else np.zeros(0)
        encoded = reader.unsafe(_pairs(pieces, contexts)) if reader is not None and pieces else None
        readings.append(DevReading(e, bool(rules or context_rules or crisis), linear, encoded))
    return readings


def choose_threshold(readings: Sequence[DevReading], weight: float = 0.0) -> float:
    """The lowest threshold (not below the model's natural cut, 0.5) at which the whole guard blocks at most
    ``DEV_SAFE_BUDGET`` of dev's safe replies: all the recall the model can add within that bound.

    Only dev's safe replies decide it (fix the false-block rate, take the recall that comes with it), so the
    choice does not lean on dev's unsafe replies, which the rules were partly written against.
    """
    safe = [r for r in readings if not r.example.unsafe]
    allowed = int(np.floor(DEV_SAFE_BUDGET * len(safe) + 1e-9)) - sum(r.by_rules for r in safe)
    scores = sorted((r.score(weight) for r in safe if not r.by_rules), reverse=True)
    if allowed < 0:
        return MODEL_OFF  # the rules alone use up the budget
    if allowed >= len(scores):
        return 0.5
    return float(max(0.5, np.nextafter(scores[allowed], 2.0)))  # just above the first one over budget


def dev_blocked(readings: Sequence[DevReading], weight: float, threshold: float) -> tuple[int, int]:
    """How many of dev's unsafe replies the whole guard blocks at this weight and threshold, of how many."""
    unsafe = [r for r in readings if r.example.unsafe]
    return sum(r.by_rules or r.score(weight) >= threshold for r in unsafe), len(unsafe)


def choose_weight(readings: Sequence[DevReading]) -> tuple[float, float]:
    """The encoder's share, and its threshold, that block the most of dev's unsafe replies within the safe
    budget; ties go to the share nearest an even average (the voice less tuned to dev's few replies)."""
    tried = []
    for weight in ENCODER_WEIGHTS:
        threshold = choose_threshold(readings, weight)
        tried.append((dev_blocked(readings, weight, threshold)[0], -abs(weight - 0.5), weight, threshold))
    _, _, weight, threshold = max(tried)
    return weight, threshold


def fit_encoder(texts: Sequence[str], labels: Sequence[str], log=print):
    """The guard's adapted MiniLM: one training per seed of ``ENCODER_SEEDS`` on the same (piece, person's
    message) texts, averaged into one adaptation. Returns the merged encoder and the adaptation to save."""
    from haven.safety import encoder

    fitted = []
    for seed in ENCODER_SEEDS:
        log(f"  encoder, messages in order {seed}")
        fitted.append(
            encoder.fit(
                texts,
                labels,
                log,
                classes=ENCODER_CLASSES,
                epochs=ENCODER_EPOCHS,
                layers=ENCODER_LAYERS,
                order_seed=seed,
            )[1]
        )
    adaptation = fitted[0] if len(fitted) == 1 else encoder.Adaptation.average(fitted)
    return encoder.build(adaptation), adaptation


def _fit_linear(trainset: Sequence[Example], digest: str):
    """The linear voice, and the pieces it was trained on (which the encoder then learns from too)."""
    from sklearn.linear_model import LogisticRegression

    pieces, contexts, labels, categories = _training_units(trainset)
    dense, chars = _features(pieces, contexts)
    w_e, w_c, b = _fit_binary(dense, chars, labels)
    first = Model(w_e, w_c, b, np.zeros((len(CATEGORIES), dense.shape[1])), np.zeros(len(CATEGORIES)), 0.5, digest)
    for e in trainset:
        split = units(e.reply)
        if e.unsafe and len(split) > 1:
            d, c = _features(split[1:], [e.context or ""] * (len(split) - 1))
            best = int(np.argmax(_scores(first, d, c)))
            pieces.append(split[1 + best])
            contexts.append(e.context or "")
            labels.append(True)
            categories.append(e.category)
    dense, chars = _features(pieces, contexts)
    w_e, w_c, b = _fit_binary(dense, chars, labels)
    unsafe_rows = [i for i, lab in enumerate(labels) if lab]
    head = LogisticRegression(C=C_REGULARISATION, max_iter=5000, class_weight="balanced")
    head.fit(dense[unsafe_rows], [categories[i] for i in unsafe_rows])
    order = [list(head.classes_).index(c) for c in CATEGORIES]
    model = Model(w_e, w_c, b, head.coef_[order], head.intercept_[order], 0.5, digest)
    return model, (pieces, contexts, labels)


def train(
    examples: Sequence[Example] | None = None,
    path: Path = MODEL_FILE,
    encoder_path: Path | None = ENCODER_FILE,
    log=print,
) -> Model:
    """Fit both voices on train, choose the encoder's share and the threshold on dev, and save them with the
    data hash (``encoder_path=None`` trains the linear model alone and leaves any encoder file as it is).

    Deterministic: the same data gives the same arrays (lbfgs, no randomness; the encoder on one thread, from
    seed 0, once per order in ``ENCODER_SEEDS``, averaged). Held-out is never read. Unsafe replies of several
    sentences are labelled as a whole; after a first fit, the sentence the model finds most unsafe in each is
    added as an unsafe example, so sentence-level scores learn the harm too. The encoder learns from exactly the linear model's pieces.
    """
    examples = [*load_examples(), *load_library_sentences()] if examples is None else list(examples)
    digest = data_hash(examples)
    trainset = [e for e in examples if e.split == "train"]
    dev = [e for e in examples if e.split == "dev" and e.category != "library"]
    log(f"linear model on {len(trainset)} train replies")
    linear, (pieces, contexts, labels) = _fit_linear(trainset, digest)
    reader = None
    if encoder_path is not None:
        log(
            f"encoder (MiniLM's top {ENCODER_LAYERS} layers, low-rank, the mean of {len(ENCODER_SEEDS)} orders) "
            f"on {len(pieces)} pieces"
        )
        texts = _pairs(pieces, contexts)
        labels_named = [ENCODER_CLASSES[int(lab)] for lab in labels]
        fitted, adaptation = fit_encoder(texts, labels_named, log)
        reader = GuardEncoder(fitted, digest)
    log(f"weight and threshold on {len(dev)} dev replies")
    readings = dev_readings(dev, linear, reader)
    linear_threshold = choose_threshold(readings, 0.0)
    weight, threshold = choose_weight(readings) if reader is not None else (0.0, linear_threshold)
    for w in (0.0, 1.0, *ENCODER_WEIGHTS) if reader is not None else (0.0,):
        t = choose_threshold(readings, w)
        log(f"  encoder share {w:.2f}: threshold {t:.4f}, dev unsafe blocked {dev_blocked(readings, w, t)}")
    model = replace(linear, threshold=threshold, encoder_weight=weight, linear_threshold=linear_threshold)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        w_embedding=model.w_embedding.astype(np.float32),
        w_chars=model.w_chars.astype(np.float32),
        bias=np.float32(model.bias),
        category_w=model.category_w.astype(np.float32),
        category_b=model.category_b.astype(np.float32),
        categories=np.array(CATEGORIES),
        threshold=np.float64(threshold),
        linear_threshold=np.float64(linear_threshold),
        encoder_weight=np.float64(weight),
        data_hash=np.array(digest),
    )
    if reader is not None:
        adaptation.save(encoder_path, data_hash=np.array(digest))
    load_model.cache_clear()
    load_encoder.cache_clear()
    log(f"encoder share {weight:.2f}, threshold {threshold:.4f} (linear alone: {linear_threshold:.4f})")
    return model


# --- measuring ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """One labelled reply through :func:`check_output`, and which layer blocked it."""

    example: Example
    result: GuardResult
    by: str  # the first layer that blocked it: "rules" | "context" | "crisis_context" | "model" | "" (passed)
    reply_blocked: bool  # blocked for what the reply says, leaving the person's crisis wording aside

    @property
    def blocked(self) -> bool:
        return not self.result.safe


@dataclass(frozen=True)
class SplitReport:
    """Blocked-unsafe and blocked-safe rates of one split, overall and by category."""

    split: str
    outcomes: tuple[Outcome, ...]

    def _rate(self, unsafe: bool, category: str | None = None) -> tuple[int, int]:
        chosen = [
            o for o in self.outcomes if o.example.unsafe == unsafe and category in (None, o.example.category)
        ]
        return sum(o.blocked for o in chosen), len(chosen)

    @property
    def unsafe_blocked(self) -> tuple[int, int]:
        return self._rate(True)

    @property
    def safe_blocked(self) -> tuple[int, int]:
        return self._rate(False)

    @property
    def unsafe_blocked_by_reply(self) -> tuple[int, int]:
        """Unsafe replies stopped for their own words, not only because the person's message was a crisis."""
        chosen = [o for o in self.outcomes if o.example.unsafe]
        return sum(o.reply_blocked for o in chosen), len(chosen)

    def by_category(self) -> dict[str, tuple[tuple[int, int], tuple[int, int]]]:
        names = sorted({o.example.category for o in self.outcomes})
        return {name: (self._rate(True, name), self._rate(False, name)) for name in names}

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.example.unsafe and not o.blocked]

    @property
    def false_blocks(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.example.unsafe and o.blocked]


def rate(pair: tuple[int, int]) -> float:
    blocked, total = pair
    return blocked / total if total else 0.0


def _outcome(example: Example) -> Outcome:
    found = assess(example.reply, example.context)
    result = _verdict(example.reply, found)  # exactly what check_output returns
    if found.rules:
        by = "rules"
    elif found.context_rules:
        by = "context"
    elif found.crisis_context:
        by = CRISIS_CONTEXT
    else:
        by = "model" if not result.safe else ""
    reply_blocked = by in ("rules", "context", "model")
    if by == CRISIS_CONTEXT:  # would the reply have been stopped on its own words?
        reply_blocked = assess(example.reply, example.context, always_model=True).model_blocks
    return Outcome(example, result, by, reply_blocked)


def evaluate(splits: Sequence[str] = SPLITS, examples: Sequence[Example] | None = None) -> dict[str, SplitReport]:
    """Run :func:`check_output` itself over the labelled replies of each split (the benchmark and the tests
    both report these numbers)."""
    examples = load_examples() if examples is None else examples
    return {
        split: SplitReport(split, tuple(_outcome(e) for e in examples if e.split == split)) for split in splits
    }

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
- A small learned model (``data/guard/model.npz``) for the same meanings in other words: logistic regression
  over MiniLM embeddings of each sentence (alone, and paired with the person's message) and character
  n-grams (which keep the "don't" and "talk to your doctor" that embeddings blur). It is trained by
  :func:`train` on the labelled replies in ``data/guard/*.yaml``; its threshold is chosen on the dev split.

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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from haven.safety.patterns import _fold, load_pattern_book, match, prepare

GUARD_FILE = Path(__file__).with_name("guard.yaml")
DATA_DIR = Path(__file__).parent / "data" / "guard"
MODEL_FILE = DATA_DIR / "model.npz"
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
FEATURE_VERSION = 1
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
    contexts: dict[str, tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]]  # said, replies
    safe_replies: dict[str, str]


@lru_cache(maxsize=1)
def _load(path: Path = GUARD_FILE) -> _GuardBook:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        cat: (compile_all(spec["said"]), compile_all(spec["replies"]) if "replies" in spec else agrees)
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
    with no concern, refusal or pointer to help anywhere in the reply."""
    said = _sentences(context)
    if not said or not sentences or any(_any(book.agree_unless, s) for s in sentences):
        return []
    return [
        cat
        for cat, (described, replies) in book.contexts.items()
        if any(_any(described, s) for s in said) and any(_any(replies, s) for s in sentences)
    ]


def _crisis_in(context: str) -> bool:
    """The person's message holds crisis wording: the chat answers it with the crisis response, not a model,
    so a generated reply to it is never shown (belt and braces for callers that skip triage)."""
    return bool(match(prepare(context, load_pattern_book())))


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
    threshold: float
    data_hash: str


@dataclass(frozen=True)
class ModelHit:
    """The most unsafe-looking piece of a reply, by the learned layer."""

    score: float
    category: str
    unit: str


def units(reply: str) -> list[str]:
    """The pieces of a reply the model scores: the whole reply, and each sentence when there are several.

    A harmful sentence inside a long, kind reply would be diluted in one whole-reply embedding; long replies
    are grouped into at most ``MAX_UNITS`` pieces so a reply still costs one embedding call.
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
    return [whole, *sentences]


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
    """Forget the cached sentence embeddings (for timing a reply seen for the first time)."""
    with _lock:
        _cache.clear()


@lru_cache(maxsize=1)
def _hasher():
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=N_CHAR_FEATURES, alternate_sign=False, norm="l2"
    )


def _features(pieces: Sequence[str], contexts: Sequence[str]):
    """Dense embedding features (n, 768) and sparse character n-grams (n, N_CHAR_FEATURES), one embed call."""
    paired = [_paired(u, c) if c else u for u, c in zip(pieces, contexts, strict=True)]
    vectors = _embed([*pieces, *paired])
    n = len(pieces)
    dense = np.hstack([vectors[:n], vectors[n:]])
    chars = _hasher().transform([" ".join(_NOT_WORD.sub(" ", _fold(u)).split()) for u in pieces])
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
        )


def _scores(model: Model, dense: np.ndarray, chars) -> np.ndarray:
    logits = dense @ model.w_embedding + chars @ model.w_chars + model.bias
    return 1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float64)))


def model_hit(reply: str, context: str | None = None, model: Model | None = None) -> ModelHit | None:
    """The learned layer's view of a reply: its most unsafe-looking piece, or None without text or model."""
    model = model or load_model()
    pieces = units(reply)
    if model is None or not pieces:
        return None
    dense, chars = _features(pieces, [context or ""] * len(pieces))
    scores = _scores(model, dense, chars)
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


def assess(
    reply: str, context: str | None = None, model: Model | None = None, always_model: bool = False
) -> Assessment:
    """Every layer's verdict on a reply. The model runs only when no rule fired (one embed call saved),
    unless ``always_model`` (training uses it to see the model's score for every dev reply)."""
    book = _load()
    sentences = _sentences(reply or "")
    if not sentences:
        return Assessment()
    rules = tuple(_broken_rules(sentences, book))
    context_rules = tuple(c for c in _broken_context_rules(sentences, context or "", book) if c not in rules)
    crisis = bool(context) and _crisis_in(context)
    model = model or load_model()
    hit = None
    if model is not None and (always_model or not (rules or context_rules or crisis)):
        hit = model_hit(reply, context, model)
    return Assessment(rules, context_rules, crisis, hit, model.threshold if model else MODEL_OFF)


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
    """Every labelled reply in ``data/guard/*.yaml`` (unsafe ones take their file's category)."""
    examples = []
    for path in sorted(data_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        category = data["category"]
        for label in ("unsafe", "safe"):
            for item in data.get(label) or []:
                examples.append(Example(item["reply"], item.get("context"), label == "unsafe", category))
    return examples


def load_library_sentences(path: Path = LIBRARY_FILE) -> list[Example]:
    """The library snapshot as safe examples of category ``library`` (empty when there is no snapshot)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Example(line, None, False, "library") for line in lines if line.strip()]


def data_hash(examples: Sequence[Example] | None = None) -> str:
    """What the model depends on: the labelled replies, the library snapshot, the rules (the threshold is
    chosen with them in place) and the training settings. A change to any of them asks for :func:`train`."""
    examples = [*load_examples(), *load_library_sentences()] if examples is None else examples
    rules = yaml.safe_load(GUARD_FILE.read_text(encoding="utf-8"))
    payload = {
        "examples": sorted((e.reply, e.context or "", e.unsafe, e.category) for e in examples),
        "rules": [rules["vocab"], rules["rules"], rules["context_rules"]],
        "settings": [FEATURE_VERSION, C_REGULARISATION, N_CHAR_FEATURES, CONTEXT_CHARS, DEV_SAFE_BUDGET],
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


def choose_threshold(dev: Sequence[Example], model: Model) -> float:
    """The lowest threshold (not below the model's natural cut, 0.5) at which the whole guard blocks at most
    ``DEV_SAFE_BUDGET`` of dev's safe replies: all the recall the model can add within that bound.

    Only dev's safe replies decide it (fix the false-block rate, take the recall that comes with it), so the
    choice does not lean on dev's unsafe replies, which the rules were partly written against.
    """
    found = [assess(e.reply, e.context, model, always_model=True) for e in dev if not e.unsafe]
    by_rules = [bool(a.rules or a.context_rules or a.crisis_context) for a in found]
    allowed = int(np.floor(DEV_SAFE_BUDGET * len(found) + 1e-9)) - sum(by_rules)
    scores = sorted((a.model.score for a, r in zip(found, by_rules, strict=True) if a.model and not r), reverse=True)
    if allowed < 0:
        return MODEL_OFF  # the rules alone use up the budget
    if allowed >= len(scores):
        return 0.5
    return float(max(0.5, np.nextafter(scores[allowed], 2.0)))  # just above the first one over budget


def train(examples: Sequence[Example] | None = None, path: Path = MODEL_FILE) -> Model:
    """Fit the learned layer on train, choose its threshold on dev, and save it with the data hash.

    Deterministic: the same data gives the same arrays (lbfgs, no randomness). Held-out is never read.
    Unsafe replies of several sentences are labelled as a whole; after a first fit, the sentence the model
    finds most unsafe in each is added as an unsafe example, so sentence-level scores learn the harm too.
    """
    examples = [*load_examples(), *load_library_sentences()] if examples is None else list(examples)
    digest = data_hash(examples)
    trainset = [e for e in examples if e.split == "train"]
    dev = [e for e in examples if e.split == "dev" and e.category != "library"]
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

    from sklearn.linear_model import LogisticRegression

    unsafe_rows = [i for i, lab in enumerate(labels) if lab]
    head = LogisticRegression(C=C_REGULARISATION, max_iter=5000, class_weight="balanced")
    head.fit(dense[unsafe_rows], [categories[i] for i in unsafe_rows])
    order = [list(head.classes_).index(c) for c in CATEGORIES]
    model = Model(w_e, w_c, b, head.coef_[order], head.intercept_[order], 0.5, digest)
    threshold = choose_threshold(dev, model)
    model = Model(w_e, w_c, b, head.coef_[order], head.intercept_[order], threshold, digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        w_embedding=w_e.astype(np.float32),
        w_chars=w_c.astype(np.float32),
        bias=np.float32(b),
        category_w=model.category_w.astype(np.float32),
        category_b=model.category_b.astype(np.float32),
        categories=np.array(CATEGORIES),
        threshold=np.float64(threshold),
        data_hash=np.array(digest),
    )
    load_model.cache_clear()
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

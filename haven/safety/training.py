"""Train the learned layer of triage (``haven train-triage``) and measure triage honestly.

Deterministic: the same labelled data gives the same model. The labelled messages (``data/triage/``) are split
by hash (``labelled.py``): the model learns from train; the thresholds are chosen on dev, by running the whole
of triage (patterns, languages and model together) over it; held-out is never looked at here. Messages whose
label depends on earlier turns are measured by the conversation rules, not learned from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from haven.safety import classifier
from haven.safety.labelled import DATA_DIR, LEVELS, Labelled, data_hash, load_labelled, part

if TYPE_CHECKING:
    from haven.safety.neighbours import Neighbours

#: The turns of the conversation sets already read, for the neighbours' risk share (``benchmarks/read_turns.py``).
READ_TURNS = DATA_DIR.parent / "read_turns.yaml"
#: Dev bounds for choosing thresholds (the held-out figures are what gets reported): within them, all the
#: recall the model can give.
#: 0.05 is the issue's own bound: a missed crisis costs more than a false alarm, so recall takes all of it
MAX_FALSE_CRISIS = 0.05  # on messages labelled none
MAX_FALSE_CRISIS_ALL = 0.10  # on every message not labelled crisis (a question to learn, a past crisis told...)
MAX_FALSE_CONCERN = 0.04  # none read as concern: a check-in in place of an answer costs the person too
C_GRID = (2.0, 8.0)
#: the fine-tuned encoder's share of P(crisis) and P(risk) (``encoder.py``); 0.5 gave dev the best ranking
ENCODER_WEIGHT = 0.5


def only_haven_context(row: Labelled) -> bool:
    """A row the model can learn from: no context, or only Haven's question before it."""
    from haven.safety.conversation import is_haven

    return all(is_haven(c) for c in row.context)


def model_input(row: Labelled) -> str:
    """What the model reads for a labelled row: the whole text, as :func:`haven.safety.triage.read` builds it."""
    from haven.safety.patterns import model_sentences
    from haven.safety.triage import windows

    pieces = windows(model_sentences(row.text))
    return pieces[0] if pieces else row.text.lower()


def _fit(x, labels: Sequence[str], c: float, classes: Sequence[str]) -> classifier.Head:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(x, list(labels))
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # sklearn keeps one row for two classes: softmax([0, z]) is sigmoid(z)
        coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
        intercept = np.array([0.0, intercept[0]])
    order = [list(model.classes_).index(name) for name in classes if name in model.classes_]
    present = tuple(name for name in classes if name in model.classes_)
    return classifier.Head(present, coef[order].astype(np.float32), intercept[order].astype(np.float32))


def _log_loss(head: classifier.Head, x, labels: Sequence[str]) -> float:
    probs = head.probabilities(x)
    index = [head.classes.index(label) for label in labels]
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(index)), index], 1e-9, 1.0))))


@dataclass
class TrainingReport:
    """What training did, for the console and the model's metadata."""

    counts: dict[str, int]
    c: float
    thresholds: dict[str, float]
    dev: dict[str, float] = field(default_factory=dict)


def fit_heads(train_rows: list[Labelled], dev_rows: list[Labelled]) -> tuple[dict[str, classifier.Head], float]:
    """Fit the three heads on train; the regularisation C that gives dev the lowest level log-loss wins."""
    from haven.retrieval.embeddings import embed

    texts = [model_input(r) for r in train_rows + dev_rows]
    vectors = embed(texts)
    x_all = classifier.features(texts, vectors).matrix()
    x_train, x_dev = x_all[: len(train_rows)], x_all[len(train_rows) :]
    levels = [r.level for r in train_rows]
    best = None
    for c in C_GRID:
        head = _fit(x_train, levels, c, LEVELS)
        loss = _log_loss(head, x_dev, [r.level for r in dev_rows])
        if best is None or loss < best[0]:
            best = (loss, c, head)
    _, c, level_head = best
    crisis_head = _fit(
        x_train, ["crisis" if r.level == "crisis" else "none" for r in train_rows], c, ("none", "crisis")
    )
    risky = [i for i, r in enumerate(train_rows) if r.level != "none"]
    category = _fit(x_train[risky], [train_rows[i].category for i in risky], c, classifier_categories())
    audience = _fit(
        x_train[risky], [train_rows[i].audience for i in risky], c, ("self", "third_party", "learning")
    )
    return {"crisis": crisis_head, "level": level_head, "category": category, "audience": audience}, c


def classifier_categories() -> tuple[str, ...]:
    from haven.safety.labelled import CATEGORIES

    return CATEGORIES


def _dev_readings(rows: list[Labelled]):
    from haven.safety.triage import read

    return [read(r.text) for r in rows]


def choose_thresholds(rows: list[Labelled], readings, most_false_crisis: int | None = None) -> classifier.Thresholds:
    """Thresholds from dev: as much recall as a bounded false-alarm rate allows.

    crisis: the lowest P(crisis) thresholds (alone, and with a risk word) whose dev false-crisis rates stay
    within ``MAX_FALSE_CRISIS`` (on none) and ``MAX_FALSE_CRISIS_ALL`` (on none and concern), or, when given,
    within ``most_false_crisis`` messages labelled none (to compare two models at the same false alarms);
    concern: the same for none read as concern or crisis, within ``MAX_FALSE_CONCERN``;
    the mention floor: the highest that loses no dev crisis the patterns found.
    """
    from haven.safety.triage import decide

    crisis_rows = [i for i, r in enumerate(rows) if r.level == "crisis"]
    calm_rows = [i for i, r in enumerate(rows) if r.level != "crisis"]  # a false crisis on these is a false alarm
    none_rows = [i for i, r in enumerate(rows) if r.level == "none"]

    def rate(th: classifier.Thresholds, index: list[int], levels: set[str]) -> float:
        return sum(decide(readings[i], th).level in levels for i in index) / max(1, len(index))

    grid = [round(x, 3) for x in np.arange(0.05, 0.96, 0.01)]
    Th = classifier.Thresholds

    def in_bounds(th: classifier.Thresholds) -> bool:
        if most_false_crisis is not None:  # the same false alarms as another model on the same messages
            return rate(th, none_rows, {"crisis"}) * len(none_rows) <= most_false_crisis + 1e-9
        return (
            rate(th, none_rows, {"crisis"}) <= MAX_FALSE_CRISIS
            and rate(th, calm_rows, {"crisis"}) <= MAX_FALSE_CRISIS_ALL
        )

    crisis = min((t for t in grid if in_bounds(Th(t, 1.0))), default=grid[-1])
    # with a risk word, a lower P(crisis) may do: the lowest that keeps false alarms in bounds, best recall
    options = [
        (rate(Th(c, 1.0, 0.0, w), crisis_rows, {"crisis"}), -w, c, w)
        for c in grid[grid.index(crisis) :: 3]
        for w in grid[: grid.index(c) + 1 : 3]
        if in_bounds(Th(c, 1.0, 0.0, w))
    ]
    _, _, crisis, with_cue = max(options, default=(0, 0, crisis, crisis))
    concern = min(
        (
            t
            for t in grid
            if t <= crisis
            and rate(Th(crisis, t, 0.0, with_cue), none_rows, {"crisis", "concern"}) <= MAX_FALSE_CONCERN
        ),
        default=crisis,
    )
    base = rate(Th(crisis, concern, 0.0, with_cue), crisis_rows, {"crisis"})
    floor = max(
        (
            t
            for t in grid
            if t <= crisis and rate(Th(crisis, concern, t, with_cue), crisis_rows, {"crisis"}) >= base
        ),
        default=0.0,
    )
    return Th(crisis=crisis, concern=concern, mention_floor=floor, crisis_with_cue=with_cue)


#: Models averaged in with the main one (``classifier.AveragedModel``): each learns from the labelled files its
#: rule keeps. "before_long": everything but round 9's long ordinary messages, the model that reads short messages
#: best (docs/benchmarks.md, round 9b).
MEMBERS = {"before_long": lambda source: not source.startswith("round9_long_")}


def read_turns() -> list[tuple[str, str]]:
    """(text, level) of the turns of every conversation set already read (``data/read_turns.yaml``, gathered by
    ``benchmarks/read_turns.py``); none when the file is absent."""
    from haven.yaml_files import read_yaml

    if not READ_TURNS.exists():
        return []
    return [(row["text"], row["level"]) for row in read_yaml(READ_TURNS) or []]


def build_neighbours(write: bool = True, rows: list[Labelled] | None = None) -> Neighbours:
    """The neighbour vote's messages (``neighbours.py``): the main model's learnable train split, so the crisis
    share never sees a labelled dev or held-out message, and the read conversation sets' turns for the risk share;
    ``rows``: every labelled message, when already read; ``write`` saves ``models/triage_neighbours.npz``."""
    from haven.safety import neighbours
    from haven.safety.patterns import model_sentences
    from haven.safety.triage import windows

    rows = list(load_labelled()) if rows is None else rows
    train_rows = part("train", [r for r in rows if only_haven_context(r)])
    turns = read_turns()
    turn_texts = [(windows(model_sentences(text)) or [text.lower()])[0] for text, _ in turns]
    built = neighbours.build(
        [model_input(r) for r in train_rows] + turn_texts,
        [r.level for r in train_rows] + [level for _, level in turns],
        data_hash(rows),
        labelled=[True] * len(train_rows) + [False] * len(turns),
    )
    if write:
        built.save()
        neighbours.load_neighbours.cache_clear()
    return built


def train(write: bool = True, log=print, member: str | None = None) -> TrainingReport:
    """Fit on train, choose thresholds on dev, and (``write``) save ``models/triage.npz``, ``.json`` and
    ``triage_encoder.npz``; ``member``: the averaged-in model of that name, from its files only
    (``triage_<member>.npz``, ``.json``, ``triage_encoder_<member>.npz``)."""
    from haven.safety import encoder

    rows = list(load_labelled())
    if member is not None:
        rows = [r for r in rows if MEMBERS[member](r.source)]
    learnable = [r for r in rows if only_haven_context(r)]
    train_rows, dev_rows = part("train", learnable), part("dev", learnable)
    if member is None and write:
        log("neighbours for the second opinion (the train split's MiniLM vectors)")
        build_neighbours(rows=rows)
    log(f"linear heads on {len(train_rows)} train messages")
    heads, c = fit_heads(train_rows, dev_rows)
    log("encoder (the top layers of MiniLM, low-rank)")
    risk_encoder, adaptation = encoder.fit(
        [model_input(r) for r in train_rows], [r.level for r in train_rows], log
    )
    provisional = classifier.TriageModel(
        **heads,
        thresholds=classifier.Thresholds(0.5, 0.35, 0.0),
        data_hash=data_hash(rows),
        encoder_weight=ENCODER_WEIGHT,
    )
    classifier.use_model(provisional)
    encoder.use_encoder(risk_encoder)
    try:
        log(f"thresholds on {len(dev_rows)} dev messages")
        readings = _dev_readings(dev_rows)
    finally:
        classifier.use_model(None)
    thresholds = choose_thresholds(dev_rows, readings)
    model = classifier.TriageModel(
        **heads, thresholds=thresholds, data_hash=data_hash(rows), encoder_weight=ENCODER_WEIGHT
    )
    counts = dict(Counter(r.split for r in rows)) | {
        "learnable_train": len(train_rows),
        "learnable_dev": len(dev_rows),
    }
    report = TrainingReport(counts=counts, c=c, thresholds=vars(thresholds))
    classifier.load_model.cache_clear()
    if write:
        classifier.save_model(model, {"trained_on": counts, "C": c}, member=member)
        adaptation.save(encoder.ENCODER_FILE if member is None else classifier.MODEL_DIR / f"triage_encoder_{member}.npz")
        encoder.use_encoder(None)
        encoder.load_encoder.cache_clear()
    else:
        classifier.use_model(model)
    return report


def choose_average_thresholds(log=print, most_false_crisis: int | None = None, write: bool = True) -> classifier.Thresholds:
    """The averaged model's own thresholds (``average_with`` in the main model's metadata), chosen on dev as
    :func:`choose_thresholds` chooses one model's, after both members are trained (``haven train-triage`` and
    ``haven train-triage --member before_long``): the average reads differently from either member alone."""
    import json

    classifier.load_model.cache_clear()
    model = classifier.load_model()
    if not isinstance(model, classifier.AveragedModel):
        raise ValueError("the main model averages no other (no average_with in its metadata)")
    rows = [r for r in load_labelled() if only_haven_context(r)]
    dev_rows = part("dev", rows)
    log(f"averaged model: thresholds on {len(dev_rows)} dev messages")
    thresholds = choose_thresholds(dev_rows, _dev_readings(dev_rows), most_false_crisis)
    if write:
        meta = json.loads(classifier.META_FILE.read_text(encoding="utf-8"))
        meta["average_with"]["thresholds"] = vars(thresholds)
        classifier.META_FILE.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        classifier.load_model.cache_clear()
    return thresholds


@dataclass
class Measure:
    """Triage against labels on one set of messages."""

    n: int
    crisis_recall: float  # crisis messages read as crisis
    risk_recall: float  # concern or crisis messages read as concern or crisis
    false_crisis: float  # messages labelled none read as crisis
    false_crisis_all: float  # messages labelled none or concern read as crisis
    false_concern: float  # messages labelled none read as concern or crisis
    concern_as_crisis: float  # messages labelled concern read as crisis
    misses: list[tuple[str, str, str]]  # (text, label, got) for crisis read as less, and none read as crisis
    by_category: dict[str, tuple[int, float]]  # crisis recall by category
    by_audience: dict[str, tuple[int, float]]


def measure(rows: Sequence[Labelled]) -> Measure:
    """Run triage (with each row's context) over labelled rows and count."""
    from haven.safety.triage import triage

    got = [triage(r.text, context=list(r.context) or None).level for r in rows]

    def rate(index: list[int], ok: set[str]) -> float:
        return sum(got[i] in ok for i in index) / len(index) if index else float("nan")

    crisis = [i for i, r in enumerate(rows) if r.level == "crisis"]
    risky = [i for i, r in enumerate(rows) if r.level != "none"]
    none = [i for i, r in enumerate(rows) if r.level == "none"]
    concern = [i for i, r in enumerate(rows) if r.level == "concern"]
    misses = [(rows[i].text, rows[i].level, got[i]) for i in crisis if got[i] != "crisis"]
    misses += [(rows[i].text, rows[i].level, got[i]) for i in none + concern if got[i] == "crisis"]

    def grouped(key: str) -> dict[str, tuple[int, float]]:
        out = {}
        for name in sorted({getattr(rows[i], key) for i in crisis}):
            index = [i for i in crisis if getattr(rows[i], key) == name]
            out[name] = (len(index), rate(index, {"crisis"}))
        return out

    return Measure(
        n=len(rows),
        crisis_recall=rate(crisis, {"crisis"}),
        risk_recall=rate(risky, {"crisis", "concern"}),
        false_crisis=rate(none, {"crisis"}),
        false_crisis_all=rate(none + concern, {"crisis"}),
        false_concern=rate(none, {"crisis", "concern"}),
        concern_as_crisis=rate(concern, {"crisis"}),
        misses=misses,
        by_category=grouped("category"),
        by_audience=grouped("audience"),
    )

"""Everything a first start needs, done once before anyone waits for it: ``haven prepare``.

Why: on a fresh install the first page used to wait minutes while the library was embedded and the model
loaded inside the person's first visit. ``make run`` now runs this first, in the terminal with a progress bar:
it exports MiniLM and the adapted triage and guard encoders to ONNX graphs (``onnx_minilm.py``) and brings the
library index in step with the files. Each step is skipped when already done, so a second run takes seconds.
A step that fails is reported and the rest go on: the app has a fallback for each (torch instead of ONNX; the
chat without citations), and crisis help needs none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    label: str
    run: Callable[[], str]  # returns a short note of what it did


@dataclass(frozen=True)
class Outcome:
    label: str
    ok: bool
    note: str


def _language_model() -> str:
    from haven.retrieval.onnx_minilm import base_model

    base_model()
    return "ready"


def _triage_encoder() -> str:
    from haven.safety import classifier, encoder

    if not encoder.ENCODER_FILE.exists():
        return "not trained here (triage reads with its linear model and patterns)"
    try:
        # one reading through the whole model exports the graphs it reads with (for the averaged model, the one
        # graph its members share), here and not in the person's first message; a graph only a fallback would
        # read is not exported until it is needed
        classifier.current_model().predict(["warming up"])
    except classifier.ModelMissing:
        return "encoder ready; the linear model is not trained here (patterns still run)"
    return "ready"


def _guard_encoder() -> str:
    from haven.safety import guard

    return "ready" if guard.load_encoder() is not None else "not trained here (the guard reads without it)"


def _library_index() -> str:
    from haven.content.loader import load_default_library
    from haven.retrieval.index import ingest
    from haven.retrieval.search import build_library_search

    library = load_default_library()
    report = ingest(library)
    build_library_search(library=library)  # writes the snapshot that lets every later start skip Chroma
    return report.summary()


STEPS = (
    Step("language model", _language_model),
    Step("crisis triage model", _triage_encoder),
    Step("reply guard model", _guard_encoder),
    Step("library index", _library_index),
)


def prepare(steps: tuple[Step, ...] = STEPS, on_step: Callable[[Step], None] | None = None) -> list[Outcome]:
    """Run each step; a failure is recorded (and logged), never raised, so the next step still runs."""
    import logging

    outcomes = []
    for step in steps:
        if on_step is not None:
            on_step(step)
        try:
            outcomes.append(Outcome(step.label, True, step.run()))
        except Exception as error:  # noqa: BLE001 - each step has a fallback in the app; report and go on
            logging.getLogger(__name__).warning("prepare: %s failed", step.label, exc_info=True)
            outcomes.append(Outcome(step.label, False, f"{type(error).__name__}: {error}"))
    return outcomes

"""The guided exercise runner: a small state machine over an exercise's steps, saved at every move.

A run goes ``distress_before`` (only when the exercise rates distress) -> ``step`` 0..n-1 ->
``distress_after`` (again only when rated) -> ``ready`` -> ``finished``. Where the person is lives in the
database (``current_step`` plus which ratings are set), never only in memory, so they can leave at any point
and pick up on another day, on a fresh engine.

Every free-text answer goes through crisis triage *before* it is validated or saved; the answer is still
saved (nothing typed is lost) and the triage is handed back so the page can stop and show help.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from haven.content.models import Exercise, Step
from haven.exercises.answers import InvalidAnswer, clean_answer, clean_rating, free_texts, missing_answer
from haven.exercises.runs import RunRecord, create_run, get_run, update_run
from haven.storage.models import utcnow

if TYPE_CHECKING:  # pragma: no cover
    from haven.safety import Triage

TriageFn = Callable[[str, str], "Triage"]  # (the person's words, the step's question)


class Stage(StrEnum):
    DISTRESS_BEFORE = "distress_before"
    STEP = "step"
    DISTRESS_AFTER = "distress_after"
    READY = "ready"  # every step done; only finishing is left
    FINISHED = "finished"


class IncompleteStep(ValueError):
    """The current step still needs an answer; the message says what, in the person's terms."""


class WrongStage(RuntimeError):
    """An action that does not fit where the run is (e.g. finishing before the last step)."""


@dataclass(frozen=True)
class AnswerResult:
    """What happened to one answer: saved or not (and why not), and what triage found in its text."""

    saved: bool
    triage: Triage | None = None
    problem: str | None = None

    @property
    def crisis(self) -> bool:
        return self.triage is not None and self.triage.level == "crisis"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


def _safety_triage(text: str, question: str = "") -> Triage:
    """The app's crisis triage, reading an answer with the step's question ("Which change will you try
    first?" -> "Starting tonight" is a plan for sleep). Imported late so this module loads without the models."""
    from haven.safety import triage

    return triage(text, context=[f"haven: {question}"] if question else None)


class ExerciseSession:
    """One person working through one run of one exercise."""

    def __init__(
        self, engine: Engine, person: str, exercise: Exercise, run: RunRecord, triage: TriageFn | None = None
    ) -> None:
        if run.exercise_id != exercise.id:
            raise ValueError(f"run {run.id} is of '{run.exercise_id}', not '{exercise.id}'")
        self.engine = engine
        self.person = person
        self.exercise = exercise
        self._run = run
        self._triage = triage or _safety_triage

    # --- opening -----------------------------------------------------------------------------------

    @classmethod
    def start(
        cls, engine: Engine, person: str, exercise: Exercise, triage: TriageFn | None = None
    ) -> ExerciseSession:
        """A new run, saved straight away so it can be resumed even if nothing is answered yet."""
        return cls(engine, person, exercise, create_run(engine, person, exercise.id), triage)

    @classmethod
    def resume(
        cls, engine: Engine, person: str, exercise: Exercise, run_id: int, triage: TriageFn | None = None
    ) -> ExerciseSession:
        """Pick a saved run up exactly where it was left (or reopen a finished one to read or edit)."""
        return cls(engine, person, exercise, get_run(engine, person, run_id), triage)

    # --- where we are --------------------------------------------------------------------------------

    @property
    def run(self) -> RunRecord:
        return self._run

    @property
    def stage(self) -> Stage:
        run, rated = self._run, self.exercise.rate_distress
        if run.finished:
            return Stage.FINISHED
        if rated and run.distress_before is None and run.current_step == 0:
            return Stage.DISTRESS_BEFORE
        if run.current_step < len(self.exercise.steps):
            return Stage.STEP
        if rated and run.distress_after is None:
            return Stage.DISTRESS_AFTER
        return Stage.READY

    @property
    def step(self) -> Step | None:
        """The step to show now, or None outside the steps (ratings, finishing)."""
        return self.exercise.steps[self._run.current_step] if self.stage is Stage.STEP else None

    @property
    def progress(self) -> Progress:
        extra = 2 if self.exercise.rate_distress else 0
        total = len(self.exercise.steps) + extra
        stage = self.stage
        if stage is Stage.DISTRESS_BEFORE:
            done = 0
        elif stage is Stage.STEP:
            done = self._run.current_step + extra // 2
        elif stage is Stage.DISTRESS_AFTER:
            done = total - 1
        else:
            done = total
        return Progress(done, total)

    def answer_of(self, step_id: str) -> Any:
        return self._run.answers.get(step_id)

    def step_by_id(self, step_id: str) -> Step:
        for step in self.exercise.steps:
            if step.id == step_id:
                return step
        raise KeyError(f"'{self.exercise.id}' has no step '{step_id}'")

    # --- answering ------------------------------------------------------------------------------------

    def answer(self, step_id: str, value: Any) -> AnswerResult:
        """Triage the text in ``value``, then validate and save it. Works on finished runs too (editing)."""
        step = self.step_by_id(step_id)
        triage = self._worst_triage(free_texts(step, value), step.prompt)
        try:
            cleaned = clean_answer(step, value)
        except InvalidAnswer as exc:
            return AnswerResult(saved=False, triage=triage, problem=str(exc))
        self._save(answers={**self._run.answers, step.id: cleaned})
        return AnswerResult(saved=True, triage=triage)

    def update_answers(self, values: Mapping[str, Any]) -> dict[str, AnswerResult]:
        """Change several answers at once (editing a record). Only answers that differ from what is saved
        are triaged and written (unchanged text was triaged when it was first saved); results by step id."""
        return {
            step_id: self.answer(step_id, value)
            for step_id, value in values.items()
            if not self._unchanged(step_id, value)
        }

    def rate_distress_before(self, value: Any) -> None:
        self._save(distress_before=clean_rating(value))

    def rate_distress_after(self, value: Any) -> None:
        self._save(distress_after=clean_rating(value))

    def rate_helpful(self, helped: bool | None) -> None:
        """'Did this help?': +1 yes, -1 no, None to take the answer back."""
        self._save(helpful=None if helped is None else (1 if helped else -1))

    # --- moving ---------------------------------------------------------------------------------------

    def missing(self) -> str | None:
        """What the current step still needs before moving on, if anything."""
        stage = self.stage
        if stage is Stage.DISTRESS_BEFORE or stage is Stage.DISTRESS_AFTER:
            return "Choose a number on the scale."
        if stage is Stage.STEP:
            step = self.exercise.steps[self._run.current_step]
            return missing_answer(step, self.answer_of(step.id))
        return None

    def next(self) -> Stage:
        """Move past the current step once it is answered; :class:`IncompleteStep` says what is missing."""
        problem = self.missing()
        if problem:
            raise IncompleteStep(problem)
        if self.stage is Stage.STEP:
            self._save(current_step=self._run.current_step + 1)
        return self.stage

    def back(self) -> Stage:
        """One step back; the 'after' rating is asked again because it belongs after the last step."""
        stage = self.stage
        if stage is Stage.STEP and self._run.current_step > 0:
            self._save(current_step=self._run.current_step - 1)
        elif stage in (Stage.DISTRESS_AFTER, Stage.READY):
            self._save(current_step=len(self.exercise.steps) - 1, distress_after=None)
        return self.stage

    def complete(self) -> RunRecord:
        """Mark the run finished (after the last step and, when asked, the 'after' rating)."""
        if self.stage is not Stage.READY:
            raise WrongStage(f"cannot finish at stage '{self.stage.value}': {self.missing() or 'not ready'}")
        self._save(completed_at=utcnow())
        return self._run

    # --- internals ------------------------------------------------------------------------------------

    def _unchanged(self, step_id: str, value: Any) -> bool:
        try:
            return clean_answer(self.step_by_id(step_id), value) == self.answer_of(step_id)
        except InvalidAnswer:
            return False

    def _worst_triage(self, texts: list[str], question: str = "") -> Triage | None:
        """Triage each piece of text with the step's question; the first crisis wins, else the first result."""
        results = [self._triage(text, question) for text in texts]
        return next((r for r in results if r.level == "crisis"), results[0] if results else None)

    def _save(self, **changes: Any) -> None:
        self._run = update_run(self.engine, self.person, self._run.id, **changes)


def start_run(engine: Engine, person: str, exercise: Exercise, triage: TriageFn | None = None) -> ExerciseSession:
    return ExerciseSession.start(engine, person, exercise, triage)


def resume(
    engine: Engine, person: str, exercise: Exercise, run_id: int, triage: TriageFn | None = None
) -> ExerciseSession:
    return ExerciseSession.resume(engine, person, exercise, run_id, triage)

"""Guided exercises: choosing one, running it step by step with progress saved, and reading it back.

Plain Python (no Streamlit): the Exercises page, the chat service, reports and the CLI all use this.
"""

from haven.exercises.answers import InvalidAnswer, clean_answer, missing_answer
from haven.exercises.catalogue import approaches_used, filter_exercises, need_tags
from haven.exercises.runs import RunNotFound, RunRecord, delete_run, get_run, helpful_scores, list_runs
from haven.exercises.safety_plan import concern_help, crisis_help, latest_safety_plan
from haven.exercises.session import (
    AnswerResult,
    ExerciseSession,
    IncompleteStep,
    Progress,
    Stage,
    WrongStage,
    resume,
    start_run,
)
from haven.exercises.summary import SummaryItem, distress_change, render_summary, summary_markdown

__all__ = [
    "AnswerResult",
    "ExerciseSession",
    "IncompleteStep",
    "InvalidAnswer",
    "Progress",
    "RunNotFound",
    "RunRecord",
    "Stage",
    "SummaryItem",
    "WrongStage",
    "approaches_used",
    "clean_answer",
    "concern_help",
    "crisis_help",
    "delete_run",
    "distress_change",
    "filter_exercises",
    "get_run",
    "helpful_scores",
    "latest_safety_plan",
    "list_runs",
    "missing_answer",
    "need_tags",
    "render_summary",
    "resume",
    "start_run",
    "summary_markdown",
]

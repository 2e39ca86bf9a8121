"""``haven validate``: everything the loader finds wrong with the library, plus checks across files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from haven.content.loader import Library, Problem, load_library


@dataclass
class ValidationReport:
    library: Library
    problems: list[Problem]

    def summary(self) -> str:
        n_ex, n_ar = len(self.library.exercises), len(self.library.articles)
        if not self.problems:
            return f"ok: {n_ex} exercises and {n_ar} articles are valid"
        return f"{len(self.problems)} problem(s); {n_ex} exercises and {n_ar} articles loaded"


def validate_library(exercises_dir: Path | None = None, knowledge_dir: Path | None = None) -> ValidationReport:
    """Load the library (the configured one by default) and report every problem."""
    if exercises_dir is None or knowledge_dir is None:
        from haven.config import get_settings

        settings = get_settings()
        exercises_dir = exercises_dir or settings.exercises_dir
        knowledge_dir = knowledge_dir or settings.knowledge_dir
    library = load_library(exercises_dir, knowledge_dir)
    problems = list(library.problems)
    if not library.exercises and not library.articles and not problems:
        problems.append(Problem(exercises_dir, 1, "the library is empty: no exercises or articles found"))
    return ValidationReport(library=library, problems=problems)

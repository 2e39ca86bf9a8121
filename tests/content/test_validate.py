"""``haven validate`` names the file and line of each problem, and passes on the real library.

Each case writes a small library into a temp dir, breaks one thing, and checks that the problem points at the
line an author would have to fix (found by searching the file text, not hard-coded).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haven.config import get_settings
from haven.content.loader import Problem
from haven.content.validate import validate_library

GOOD_EXERCISE = """\
id: calm-down
title: Calm down
summary: A short exercise used to check the validator.
approach: relaxation
duration_minutes: 3
purpose: Helps you settle when things feel like too much.
when_it_helps:
  - I feel wound up
  - I cannot settle down
  - My heart is racing
rate_distress: true
steps:
  - kind: rating
    id: tension
    prompt: How tense do you feel right now?
  - kind: prompt
    id: notice
    prompt: What do you notice in your body?
references:
  - title: Breathing exercises for stress
    url: https://www.nhs.uk/mental-health/self-help/guides-tools-and-activities/breathing-exercises-for-stress/
    publisher: NHS
"""

GOOD_ARTICLE = """\
---
id: feeling-tense
title: Feeling tense
summary: What tension is and what can help you let it go.
tags: [stress]
related_exercises: [calm-down]
references:
  - title: Stress
    url: https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/feelings-and-symptoms/stress/
    publisher: NHS
---

Tension is common.

## What tension feels like

Tight shoulders, a clenched jaw and shallow breathing.

## When to get more help

Talk to a doctor if tension stays for weeks.
"""

PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+): (?P<message>.+)$")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle`` (the line an author would fix)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the sample")


def make_library(root: Path, exercises: dict[str, str] | None = None, articles: dict[str, str] | None = None):
    """Write ``exercises/<name>`` and ``knowledge/<name>`` files; return the two folders."""
    ex_dir, kn_dir = root / "exercises", root / "knowledge"
    ex_dir.mkdir(parents=True, exist_ok=True)
    kn_dir.mkdir(parents=True, exist_ok=True)
    for name, text in (exercises if exercises is not None else {"calm-down.yaml": GOOD_EXERCISE}).items():
        (ex_dir / name).write_text(text, encoding="utf-8")
    for name, text in (articles if articles is not None else {"feeling-tense.md": GOOD_ARTICLE}).items():
        (kn_dir / name).write_text(text, encoding="utf-8")
    return ex_dir, kn_dir


def problems_for(root: Path, **files) -> list[Problem]:
    return validate_library(*make_library(root, **files)).problems


def only_problem(problems: list[Problem], path_name: str) -> Problem:
    mine = [p for p in problems if p.path.name == path_name]
    assert len(mine) == 1, f"expected one problem in {path_name}, got {[str(p) for p in problems]}"
    return mine[0]


# --- the good samples really are good (so every failure below is caused by the one thing we broke) --------


def test_the_good_samples_validate(tmp_path: Path) -> None:
    report = validate_library(*make_library(tmp_path))
    assert report.problems == []
    assert set(report.library.exercises) == {"calm-down"}
    assert set(report.library.articles) == {"feeling-tense"}
    assert report.summary().startswith("ok:")


# --- each kind of problem, at the right line ---------------------------------------------------------------


def test_exercise_with_empty_references(tmp_path: Path) -> None:
    text = GOOD_EXERCISE.split("references:")[0] + "references: []\n"
    problem = only_problem(problems_for(tmp_path, exercises={"calm-down.yaml": text}), "calm-down.yaml")
    assert problem.line == line_of(text, "references: []")
    assert problem.message.startswith("references:")
    assert "at least 1" in problem.message


def test_article_with_empty_references(tmp_path: Path) -> None:
    front, body = GOOD_ARTICLE.split("references:")[0], GOOD_ARTICLE.split("---\n", 2)[2]
    text = front + "references: []\n---\n" + body
    problem = only_problem(problems_for(tmp_path, articles={"feeling-tense.md": text}), "feeling-tense.md")
    assert problem.line == line_of(text, "references: []")
    assert problem.message.startswith("references:")


def test_duplicate_id_in_two_exercise_files(tmp_path: Path) -> None:
    # calm-down.yaml and calm-down.yml: both load (the stem matches), so the id is claimed twice
    problems = problems_for(tmp_path, exercises={"calm-down.yaml": GOOD_EXERCISE, "calm-down.yml": GOOD_EXERCISE})
    problem = only_problem(problems, "calm-down.yml")
    assert problem.line == line_of(GOOD_EXERCISE, "id: calm-down")
    assert "duplicate id 'calm-down'" in problem.message
    assert "calm-down.yaml" in problem.message  # says which file already has it


def test_duplicate_id_shared_by_an_exercise_and_an_article_points_at_the_articles_id_line(tmp_path: Path) -> None:
    article = GOOD_ARTICLE.replace("id: feeling-tense", "id: calm-down").replace("[calm-down]", "[]")
    problems = problems_for(tmp_path, articles={"calm-down.md": article})
    problem = only_problem(problems, "calm-down.md")
    assert "duplicate id 'calm-down'" in problem.message
    assert problem.line == line_of(article, "id: calm-down")


def test_unknown_related_exercise_points_at_the_related_exercises_line(tmp_path: Path) -> None:
    article = GOOD_ARTICLE.replace("[calm-down]", "[calm-down, no-such-exercise]")
    problem = only_problem(problems_for(tmp_path, articles={"feeling-tense.md": article}), "feeling-tense.md")
    assert "unknown exercise 'no-such-exercise'" in problem.message
    assert problem.line == line_of(article, "related_exercises:")


def test_exercise_id_that_is_not_the_file_stem(tmp_path: Path) -> None:
    problem = only_problem(problems_for(tmp_path, exercises={"calm.yaml": GOOD_EXERCISE}), "calm.yaml")
    assert problem.line == line_of(GOOD_EXERCISE, "id: calm-down")
    assert problem.message == "id 'calm-down' must match the file name 'calm'"


def test_article_id_that_is_not_the_file_stem(tmp_path: Path) -> None:
    problem = only_problem(problems_for(tmp_path, articles={"tension.md": GOOD_ARTICLE}), "tension.md")
    assert problem.line == line_of(GOOD_ARTICLE, "id: feeling-tense")
    assert problem.message == "id 'feeling-tense' must match the file name 'tension'"


def test_step_of_unknown_kind(tmp_path: Path) -> None:
    text = GOOD_EXERCISE.replace("kind: prompt", "kind: slider")
    problem = only_problem(problems_for(tmp_path, exercises={"calm-down.yaml": text}), "calm-down.yaml")
    assert problem.line == line_of(text, "kind: slider")
    assert "unknown step kind 'slider'" in problem.message
    assert "prompt, rating, timer, choice, list" in problem.message


@pytest.mark.parametrize("bad_field", ["max: 12", "min: -1", "default: 11"])
def test_rating_outside_0_to_10(tmp_path: Path, bad_field: str) -> None:
    text = GOOD_EXERCISE.replace(
        "    prompt: How tense do you feel right now?\n",
        f"    prompt: How tense do you feel right now?\n    {bad_field}\n",
    )
    problem = only_problem(problems_for(tmp_path, exercises={"calm-down.yaml": text}), "calm-down.yaml")
    # the whole step is what is wrong (its range), so the problem names the step's first line
    assert problem.line == line_of(text, "kind: rating")
    assert problem.message.startswith("steps.0:")
    assert "0-10" in problem.message or "outside" in problem.message


def test_broken_yaml_in_an_exercise(tmp_path: Path) -> None:
    text = GOOD_EXERCISE.replace("title: Calm down", "title: Calm: down: now")
    problem = only_problem(problems_for(tmp_path, exercises={"calm-down.yaml": text}), "calm-down.yaml")
    assert problem.line == line_of(text, "title: Calm: down: now")
    assert problem.message.startswith("not valid YAML:")


def test_broken_yaml_in_an_article_front_matter(tmp_path: Path) -> None:
    text = GOOD_ARTICLE.replace("tags: [stress]", "tags: [stress")
    problem = only_problem(problems_for(tmp_path, articles={"feeling-tense.md": text}), "feeling-tense.md")
    assert problem.message.startswith("not valid YAML:")
    # an unclosed list is noticed where the next key starts; it must point inside the front matter, near the break
    assert line_of(text, "tags: [stress") <= problem.line <= line_of(text, "related_exercises:")


def test_article_with_no_sections(tmp_path: Path) -> None:
    front = GOOD_ARTICLE.split("## ")[0]
    text = front.rstrip() + "\nJust an intro, no headings.\n"
    problem = only_problem(problems_for(tmp_path, articles={"feeling-tense.md": text}), "feeling-tense.md")
    closing = [i for i, line in enumerate(text.splitlines(), start=1) if line == "---"][1]
    assert problem.line == closing + 1  # the first line of the body, where a section should start
    assert "at least one '## ' section" in problem.message


def test_every_problem_is_path_line_message(tmp_path: Path) -> None:
    broken = {
        "calm-down.yaml": GOOD_EXERCISE.replace("kind: prompt", "kind: slider"),
        "other.yaml": GOOD_EXERCISE.replace("id: calm-down", "id: other").replace("title: Calm down", "title: a: b"),
    }
    problems = problems_for(tmp_path, exercises=broken)
    assert {p.path.name for p in problems} >= {"calm-down.yaml", "other.yaml"}
    for problem in problems:
        match = PROBLEM_LINE.match(str(problem))
        assert match, str(problem)
        assert Path(match["path"]).exists()
        assert 1 <= int(match["line"]) <= len(Path(match["path"]).read_text().splitlines())


# --- through the command line ------------------------------------------------------------------------------


def run_validate(monkeypatch: pytest.MonkeyPatch, library_dir: Path):
    from haven.cli import app

    monkeypatch.setenv("HAVEN_LIBRARY_DIR", str(library_dir))
    get_settings.cache_clear()
    return CliRunner().invoke(app, ["validate"])


def test_cli_validate_prints_path_line_message_and_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unknown_kind = GOOD_EXERCISE.replace("kind: prompt", "kind: slider")
    no_sections = GOOD_ARTICLE.split("## ")[0]
    broken_yaml = GOOD_EXERCISE.replace("id: calm-down", "id: broken").replace("title: Calm down", "title: a: b")
    make_library(
        tmp_path,
        exercises={"calm-down.yaml": unknown_kind, "broken.yaml": broken_yaml},
        articles={"feeling-tense.md": no_sections},
    )
    result = run_validate(monkeypatch, tmp_path)

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    parsed = [PROBLEM_LINE.match(line) for line in lines]
    assert all(parsed), lines
    found = {(Path(m["path"]).name, int(m["line"])) for m in parsed}
    assert ("calm-down.yaml", line_of(unknown_kind, "kind: slider")) in found
    assert ("broken.yaml", line_of(broken_yaml, "title: a: b")) in found
    assert any(name == "feeling-tense.md" for name, _ in found)
    assert "problem(s)" in result.stderr


def test_cli_validate_passes_a_good_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_library(tmp_path)
    result = run_validate(monkeypatch, tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == ""
    assert "ok: 1 exercises and 1 articles are valid" in result.stderr


# --- the real library --------------------------------------------------------------------------------------


def test_real_library_has_no_problems() -> None:
    """Fails while exercises named in related_exercises are still being written; passes once they exist."""
    report = validate_library()
    assert report.library.articles, "the real library has no articles"
    assert [str(p) for p in report.problems] == []

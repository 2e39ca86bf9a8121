"""The ``haven score`` command: JSON on stdout, exit 2 with a plain message on bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from haven.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["score", *args])


def test_prints_the_json_contract():
    result = run("phq9", "1", "1", "1", "1", "1", "1", "1", "1", "0")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"instrument": "phq9", "total": 8, "band": "mild", "crisis": False}


def test_who5_total_is_the_percentage():
    result = run("who5", "3", "3", "3", "3", "2")
    assert json.loads(result.stdout) == {
        "instrument": "who5",
        "total": 56,
        "band": "good wellbeing",
        "crisis": False,
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (["gad7", "1", "2"], "GAD-7 has 7 questions; got 2"),
        (["phq9", *["0"] * 8, "4"], "answer 9 is 4"),
        (["phq9", *["0"] * 8, "-1"], "answer 9 is -1"),
        (["who5", "a", "1", "1", "1", "1"], "answer 1 is 'a'"),
        (["bdi", "1"], "unknown questionnaire"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_item_9_answer_is_flagged_as_crisis_with_help_on_stderr(fake_safety):
    result = run("phq9", *["0"] * 8, "1")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["crisis"] is True
    assert "FAKE CRISIS RESPONSE" in result.stderr


def test_save_keeps_the_result(data_dir):
    from haven.storage.db import DEFAULT_PERSON, get_engine
    from haven.tracking.assessments import assessment_history

    result = run("gad7", "2", "2", "2", "2", "2", "2", "2", "--save")
    assert result.exit_code == 0, result.output
    (saved,) = assessment_history(get_engine(), DEFAULT_PERSON)
    assert (saved.instrument, saved.total, saved.band) == ("gad7", 14, "moderate")


def test_item_9_crisis_prints_the_real_help_lines(data_dir, monkeypatch):
    from haven.config import get_settings

    monkeypatch.setenv("HAVEN_REGION", "US")
    get_settings.cache_clear()
    result = run("phq9", *["0"] * 8, "3")
    assert json.loads(result.stdout) == {"instrument": "phq9", "total": 3, "band": "minimal", "crisis": True}
    assert "988" in result.stderr and "911" in result.stderr

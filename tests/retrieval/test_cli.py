"""The stable CLI contract of `haven search` and `haven ingest`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from haven.cli import app

runner = CliRunner()


def test_search_jsonl_contract(library_search):
    stdin = '{"query": "I lie awake every night"}\n\n{"query": "I snap at people I love"}\n'
    result = runner.invoke(app, ["search", "--jsonl", "--k", "3"], input=stdin)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["I lie awake every night", "I snap at people I love"]
    for line in lines:
        assert set(line) == {"query", "hits", "ms"} and line["ms"] >= 0
        assert len(line["hits"]) == 3
        for hit in line["hits"]:
            assert set(hit) == {"id", "title", "kind", "section", "source", "score", "passage", "why"}
    assert lines[0]["hits"][0]["id"] in {"sleep-hygiene", "sleep-and-mood"}


def test_search_json_and_text(library_search):
    result = runner.invoke(app, ["search", "what is CBT", "--json", "--k", "2"])
    data = json.loads(result.stdout)
    assert data["hits"][0]["id"] == "what-is-cbt"
    text = runner.invoke(app, ["search", "what is CBT"])
    assert "[1]" in text.stdout and "knowledge/what-is-cbt.md" in text.stdout


def test_search_jsonl_rejects_a_bad_line(library_search):
    result = runner.invoke(app, ["search", "--jsonl"], input="not json\n")
    assert result.exit_code == 2
    assert "stdin line 1" in result.output


def test_ingest_reports_nothing_to_do_when_current(library_search):
    """A second ingest finds nothing to do. The first brings the index of this process's settings in step: the
    searcher a fixture built may have been made, and cached, under another test's data dir (which files run on a
    worker before this one varies with the suite; once, in CI, the first ingest here added all 41 documents)."""
    first = runner.invoke(app, ["ingest"])
    assert first.exit_code == 0, first.output
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 0
    assert "0 added, 0 updated, 0 removed" in result.stdout

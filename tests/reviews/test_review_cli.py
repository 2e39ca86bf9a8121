"""``haven review``: export a conversation, review a file reply by reply, and print the summary."""

from __future__ import annotations

import json

import yaml
from typer.testing import CliRunner

from haven.cli import app
from haven.reviews import ConversationExport
from haven.reviews.store import stored_reviews

runner = CliRunner()


def test_export_review_and_summary(engine, conversation_id, reviewed, tmp_path):
    exported = tmp_path / "conversation.json"
    result = runner.invoke(app, ["review", "--export", str(conversation_id), "--out", str(exported)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"written": str(exported), "turns": 4}
    assert ConversationExport.from_json(exported.read_text()).conversation_id == conversation_id

    # reply 1: unhelpful, with an approved better reply; reply 2: skipped
    answers = "u\nToo brief.\nLying awake before an exam is hard. What helps you wind down?\ny\ns\n"
    result = runner.invoke(app, ["review", str(exported), "--reviewer", "Dr Sam Example"], input=answers)
    assert result.exit_code == 0, result.output
    assert "PERSON: I can't sleep before my exams" in result.output and "Reply 2 of 2" in result.output
    saved = json.loads(result.stdout.strip().splitlines()[-1])
    assert saved == {"saved": "database", "review": 1, "turns": 1}
    assert not reviewed.exists()  # the person's words stay in their database, not in the library
    (stored,) = stored_reviews(engine)
    data = stored.review.model_dump(mode="json")
    assert data["reviewer"] == "Dr Sam Example" and data["conversation_id"] == conversation_id
    assert data["turns"] == [{
        "user_message": "I can't sleep before my exams",
        "original_reply": "That sounds hard. A **sleep reset plan** may help [1].", "verdict": "unhelpful",
        "comment": "Too brief.", "better_reply": "Lying awake before an exam is hard. What helps you wind down?",
        "approved": True,
    }]  # fmt: skip

    result = runner.invoke(app, ["review", "--summary"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "files": 1, "turns_reviewed": 1, "helpful": 0, "unhelpful": 1, "unsafe": 0, "unsafe_share": 0.0,
        "approved_replies": 1, "problems": 0,
    }  # fmt: skip

    result = runner.invoke(app, ["review", "--publish", "1", "--yes"])
    assert result.exit_code == 0, result.output
    published = json.loads(result.stdout)
    assert published["pairs"] == 1 and published["published"].startswith(str(reviewed))
    data = yaml.safe_load(open(published["published"], encoding="utf-8"))
    assert "conversation_id" not in data or data["conversation_id"] is None
    assert [t["comment"] for t in data["turns"]] == [""]  # the reviewer's comment stays private


def test_an_unsafe_verdict_without_a_comment_is_not_saved(engine, conversation_id, reviewed, tmp_path):
    exported = tmp_path / "conversation.json"
    runner.invoke(app, ["review", "--export", str(conversation_id), "--out", str(exported)])
    result = runner.invoke(app, ["review", str(exported), "--reviewer", "Dr Sam"], input="x\n\n\ns\n")
    assert result.exit_code == 1
    assert "reply 2: comment: a reply marked unsafe needs a comment saying why" in result.stderr
    assert not reviewed.exists() or not list(reviewed.iterdir())
    assert stored_reviews(engine) == []


def test_a_file_that_is_not_an_export_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}')
    result = runner.invoke(app, ["review", str(bad), "--reviewer", "Dr Sam"])
    assert result.exit_code == 2 and "not a Haven conversation export" in result.stderr

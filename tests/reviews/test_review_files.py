"""Review files: made from marks, saved readably, and checked with path:line: message problems."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from haven.reviews import Review, export_conversation, reviewed_dir, save_review, validate_reviews
from haven.reviews.files import load_reviews, review_slug, slugify
from haven.reviews.models import ReviewInvalid, TurnMark, Verdict, make_review

ROOT = Path(__file__).resolve().parents[2]

GOOD = """\
reviewer: Dr Sam Example
reviewed_on: 2025-03-02
conversation_id: 7
turns:
  - user_message: I can't sleep before my exams
    original_reply: That sounds hard.
    verdict: unhelpful
    comment: Too short.
    better_reply: |
      Lying awake before an exam is exhausting.
      What usually goes through your mind?
    approved: true
  - user_message: thanks
    original_reply: You're welcome.
    verdict: helpful
"""

BAD = """\
reviewer: Dr Sam Example
reviewed_on: 2025-03-02
turns:
  - user_message: I can't sleep before my exams
    original_reply: That sounds hard.
    verdict: great
    approved: false
  - user_message: thanks
    original_reply: You're welcome.
    verdict: unsafe
    approved: true
    mood: 3
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_reviewed_dir_comes_from_the_environment_in_tests(reviewed):
    assert reviewed_dir() == reviewed
    assert ROOT / "knowledge" / "reviewed" != reviewed


def test_a_good_file_loads_and_a_bad_one_reports_each_problem_at_its_line(reviewed):
    write(reviewed, "2025-03-02-dr-sam-example-conversation-7.yaml", GOOD)
    bad = write(reviewed, "2025-03-02-broken.yaml", BAD)
    write(reviewed, "README.md", "# not a review\n")
    loaded, problems = load_reviews(reviewed)
    assert [item.review.reviewer for item in loaded] == ["Dr Sam Example"]
    assert loaded[0].review.turns[0].better_reply == (
        "Lying awake before an exam is exhausting.\nWhat usually goes through your mind?"
    )
    assert [str(p) for p in problems] == [
        f"{bad}:6: turns.0.verdict: Input should be 'helpful', 'unhelpful' or 'unsafe'",
        f"{bad}:8: turns.1.comment: Value error, a reply marked unsafe needs a comment saying why",
        f"{bad}:11: turns.1.approved: Value error, approved is true but there is no better_reply to approve",
        f"{bad}:12: turns.1.mood: unknown field",
    ]
    assert validate_reviews(reviewed) == problems


def test_yaml_errors_and_file_names_are_problems_too(reviewed):
    broken = write(reviewed, "2025-03-02-unclosed.yaml", "reviewer: Dr X\nturns: [\n")
    misnamed = write(reviewed, "My Review.yaml", GOOD)
    problems = {p.path: p for p in validate_reviews(reviewed)}
    assert problems[broken].message.startswith("not valid YAML") and problems[broken].line == 3
    assert problems[misnamed].message == "file name 'My Review' must be lowercase words joined by hyphens"
    assert validate_reviews(reviewed / "missing") == []


def test_the_example_in_the_repository_is_valid_and_approves_nothing():
    folder = ROOT / "knowledge" / "reviewed"
    assert validate_reviews(folder) == []
    loaded, _ = load_reviews(folder)
    assert loaded and all(turn.usable_reply is None for item in loaded for turn in item.review.turns)


def test_make_review_and_save_it_readably(engine, conversation_id, reviewed):
    exported = export_conversation(engine, conversation_id)
    marks = {
        1: TurnMark(Verdict.UNHELPFUL, "Too brief.", "Lying awake before an exam is hard.\nWhat helps?", True)
    }
    review = make_review(exported, "Dr Zoë Åberg", marks, reviewed_on=date(2025, 3, 2))
    assert review_slug(review) == f"2025-03-02-dr-zoe-aberg-conversation-{conversation_id}"
    path = save_review(review)
    assert path.parent == reviewed and path.name == f"{review_slug(review)}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "better_reply: |-\n    Lying awake before an exam is hard.\n    What helps?\n" in text
    assert "reviewer: Dr Zoë Åberg" in text
    data = yaml.safe_load(text)
    assert data["turns"] == [{
        "user_message": "I can't sleep before my exams",
        "original_reply": "That sounds hard. A **sleep reset plan** may help [1].",
        "verdict": "unhelpful", "comment": "Too brief.",
        "better_reply": "Lying awake before an exam is hard.\nWhat helps?", "approved": True,
    }]  # fmt: skip
    assert Review.model_validate(data) == review
    second = save_review(review)  # never over an earlier review
    assert second.name == f"{review_slug(review)}-2.yaml" and path.read_text(encoding="utf-8") == text
    assert validate_reviews() == []


def test_make_review_says_which_reply_is_wrong(engine, conversation_id):
    exported = export_conversation(engine, conversation_id)
    with pytest.raises(ReviewInvalid) as caught:
        make_review(exported, "Dr Sam", {3: TurnMark(Verdict.UNSAFE), 1: TurnMark(Verdict.HELPFUL, approved=True)})
    assert caught.value.messages == [
        "reply 2: approved: approved is true but there is no better_reply to approve",
        "reply 4: comment: a reply marked unsafe needs a comment saying why",
    ]
    with pytest.raises(ReviewInvalid, match="reviewer"):
        make_review(exported, "", {1: TurnMark(Verdict.HELPFUL)})


def test_slugify_keeps_only_lowercase_ascii_words():
    assert slugify("  Dr. O'Brien (CBT)  ") == "dr-o-brien-cbt"

"""Approved better replies for messages close to reviewed ones, and only those.

Similarities (all-MiniLM-L6-v2) measured when the threshold was chosen, against the reviewed message
"I can't sleep the night before my exams because I keep worrying I'll fail":
paraphrase 0.926, near miss "I'm worried about my exam results coming out next week" 0.596, unrelated 0.073.
"""

from __future__ import annotations

import pytest
from review_helpers import turn, write_review

from haven.reviews import MATCH_THRESHOLD, ReviewedReplies

REVIEWED = "I can't sleep the night before my exams because I keep worrying I'll fail"
PARAPHRASE = "I can't get to sleep before an exam because I worry I'm going to fail it"
NEAR_MISS = "I'm worried about my exam results coming out next week"
UNRELATED = "What's a good recipe for banana bread?"
BETTER = "Lying awake before an exam, with your mind on failing, is exhausting. When is your next exam?"


def test_the_threshold_is_pinned():
    assert MATCH_THRESHOLD == 0.80


def test_a_paraphrase_matches_and_gets_the_approved_reply(reviewed):
    write_review(reviewed, "a", turn(REVIEWED, "unhelpful", BETTER, True))
    replies = ReviewedReplies.load()
    found = replies.match(PARAPHRASE)
    assert found is not None and found.text == BETTER and found.user_message == REVIEWED
    assert found.similarity >= MATCH_THRESHOLD and found.reviewer == "Dr Sam Example"
    assert found.source == reviewed / "a.yaml"
    assert replies.match(REVIEWED).similarity == pytest.approx(1.0, abs=1e-4)


def test_an_unrelated_message_and_a_near_miss_do_not_match(reviewed):
    write_review(reviewed, "a", turn(REVIEWED, "helpful", BETTER, True))
    replies = ReviewedReplies.load()
    assert replies.match(UNRELATED) is None
    assert replies.match(NEAR_MISS) is None
    (near,) = replies.similarities(NEAR_MISS)
    assert 0.5 < near < MATCH_THRESHOLD  # close in topic: a lower bar would have matched it
    assert ReviewedReplies.load(threshold=0.5).match(NEAR_MISS) is not None


def test_only_approved_replies_from_helpful_or_unhelpful_turns_are_used(reviewed):
    write_review(
        reviewed, "a",
        turn(REVIEWED, "unsafe", "An approved reply on an unsafe turn", True, comment="Gave false hope."),
        turn(PARAPHRASE, "unhelpful", "A reply nobody approved", False),
        turn("I feel nervous before presentations at work", "helpful", "Presentations reply", True),
    )  # fmt: skip
    replies = ReviewedReplies.load()
    assert [r.text for r in replies.replies] == ["Presentations reply"]
    assert replies.match(REVIEWED) is None and replies.match(PARAPHRASE) is None
    assert replies.match("Presentations at work make me really anxious").text == "Presentations reply"


def test_invalid_files_are_skipped_and_the_newest_review_wins_a_tie(reviewed):
    write_review(reviewed, "old", turn(REVIEWED, "unhelpful", "Older reply", True), on="2024-01-01")
    write_review(reviewed, "new", turn(REVIEWED, "unhelpful", "Newer reply", True), on="2025-01-01")
    (reviewed / "broken.yaml").write_text("reviewer: x\n")
    assert ReviewedReplies.load().match(REVIEWED).text == "Newer reply"


def test_no_reviews_means_no_match_and_no_model(reviewed, monkeypatch):
    import haven.retrieval.embeddings as embeddings

    monkeypatch.setattr(embeddings, "embed_one", lambda text: pytest.fail("the model was used"))
    replies = ReviewedReplies.load()
    assert len(replies) == 0 and replies.match(PARAPHRASE) is None

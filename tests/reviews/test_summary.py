"""How many replies were reviewed and what share was marked unsafe."""

from __future__ import annotations

from review_helpers import turn, write_review

from haven.reviews import review_summary


def test_summary_counts_turns_verdicts_and_approved_replies(reviewed):
    write_review(reviewed, "a", turn("one", "helpful", "", False), turn("two", "unsafe", "Better", True),
                 turn("three", "unhelpful", "Better three", True))  # fmt: skip
    write_review(reviewed, "b", turn("four", "unsafe", "", False), on="2025-04-01")
    (reviewed / "broken.yaml").write_text("reviewer: x\n")
    summary = review_summary()
    assert (summary.files, summary.turns_reviewed, summary.problems) == (2, 4, 1)
    assert (summary.helpful, summary.unhelpful, summary.unsafe) == (1, 1, 2)
    assert summary.unsafe_share == 0.5
    assert summary.approved_replies == 1  # the approved reply on the unsafe turn is never used
    assert summary.as_json()["unsafe_share"] == 0.5
    assert summary.sentence == (
        "4 replies reviewed in 2 file(s): 1 helpful, 1 unhelpful, 2 unsafe (50%); 1 approved better replies."
    )


def test_an_empty_folder_is_all_zeros(reviewed):
    summary = review_summary()
    assert (summary.turns_reviewed, summary.unsafe_share) == (0, 0.0)
    assert summary.sentence == "No replies have been reviewed yet."

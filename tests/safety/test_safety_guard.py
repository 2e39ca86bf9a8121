"""The guard on generated text: an adversarial set is replaced, good CBT replies pass unchanged."""

from __future__ import annotations

from haven.safety import check_output
from haven.safety.guard import safe_reply


def _bad(guard_cases) -> list[tuple[str, str | None, str]]:
    rows = []
    for reason, items in guard_cases["bad"].items():
        for item in items:
            rows.append(tuple(item) if reason == "with_context" else (item, None, reason))
    return rows


def test_the_adversarial_set_has_at_least_forty_replies(guard_cases):
    assert len(_bad(guard_cases)) >= 40
    assert len(guard_cases["good"]) >= 20


def test_every_bad_reply_is_replaced_and_the_reason_recorded(guard_cases):
    let_through = []
    for reply, context, reason in _bad(guard_cases):
        result = check_output(reply, context)
        if result.safe or reason not in result.reasons or result.text == reply:
            let_through.append((reply, reason, result.reasons))
    assert let_through == []


def test_good_replies_pass_unchanged(guard_cases):
    blocked = []
    for reply in guard_cases["good"]:
        result = check_output(reply)
        if not result.safe or result.text != reply or result.reasons:
            blocked.append((reply, result.reasons))
    assert blocked == []


def test_the_safe_reply_is_warm_and_points_to_help():
    for reason in ("method_or_means", "diagnosis", "cure_promise", "medication_advice", "weight_loss"):
        text = safe_reply(reason)
        assert "988" in text and "911" in text  # default region US
        assert "not able" in text or "can't" in text
    assert "doctor" in safe_reply("medication_advice")
    assert "GP" in safe_reply("diagnosis")


def test_neutral_medication_talk_passes_even_with_context():
    context = "I'm nervous about starting sertraline"
    reply = "That's a common worry. Your doctor can talk you through what to expect."
    assert check_output(reply, context).safe


def test_empty_reply_is_safe():
    assert check_output("").safe

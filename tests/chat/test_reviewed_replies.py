"""Clinician-reviewed replies in the chat: used when a message is close to a reviewed one, after triage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from haven.chat.service import ChatService
from haven.retrieval.embeddings import embed
from haven.reviews import ReviewedReplies, ReviewedReply

BETTER = (
    "It sounds like the nights have been really hard. A steady wind-down routine often helps more than "
    "forcing sleep. Would you like to try a short body scan tonight?"
)


def _reviewed() -> ReviewedReplies:
    reviewed = "I lie awake every night and my thoughts keep racing"
    reply = ReviewedReply(BETTER, reviewed, "Dr A. Reviewer", date(2026, 11, 20), Path("review.yaml"))
    return ReviewedReplies([reply], embed([reviewed]))


def test_a_close_message_gets_the_clinicians_reply_marked_as_reviewed(db, library, searcher, understander):
    service = ChatService(searcher, library, db, understander=understander, reviewed=_reviewed())
    reply = service.respond("me", "Every night I lie awake and my thoughts keep racing round")
    assert reply.text == BETTER
    assert "clinician-reviewed" in reply.notice and "Dr A. Reviewer" in reply.notice
    assert reply.engine.endswith("(clinician-reviewed)")


def test_an_unrelated_message_gets_the_guides_own_reply(db, library, searcher, understander):
    service = ChatService(searcher, library, db, understander=understander, reviewed=_reviewed())
    reply = service.respond("me", "I keep snapping at my partner over small things")
    assert reply.text != BETTER and not reply.notice


def test_triage_still_runs_first(db, library, searcher, understander):
    service = ChatService(searcher, library, db, understander=understander, reviewed=_reviewed())
    reply = service.respond("me", "I lie awake every night wishing I could sleep and never wake up")
    assert reply.level == "crisis" and reply.text != BETTER

"""Conversations kept per profile, the thread picked up next time, and suggestions ranked by what helped."""

from __future__ import annotations

from datetime import timedelta

from haven.chat import memory, store
from haven.retrieval.types import Hit
from haven.storage.db import get_or_create_person, session_scope
from haven.storage.models import Conversation, ExerciseRun, utcnow


def _run(db, exercise_id, *, helpful=None, before=None, after=None, days_ago=0.0, person="me"):
    with session_scope(db) as session:
        owner = get_or_create_person(session, person)
        at = utcnow() - timedelta(days=days_ago)
        session.add(
            ExerciseRun(
                person_id=owner.id,
                exercise_id=exercise_id,
                started_at=at,
                completed_at=at,
                answers={},
                helpful=helpful,
                distress_before=before,
                distress_after=after,
            )
        )


def _age(db, conversation_id, days):
    with session_scope(db) as session:
        session.get(Conversation, conversation_id).started_at = utcnow() - timedelta(days=days)


def test_conversations_are_listed_per_profile_and_deleted(db):
    mine = store.create_conversation(db, "me")
    store.save_turn(db, "me", mine, "user", "I can't sleep at all these days, it's awful")
    store.save_turn(db, "me", mine, "assistant", "That sounds hard.")
    theirs = store.create_conversation(db, "demo")
    listed = store.list_conversations(db, "me")
    assert [c.id for c in listed] == [mine] and listed[0].turns == 2
    assert listed[0].title.startswith("I can't sleep")
    assert [c.id for c in store.list_conversations(db, "demo")] == [theirs]
    store.delete_conversation(db, "me", mine)
    assert store.list_conversations(db, "me") == []
    assert store.list_conversations(db, "demo")  # someone else's stays


def test_a_crisis_message_is_not_used_as_a_title():
    assert store.title_for("I want to end it all", "crisis") == "A hard moment"


def test_recap_names_last_topics_and_exercises_tried_since(service, db):
    first = service.respond("me", "I can't sleep, I lie awake for hours every night")
    service.respond("me", "the nights are the worst, I'm so tired", first.conversation_id)
    _age(db, first.conversation_id, days=3)
    _run(db, "box-breathing", helpful=1, days_ago=2)
    recap = service.opening("me")
    assert recap is not None
    assert recap.text.startswith("Last time we talked about sleep")
    assert "you tried box breathing" in recap.text and "it seemed to help" in recap.text
    assert recap.text.endswith("How have the nights been?")
    # a new conversation opens with it, saved before the person's first message
    reply = service.respond("me", "a bit better actually")
    turns = service.turns("me", reply.conversation_id)
    assert turns[0].role == "assistant" and turns[0].text == recap.text and turns[1].role == "user"


def test_no_recap_without_history(service):
    assert service.opening("me") is None


def test_exercises_that_helped_rank_higher_and_disliked_lower(db):
    _run(db, "paced-breathing", helpful=1)
    _run(db, "paced-breathing", before=8, after=3)
    _run(db, "box-breathing", helpful=-1)
    prefs = memory.exercise_preferences(db, "me")
    assert prefs["paced-breathing"] > 0 > prefs["box-breathing"]

    def hit(doc_id, kind="exercise"):
        return Hit(doc_id=doc_id, kind=kind, title=doc_id, section="", source="", score=1.0, passage="p")

    hits = [hit("box-breathing"), hit("panic-attacks", "article"), hit("grounding-54321"), hit("paced-breathing")]
    ranked = [h.doc_id for h in memory.rank_for_person(hits, prefs)]
    assert ranked.index("paced-breathing") < ranked.index("grounding-54321") < ranked.index("box-breathing")
    assert memory.rank_for_person(hits, {}) == hits


def test_the_chat_suggests_what_helped_this_person_first(service, db):
    text = "My heart is racing and I can't calm down"
    before = service.respond("me", text).suggested_exercises
    liked = next(e for e in ("paced-breathing", "grounding-54321", "tipp") if e not in before[:1])
    for _ in range(2):
        _run(db, liked, helpful=1)
    after = service.respond("me", text).suggested_exercises
    assert after[0] == liked

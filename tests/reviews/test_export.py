"""One conversation as a JSON file: from the stored rows, and back again."""

from __future__ import annotations

import json

import pytest

from haven.reviews import ConversationExport, export_conversation
from haven.reviews.export import ConversationNotFound, InvalidConversationExport, exportable_conversations
from haven.reviews.models import review_pairs


def test_export_round_trip_from_a_stored_conversation(engine, conversation_id):
    exported = export_conversation(engine, conversation_id)
    assert exported.conversation_id == conversation_id and exported.title == "Exams and sleep"
    assert [(t.role, t.text) for t in exported.turns] == [
        ("user", "I can't sleep before my exams"),
        ("assistant", "That sounds hard. A **sleep reset plan** may help [1]."),
        ("user", "thanks"),
        ("assistant", "You're welcome."),
    ]
    (citation,) = exported.turns[1].citations
    assert (citation.n, citation.doc_id, citation.title, citation.source) == (
        1, "sleep-hygiene", "Sleep reset plan", "exercises/sleep-hygiene.yaml"
    )  # fmt: skip
    text = exported.to_json()
    data = json.loads(text)
    assert data["format"] == "haven-conversation" and data["version"] == 1
    assert set(data["turns"][0]) == {"role", "text", "citations", "level", "engine", "at"}
    assert ConversationExport.from_json(text) == exported
    assert ConversationExport.from_json(text.encode()) == exported


def test_export_is_scoped_to_the_profile_when_asked(engine, conversation_id):
    assert export_conversation(engine, conversation_id, "me").conversation_id == conversation_id
    with pytest.raises(ConversationNotFound, match="for profile 'demo'"):
        export_conversation(engine, conversation_id, "demo")
    with pytest.raises(ConversationNotFound):
        export_conversation(engine, 999)


def test_exportable_conversations_lists_the_profiles_own(engine, conversation_id):
    (listed,) = exportable_conversations(engine, "me")
    assert (listed.id, listed.title, listed.turns) == (conversation_id, "Exams and sleep", 4)
    assert exportable_conversations(engine, "demo") == []


def test_a_file_that_is_not_an_export_is_refused_with_a_reason():
    with pytest.raises(InvalidConversationExport, match="not a Haven conversation export: conversation_id"):
        ConversationExport.from_json(
            '{"format": "haven-conversation", "turns": [], "exported_at": "2025-01-01T00:00"}'
        )
    with pytest.raises(InvalidConversationExport, match="format"):
        ConversationExport.from_json('{"format": "haven-export", "conversation_id": 1, "turns": [], '
                                     '"exported_at": "2025-01-01T00:00"}')  # fmt: skip
    with pytest.raises(InvalidConversationExport):
        ConversationExport.from_json("not json")


def test_review_pairs_each_reply_with_the_message_it_answered(engine, conversation_id):
    pairs = review_pairs(export_conversation(engine, conversation_id))
    assert [(p.index, p.user_message, p.reply) for p in pairs] == [
        (1, "I can't sleep before my exams", "That sounds hard. A **sleep reset plan** may help [1]."),
        (3, "thanks", "You're welcome."),
    ]
    assert pairs[0].citations[0].label() == "[1] Sleep reset plan - When it helps"

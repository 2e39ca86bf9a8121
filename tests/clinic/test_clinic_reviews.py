"""The review tool on the clinician's side: reviews only of shared conversations, and a publish step that
carries nothing identifying into the library file.

Ana's shared conversation names her (in lower case, which the capital-letter heuristic misses), her email,
a friend, a phone number, and in another turn something she told nobody. The published file must hold the
approved better reply and the one message it answers, with all of that replaced, and nothing else.
"""

from __future__ import annotations

from datetime import date

import pytest
from clinic_data import ANA, BEN, NOLAN, RIVERA, row_counts

from haven.chat import store
from haven.clinic.audit import access_log
from haven.clinic.errors import NotClinician, NotShared
from haven.clinic.reviews import conversation_for_review, my_reviews, publish, publishable, save_review
from haven.clinic.sharing import revoke_share, share_conversation
from haven.reviews.files import load_review
from haven.reviews.models import TurnMark, Verdict, review_pairs
from haven.reviews.publish import PublishablePair

TURNS = [
    ("user", "hi"),
    ("assistant", "Hello, I'm here to listen."),
    ("user", "my name is ana lopez, ana.lopez@example.org, and I feel alone since Carla moved out. call 07700 900123"),
    ("assistant", "I'm sorry, Ana. Loneliness can be hard."),
    ("user", "there is a secret i told nobody about my brother"),
    ("assistant", "Thank you for trusting me with that."),
]
BETTER = "That sounds lonely, Ana. Would it help to plan one small thing with someone this week?"


@pytest.fixture
def shared(signed_in):
    """Ana's conversation, shared with Dr Rivera; returns the share."""
    conversation = store.create_conversation(signed_in, ANA.subject)
    for role, text in TURNS:
        store.save_turn(signed_in, ANA.subject, conversation, role, text)
    return share_conversation(signed_in, ANA, RIVERA.subject, conversation)


def _marks(export) -> dict[int, TurnMark]:
    _, lonely, secret = review_pairs(export)
    return {
        lonely.index: TurnMark(Verdict.UNHELPFUL, comment="Ana needed more warmth", better_reply=BETTER, approved=True),
        secret.index: TurnMark(Verdict.HELPFUL, comment="good, about the brother"),
    }


def test_a_clinician_reviews_a_shared_conversation_and_publishes_it_deidentified(signed_in, shared, tmp_path):
    export = conversation_for_review(signed_in, RIVERA, shared.id)
    stored = save_review(signed_in, RIVERA, shared.id, _marks(export), reviewed_on=date(2026, 12, 1))
    assert [r.id for r in my_reviews(signed_in, RIVERA)] == [stored.id]
    assert my_reviews(signed_in, NOLAN) == []

    (pair,) = publishable(signed_in, RIVERA, stored.id)
    assert pair.user_message == "my name is [name], [email], and I feel alone since [name] moved out. call [number]"
    assert pair.better_reply == BETTER.replace("Ana", "[name]")
    path = publish(signed_in, RIVERA, stored.id, [pair], directory=tmp_path)

    text = path.read_text(encoding="utf-8").lower()
    for private in ("ana", "lopez", "example.org", "carla", "07700", "secret", "brother", "warmth", "told nobody",
                    ANA.subject, RIVERA.subject, RIVERA.email, "hello, i'm here"):  # fmt: skip
        assert private.lower() not in text, private
    review, problems = load_review(path)
    assert problems == [] and review.reviewer == "Dr Sam Rivera"
    assert [(t.user_message, t.better_reply, t.approved) for t in review.turns] == [
        (pair.user_message, pair.better_reply, True)
    ]  # fmt: skip
    assert review.conversation_id is None and review.conversation_title == ""
    assert my_reviews(signed_in, RIVERA)[0].published_at is not None


def test_opening_a_conversation_for_review_is_in_the_audit_log(signed_in, shared):
    conversation_for_review(signed_in, RIVERA, shared.id)
    (entry,) = access_log(signed_in, ANA)
    assert (entry.kind, entry.clinician_name) == ("review", "Dr Sam Rivera")


def test_an_edited_message_is_deidentified_again_and_a_made_up_pair_is_refused(signed_in, shared, tmp_path):
    stored = save_review(signed_in, RIVERA, shared.id, _marks(conversation_for_review(signed_in, RIVERA, shared.id)))
    (pair,) = publishable(signed_in, RIVERA, stored.id)
    edited = PublishablePair("ANA LOPEZ feels alone", pair.original_reply, pair.better_reply, pair.verdict)
    path = publish(signed_in, RIVERA, stored.id, [edited], directory=tmp_path / "edited")
    assert "lopez" not in path.read_text(encoding="utf-8").lower()
    forged = PublishablePair("anything", pair.original_reply, "A reply nobody approved.", pair.verdict)
    with pytest.raises(ValueError):
        publish(signed_in, RIVERA, stored.id, [forged], directory=tmp_path / "forged")
    assert not (tmp_path / "forged").exists()


def test_after_a_revoke_the_review_is_out_of_reach(signed_in, shared, tmp_path):
    stored = save_review(signed_in, RIVERA, shared.id, _marks(conversation_for_review(signed_in, RIVERA, shared.id)))
    revoke_share(signed_in, ANA, shared.id)
    before = row_counts(signed_in)
    assert my_reviews(signed_in, RIVERA) == []
    with pytest.raises(NotShared):
        publishable(signed_in, RIVERA, stored.id)
    with pytest.raises(NotShared):
        publish(signed_in, RIVERA, stored.id, [], directory=tmp_path / "library")
    with pytest.raises(NotShared):
        conversation_for_review(signed_in, RIVERA, shared.id)
    with pytest.raises(NotShared):
        save_review(signed_in, RIVERA, shared.id, {1: TurnMark(Verdict.HELPFUL)})
    assert row_counts(signed_in) == before and not (tmp_path / "library").exists()


def test_people_and_other_clinicians_cannot_review(signed_in, shared):
    before = row_counts(signed_in)
    for asker in (ANA, BEN):
        with pytest.raises(NotClinician):
            conversation_for_review(signed_in, asker, shared.id)
        with pytest.raises(NotClinician):
            save_review(signed_in, asker, shared.id, {1: TurnMark(Verdict.HELPFUL)})
        with pytest.raises(NotClinician):
            my_reviews(signed_in, asker)
    with pytest.raises(NotShared):
        save_review(signed_in, NOLAN, shared.id, {1: TurnMark(Verdict.HELPFUL)})
    assert row_counts(signed_in) == before

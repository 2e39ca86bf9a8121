"""Exercises inside the chat, and exercises done on the Exercises page told back in it (issue 12)."""

from __future__ import annotations

import re

import pytest

from haven.chat import store
from haven.chat.dialogue import load


def _say(service, conversation_id, *messages):
    reply = None
    for text in messages:
        reply = service.respond("me", text, conversation_id)
        conversation_id = reply.conversation_id
    return reply


def _runs(db, exercise_id=None):
    from haven.exercises import list_runs

    return list_runs(db, "me", exercise_id=exercise_id)


def test_grounding_in_the_chat_is_saved_as_a_finished_run_with_both_ratings(service, db):
    first = service.respond("me", "can we do grounding here?")
    assert first.suggested_exercises == ("grounding-54321",) and first.understood.mode == "exercise"
    assert [c.section for c in first.citations] == ["How to do it"]
    last = _say(service, first.conversation_id, "8", "a lamp, the window and my hands", "the chair, my socks",
                "traffic and the fridge", "coffee", "toothpaste", "4")
    assert "from 8 to 4" in last.text and last.text.rstrip().endswith("?")
    (run,) = _runs(db, "grounding-54321")
    assert run.finished and (run.distress_before, run.distress_after) == (8, 4)
    assert run.answers["see"] == ["a lamp", "the window", "my hands"] and run.answers["taste"] == ["toothpaste"]
    _say(service, first.conversation_id, "yes, a bit")
    assert _runs(db, "grounding-54321")[0].helpful == 1  # the person's own answer, kept as the page keeps it
    state = load(store.load_state(db, "me", first.conversation_id))
    assert state.run is None and state.done["grounding-54321"] is True and state.mode == "talking"


def test_stopping_keeps_what_was_written_and_drops_an_untouched_run(service, db):
    first = service.respond("me", "can we do box breathing?")
    stopped = service.respond("me", "stop", first.conversation_id)
    assert stopped.understood.intent == "decline" and not stopped.suggested_exercises
    assert _runs(db, "box-breathing") == []  # nothing was written: nothing is left half-done on the page
    again = service.respond("me", "can we do a thought check?", first.conversation_id)
    _say(service, again.conversation_id, "I always mess everything up", "enough")
    (run,) = _runs(db, "thought-record")
    assert not run.finished and run.answers == {"automatic_thought": "I always mess everything up"}


def test_worry_time_waits_on_the_page_at_the_worry_list(service, db, library):
    first = service.respond("me", "can we try worry time?")
    _say(service, first.conversation_id, "skip", "rent, my exam", "6pm at the kitchen table", "I'll cook")
    (run,) = _runs(db, "worry-time")
    steps = [s.id for s in library.exercises["worry-time"].steps]
    assert not run.finished and steps[run.current_step] == "worries"
    assert run.answers["worries"] == ["rent", "my exam"] and run.answers["set_time"] == "6pm at the kitchen table"


def test_a_crisis_during_an_exercise_ends_it(service, db):
    first = service.respond("me", "can we do grounding together")
    crisis = service.respond("me", "I want to kill myself", first.conversation_id)
    assert crisis.level == "crisis" and crisis.engine == "safety"
    assert "things you can see" not in crisis.text
    state = service._dialogue("me", first.conversation_id)
    assert state.run is None  # the next message is never read as the exercise's next answer


def test_every_message_in_an_exercise_is_triaged_first(service, db, monkeypatch):
    """Triage reads each step's answer before the exercise does; the run records that same verdict."""
    import haven.safety.conversation as conversation

    seen = []
    real = conversation.assess

    def spy(text, *args, **kwargs):
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(conversation, "assess", spy)
    first = service.respond("me", "box breathing please")
    _say(service, first.conversation_id, "7", "done, my jaw loosened")
    assert seen == ["box breathing please", "7", "done, my jaw loosened"]


def _finish_on_the_page(db, library, exercise_id, before, after, helpful):
    from haven.exercises import start_run
    from haven.exercises.answers import TIMER_DONE

    class Calm:
        level = "none"

    session = start_run(db, "me", library.exercises[exercise_id], triage=lambda text, question: Calm())
    session.rate_distress_before(before)
    for step in session.exercise.steps:
        session.answer(step.id, TIMER_DONE if step.kind == "timer" else "noticed my breath")
        session.next()
    session.rate_distress_after(after)
    session.complete()
    if helpful is not None:
        session.rate_helpful(helpful)


def test_an_exercise_done_on_the_page_is_told_back_in_the_persons_terms(service, db, library):
    first = service.respond("me", "my heart keeps racing before meetings")
    _finish_on_the_page(db, library, "box-breathing", 7, 4, True)
    back = service.respond("me", "ok I'm back", first.conversation_id)
    assert back.text.startswith("You tried box breathing: you said it helped, and your distress went from 7 to 4")
    later = service.respond("me", "I might do it again tomorrow", first.conversation_id)
    assert "You tried box breathing" not in later.text  # told once
    state = load(store.load_state(db, "me", first.conversation_id))
    assert state.done["box-breathing"] is True


def test_no_claim_that_it_helped_when_the_person_did_not_say(service, db, library):
    first = service.respond("me", "my heart keeps racing before meetings")
    _finish_on_the_page(db, library, "box-breathing", 6, 6, None)
    note = service.note_exercises("me", first.conversation_id)  # the Chat page, on coming back
    assert note.startswith("You finished box breathing: your distress stayed at 6") and "How did it go?" in note
    assert not re.search(r"helped|glad|worked", note)
    assert service.note_exercises("me", first.conversation_id) is None
    reply = service.respond("me", "not much honestly", first.conversation_id)
    assert reply.understood.intent == "tried" and "glad" not in reply.text.lower()


def test_quotes_are_cited_with_the_section_that_holds_them(service):
    """Every sentence taken word for word from a cited document is in a passage the reply cites of it."""
    from test_dialogue_conversations import misplaced_quotes

    messages = [
        "I can't sleep, I lie awake for hours going over everything",
        "can we do box breathing?",
        "what is a thought record?",
        "I'm so anxious about my exam tomorrow",
        "I feel so lonely since I moved",
        "what is CBT?",
        "do I have depression?",
        "I want to talk to a real person",
        "I'd like to do progressive muscle relaxation",
    ]
    for text in messages:
        reply = service.respond("me", text)
        assert not misplaced_quotes(service.library, reply), (text, reply.text)
        assert len(reply.suggested_exercises) <= 1, text


def test_quotes_stand_on_their_own():
    from haven.chat.passages import quotes, stands_alone

    assert not stands_alone(["Noticing these habits is the first step."])
    assert not stands_alone(["It works the other way too."])
    assert not stands_alone(["Panic often follows a loop."])
    text = "Sleep and mood work like a two-way street. After a bad night, you may feel low.\n\nIt works both ways."
    assert quotes(text) == ["Sleep and mood work like a two-way street. After a bad night, you may feel low."]


def test_back_from_the_page_ends_the_chats_own_run_of_that_exercise(service, db, library):
    """Accepted in the chat, then done with the button on the Exercises page: coming back is not read as the
    chat run's first answer; the page's result is told, and the chat's empty run is dropped."""
    first = service.respond("me", "can we do box breathing?")
    _finish_on_the_page(db, library, "box-breathing", 7, 4, True)
    back = service.respond("me", "ok I'm back", first.conversation_id)
    assert back.text.startswith("You tried box breathing: you said it helped")
    assert back.understood.mode != "exercise" and "Count slowly" not in back.text
    assert [r.finished for r in _runs(db, "box-breathing")] == [True]


def test_words_at_the_rating_step_answer_the_first_real_step(service, db):
    """Asked 'how strong is the feeling, 0-10?', a person who names five things they can see has done step one:
    it is saved there, and the next reply moves on to what they can feel, not back to what they can see."""
    first = service.respond("me", "can we do grounding here?")
    reply = service.respond("me", "a lamp, the window, my phone, a mug and my hands", first.conversation_id)
    assert "four things" in reply.text.lower() and "five things" not in reply.text.lower()
    (run,) = _runs(db, "grounding-54321")
    assert run.distress_before is None and run.answers["see"][:2] == ["a lamp", "the window"]


def test_ok_to_the_rating_question_begins_the_breathing_instead_of_skipping_it(service, db):
    """Found walking the app: 'ok' to 'how strong is the feeling, 0-10?' in box breathing was taken as the answer
    to the breathing step, so the next reply asked for the rating after without ever giving the breathing."""
    first = service.respond("me", "can you walk me through box breathing?")
    reply = service.respond("me", "ok", first.conversation_id)
    assert "how strong is the feeling now" not in reply.text.lower()
    assert "4" in reply.text and "breathe" in reply.text.lower()  # the box itself: in for four, hold, out, hold
    done = service.respond("me", "done, felt a bit calmer", first.conversation_id)
    assert "0 to 10" in done.text


@pytest.mark.parametrize("begin", ["ok ready", "yep, ready!", "sure, ready when you are", "okay let's do this"])
def test_ready_said_in_several_words_begins_the_breathing_too(service, begin):
    """Found playing a conversation: "ok ready" (two 'let's begin' words) skipped the breathing as "ok" once did."""
    first = service.respond("me", "can we do box breathing", None)
    reply = service.respond("me", begin, first.conversation_id)
    assert "how strong is the feeling now" not in reply.text.lower()
    assert "breathe in" in reply.text.lower()

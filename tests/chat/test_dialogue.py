"""The conversation's memory (haven.chat.dialogue) and reading a message against Haven's own question."""

from __future__ import annotations

import json

import pytest

from haven.chat import dialogue
from haven.chat.dialogue import DialogueState, Pending
from haven.chat.types import Understanding


def test_state_round_trips_through_json():
    state = DialogueState(
        mode="listening",
        pending=Pending("offer", "Would you like to try it?", None, "sleep", "sleep-hygiene"),
        offered=("sleep-hygiene",),
        ever_offered=("worry-time", "sleep-hygiene"),
        declined=("worry-time",),
        done={"box-breathing": True, "grounding-54321": None},
        avoid=("breathing",),
        preference="listen",
        facts={"study": {"when": "tomorrow"}},
        topics=("anxious", "study"),
        turns=3,
    )
    assert DialogueState.from_dict(json.loads(json.dumps(state.to_dict()))) == state


@pytest.mark.parametrize(
    "damaged",
    [
        None,
        "nonsense",
        [],
        {"mode": "crisis"},
        {"pending": {"kind": "??"}},
        {"done": [1, 2]},
        {"pending": {"x": 1}},
    ],
)
def test_damaged_state_reads_as_fresh_parts_never_fails(damaged):
    state = DialogueState.from_dict(damaged)
    assert state.mode in dialogue.MODES and state.pending is None


def test_dialogue_state_is_stored_beside_the_risk_state_and_keeps_it():
    stored = {"risk": {"level": "concern", "held": 1}}
    out = dialogue.store_into(stored, DialogueState(turns=1))
    assert out["risk"] == stored["risk"] and out[dialogue.KEY]["turns"] == 1
    assert dialogue.load(out).turns == 1 and dialogue.load({"risk": {}}) == DialogueState()


def test_advance_remembers_declines_tried_it_listening_and_facts():
    state = DialogueState(offered=("box-breathing",), ever_offered=("box-breathing",))
    declined = dialogue.advance(state, Understanding("decline"), (), None)
    assert declined.declined == ("box-breathing",) and "box-breathing" in declined.used()
    tried = dialogue.advance(
        declined, Understanding("tried", exercise="grounding-54321", outcome="helped"), (), None
    )
    assert tried.done == {"grounding-54321": True}
    listening = dialogue.advance(tried, Understanding("venting", mode="listening"), (), None)
    assert listening.preference == "listen" and listening.mode == "listening"
    asked = dialogue.advance(listening, Understanding("exercise_request", mode="exercise"), ("worry-time",), None)
    assert asked.preference is None and asked.ever_offered[-1] == "worry-time"
    facts = dialogue.advance(asked, Understanding("feeling", facts=(("study", "when", "tomorrow"),)), (), None)
    assert facts.knows("study", "when") and not facts.knows("work", "when")


def test_the_pending_question_is_an_offer_an_open_question_or_a_check_in():
    state = DialogueState()
    offer = dialogue.pending_for(
        "Try it.\n\nWould you like to try it now?", ("box-breathing",), Understanding("feeling"), state
    )
    assert offer.kind == "offer" and offer.exercise == "box-breathing"
    question = "Who else knows how you've been feeling?"
    open_ = dialogue.pending_for(f"I hear you. {question}", (), Understanding("feeling", themes=("work",)), state)
    assert open_.kind == "open" and open_.asks == "told" and open_.topic == "work"
    started = dialogue.pending_for("Let's do it. Press Start.", ("box-breathing",), Understanding("accept"), state)
    assert started.kind == "check_in" and started.exercise == "box-breathing"
    assert dialogue.pending_for("Take care.", (), Understanding("goodbye"), state) is None


# --- reading against the pending question (the real understander, with MiniLM) ---------------------------

OFFER = DialogueState(
    pending=Pending("offer", "Would you like to try it?", None, "sleep", "sleep-hygiene"),
    offered=("sleep-hygiene",),
    ever_offered=("sleep-hygiene",),
    topics=("sleep",),
)
OPEN = DialogueState(
    pending=Pending("open", "Who else knows how you've been feeling?", "told", "study"),
    topics=("anxious", "study"),
)


@pytest.mark.parametrize(
    "state, text, intent",
    [
        (OFFER, "yes let's try it", "accept"),
        (OFFER, "sure", "accept"),
        (OFFER, "no thanks", "decline"),
        (OFFER, "nah", "decline"),
        (OFFER, "I don't want breathing exercises", "decline"),
        (OFFER, "I tried it last night and it didn't work", "tried"),
        (OPEN, "no one, I haven't told anyone", "answer"),
        (OPEN, "my mum knows", "answer"),
        (OPEN, "i don't know", "answer"),
        (OPEN, "can you just listen?", "venting"),
        (OPEN, "what should I eat for dinner", "offtopic"),
        (OPEN, "what is a thought record?", "question"),
        (OPEN, "got the job!!!", "progress"),
        (OPEN, "I want to talk to a real person", "human"),
        (OPEN, "what do i do right now, panic on a bus", "in_the_moment"),
        (OPEN, "how can i calm myself down before my name gets called", "in_the_moment"),
        (OPEN, "fingers crossed, wish me luck", "goodbye"),
        (OPEN, "how do I steady my nerves until the interview starts?", "in_the_moment"),
        (DialogueState(), "heyy", "greeting"),
        (DialogueState(), "what's CBT?", "question"),
        (DialogueState(), "meh", "feeling"),
        (DialogueState(), "how are you?", "smalltalk"),
        (DialogueState(), "do I have ADHD?", "question"),
    ],
)
def test_a_message_is_read_first_against_havens_question(understander, state, text, intent):
    assert understander.read(text, state).intent == intent


def test_an_answer_gives_the_fact_asked_for(understander):
    u = understander.read("no one, I haven't told anyone", OPEN)
    assert ("any", "told") in {(topic, what) for topic, what, _ in u.facts}


def test_facts_in_passing_are_kept(understander):
    u = understander.read("I have an exam tomorrow and I can't stop worrying")
    assert {("study", "when", "tomorrow"), ("study", "event", "exam")} <= set(u.facts)


def test_the_breathing_thing_is_the_breathing_exercise_from_this_conversation(understander):
    state = DialogueState(ever_offered=("worry-time", "paced-breathing"), offered=("worry-time",))
    u = understander.read("I did the breathing thing and it helped!", state)
    assert (u.intent, u.exercise, u.outcome) == ("tried", "paced-breathing", "helped")
    assert understander.read("I did the breathing thing and it helped!").exercise is None  # never made up


def test_a_condition_question_names_the_condition(understander):
    assert understander.read("do I have anxiety?").condition == "anxiety"
    assert understander.read("what is CBT?").condition is None


def test_every_message_is_embedded_whatever_its_length(understander, monkeypatch):
    seen = []
    real = understander._embed
    monkeypatch.setattr(understander, "_embed", lambda text: seen.append(text) or real(text))
    understander.read("hi")
    understander.read("meh")
    assert seen == ["hi", "meh"]


@pytest.mark.parametrize("words", ["thanks, they're calling me in now, wish me luck", "here goes nothing"])
def test_going_in_to_the_dreaded_thing_gets_luck_not_a_question(words, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from haven.cli import app

    monkeypatch.setenv("HAVEN_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(app, ["chat", "--json", words])
    assert result.exit_code == 0, result.output
    import json

    reply = json.loads(result.output)["reply"]
    assert reply.startswith("Good luck") and "?" not in reply, reply


@pytest.mark.parametrize("words", ["our old cat was put to sleep on monday", "the vet said my greyhound had to be put down"])
def test_a_pet_put_to_sleep_is_a_loss_not_a_sleep_problem(understander, words):
    reading = understander.read(words, DialogueState())
    assert "grieving" in reading.feelings and "sleep" not in reading.themes, reading

"""The guide follows a conversation: dialogue_conversations.yaml through the whole chat service (issue 12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

SCRIPT = yaml.safe_load(Path(__file__).with_name("dialogue_conversations.yaml").read_text(encoding="utf-8"))
CONVERSATIONS = SCRIPT["conversations"]
_MARKER = re.compile(r"\[(\d+)\]")
_STEP = re.compile(r"^\s*\d+\.\s+\S", re.M)
BREATHING = {"box-breathing", "paced-breathing"}


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|(?<=:)\s+|\n+", text)
    return [k for k in (re.sub(r"\[\d+\]|[*_`]|^\s*(-|\d+\.)\s*", "", p).strip().lower() for p in parts) if k]


def test_the_set_is_big_enough():
    assert len(CONVERSATIONS) >= 60
    assert sum(len(c["turns"]) for c in CONVERSATIONS) >= 100


#: The expectations a turn may carry; any other key is a typo that would silently check nothing.
#: (``not_repeat_offers`` names, for the reader, the rule every turn is held to below.)
KNOWN_KEYS = {
    "say", "intent", "intent_any", "mode", "level", "offers", "offers_any", "offers_between", "offers_earlier",
    "not_offers", "not_repeat_offers", "asks", "asks_what_to_do", "steps", "says_any", "says_all", "not_says",
    "cites_any", "cites_none", "not_cites",
}


def test_every_expectation_is_one_the_checks_know():
    unknown = {key for c in CONVERSATIONS for turn in c["turns"] for key in turn} - KNOWN_KEYS
    assert not unknown


def test_every_exercise_named_is_in_the_library():
    """An id that names no exercise ("sleep-reset" for sleep-hygiene) would make "not offered" pass whatever happens."""
    from haven.content.loader import load_default_library

    exercises = load_default_library().exercises
    named = {
        exercise
        for c in CONVERSATIONS
        for turn in c["turns"]
        for key in ("offers", "offers_any", "offers_earlier", "not_offers", "not_repeat_offers")
        for exercise in (turn[key] if isinstance(turn.get(key), list) else [])
    }
    assert not named - set(exercises)


def _check_turn(step: dict, reply, where: str) -> None:
    understood = reply.as_json()["understood"]
    offered = list(reply.suggested_exercises)
    if "intent" in step:
        assert understood["intent"] == step["intent"], where
    if "intent_any" in step:
        assert understood["intent"] in step["intent_any"], where
    if "mode" in step:
        assert understood["mode"] == step["mode"], where
    if step.get("offers") == "none":
        assert not offered, where
    if step.get("offers") == "one":
        assert len(offered) == 1, where
    if "offers_any" in step:
        assert set(step["offers_any"]) & set(offered), where
    if "offers_between" in step:
        low, high = step["offers_between"]
        assert low <= len(offered) <= high, where
    for exercise in step.get("not_offers", []):
        assert exercise not in offered, where
    if "asks" in step:
        assert reply.text.rstrip().endswith("?") == step["asks"], where
    if step.get("steps"):
        assert len(_STEP.findall(reply.text)) >= 3, where
    if "says_any" in step:
        assert any(p.lower() in reply.text.lower() for p in step["says_any"]), where
    for phrase in step.get("says_all", []):
        assert phrase.lower() in reply.text.lower(), where
    for phrase in step.get("not_says", []):
        assert phrase.lower() not in reply.text.lower(), where
    if "cites_any" in step:
        assert set(step["cites_any"]) & {c.doc_id for c in reply.citations}, where
    if step.get("cites_none"):
        assert not reply.citations, where
    for doc_id in step.get("not_cites", []):
        assert doc_id not in {c.doc_id for c in reply.citations}, where


def _seed_welcome(service, conversation: dict) -> None:
    """A conversation that starts after the first-run welcome: the person's chosen focus and name are kept on
    their row, as ui/welcome_chat.py keeps them (``welcome: {focus: sleep, name: Sam}``)."""
    from haven.chat import welcome

    if conversation.get("welcome"):
        welcome.save(service.db, "me", welcome.Welcome(**conversation["welcome"]))


def misplaced_quotes(library, reply) -> list[str]:
    """Sentences of the reply that come word for word from a cited document but are not in any passage the
    reply cites of it (the section a citation names must hold what was quoted)."""
    from haven.chat.passages import contains, of_document

    wrong = []
    for doc in {c.doc_id for c in reply.citations}:
        cited = [c.passage for c in reply.citations if c.doc_id == doc]
        whole = [h.passage for h in of_document(library, doc)]
        for sentence in re.split(r"(?<=[.!?])\s+|\n+|(?<=:)\s+", re.sub(r"\s*\[\d+\]|\*\*", "", reply.text)):
            sentence = re.sub(r"^\s*(-|\d+\.)\s*", "", sentence).strip()
            if len(sentence.split()) < 5 or not any(contains(p, sentence) for p in whole):
                continue
            if not any(contains(p, sentence) for p in cited):
                wrong.append(f"{sentence!r} is not in the cited passage of {doc}")
    return wrong


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_conversation(service, conversation):
    conversation_id, said = None, {}
    offered_before: set[str] = set()
    refused_breathing = listening = False
    _seed_welcome(service, conversation)
    for step in conversation["turns"]:
        text = step["say"]
        reply = service.respond("me", text, conversation_id)
        conversation_id = reply.conversation_id
        understood = reply.as_json()["understood"]
        where = f"{text!r} -> {understood} {list(reply.suggested_exercises)} {reply.text!r}"
        assert reply.level == step.get("level", "none"), where
        _check_turn(step, reply, where)
        if step.get("offers_earlier"):  # "ok let's try that": what was suggested before in this conversation
            assert reply.suggested_exercises and set(reply.suggested_exercises) <= offered_before, where
        if reply.engine == "safety":
            continue
        offered = set(reply.suggested_exercises)
        # asking for an exercise, or asking what to do ("anyway how do people stop overthinking at night?")
        asked = understood["intent"] in ("exercise_request", "accept") or bool(step.get("asks_what_to_do"))
        # at most one exercise button unless options were asked for
        assert len(offered) <= 1 or understood["intent"] == "exercise_request", where
        # never again what was declined, done or offered before, unless asked for
        if not asked:
            assert not offered & offered_before, where
        refused_breathing |= bool(re.search(r"(don'?t want|no more|stop).{0,20}breathing", text.lower()))
        if refused_breathing:
            assert not offered & BREATHING, where
        listening = (listening or understood["intent"] == "venting") and not asked
        if listening:
            assert not offered, where
        assert understood["intent"] != "offtopic" or step.get("intent") == "offtopic", where
        offered_before |= offered
        # every number shown opens a passage, the one the quoted words are in; nothing is said twice
        assert {int(n) for n in _MARKER.findall(reply.text)} == {c.n for c in reply.citations}, where
        assert not misplaced_quotes(service.library, reply), where
        for sentence in _sentences(reply.text):
            assert sentence not in said, f"repeated {sentence!r} (first after {said.get(sentence)!r})"
            said[sentence] = text


def test_state_is_stored_beside_the_risk_state(service):
    """The dialogue state has its own key in the conversation's state; the safety layer's ``risk`` is kept."""
    from haven.chat import store

    first = service.respond("me", "I'm so anxious my heart is pounding")
    service.respond("me", "no thanks", first.conversation_id)
    state = store.load_state(service.db, "me", first.conversation_id)
    assert "risk" in state and "dialogue" in state
    dialogue = state["dialogue"]
    assert set(first.suggested_exercises) <= set(dialogue["declined"])
    assert dialogue["turns"] == 2 and dialogue["mode"] == "talking"


def test_reply_json_has_the_conversation_and_what_was_understood(service):
    reply = service.respond("me", "I have an exam tomorrow and I can't stop worrying")
    data = reply.as_json()
    assert data["conversation"] == reply.conversation_id
    assert set(data["understood"]) == {"intent", "feelings", "themes", "mode"}
    assert data["understood"]["intent"] == "feeling" and "anxious" in data["understood"]["feelings"]
    assert "study" in data["understood"]["themes"]


def test_a_damaged_dialogue_state_is_read_as_a_fresh_one(service):
    from haven.chat import store

    first = service.respond("me", "I can't sleep, I lie awake for hours")
    stored = store.load_state(service.db, "me", first.conversation_id)
    store.save_state(service.db, "me", first.conversation_id, {**stored, "dialogue": {"mode": 7, "pending": "?"}})
    reply = service.respond("me", "work has been awful too", first.conversation_id)
    assert reply.text and reply.level == "none"


def test_a_dialogue_state_that_cannot_be_saved_does_not_lose_the_reply(service, monkeypatch):
    from haven.chat import store

    real = store.save_state

    def fail_for_dialogue(engine, person, conversation_id, state):
        if "dialogue" in state:
            raise OSError("disk full")
        return real(engine, person, conversation_id, state)

    monkeypatch.setattr(store, "save_state", fail_for_dialogue)
    reply = service.respond("me", "I feel so lonely since I moved")
    assert reply.text and [t.role for t in service.turns("me", reply.conversation_id)][-2:] == ["user", "assistant"]


def test_the_welcome_greeting_opens_the_first_conversation_and_its_focus_is_a_topic(service):
    """The welcome's chosen focus seeds the chat, not only the greeting: the greeting is Haven's first turn (so
    the first message is read as its answer) and the focus is a topic the dialogue state holds."""
    from haven.chat import store, welcome

    welcome.save(service.db, "me", welcome.Welcome(name="Sam", focus="sleep"))
    reply = service.respond("me", "not great tbh")
    turns = service.turns("me", reply.conversation_id)
    assert [t.role for t in turns] == ["assistant", "user", "assistant"]
    assert turns[0].text == welcome.greeting(welcome.load(service.db, "me"))
    dialogue = store.load_state(service.db, "me", reply.conversation_id)["dialogue"]
    assert "sleep" in dialogue["topics"] and dialogue["focus"] == "sleep"


def test_no_welcome_focus_leaves_a_new_conversation_as_it_was(service):
    from haven.chat import welcome

    welcome.save(service.db, "me", welcome.Welcome(name="Sam", focus="exploring"))
    reply = service.respond("me", "hi")
    assert [t.role for t in service.turns("me", reply.conversation_id)] == ["user", "assistant"]

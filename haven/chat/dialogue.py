"""What a conversation remembers from turn to turn, so the guide follows it instead of starting over.

The state is stored with the conversation (the ``state`` JSON column, under its own ``"dialogue"`` key, beside
the safety layer's ``"risk"``), read before a turn and written after it. It holds only what the person said
and what Haven offered or asked: the pending question, the last suggestions, exercises declined or done (and
whether they helped), a stated preference ("just listen"), the facts given per topic, and the mode. Crisis is
not a mode here: the safety layer owns it and runs before any of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from haven.chat.phrases import ABOUT_GOOD_NEWS, EXPLAIN_EARLIER_QUESTION

#: How the conversation is going: talking things through, listening only, getting through a hard moment now,
#: or doing an exercise. (A crisis is held by haven.safety.conversation, never here.)
MODES = ("talking", "listening", "in_the_moment", "exercise")

#: What kind of question Haven left open: an offer of an exercise, an open question (with the fact it asks
#: for, if any), or "how did it go?" after an exercise.
PENDING_KINDS = ("offer", "open", "check_in")

KEY = "dialogue"


@dataclass(frozen=True)
class Pending:
    """Haven's last question, so the next message is first read as its answer."""

    kind: str  # one of PENDING_KINDS
    text: str = ""
    asks: str | None = None  # the fact the question asks for ("when", "told", "rating"...)
    topic: str | None = None  # the theme it is about
    exercise: str | None = None  # the exercise an offer or a check-in is about

    @property
    def about_good_news(self) -> bool:
        """Asked about a win (how it came, what next): the answer tells how it went well, so its feelings and
        themes are not read as a new worry ("I practised loads with my dad" is no family trouble)."""
        return self.text in ABOUT_GOOD_NEWS


@dataclass(frozen=True)
class DialogueState:
    """One conversation's memory. Immutable: :func:`advance` returns the next one."""

    mode: str = "talking"
    pending: Pending | None = None
    offered: tuple[str, ...] = ()  # the last reply's suggestions
    ever_offered: tuple[str, ...] = ()  # every exercise offered in this conversation, oldest first
    declined: tuple[str, ...] = ()
    done: dict[str, bool | None] = field(default_factory=dict)  # exercise -> helped (None: not said)
    avoid: tuple[str, ...] = ()  # kinds the person does not want, e.g. "breathing"
    preference: str | None = None  # "listen" when the person asked to be listened to
    facts: dict[str, dict[str, str]] = field(default_factory=dict)  # topic -> {what: value}
    topics: tuple[str, ...] = ()  # feelings and themes so far, first mentioned first
    turns: int = 0
    #: a short exercise running inside the chat (haven.chat.inchat): exercise id, run id, chat step, ratings
    run: dict[str, Any] | None = None
    #: exercise runs the chat has already spoken about (done in the chat, or on the Exercises page)
    seen_runs: tuple[int, ...] = ()
    #: exercises the person named themselves ("my therapist gave me thought records"), oldest first, so "can we
    #: do one now?" can mean that one
    named: tuple[str, ...] = ()
    #: the focus chosen in the first-run welcome (haven.chat.welcome.FOCUSES key), so the first turns start from
    #: it ("hi" gets a sleep-shaped question from someone who chose sleep); what the person says still leads
    focus: str | None = None

    # --- reading and writing -----------------------------------------------------------------------

    @property
    def still_open(self) -> tuple[str, ...]:
        """Exercises offered in this conversation, oldest first, that were neither turned down nor done: what "go on
        then, what's the idea" can still mean, and why a new one is not offered beside them."""
        return tuple(e for e in self.ever_offered if e not in self.declined and e not in self.done)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict for the conversation's ``state`` column."""
        pending = None
        if self.pending is not None:
            pending = {k: v for k, v in vars(self.pending).items() if v is not None}
        return {
            "mode": self.mode,
            "pending": pending,
            "offered": list(self.offered),
            "ever_offered": list(self.ever_offered),
            "declined": list(self.declined),
            "done": dict(self.done),
            "avoid": list(self.avoid),
            "preference": self.preference,
            "facts": {k: dict(v) for k, v in self.facts.items()},
            "topics": list(self.topics),
            "turns": self.turns,
            "run": dict(self.run) if self.run else None,
            "seen_runs": list(self.seen_runs),
            "named": list(self.named),
            "focus": self.focus,
        }

    @classmethod
    def from_dict(cls, data: Any) -> DialogueState:
        """The state stored before, or a fresh one; damaged or unknown fields are dropped, never fatal."""
        if not isinstance(data, dict):
            return cls()
        pending = data.get("pending")
        try:
            pending = (
                Pending(**pending) if isinstance(pending, dict) and pending.get("kind") in PENDING_KINDS else None
            )
        except TypeError:
            pending = None
        mode = data.get("mode") if data.get("mode") in MODES else "talking"
        done = data.get("done") if isinstance(data.get("done"), dict) else {}
        facts = data.get("facts") if isinstance(data.get("facts"), dict) else {}
        return cls(
            mode=mode,
            pending=pending,
            offered=_strings(data.get("offered")),
            ever_offered=_strings(data.get("ever_offered")),
            declined=_strings(data.get("declined")),
            done={str(k): (v if isinstance(v, bool) else None) for k, v in done.items()},
            avoid=_strings(data.get("avoid")),
            preference=data.get("preference") if data.get("preference") == "listen" else None,
            facts={
                str(k): {str(a): str(b) for a, b in v.items()} for k, v in facts.items() if isinstance(v, dict)
            },
            topics=_strings(data.get("topics")),
            turns=int(data.get("turns") or 0),
            run=_run(data.get("run")),
            seen_runs=tuple(int(r) for r in data.get("seen_runs") or () if isinstance(r, int)),
            named=_strings(data.get("named")),
            focus=data.get("focus") if isinstance(data.get("focus"), str) else None,
        )

    # --- questions the guide asks of it --------------------------------------------------------------

    def turned_down_or_tried(self) -> set[str]:
        """Exercises declined or done here: not offered again unless named, even when the person asks what to do."""
        return {*self.declined, *self.done}

    def used(self) -> set[str]:
        """Exercises not to offer again unless asked: declined, done, or already offered here."""
        return {*self.turned_down_or_tried(), *self.ever_offered}

    def knows(self, topic: str | None, what: str | None) -> bool:
        """True if the person already told us this fact (so Haven must not ask for it)."""
        if what is None:
            return False
        if what in self.facts.get("any", {}):
            return True
        return bool(topic) and what in self.facts.get(topic or "", {})


def _run(value: Any) -> dict[str, Any] | None:
    """An in-chat exercise as stored, or None when it is missing or damaged (the chat then simply goes on)."""
    if not isinstance(value, dict) or not isinstance(value.get("exercise"), str):
        return None
    if not isinstance(value.get("run"), int) or not isinstance(value.get("step"), int):
        return None
    return dict(value)


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def load(stored: dict | None) -> DialogueState:
    """The dialogue state inside a conversation's stored ``state`` dict."""
    return DialogueState.from_dict((stored or {}).get(KEY))


def store_into(stored: dict | None, state: DialogueState) -> dict:
    """``stored`` with the dialogue state put under its own key; every other key (the risk state) kept as is."""
    out = dict(stored or {})
    out[KEY] = state.to_dict()
    return out


def _merge_facts(facts: dict[str, dict[str, str]], new: tuple[tuple[str, str, str], ...]) -> dict:
    merged = {k: dict(v) for k, v in facts.items()}
    for topic, what, value in new:
        merged.setdefault(topic, {})[what] = value
    return merged


def advance(
    state: DialogueState, understanding, suggested: tuple[str, ...], pending: Pending | None
) -> DialogueState:
    """The state after a turn: what the person told us, what Haven offered and the question it left open.

    ``understanding`` is this message's :class:`haven.chat.types.Understanding`; ``suggested`` the reply's
    exercise buttons; ``pending`` the question the reply ends on (None if it asks nothing).
    """
    u = understanding
    declined, done, avoid = list(state.declined), dict(state.done), list(state.avoid)
    if u.intent == "decline":
        declined += [e for e in (u.exercise, *state.offered) if e and e not in declined and e not in done]
    if u.intent in ("tried", "in_the_moment") and u.exercise and (u.intent == "tried" or u.outcome):
        done[u.exercise] = {"helped": True, "not_helped": False}.get(u.outcome or "")
    if u.intent in ("accept", "exercise_request") and u.exercise:
        done.setdefault(u.exercise, None)
    if u.intent == "answer" and u.exercise:  # a kind taken up as a plan of their own: what "tried it" means next
        done.setdefault(u.exercise, None)
    avoid += [a for a in u.avoid if a not in avoid]
    preference = state.preference
    if u.intent == "venting":
        preference = "listen"
    elif u.intent in ("exercise_request", "accept", "in_the_moment") or u.options or u.asks_how:
        # asking for help now overrides "just listen" ("ok now I've got that out, how do I bring it up without it
        # turning into another fight?", chat_heldout43, read: the listening went on over the plan and the good news)
        preference = None
    topics = tuple(dict.fromkeys([*state.topics, *u.topics]))
    ever = tuple(dict.fromkeys([*state.ever_offered, *suggested]))
    return replace(
        state,
        mode=u.mode,
        pending=pending,
        offered=tuple(suggested),
        ever_offered=ever,
        declined=tuple(declined),
        done=done,
        avoid=tuple(avoid),
        preference=preference,
        facts=_merge_facts(state.facts, u.facts),
        topics=topics,
        turns=state.turns + 1,
        named=tuple(dict.fromkeys([*state.named, *((u.named_exercise,) if u.named_exercise else ())])),
    )


_LAST_QUESTION = re.compile(r"([^.!?\n]*\?)\s*$")


def aside_keeps_thread(intent: str, state: DialogueState) -> bool:
    """An off-topic aside while Haven's open question waits: the reply goes back to the thread and the question
    stays open, so the answer that follows is still read as its answer."""
    return intent == "offtopic" and state.pending is not None and state.pending.kind == "open"


def pending_for(
    text: str, suggested: tuple[str, ...], understanding, state: DialogueState, cited: tuple[str, ...] = ()
) -> Pending | None:
    """The question a reply leaves open, so the next message is read as its answer first.

    After an exercise is started (or steps given in the moment) the open question is "how did it go?";
    a reply with an exercise button is an offer; any other reply ending in a question asks for a fact, which
    :data:`haven.chat.facts.QUESTION_ASKS` names when it can. ``cited``: the exercises the reply cites.
    """
    from haven.chat.facts import QUESTION_ASKS

    u = understanding
    topic = next(iter(u.themes), None) or (state.pending.topic if state.pending else None)
    match = _LAST_QUESTION.search(text.strip())
    question = match.group(1).strip() if match else ""
    if aside_keeps_thread(u.intent, state):
        return state.pending  # back to the thread after an aside: Haven's earlier question is still open
    if u.intent in ("accept", "exercise_request", "in_the_moment") and suggested and not u.options:
        return Pending("check_in", question, QUESTION_ASKS.get(question), topic, suggested[0])
    if not question:
        return None
    if u.intent == "tried" and u.outcome is None:
        return Pending("check_in", question, None, topic, u.exercise)
    if suggested:
        return Pending("offer", question, QUESTION_ASKS.get(question), topic, suggested[0])
    explained = u.exercise or u.named_exercise or (cited[0] if len(cited) == 1 else None)
    if question in EXPLAIN_EARLIER_QUESTION and explained:
        # "Does that sound like something you'd like to try?" after explaining an exercise offered earlier (its button
        # is in that earlier reply): still an offer, so "ok" starts it (it was read as feeling okay, "That's good to
        # hear. What helped things feel better?", seen trying the chat, round 40)
        return Pending("offer", question, None, topic, explained)
    return Pending("open", question, QUESTION_ASKS.get(question), topic)

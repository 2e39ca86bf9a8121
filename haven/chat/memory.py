"""What Haven remembers across sessions: the thread to pick up, and which exercises help this person.

Both come from stored rows only (earlier conversations' topics, exercise runs and their ratings), never from
guesswork, so "Last time we talked about sleep" is always something the person actually said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select

from haven.chat.phrases import FEELING_WORDS, THEME_NOUNS
from haven.content.loader import Library
from haven.retrieval.types import Hit
from haven.storage.db import session_scope
from haven.storage.models import Conversation, ExerciseRun
from haven.storage.owners import find_person_id

#: Topics not worth bringing up again.
_QUIET_TOPICS = {"okay"}
#: How far a liked exercise moves up the list (in places, per point of preference), and a disliked one down.
PLACES_PER_POINT = 2.5
#: A drop of this much in 0-10 distress counts like a "this helped".
DISTRESS_DROP = 2

_RECAP_QUESTIONS = {
    "sleep": "How have the nights been?",
    "work": "How has work been since then?",
    "study": "How is the studying going?",
    "relationships": "How are things between you now?",
    "family": "How have things been at home?",
    "friends": "How have things been with your friends?",
    "social": "How have things been around other people since then?",
    "someone_ill": "How are things with the person who was unwell, and how are you?",
    "caring": "How has the caring been going, and how are you doing yourself?",
    "procrastination": "How has getting started on things been?",
    "money": "How are things with money now?",
    "health": "How has your health been?",
    "panic": "Have the panicky moments come back since?",
    "self-criticism": "Has the critical voice been any quieter?",
    "worry": "How has the worrying been?",
    "anxious": "How has the anxiety been since?",
    "low": "How has your mood been since then?",
    "stressed": "How has the stress been since?",
    "lonely": "Have you felt less alone since then?",
    "angry": "How have things felt since then?",
}


@dataclass(frozen=True)
class Recap:
    """The thread from last time, ready to open a new conversation with."""

    text: str
    topics: tuple[str, ...]
    exercises: tuple[str, ...]  # exercise ids tried since the last conversation began
    #: the risk state the new conversation starts with (a crisis left open last time), else None
    risk: dict | None = None


def _topic_phrase(topic: str) -> str:
    if topic in THEME_NOUNS:
        return THEME_NOUNS[topic]
    return f"feeling {FEELING_WORDS.get(topic, topic)}"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def previous_conversation(
    engine: Engine, person: str, before: int | None = None
) -> tuple[int, datetime, list[str]] | None:
    """The latest conversation with something the person said (id, start, topics most-mentioned first)."""
    query = select(Conversation)
    if before is not None:
        query = query.where(Conversation.id != before)
    query = query.order_by(Conversation.started_at.desc(), Conversation.id.desc())
    with session_scope(engine) as session:
        query = query.where(Conversation.person_id == find_person_id(session, person))
        for conversation in session.scalars(query):
            user_turns = [t for t in conversation.turns if t.role == "user"]
            if not user_turns:
                continue
            counts: dict[str, int] = {}
            for turn in user_turns:
                for topic in turn.topics or []:
                    counts[topic] = counts.get(topic, 0) + 1
            order = sorted(counts, key=lambda t: -counts[t])  # stable: first mentioned wins ties
            return conversation.id, conversation.started_at, [t for t in order if t not in _QUIET_TOPICS]
    return None


def crisis_left_open(engine: Engine, person: str, conversation_id: int):
    """The state to carry into a new conversation when ``conversation_id`` ended while a crisis held, else
    None. A conversation whose state cannot be read carries nothing (it must not block the chat)."""
    from haven.chat import store
    from haven.safety.conversation import RiskState

    try:
        risk = RiskState.from_dict(store.load_state(engine, person, conversation_id).get("risk"))
    except Exception:  # noqa: BLE001 - the opener falls back to the ordinary recap
        return None
    return risk.carried_over()


def recap(engine: Engine, person: str, library: Library, current: int | None = None) -> Recap | None:
    """ "Last time we talked about sleep, and you tried box breathing. How have the nights been?" or None."""
    previous = previous_conversation(engine, person, before=current)
    if previous is None:
        return None
    carried = crisis_left_open(engine, person, previous[0])
    if carried is not None:  # safety before any recap: the person is asked first whether they are safe
        from haven.safety import welcome_back_after_crisis_text

        return Recap(text=welcome_back_after_crisis_text(), topics=(), exercises=(), risk=carried.to_dict())
    _, started, topics = previous
    runs = _runs_since(engine, person, started)
    tried = [r.exercise_id for r in runs if r.exercise_id in library.exercises]
    tried = list(dict.fromkeys(tried))
    if not topics and not tried:
        return None
    parts = []
    if topics:
        themes_first = sorted(topics[:3], key=lambda t: t not in THEME_NOUNS)
        parts.append(f"Last time we talked about {_join([_topic_phrase(t) for t in themes_first[:2]])}")
    if tried:
        titles = [library.exercises[i].title[0].lower() + library.exercises[i].title[1:] for i in tried[:2]]
        helped = [r for r in runs if r.exercise_id == tried[0] and _helped(r) > 0]
        tail = f"you tried {_join(titles)}" + (", and it seemed to help" if helped else "")
        parts.append(tail if parts else f"Since we last talked, {tail}")
    opening = ", and ".join(parts) + "."
    question = next((_RECAP_QUESTIONS[t] for t in topics if t in _RECAP_QUESTIONS), "How have things been since?")
    return Recap(text=f"{opening} {question}", topics=tuple(topics), exercises=tuple(tried))


def _runs_since(engine: Engine, person: str, since: datetime) -> list[ExerciseRun]:
    query = (
        select(ExerciseRun)
        .where(ExerciseRun.started_at >= since, ExerciseRun.completed_at.is_not(None))
        .order_by(ExerciseRun.completed_at.desc())
    )
    with session_scope(engine) as session:
        return list(session.scalars(query.where(ExerciseRun.person_id == find_person_id(session, person))))


def _helped(run: ExerciseRun) -> float:
    """+1 for "this helped" or a real drop in distress; -1 for "it didn't" or distress going up."""
    score = float(run.helpful or 0)
    if run.distress_before is not None and run.distress_after is not None:
        change = run.distress_before - run.distress_after
        if change >= DISTRESS_DROP:
            score += 0.5
        elif change <= -DISTRESS_DROP:
            score -= 0.5
    return score


def exercise_preferences(engine: Engine, person: str) -> dict[str, float]:
    """How much each exercise has helped this person (positive) or not (negative), from finished runs."""
    query = select(ExerciseRun).where(ExerciseRun.completed_at.is_not(None))
    scores: dict[str, float] = {}
    with session_scope(engine) as session:
        for run in session.scalars(query.where(ExerciseRun.person_id == find_person_id(session, person))):
            scores[run.exercise_id] = scores.get(run.exercise_id, 0.0) + _helped(run)
    return {k: max(-2.0, min(2.0, v)) for k, v in scores.items() if v}


def helped_most_first(preferences: dict[str, float]) -> tuple[str, ...]:
    """The exercises that have helped (a positive preference), the most helpful first."""
    return tuple(e for e, score in sorted(preferences.items(), key=lambda pair: -pair[1]) if score > 0)


def rank_for_person(hits: Sequence[Hit], preferences: dict[str, float]) -> list[Hit]:
    """Move exercises that helped this person up the list and ones that did not down; articles stay put."""
    if not preferences:
        return list(hits)
    keyed = [
        (i - PLACES_PER_POINT * preferences.get(h.doc_id, 0.0) if h.kind == "exercise" else i, i, h)
        for i, h in enumerate(hits)
    ]
    return [h for _, _, h in sorted(keyed, key=lambda t: (t[0], t[1]))]

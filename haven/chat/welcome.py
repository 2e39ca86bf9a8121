"""The first-run welcome: a few lines in the chat's voice, then what the chat remembers from it.

Why: a person opening Haven for the first time should learn, in a minute and in plain words, what Haven is and
is not (self-help, not therapy, not a diagnosis), where help is when things are bad, and be asked what they
would like help with and what to be called, as Woebot does. Every step can be skipped; once the welcome is
done or skipped it is not shown again. What was said (a name, a focus) is kept on the person's own row in
their database (``people.welcome``), so it is exported, imported and deleted with everything else, and the
chat greets them by name and starts from the focus they chose.

This module holds the script and the record; ``ui/welcome_chat.py`` draws it, and every word typed into it
goes through crisis triage first (a crisis or concern ends the welcome and is answered by the chat itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

from haven.storage.db import DEMO_PERSON, session_scope

#: how long a name may be (a first name or a nickname; the rest is cut)
NAME_CHARS = 40


@dataclass(frozen=True)
class Focus:
    """Something a person may want help with: how it is offered, and how the chat opens with it."""

    key: str
    label: str  # on the chip
    said: str  # in a sentence: "You said you'd like help with {said}."
    question: str  # the chat's first question about it


FOCUSES = (
    Focus("worry", "Worry and anxiety", "worry and anxiety", "What has been worrying you most lately?"),
    Focus("low-mood", "Low mood", "low mood", "How have your days been feeling lately?"),
    Focus("stress", "Stress and pressure", "stress", "What's been piling up for you?"),
    Focus("sleep", "Sleep", "sleep", "How have your nights been lately?"),
    Focus("relationships", "Loneliness and relationships", "loneliness and relationships",
          "Who has been on your mind lately?"),
    Focus("anger", "Anger and frustration", "anger and frustration", "What has been getting to you lately?"),
    Focus("exploring", "Just looking around", "", "What's on your mind today?"),
)  # fmt: skip
_BY_KEY = {f.key: f for f in FOCUSES}

# The script, in the chat's voice. Each is one assistant bubble.
INTRO = (
    "Hi, I'm Haven. I'm a self-help companion: I can listen, share ideas from cognitive behavioural therapy "
    "(CBT), and walk you through short exercises that many people find helpful."
)
IS_NOT = (
    "Before we start, so you know what I am and am not: I'm **not a therapist**, I **can't diagnose** anything, "
    "and I'm **not an emergency service**. I work well alongside a therapist or your doctor, or while you wait "
    "to see one. Everything you write stays on this device."
)
WHERE_HELP = (
    "If things ever feel too much, or you're thinking about ending your life, help is one tap away: "
    "**Need help now?** at the top of every page. Right now, in your region:"
)
ASK_FOCUS = "What would you like help with? Pick one, or tell me in your own words."
ASK_NAME = "And what would you like me to call you? A first name or a nickname is fine, or skip this."


@dataclass(frozen=True)
class Welcome:
    """What the welcome left behind: done (or skipped), and what the person chose to tell."""

    name: str | None = None
    focus: str | None = None  # a Focus key
    skipped: bool = False

    def as_json(self) -> dict:
        return {"name": self.name, "focus": self.focus, "skipped": self.skipped,
                "at": datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> Welcome:
        focus = data.get("focus")
        name = data.get("name")
        return cls(
            name=clean_name(name) if isinstance(name, str) else None,
            focus=focus if focus in _BY_KEY else None,
            skipped=bool(data.get("skipped")),
        )


def focus(key: str | None) -> Focus | None:
    return _BY_KEY.get(key or "")


def clean_name(text: str) -> str | None:
    """A name as a person typed it, kept plain: one line, no markup, at most ``NAME_CHARS``; None if empty.

    "I'm Sam" and "call me Sam" give "Sam" (people answer the question as they would aloud)."""
    words = " ".join(text.split())
    words = re.sub(r"^(?:hi|hello|hey)[,!.]?\s+", "", words, flags=re.I)
    words = re.sub(r"^(?:(?:you can )?call me|i'?m|i am|it'?s|my name is|name'?s)\s+", "", words, flags=re.I)
    words = re.sub(r"[*_`#<>\[\]\\|~]", "", words).strip(" .,!?'\"")
    return words[:NAME_CHARS].strip() or None


def focus_from_words(text: str) -> str | None:
    """The focus a typed answer names ("I can't sleep" -> sleep), or None; the chat reads the rest."""
    norm = text.lower()
    cues = (
        ("sleep", r"sleep|insomnia|nights?\b|tired"),
        ("worry", r"worr|anxi|panic|nervous|overthink"),
        ("low-mood", r"low|sad|depress|down\b|empty|flat|hopeless"),
        ("stress", r"stress|pressure|overwhelm|work|exam|deadline"),
        ("relationships", r"lonel|alone|friend|partner|relationship|family"),
        ("anger", r"ang|frustrat|irritab|temper|rage"),
    )
    for key, pattern in cues:
        if re.search(pattern, norm):
            return key
    return None


def load(engine: Engine, person: str) -> Welcome | None:
    """The welcome this person finished or skipped; None if they have not had it yet."""
    from haven.storage import owners

    with session_scope(engine) as session:
        row = owners.find_person(session, person)
        if row is None or not row.welcome:
            return None
        return Welcome.from_json(row.welcome)


def save(engine: Engine, person: str, welcome: Welcome) -> None:
    """Keep the welcome on the person's row (made now if this is their first record)."""
    from haven.storage import owners

    with session_scope(engine) as session:
        row = owners.owner_person(session, person)
        row.welcome = welcome.as_json()


def should_welcome(engine: Engine, person: str) -> bool:
    """First run only: not for the demo profile, not after the welcome was done or skipped, and not for
    someone who already has conversations (they met Haven before the welcome existed)."""
    from haven.chat import store

    if person == DEMO_PERSON or load(engine, person) is not None:
        return False
    return not store.list_conversations(engine, person)


def greeting(welcome: Welcome | None) -> str:
    """How a new conversation opens: by name, from the focus they chose; the plain opener otherwise."""
    if welcome is None or (welcome.name is None and welcome.focus is None):
        return "Hi, I'm Haven. How are you feeling today?"
    hello = f"Hi {welcome.name}, good to see you." if welcome.name else "Hi, good to see you."
    chosen = focus(welcome.focus)
    if chosen is None or not chosen.said:
        return f"{hello} {chosen.question if chosen else 'How are you feeling today?'}"
    return f"{hello} You said you'd like some help with {chosen.said}. {chosen.question}"


#: What a focus is about, in the chat's own topic names (haven.chat.understanding's feelings and themes); the
#: first is the theme Haven's opening question is about.
FOCUS_TOPICS = {
    "worry": ("worry", "anxious"),
    "low-mood": ("low",),
    "stress": ("stressed",),
    "sleep": ("sleep",),
    "relationships": ("relationships", "lonely"),
    "anger": ("angry",),
}


def opening_state(welcome: Welcome | None):
    """The chat's first turn and what it remembers, for a first conversation after the welcome: the greeting
    (saved as Haven's turn, so the person's first message is read as its answer) and a dialogue state seeded
    with the focus as a topic. Why: the welcome asked what they would like help with; without this only the
    greeting used it, and "hi" or "not great tbh" were answered as if nothing had been said. Returns
    (greeting, state), or None when no focus with a topic was chosen."""
    from haven.chat.dialogue import DialogueState, Pending

    chosen = focus(welcome.focus) if welcome is not None else None
    topics = FOCUS_TOPICS.get(chosen.key, ()) if chosen is not None else ()
    if not topics:
        return None
    text = greeting(welcome)
    pending = Pending("open", chosen.question, None, topics[0])
    return text, DialogueState(pending=pending, topics=topics, focus=chosen.key)


def thanks(welcome: Welcome) -> str:
    """The welcome's last line, said back in the person's own terms."""
    who = f", {welcome.name}" if welcome.name else ""
    chosen = focus(welcome.focus)
    if chosen is not None and chosen.said:
        return (f"Thanks{who}. We'll start with {chosen.said} whenever you're ready: the chat is where we talk, "
                "and the Exercises and Library pages are there any time.")  # fmt: skip
    return f"Thanks{who}. Whenever you're ready, the chat is where we talk: say whatever is on your mind."

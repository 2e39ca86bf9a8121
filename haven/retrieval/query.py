"""Understand everyday phrasing: add the library's words for what a person describes in their own.

People rarely type "insomnia" or "catastrophising"; they type "I lie awake for hours" or "what if it all goes
wrong". A small lexicon of common phrasings adds the terms the library uses, for the lexical half of the
search. The dense half already matches meaning; this helps the two agree.

:func:`reading` is what every ranking reads: the message as triage reads it (``haven.safety.reading.normalise``:
emoji as words, stretched letters shortened, hidden words undone), then everyday text shorthand spelled out
("cba", "rn", "evry1", "b4"), so "cba doing anything rn" meets the library's "can't be bothered".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# (pattern over the lower-cased query, terms the library uses). General phrasings, not test queries.
_LEXICON: list[tuple[str, str]] = [
    (r"\b(can'?t|cannot|couldn'?t) (get to |fall )?sleep|awake|insomnia|up all night|toss(ing)? and turn|"
     r"wake up (at|in the)|3 ?am|tired all the time|nightmares?", "sleep insomnia bedtime"),
    (r"heart (is )?(racing|pounding)|can'?t breathe|short of breath|hyperventilat|chest (is )?tight|"
     r"freak(ing)? out|panic|going to (die|faint|pass out)|losing control", "panic anxiety breathing"),
    (r"worr|what if|overthink|can'?t stop thinking|ruminat|on edge|nervous|dread|uneasy",
     "worry anxiety"),
    (r"\b(sad|down|empty|numb|hopeless|flat|miserable|depress|blue)\b|no (energy|motivation)|"
     r"can'?t be bothered|can'?t get out of bed|nothing (is )?fun|lost interest", "low mood depression activity"),
    (r"angry|anger|furious|rage|snap(ping|ped)?|lose my temper|losing my temper|irritab|shout|yell",
     "anger irritability"),
    (r"lonely|alone|isolat|no friends|no one to talk|left out|disconnected", "loneliness connection"),
    (r"died|passed away|death of|funeral|grie|bereave|lost my (mum|mom|dad|father|mother|partner|wife|"
     r"husband|friend|dog|cat|baby|brother|sister)|miss (him|her|them) so", "grief loss bereavement"),
    (r"hate myself|not good enough|useless|failure|stupid|worthless|i'?m pathetic|so hard on myself|"
     r"perfect|never enough|mess(ed)? up", "self-criticism perfectionism self-compassion"),
    (r"burn(t|ed)? out|exhausted|overwhelm|too much (on|to do)|stressed|pressure|deadline|swamped",
     "stress burnout overwhelm"),
    (r"therapist|counsel+or|psycholog|psychiatr|professional help|real person|see (a|my) (doctor|gp)",
     "professional help therapy"),
    (r"\bcbt\b|cognitive behaviou?ral", "cognitive behavioural therapy CBT"),
    (r"always|never|everyone|nobody|ruin(ed)?|disaster|worst|the end of the world",
     "thinking traps catastrophising"),
    (r"urge|craving|binge|relapse|impuls", "urge craving impulse"),
    (r"avoid|scared of|afraid of|phobia|fear of", "avoidance fear exposure"),
    (r"say no|stand up for|people[- ]pleas|walk(ed)? all over|boundar|confront", "assertive communication"),
    (r"grateful|gratitude|good things|appreciat", "gratitude"),
    (r"spac(ed|ey) out|unreal|detached|flashback|dissociat|ground", "grounding present"),
    (r"tense|tension|clench|knots|tight (shoulders|jaw|muscles)|can'?t relax", "tension relaxation muscle"),
    (r"what (matters|do i want)|purpose|meaning|direction|values|stuck in life", "values meaning"),
    (r"problem|decide|decision|don'?t know what to do|stuck", "problem solving"),
    (r"write|journal|diary|get it out of my head", "journaling writing"),
]
_COMPILED = [(re.compile(pattern), terms) for pattern, terms in _LEXICON]


#: Everyday text shorthand, spelled out. General chat shorthand, not test queries; a word that is also English
#: ("w", "n", "r", "2") is only read as shorthand between words, where the English reading cannot be meant.
_SHORTHAND: dict[str, str] = {
    "cba": "can't be bothered", "rn": "right now", "ppl": "people", "evry1": "everyone", "every1": "everyone",
    "evryone": "everyone", "evrything": "everything", "evry": "every", "no1": "no one", "some1": "someone",
    "any1": "anyone", "b4": "before", "bc": "because", "bcos": "because", "coz": "because", "cuz": "because",
    "idk": "I don't know", "dunno": "don't know", "tbh": "to be honest", "ngl": "not going to lie",
    "smth": "something", "sth": "something", "bf": "boyfriend", "gf": "girlfriend", "msg": "message",
    "msgs": "messages", "txt": "text", "thru": "through", "u": "you", "ur": "your", "im": "I'm", "ive": "I've",
    "cant": "can't", "dont": "don't", "wont": "won't", "didnt": "didn't", "isnt": "isn't", "doesnt": "doesn't",
    "wanna": "want to", "gonna": "going to", "gotta": "got to", "tryna": "trying to", "kinda": "kind of",
    "w/": "with", "w/o": "without", "abt": "about", "bout": "about", "rly": "really", "v": "very",
    "str8": "straight", "2day": "today", "2nite": "tonight", "nite": "night", "tmrw": "tomorrow",
    "wat": "what", "wats": "what's", "thot": "thought", "thots": "thoughts", "mates": "friends",
    "awks": "awkward", "stfu": "shut up", "asap": "as soon as possible", "pls": "please", "plz": "please",
}
_BETWEEN_WORDS: dict[str, str] = {"n": "and", "w": "with", "r": "are", "2": "to", "4": "for", "c": "see"}
_TOKEN = re.compile(r"[\w/']+|[^\w\s]+|\s+")


def _spell_out(text: str) -> str:
    tokens = _TOKEN.findall(text)
    out = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in _SHORTHAND:
            out.append(_SHORTHAND[low])
        elif low in _BETWEEN_WORDS and 0 < i < len(tokens) - 1 and tokens[i - 1].isspace() and tokens[i + 1].isspace():
            out.append(_BETWEEN_WORDS[low])
        else:
            out.append(token)
    return "".join(out)


@lru_cache(maxsize=512)
def reading(query: str) -> str:
    """The query as the rankings read it: triage's normalisation, then text shorthand spelled out."""
    from haven.safety.reading import normalise

    return _spell_out(normalise(query.replace("’", "'")))


#: A clause that says what the trouble is *not* ("I'm not anxious", "it isn't a phobia", "not a panic attack",
#: "I don't want to breathe slowly"). A word matcher reads the denied word as the topic; see :func:`affirmed`.
_DENIAL = re.compile(
    r"^(?:but\s+|and\s+)?(?:(?:i'?m|i am|it'?s|it is|its|this is|that'?s|it was|i was|i'?ve|i have)\s+(?:not|never)\b|"
    r"(?:it|this|that)\s+(?:isn'?t|wasn'?t|is not|was not)\b|not\b|no\b|nothing to do with\b|"
    r"i\s+(?:don'?t|do not|never)\s+(?:think|want|need|have|feel|get|mean)\b)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?<=[,.;!?])\s+|\s+(?=but\b)", re.IGNORECASE)


def affirmed(text: str) -> str:
    """``text`` without the clauses that deny a topic, when something else is said: "I'm not anxious, I just
    keep replaying what I said" reads "I just keep replaying what I said". Only the word-matching rankings
    (dense, BM25, gist) read this; the learned layer reads the whole message, denial included."""
    parts = [p for p in _CLAUSE.split(text) if p.strip()]
    kept = [p for p in parts if not _DENIAL.match(p.strip())]
    return " ".join(kept) if kept and len(kept) < len(parts) else text


@dataclass(frozen=True)
class UnderstoodQuery:
    text: str  # what the person typed
    expansion: str  # library terms their phrasing points to ("" when none)

    @property
    def lexical(self) -> str:
        """The text for lexical search: their words plus the library's words."""
        return f"{self.text} {self.expansion}".strip()


def understand(query: str) -> UnderstoodQuery:
    """Add the library's terms for the everyday phrasings found in ``query``."""
    lowered = query.lower().replace("’", "'")
    terms: list[str] = []
    for pattern, expansion in _COMPILED:
        if pattern.search(lowered) and expansion not in terms:
            terms.append(expansion)
    return UnderstoodQuery(text=query, expansion=" ".join(terms))

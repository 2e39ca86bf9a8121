"""Understand everyday phrasing: add the library's words for what a person describes in their own.

People rarely type "insomnia" or "catastrophising"; they type "I lie awake for hours" or "what if it all goes
wrong". A small lexicon of common phrasings adds the terms the library uses, for the lexical half of the
search. The dense half already matches meaning; this helps the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

"""Facts a person gives in passing ("exam tomorrow at 9"), kept so Haven never asks for them again.

A fact is (topic, what, value): ("study", "when", "tomorrow"), ("study", "event", "exam"), ("any", "told",
"no one"). Only plain patterns: a missed fact costs one redundant question, a wrong one would put words in
the person's mouth, so nothing is guessed.
"""

from __future__ import annotations

import re

#: a weekday, also as people shorten it in a chat ("mock thurs", "weds"), said back in full
_DAY = r"((mon|tues|wednes|thurs|fri|satur|sun)day|tues?|weds|thurs?|fri)"  # "sat", "sun", "mon" are words
_DAY_NAMES = {
    "tue": "Tuesday",
    "tues": "Tuesday",
    "weds": "Wednesday",
    "thur": "Thursday",
    "thurs": "Thursday",
    "fri": "Friday",
}
_AT = r"( at \d{1,2}(:\d\d)?( ?(am|pm))?| at (noon|midday))?"
#: a month, also as people shorten it ("mocks r in jan"), always after a word that makes it a time ("may" alone is a
#: verb, "march" too), said back in full
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
_MONTH_NAMES = {
    "jan": "January",
    "feb": "February",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
WHEN = re.compile(
    # a day with its time ("monday at 9", "tomorrow at 2pm") is one fact, found before the time alone
    rf"\b(((on|this|next) )?{_DAY}( (morning|afternoon|evening|night))?{_AT}|"
    rf"tomorrow( (morning|afternoon|evening|night))?{_AT}|"
    r"tonight|today|this (morning|afternoon|evening|week|weekend)|"
    rf"(in|by|before|after|until|till|end of|early|mid|late|this|next) {_MONTH}|"
    r"next (week|month|year)|in (a|an|one|two|three|four|five|a few|\d+) "
    r"(hours?|days?|weeks?|months?)|at \d{1,2}(:\d\d)?( ?(am|pm))?|\d{1,2} ?(am|pm))\b"
)
EVENT = re.compile(
    r"\b(finals|mocks?|gcses|a levels|exams?|tests?|interviews?|presentations?|deadlines?|meetings?|appointments?|dates?|weddings?|"
    r"funerals?|surgery|operation|driving test|assessment|essay|dissertation|first day|audition|speech)\b"
)
TOLD = re.compile(
    r"\b(no ?one|nobody|no body|haven'?t told|have not told|not told|didn'?t tell|told (my|a|her|him|them|my)|"
    r"only (my|me)|(my )?(mum|mom|dad|partner|friend|friends|sister|brother|wife|husband|boyfriend|girlfriend|"
    r"therapist|doctor) knows?)\b"
)
#: A doctor or other clinician already involved ("my GP put my tablets up", "my doctor told me to lose weight", "my
#: neurologist gave me..."): "Have you been able to talk to a doctor about it?" would ask what was just said.
DOCTOR = re.compile(
    r"\b(doctor|doctors|dr|gp|gps|nurse|consultant|neurologist|psychiatrist|specialist|cardiologist|surgeon|"
    r"dentist|therapist|counsell?or|midwife|health visitor|physio\w*|paediatrician|pediatrician|oncologist|"
    r"dermatologist|gynae\w*|obstetrician|psychologist)\b"
)
#: Someone named who is on the person's side ("my mate Dev, he quit with me so we could stick together", "my best
#: friend, she's the only one who gets it", "my sister has been amazing"): "Who do you feel most at ease with?" would
#: ask who they just named.
_CLOSE_ONES = (
    r"best friend|boyfriend|girlfriend|partner|husband|wife|mum|mom|mother|dad|father|sister|brother|son|daughter|"
    r"friend|friends|mate|mates|flatmate|housemate|colleague|nan|gran|grandma|grandad|aunt|uncle|cousin|neighbour|"
    r"neighbor|therapist|counsell?or"
)
SUPPORT = re.compile(
    rf"\b(my|our) ({_CLOSE_ONES})\b.{{0,60}}\b(with me|for me|by my side|on my side|the only one|always there|"
    r"been there|been (so )?(great|amazing|supportive|brilliant|good|lovely|kind)|helps me|helped me|gets it|"
    r"gets me|understands|looks out for me|stick together|checks? (in )?on me|i can talk to|i talk to|"
    r"(texts|calls|rings|messages) (me )?to (see|check|ask))\b|"
    rf"\b(i can talk to|i talk to|i'?ve told|i told|talked to|talk to|lean on|rely on|ring|rang|call|called|text|"
    rf"texted|phoned) (my|our) "
    rf"({_CLOSE_ONES})\b"
)
#: How long something has gone on ("about a month now", "for two weeks", "since Christmas").
SINCE = re.compile(
    r"\b((for |about |around |nearly |almost |over )*(a|an|one|two|three|four|five|six|a few|several|\d+) "
    r"(days?|weeks?|months?|years?)( now| ago)?|since (last \w+|\w+mas|the \w+|i was \w+))\b"
)
RATING = re.compile(r"\b(10|[0-9])( ?/ ?10| out of (10|ten))?\b")
#: What the worry says will happen, said already ("what if they think I'm boring", "I'm scared she'll leave"):
#: "What is the worry telling you will happen?" would ask what was just said.
FEARED = re.compile(
    r"\bwhat if\b|\b(scared|afraid|worried|terrified|convinced|sure) (that )?(they|he|she|i|it|people|everyone|"
    r"everybody|my \w+)('?ll| will| might| would| are going to| is going to| think| thinks)\b"
)

#: The fact a follow-up question asks for; a question is skipped once its fact is known.
QUESTION_ASKS: dict[str, str] = {
    "What is the next deadline or exam you're facing?": "when",
    "Who else knows how you've been feeling?": "told",
    "From 0 to 10, how strong is the feeling right now?": "rating",
    "From 0 to 10, how stressed do you feel right now?": "rating",
    "When did you first notice feeling this way?": "since",
    "Where are you when it tends to happen?": "where",
    # when it is loudest is answered by a time or a place ("pe today. changing rooms", chat_heldout66, read: asked
    # "When do these thoughts about your body get loudest?" just after)
    "When do these thoughts about your body get loudest?": "occasion",
    "When does the worry tend to get loudest?": "occasion",
    "When does the worry tend to feel loudest?": "occasion",
    "How many nights a week is it like this?": "how_often",
    "What happened between you most recently?": "what_happened",
    "What happened with your friends?": "what_happened",
    "What has been happening at home?": "what_happened",
    "Have you been able to talk to a doctor about it?": "doctor",
    "Is there someone in the family you can talk to?": "told",
    "Who is there to support you through this?": "support",
    "Who do you feel most at ease with?": "support",
    "Is there anyone, near or far, you feel at ease with?": "support",
    "What is the worry telling you will happen?": "feared",
    "What does the critical voice tell you?": "verdict",
    # situations' own questions (haven/chat/data/situations.yaml)
    "Who, if anyone, have you been able to talk to about it?": "told",
    "Who, if anyone, do you feel most at ease talking to?": "support",
}
#: Facts that are the person's whatever the topic (who knows, who supports them, a doctor involved).
_ANY_TOPIC = ("told", "support", "doctor", "feared")


#: A place or an occasion in the day where something happens ("in pe", "on the bus", "changing rooms", "at night").
PLACE = re.compile(
    r"\b(in|at|on|during|before|after) (pe|gym|class|lessons?|school|work|uni|college|church|lectures?|the (bus|train|"
    r"tube|shop|shops|supermarket|gym|office|car|pool|beach|canteen|playground|changing rooms?|mirror|party|pub))\b|"
    r"\b(pe|gym class|changing rooms?|the mirror)\b"
)
_OCCASION = re.compile(rf"{WHEN.pattern}|{PLACE.pattern}|\b(at night|in bed|bedtime|mealtimes?|in the (morning|evening))\b")


def extract(norm: str, themes: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """The facts stated in a normalised message, the time and the event under each of its themes (or "any").

    Why each: "dissertation due in 3 weeks" is about procrastination and study at once; kept under the first only, it
    was asked "What is the next deadline or exam you're facing?", the study theme's question, two turns later."""
    found: list[tuple[str, str, str]] = []
    when, event = WHEN.search(norm), EVENT.search(norm)
    place, occasion = PLACE.search(norm), _OCCASION.search(norm)
    for topic in themes or ("any",):
        if when:
            found.append((topic, "when", when.group(0)))
        if event:
            found.append((topic, "event", event.group(0)))
        if place:
            found.append((topic, "where", place.group(0)))
        if occasion:
            found.append((topic, "occasion", occasion.group(0)))
    if match := TOLD.search(norm):
        found.append(("any", "told", match.group(0)))
    if match := SINCE.search(norm):
        found.append(("any", "since", match.group(0)))
    if match := DOCTOR.search(norm):
        found.append(("any", "doctor", match.group(0)))
    if match := SUPPORT.search(norm):
        found.append(("any", "support", match.group(0)))
    if match := FEARED.search(norm):
        found.append(("any", "feared", match.group(0)))
    return tuple(found)


_GIVES = {"told": TOLD, "rating": RATING, "when": WHEN, "support": SUPPORT, "doctor": DOCTOR}


def gives(norm: str, asks: str | None) -> bool:
    """True if the message plainly states the fact a question asked for ("my mum knows" for "told")."""
    pattern = _GIVES.get(asks or "")
    return bool(pattern and pattern.search(norm))


def answer_fact(norm: str, topic: str | None, asks: str | None) -> tuple[tuple[str, str, str], ...]:
    """An answer to a question that asked for a fact gives that fact, whatever words it is in."""
    if not asks:
        return ()
    if asks == "rating":
        match = RATING.search(norm)
        return (("any", "rating", match.group(1)),) if match else ()
    where = "any" if asks in _ANY_TOPIC else (topic or "any")
    return ((where, asks, norm[:80]),)


#: Said of something already over ("I had an exam yesterday"): not reflected as coming up.
_PAST = re.compile(r"\b(yesterday|last (week|night|\w+day)|ago|had (an?|my|the)|was|went|did)\b")
#: "the first one on Monday": the first of several (finals, exams, interviews).
_FIRST = re.compile(r"\bfirst (one|of them|exam|paper)?\b")
_COUNTABLE_ONE = re.compile(
    r"^(exam|test|interview|presentation|deadline|meeting|appointment|date|wedding|funeral|"
    r"operation|driving test|assessment|essay|dissertation|audition|speech)$"
)


def coming_up(facts: tuple[tuple[str, str, str], ...], norm: str) -> str | None:
    """The event and its time given in this message, said back in the person's terms ("Finals, with the first
    on Monday at 9"), or None. Why: naming what the person told us shows it was heard, and is the one thing a
    scripted reply can say about their situation without guessing. Only when both are there and it is ahead."""
    event = next((value for _, what, value in facts if what == "event"), None)
    when = next((value for _, what, value in facts if what == "when"), None)
    if event is None or when is None or _PAST.search(norm):
        return None
    when = re.sub(rf"\b{_DAY}\b", lambda m: _DAY_NAMES.get(m.group(0).lower(), m.group(0).capitalize()), when)
    when = re.sub(
        rf"(?<=\w )\b{_MONTH}\b", lambda m: _MONTH_NAMES.get(m.group(0).lower(), m.group(0).capitalize()), when
    )
    if re.match(_DAY, when, re.I):
        when = f"on {when}"  # "monday at 9" -> "on Monday at 9"
    elif re.match(r"\d", when):
        when = f"at {when}"  # "2pm" -> "at 2pm"
    elif when.startswith("end of"):
        when = f"at the {when}"  # "end of may" -> "at the end of May"
    elif re.match(r"(early|mid|late) ", when):
        when = f"in {when}"
    if _COUNTABLE_ONE.match(event):
        article = "An" if event[0] in "aeiou" else "A"
        return f"{article} {event} {when}"
    event = _AS_WRITTEN.get(event, event.capitalize())
    if _FIRST.search(norm):
        return f"{event}, with the first {when}"
    return f"{event} {when}"


#: Names written as people write them ("GCSEs", not "Gcses").
_AS_WRITTEN = {"gcses": "GCSEs", "a levels": "A levels"}

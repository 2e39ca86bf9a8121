"""Questions about Haven's check-ups (PHQ-9, GAD-7, WHO-5) asked in the chat, answered from the check-ups' own
published bands (haven/tracking/instruments.yaml), never as a diagnosis.

Why its own module: "I did the GAD-7 in the app and got 11. What does that mean?" was met with "I'm glad you got in
touch. What usually helps you, even a little?", and "Is it worth doing the PHQ-9 as well or is that only for
depression?" with a reflection of low mood. The questionnaires are the app's own; what a score means, what each one
asks about and how often to take it again are facts Haven holds, so they are said plainly, once with the reminder
that a check-up is not a diagnosis; each band's own advice says when to talk it over with a doctor.
"""

from __future__ import annotations

import re

#: The check-ups by the names people type ("gad7", "GAD-7", "phq 9", "who-5").
_NAMED = {
    "gad7": re.compile(r"\bgad ?-? ?7\b"),
    "phq9": re.compile(r"\bphq ?-? ?9\b"),
    "who5": re.compile(r"\bwho ?-? ?5\b"),
}
#: A check-up asked for by what it is about ("that check-up for anxiety", "a depression test"), as people who do not
#: know its name ask for it.
_ABOUT = {
    "gad7": r"anxiety|worry|worrying|nerves",
    "phq9": r"depression|low mood|feeling low",  # not "mood": the mood check-in has scores of its own
    "who5": r"wellbeing|well-being|well being",
}
_KIND = r"(?:check ?-?ups?|tests?|questionnaires?|quiz(?:zes)?|screening|assessments?)"
_BY_WHAT = {
    key: re.compile(rf"\b{_KIND} (?:for|on|about|of) (?:my |the )?(?:{about})\b|\b(?:{about}) {_KIND}\b")
    for key, about in _ABOUT.items()
}
#: Asking to take one ("I want to do that check-up", "where can I find the test", "can I take it here").
_WANTS_TO_TAKE = re.compile(
    r"\b(?:want|wanna|like|need|love) to (?:do|take|try|fill|find)\b|\b(?:can|could|how do|where do|where can|how can) i "
    r"(?:do|take|try|fill|find|get)\b|\blet me (?:do|take|try)\b|\bwhere is\b|\bwhere'?s\b|\bwheres\b|"
    r"\b(?:show|take) me (?:to )?the\b"
)
_WHERE = (
    "You'll find it on the Check-ups page in the menu. It takes a couple of minutes, and your scores are kept there "
    "so you can see how they change."
)
#: A score said ("got 11", "scored 14", "came out at 9", "it said 52%").
_SCORE = re.compile(
    r"\b(?:got|get|getting|scored?|scoring|came (?:out|back) (?:at|as|with)|says?|said|it'?s|i'?m on|was|of|gave me)"
    r" (?:a |an )?(?P<score>\d{1,3})(?P<percent> ?%| percent)?(?! ?(?:days?|weeks?|months?|years?|times?|hours?|mins?)\b)"
)
#: A check-up told as taken ("i did the phq-9 yesterday", "just filled in the GAD-7 again").
_TAKEN = re.compile(
    r"\b(?:did|done|took|taken|filled (?:in|out)|completed|finished|redid|re ?did|retook|answered)\b"
)
#: A score given on its own, answering Haven's question for it ("14", "it was 14", "about 14 i think").
_BARE_SCORE = re.compile(r"^(?:(?:it was|it'?s|about|around|roughly|like|um|erm|uh|i think)\s+)*(?P<score>\d{1,3})\b")
_HOW_OFTEN = re.compile(r"\bhow often\b|\bwhen should i (?:re ?do|do|take|repeat)\b|\b(?:re ?do|repeat|retake)\b")
_WHAT_FOR = re.compile(
    r"\bwhat (?:is|does|do|are)\b|\bonly for\b|\bwhat'?s (?:it|that|the)\b|\bworth doing\b|\bdifference\b|\bwhich\b|"
    r"\bshould i (?:do|take)\b"
)
_NOT_A_DIAGNOSIS = "A check-up is a snapshot of the last two weeks, not a diagnosis."
_CADENCE = (
    "Every two weeks is a good rhythm, since each one asks about the last two weeks; taking it more often than that "
    "mostly measures the same days twice. The Check-ups page keeps your scores, so you can see the trend."
)


#: A question about the score just talked over, without naming it again ("Moderate? Ok. Should I be worried about
#: that?", "is that bad?", "what does moderate mean?").
_ABOUT_THE_SCORE = re.compile(
    r"\bshould i (?:be )?(?:worried|worry|concerned|panic)\b|\bis (?:that|it|this|\d+) (?:bad|serious|high|low|"
    r"normal|good|worrying|a lot|too high|okay|ok|alright)\b|\bwhat does (?:that|it|this|moderate|mild|severe|"
    r"moderately severe|that score|the score) (?:mean|say)\b|\bdo i need (?:to see )?(?:a doctor|help|therapy|"
    r"medication|meds)\b|\bwhat (?:should|do) i do (?:now|next|about it|about that)\b|\bhow bad is (?:that|it)\b"
)
#: The most words a question about the score just given has: "Mostly work... I also have two coffees after dinner,
#: is that bad?" asks about the coffee, not the score.
_SHORT_FOLLOW_UP = 12
#: What Haven says to a worry about a score: not a verdict, one way to read it, and where it can go next.
_WORRIED_ABOUT_IT = (
    "It's worth taking seriously, but it isn't a reason to panic: it says how the last two weeks have felt, not what is "
    "wrong with you, and scores move as things change."
)


#: A check-up's answer option typed on its own ("more than half the days", "nearly every day"), as people do after being
#: told where the check-ups are: the PHQ-9 / GAD-7 frequencies and the WHO-5's.
_OPTION = re.compile(
    r"^(?:(?:um|erm|ok|okay|hmm|i'?d say|probably|maybe|honestly|i guess)\s+)*(?:not at all|several days|"
    r"more than half (?:the|of the) (?:days|time)|nearly every day|all of the time|most of the time|"
    r"more than half of the time|less than half of the time|some of the time|at no time)"
    r"(?:\s+(?:i'?d say|i think|probably|tbh|honestly|really|i guess))*\W*$"
)


def option_typed(norm: str) -> bool:
    """Whether the message is one of the check-ups' answer options on its own ("more than half the days")."""
    return bool(_OPTION.match(norm.strip()))


def named(norm: str) -> list[str]:
    """The check-ups a message names, in the order Haven lists them: by name, or asked for by what it is about."""
    return [key for key, pattern in _NAMED.items() if pattern.search(norm) or _BY_WHAT[key].search(norm)]


def wants_to_take(norm: str) -> bool:
    """Whether the message asks to take a check-up it names ("Please I want to do that check-up for anxiety")."""
    return bool(named(norm)) and bool(_WANTS_TO_TAKE.search(norm))


def asked(norm: str) -> bool:
    """Whether the message asks about a check-up by name, asks to take one, or gives a score from one."""
    return bool(named(norm)) and (
        "?" in norm or bool(_SCORE.search(norm)) or bool(_HOW_OFTEN.search(norm)) or wants_to_take(norm)
    )


def taken(norm: str) -> bool:
    """Whether the message tells of one check-up taken, naming it without a score or a question about it ("i did
    the phq-9 yesterday"): Haven asks what it came out at, so the score said next is read with it."""
    return len(named(norm)) == 1 and not asked(norm) and bool(_TAKEN.search(norm))


def taken_fact(norm: str) -> tuple[tuple[str, str, str], ...]:
    """The check-up told as taken, or asked to take, kept with the conversation ("checkup_taken", "phq9", "yes")."""
    which = named(norm)
    if taken(norm) or (len(which) == 1 and wants_to_take(norm) and not _SCORE.search(norm)):
        return (("checkup_taken", which[0], "yes"),)
    return ()


def in_context(norm: str, facts: dict[str, dict[str, str]], just_asked: str | None) -> str:
    """The message as the check-ups read it: a score said on its own ("I got 14", "14 i think") in answer to
    Haven's question for it, after a check-up was told as taken, reads as that check-up's score ("phq9 i got 14");
    anything else reads as it was said. Why: the check-up was named one message, the score the next, and "I got
    14" alone was read as trying the sleep plan."""
    from haven.chat import phrases as P

    taken_ones = list(facts.get("checkup_taken", {}))
    if len(taken_ones) != 1 or named(norm):
        return norm
    if just_asked not in P.CHECKUP_ASK_SCORE:
        # later, a score said as one ("so it says my score is 13"), of the one check-up talked about
        said = re.search(r"\bscore (?:is|was|came out at|of) (?P<score>\d{1,3})\b|\bscored (?P<also>\d{1,3})\b", norm)
        return f"{taken_ones[-1]} got {said.group('score') or said.group('also')} {norm}" if said else norm
    bare = _BARE_SCORE.match(norm)
    if _SCORE.search(norm):
        return f"{taken_ones[-1]} {norm}"
    if bare:
        return f"{taken_ones[-1]} got {bare.group('score')}{norm[bare.end():]}"
    return norm


def ask_score(norm: str) -> list[str]:
    """What Haven says to a check-up told as taken: thanks, and what it asks about (the score is asked next)."""
    from haven.tracking.instruments import load_instruments

    instrument = load_instruments()[named(norm)[0]]
    return [f"Thanks for taking the {instrument.name}; it asks about {instrument.measures} over the last two weeks."]


def score_given(norm: str) -> bool:
    """Whether the message gives a score from a check-up it names."""
    return bool(named(norm)) and bool(_SCORE.search(norm))


def answer(norm: str) -> list[str]:
    """What Haven says: the band of a score given, what each named check-up asks about, how often to take it
    again, and that none of it is a diagnosis."""
    from haven.tracking.instruments import load_instruments

    instruments = load_instruments()
    which = named(norm)
    parts: list[str] = []
    score, how_often = _SCORE.search(norm), _HOW_OFTEN.search(norm)
    if score and len(which) == 1:
        parts.append(_band_sentence(instruments[which[0]], int(score.group("score")), bool(score.group("percent"))))
    elif _WHAT_FOR.search(norm) or not how_often:
        parts.extend(
            f"The {instruments[key].name} asks about {instruments[key].measures} over the last two weeks."
            for key in (which or ["phq9", "gad7"])
        )
        if "phq9" in which and "gad7" not in which:
            parts.append("Worry and anxiety have their own check-up, the GAD-7; many people take both.")
    if how_often:
        parts.append(_CADENCE)
    if wants_to_take(norm) and not score:
        parts.append(_WHERE)
    parts.append(_NOT_A_DIAGNOSIS)
    return parts


def _band_sentence(instrument, score: int, percent: bool) -> str:
    """ "On the GAD-7, 11 is in the moderate range." and the band's own advice."""
    total = score
    if instrument.id == "who5" and not percent and score <= 25:
        total = score * 4  # the WHO-5's raw 0-25 is read as a percentage
    for band in instrument.bands:
        if total <= band.up_to:
            said = f"{score}%" if percent else str(score)
            return f"On the {instrument.name}, {said} is in the {band.label} range. {band.advice}"
    return f"The {instrument.name} does not go as high as {score}; it may be worth taking it again on the Check-ups page."


def score_fact(norm: str) -> tuple[tuple[str, str, str], ...]:
    """The score a message gives, as a fact kept with the conversation ("checkup", "gad7", "11"), so a question
    about it a moment later ("Should I be worried about that?") is answered about that score."""
    which, score = named(norm), _SCORE.search(norm)
    if len(which) != 1 or not score:
        return ()
    return (("checkup", which[0], score.group("score") + ("%" if score.group("percent") else "")),)


def asked_about_score(norm: str, facts: dict[str, dict[str, str]], just_asked: str | None) -> bool:
    """Whether the message asks about the score given just before ("Should I be worried about that?"), answering
    Haven's question about the check-up (``just_asked``, its last words), in a few words; later, or at length, "is
    that bad?" is about whatever was said last."""
    from haven.chat import phrases as P

    about_it = (*P.CHECKUP_SCORE_QUESTION, *P.CHECKUP_WORRY_QUESTION, *P.CHECKUP_QUESTION)
    return (
        bool(facts.get("checkup"))
        and just_asked in about_it
        and not named(norm)
        and len(norm.split()) <= _SHORT_FOLLOW_UP
        and bool(_ABOUT_THE_SCORE.search(norm))
    )


def answer_about_score(facts: dict[str, dict[str, str]]) -> list[str]:
    """What Haven says to a question about the score given earlier: its band and advice again, and a steady word."""
    from haven.tracking.instruments import load_instruments

    key, said = next(iter(facts["checkup"].items()))
    percent = said.endswith("%")
    band = _band_sentence(load_instruments()[key], int(said.rstrip("%")), percent)
    return [_WORRIED_ABOUT_IT, band, _NOT_A_DIAGNOSIS]


def said_once(parts: list[str], fresh) -> str:
    """The parts not yet said in this conversation (``fresh``), or the first when all were: "not a diagnosis" once."""
    return " ".join([part for part in parts if fresh(part)] or parts[:1])

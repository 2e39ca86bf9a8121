"""The guide engine: no model, offline, deterministic. Reflects, explains a little, suggests, asks.

In the manner of Woebot and Wysa: name back what the person feels, offer one short piece of
psychoeducation from an article (cited), one to three exercises from what retrieval found (cited), and one
follow-up question. Every fact it states is a library passage; its own words are only the connective tissue
in :mod:`haven.chat.phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from haven.chat import checkups, passages, situations, threads
from haven.chat import intents as I
from haven.chat import phrases as P
from haven.chat.dialogue import aside_keeps_thread
from haven.chat.facts import QUESTION_ASKS, SINCE, coming_up
from haven.chat.inchat import running
from haven.chat.intents import KINDS, UPCOMING, kind_of, outcome_of
from haven.chat.phrasing import Phraser, sentence_key
from haven.chat.types import Citation, Draft, EngineRequest, HistoryTurn
from haven.chat.understanding import FEELINGS, normalise, term_asked, thing_asked
from haven.content.loader import Library
from haven.content.models import Exercise
from haven.retrieval.types import Hit

#: Exercise tags that fit a recognised feeling or theme (default: the topic's own name), each matched from the start
#: of a tag; an exercise with no tag that fits what the person is talking about is not offered unasked.
_TAG_WORDS = {
    "low": r"low-mood|depression|motivation",
    "anxious": r"anxiety|worry|panic",
    "lonely": r"loneliness|connection",
    "stressed": r"stress",
    "overwhelmed": r"overwhelm|stress",
    "tired": r"tiredness|sleep",
    "angry": r"anger",
    "ashamed": r"shame|self-criticism",
    "guilty": r"guilt|self-criticism",
    "frustrated": r"anger|frustration|conflict",  # "my flatmate never cleans up and im sick of it"
    "grieving": r"grief",
    "sleep": r"sleep|insomnia",
    "self-criticism": r"self-criticism|shame",
    "relationships": r"relationships|communication",
    "friends": r"loneliness|connection|social",
    "social": r"social anxiety|avoidance|phobia",  # not "confidence": assertiveness is for a conflict, not nerves on show
    "someone_ill": r"worry|stress|self-criticism|loneliness",
    "caring": r"stress|guilt|overwhelm",  # not assertiveness: a carer's first words are not a conflict
    "procrastination": r"procrastinat|perfectionism|decisions",  # not low mood's "small steps back to doing"
    "money": r"stress|worry|decisions|planning",
    "study": r"stress|worry|perfectionism|exams",
    "work": r"work|stress|overwhelm",
    "worry": r"worry|rumination|overthinking",
}
#: A fear voiced in the middle of the steps for the moment ("I'm sure we will fall from the sky", "what if I faint").
_FEARED = re.compile(
    r"\b(sure|convinced|certain|what if|scared|afraid|terrified|frightened|keep thinking|going to|gonna|will)\b.{0,50}"
    r"\b(fall|crash|die|dying|faint|pass out|throw up|be sick|lose it|lose control|go wrong|heart attack|choke|"
    r"stop breathing|can'?t breathe|make a fool|mess (it |this )?up|go mad|never end)\b"
)
#: Exercises about one thing, offered only when that thing has come up: the sleep plan's "stress" tag fitted a student
#: behind on revision ("like 4 hours a day probably lol", of phone time, got the Sleep reset plan, seen round 41).
_ONLY_ABOUT = {"sleep-hygiene": ("sleep", "tired")}
#: A relationship ended or ending, said anywhere in the conversation: what the break-up article is about.
_ENDED = re.compile(
    r"\b(break ?up|broke(n)? up|breaking up|split( up)?|splitting|separat\w*|divorc\w*|dumped|ended (it|things)|"
    r"left me|walked out|my ex|an ex|ex (boyfriend|girlfriend|husband|wife|partner)|heartbreak|heartbroken|cheated)\b"
)
#: Articles that fit only once their own subject was said in the conversation: a partner named is no break-up ("wife
#: knows, yeah. we're in it together", in a talk about money, got "If you slip and check, be kind to yourself",
#: chat_heldout42, read).
#: A baby in the person's life: "couple months. since winter started maybe", after feeling flat, got the baby blues
#: (chat_heldout49, read): the new-baby article is background only in a talk that has a baby in it.
_BABY = re.compile(
    r"\b(bab(y|ies)|newborn|new ?born|infant|pregnan\w*|post ?natal|post ?partum|birth|gave birth|maternity|paternity|"
    r"feeds?|feeding|breastfeed\w*|bottle|nappy|nappies|diapers?|bassinet|cot|health visitor|midwife|\d+ (weeks?|months?) old)\b"
)
_ARTICLE_ONLY_WHEN = {"relationship-endings": _ENDED, "life-with-a-new-baby": _BABY}
#: Work close to other people's pain: care, emergency services, teaching, animals, or a death met at work.
_HEAVY_WORK = re.compile(
    r"\b(nurs(e|es|ing)|care work\w*|carer|care home|paramedic|ambulance|a and e|a ?& ?e|icu|ward|hospital|hospice|doctor|"
    r"gp|midwi\w+|police|firefight\w*|fire service|social work\w*|teach(er|ers|ing)|vets?|veterinary|patients?|"
    r"residents?|died at work|lost a (patient|resident|client)|resus|cpr|dnacpr|emergency (services|department|room))\b"
)
#: Sections of an article that fit only once their own situation was said: "Crying after a hard shift, feeling numb
#: for a while" is for work close to other people's pain, not for a retiring postman or a laptop that died
#: (chat_heldout60 and 61, read: a bus driver back from the men's shed was told it).
_SECTION_ONLY_WHEN = {("stress-and-burnout", "When work is emotionally heavy"): _HEAVY_WORK}
#: A message that ends by signing off ("yeah it helped, thanks. night", "that helped, bye x").
_SIGNED_OFF = re.compile(r"\b(good ?night|night night|night|nite|gn|bye+|goodbye|bye for now|see you|ttyl|later|laters)( x+)?\W*$")
#: Asking how long an exercise takes ("is it long?", "how long does it take").
_HOW_LONG_IS_IT = re.compile(
    r"\b(is it|is that|is this) (long|quick|short)\b|\bhow long (is|does|will|would|should)\b|\bhow much time\b|"
    # "So I breathe in for 4 and out for 6, how many times should I do it?": how much of it, said as its length
    r"\bhow (many (times|rounds|breaths|cycles)|often) (should|do|would|can) (i|you|we)\b"
)
#: What each check-up measures, as the feeling the library's exercises are tagged for.
_CHECKUP_SUBJECT = {"phq9": "low", "gad7": "anxious", "who5": "low"}
#: A sentence that gives examples: "for example", "such as", or a list of three ("a text, a wave or a call").
_GIVES_EXAMPLES = re.compile(r"\b(for example|for instance|such as|like a)\b|\w, (?:[\w']+ ){0,5}[\w']+,? (or|and) \w")
#: A plan made for someone ("for her", "in his memory"), said in a conversation about a loss.
_FOR_THEM = re.compile(r"\b(?:for|to remember|in memory of|in) (her|him|them)\b(?: memory)?")
#: Words of a request that say nothing of its subject ("what could I try about..."), left out when a tip is matched.
_TIP_STOP = {"about", "could", "would", "should", "there", "thing", "things", "anything", "something", "really"}
#: Article tags that fit a feeling or theme: a piece of an article is quoted only when the article is about what
#: the person is talking about (the search finds the nearest article even when none fits: grief's stages for a
#: party, "mind reading" for the rent).
_ARTICLE_FITS = {
    "anxious": r"anxiety|worry|panic|nervous|fear(?!-)",  # not procrastination's "fear-of-failure"
    "low": r"low-mood|depression|sadness|hopeless|no-motivation",
    "angry": r"anger|irritability|rage|frustration",
    "frustrated": r"frustration|anger|irritab",  # not "stress": a cancelled train is no cue for the worry article
    "lonely": r"loneliness|isolation|connection|left-out",
    "stressed": r"stress|pressure|burnout|overwhelmed",
    "overwhelmed": r"overwhelmed|stress|pressure",
    "ashamed": r"shame|self-criticism|self-esteem",
    "guilty": r"guilt|self-criticism|shame",
    "numb": r"numb|empty|low-mood",
    "tired": r"tired|exhausted|sleep|burnout",
    "grieving": r"grief|loss|bereavement",
    "sleep": r"sleep|insomnia|night-waking",
    "work": r"work|burnout|stress|pressure",
    "study": r"stress|pressure|perfectionism|worry",
    "relationships": r"relationships|connection",
    "family": r"connection",  # not "caring": a loss in the family is not carer strain; not "relationships": a family
    # row is no break-up (a mum's fall got the break-up article's "Heartbreak can make your thoughts harsher")
    "friends": r"friendship|connection|loneliness|social-anxiety",
    "social": r"social-anxiety|shyness|blushing|judged",
    "someone_ill": r"worry|stress|caring",
    "caring": r"caring|carer|caregiv|respite",
    "procrastination": r"procrastinat|putting-off|perfectionism|motivation",
    "money": r"stress|worry|pressure",
    "health": r"anxiety|worry",  # a test or a symptom waited on is a worry; not the "what to expect from therapy" article
    "panic": r"panic|racing-heart|breathless",
    "self-criticism": r"self-criticism|perfectionism|inner-critic|not-good-enough|self-esteem",
    "body": r"self-esteem|self-criticism",
    "worry": r"worry|overthinking|what-if|anxiety|racing-mind",
}
#: How many of an article's first tags say what it is about; the rest are words a search may meet it by, and a
#: feeling the article speaks to. A theme must be the article's subject: "burnout" far down the carer article's
#: tags made it fit work ("Carers' charities can also help..." quoted to someone who moved for a new job), while
#: guilt and exhaustion, further down, are what a carer may feel.
_SUBJECT_TAGS = 5
_FEELING_NAMES = frozenset(f.name for f in FEELINGS)
#: Exercise tags too general to say an exercise fits because the person used the word ("my feelings").
_GENERAL_TAGS = frozenset({"feelings", "emotions", "thoughts", "writing", "support", "safety", "planning"})


def _names(tags, pattern: str) -> bool:
    """True if one of ``tags`` starts with what ``pattern`` names: "anxiety" names "anxiety", never
    "social-anxiety" (a worry about a promotion is not social anxiety)."""
    return any(re.match(rf"(?:{pattern})", tag) for tag in tags)


#: Feelings that build and are met, in the moment, with the steps of their article's "what helps in the moment"
#: list (panic and anxiety have exercises for that: GuideEngine.MOMENT_EXERCISES).
_SETTLE_FEELINGS = ("angry", "frustrated")
#: A request about the moment itself ("what can I do in the moment when I feel it building up?").
_ABOUT_THE_MOMENT = re.compile(
    r"\b(in the moment|right then|right now|at the time|heat of the moment|building up|builds up|"
    r"when (i feel )?(it|that|the anger)('?s| is)? (build|start|com|ris|kick)\w*|"
    r"before i (snap|shout|yell|lose it|explode|blow up|say something))\b"
)


#: Background that makes light of a hard feeling ("Some stress is part of life. A deadline ... can give you a useful
#: push." to someone who can't stop worrying about money, or to an exhausted carer): true, but not what fits then.
_MAKES_LIGHT = re.compile(
    r"part of (everyday )?life|useful push|can even help|(is|are) (perfectly )?normal|everyone (feels|gets|has)|"
    r"almost everyone|most people (feel|get|have)",
    re.I,
)
#: An article's opening that speaks to its reader ("You might be reading this because you dread every Monday, ..."):
#: a list of reasons someone might open the article, not background for what this person said; quoted in a chat it
#: reads as a guess about them (it was the burnout article's line for a deadline, a manager, a flat, a job).
_TO_THE_READER = re.compile(r"^(you might be reading this|you may be reading this|if you are reading this)", re.I)
#: Good news that is someone else's ("my daughter had her baby", "my son got into uni"): shared, not praised as theirs.
_SOMEONE_ELSES_NEWS = re.compile(
    r"\b(?P<who>(my|our) (eldest|youngest|oldest|mum|mom|dad|sister|brother|son|daughter|grandson|granddaughter|niece|nephew|best friend|friend|"
    r"partner|husband|wife|boyfriend|girlfriend|cousin|aunt|uncle|nan|grandma|grandad|kids?|little one))\b"
    r"(?! and i\b)(?:'s)? (?!said\b|was fine\b|were fine\b)"
)
#: Words of a question that name no subject, left out when a question is matched to a section's heading.
_QUESTION_WORDS = frozenset(
    "what whats does that this there they them then than with about from have thing things actual actually really "
    "just even mean means stand like kind sort when where which would could should your more tell explain "
    "some many much into been being over also only ever isnt".split()
)
#: A question about how to do something ("how do people get over something like this?", "what would facing it even
#: look like?"): what an exercise answers, more than a passage of background.
_ASKS_HOW = re.compile(
    r"\bhow (do|can|could|would|should|did) (i|you|people|we|someone|anyone)\b|\bwhat would .+ look like\b|"
    r"\bhow to\b|\bwhere (do|would|should) i (even )?start\b|\bwhat (do|can|should|could) (i|we|you|people) (do|try)\b|"
    # "what helps with panic attacks?" asks for what helps; "what helps is talking to my sister" tells it
    r"^(so |and |ok |okay |but )?what (actually |really |usually )?(helps|can help|might help|would help|works)\b(?! is\b)|"
    + I.FIRST_STEP.pattern  # "what would the first step be?": what helps, from the start
)
#: A condition said not to be theirs ("I'm not depressed or anything", "not a carer, it's my job"), and the article
#: tag it names.
_DENIED = re.compile(
    r"\b(?:not|never|isn'?t|wasn'?t|no)( \w+)? (?P<what>depressed|depression|anxious|anxiety|burnt out|burned out|"
    r"burnout|a carer|carer|caring for anyone|grieving|lonely|panicking|a panic attack)\b"
)
_DENIED_TAG = {
    "depressed": "depression", "depression": "depression", "anxious": "anxiety", "anxiety": "anxiety",
    "burnt out": "burnout", "burned out": "burnout", "burnout": "burnout", "a carer": "carer", "carer": "carer",
    "caring for anyone": "carer", "grieving": "grief", "lonely": "loneliness", "panicking": "panic",
    "a panic attack": "panic",
}


def _denies(norm: str, tags) -> bool:
    """Whether the message says the article's subject is not theirs ("I'm not depressed or anything")."""
    return any(_DENIED_TAG[m.group("what")] in tags[:_SUBJECT_TAGS] for m in _DENIED.finditer(norm))


#: A sentence about who an article is for ("You might be reading this because you feel numb..."): it speaks to a
#: reader of the page, not to someone who asked a question.
_ABOUT_THE_PAGE = re.compile(r"(you might be reading this|you may be reading this|this (article|page|guide) )", re.I)
#: Thanks for the talk itself, which closes it ("Thanks for everything", "thank you for listening", "cheers for this").
_THANKS_FOR_THE_TALK = re.compile(
    r"\b(thanks|thank you|thank u|cheers|ta)( so much| very much| a lot| again)? for (everything|listening|this|the chat|"
    r"talking|chatting|your time|being here|the help|all (of )?(this|that|the help|your help)|today|tonight|hearing me out)\b"
)
#: Something else said beside an acceptance: "ok i'll try that. also i'm not sleeping great".
_ALSO_SAID = re.compile(r"\b(also|and also|plus|oh and|btw|on top of that|as well as that)\b .{6,}")
#: "thanks, that's helpful", "that's really useful": what Haven said was useful, in the present tense (not a report
#: that something tried has helped).
_ABOUT_THE_REPLY = re.compile(r"\b(that|this|thats|that's|this is|that is|its|it's|it is) (really |so |very |super |actually )?(helpful|useful)\b")


def _asked_already(request, question: str) -> bool:
    """Whether Haven asked this question anywhere earlier in the conversation (the phraser remembers only the last
    few replies)."""
    return any(question in t.text for t in request.history if t.role == "assistant")


def _words(text: str) -> set[str]:
    """The words of four letters or more in a text, a plural "s" dropped: what a question and a passage are compared by."""
    return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.lower())}


#: Asking how a thing goes, in practice ("how does that work", "how do you do it", "what do I actually do").
_HOW_IT_GOES = re.compile(r"\bhow (does|do|would|will) (that|it|this|you|i|one)\b|\bwhat do (i|you) (actually |even )?do\b")


def _answers_in_words(hit, asked: set[str]) -> bool:
    """Whether a passage the search found holds two of the question's own words, in its heading or its text: what it
    is about said in so many words, though the message named another theme. Why: "what counts as late for caffeine
    if you work nights though?" (chat_heldout61, read) names work, and the section on sleeping when you work shifts,
    found first, was left for a line about burnout."""
    return len(asked & _words(f"{hit.section or ''} {hit.passage}")) >= 2


def _asked_words(question: str) -> set[str]:
    """The words of a question that say what it is about, the question's own words (``_QUESTION_WORDS``) left out."""
    return _words(question) - _words(" ".join(_QUESTION_WORDS))


#: A section of an article that lists what helps ("What helps in the moment", "Habits that help you sleep", "Small
#: steps that help with worry", "What to do when you cannot sleep"); "When to get more help" is not one.
_HELPS_SECTION = re.compile(r"\b(what helps|that help|helps with|what to do|small steps|steps that|recovering)\b", re.I)
#: The longest exercise offered for right now, in minutes (grounding, breathing, a body scan; not a 15-minute plan).
_NOW_MINUTES = 8
#: Words of crisis help: never quoted as background in an ordinary reply (triage read the message as no risk;
#: crisis help is the safety layer's, in its own words).
_CRISIS_WORDS = re.compile(
    r"suicid|ending your life|end your life|self-harm|hurt yourself|emergenc|in danger|crisis|"
    # a warning sign written for the reader ("thoughts of ... not wanting to go on. If that happens, reach out now"),
    # quoted to someone missing their dog by the quad bike, reads as if Haven heard a risk they never spoke of
    r"not wanting to go on|not want to go on|be with the person who died|reach out now|want to live",
    re.I,
)
#: The person doubting their own grief ("Daft really.", "probably silly"): told it is part of missing someone.
_SELF_DOUBT = re.compile(r"\b(daft|silly|stupid|ridiculous|soft|pathetic|weird|mad)\b")
#: A line that sends the reader to a doctor or another service ("talk to a doctor or an occupational health service").
_SEE_A_DOCTOR = re.compile(
    r"\b(talk to|see|speak to|speak with|ask|contact|call) (a|your|the) (doctor|gp|pharmacist|nurse|health visitor|midwife)\b|"
    r"occupational health|talking therapy service",
    re.I,
)
#: Article sections about getting professional help: background of the last resort ("Talk to a doctor if..." read
#: as beside the point after "it's to the whole department, about 40 people").
_GET_HELP = re.compile(
    r"when to get (more )?help|signs it is time|who can help|finding help|if you are in crisis", re.I
)
#: Exercises the guide never offers unasked in an ordinary conversation (the safety plan is for risk, and is
#: the crisis response's).
_NOT_OFFERED_UNASKED = ("safety-plan",)
#: Last words of exercise titles that name a thing, said with "the" in a sentence ("the fear ladder").
_THING_TITLES = frozenset({"record", "ladder", "scan", "break", "plan"})
#: A plan to use something again ("I'll try to remember it next time").
_PLAN_AGAIN = re.compile(
    r"\b(i'?ll|i will|i'?m going to|gonna) (try to )?(remember|use|do|try) (it|that|this|them)( again)?\b.*\b(next time|again|tomorrow|when)\b"
)
#: Things getting better bit by bit, not a win to mark ("feeling a bit better", "things are looking up").
_EASING = re.compile(
    r"\b(feel(ing)?|felt) (a (little |bit |lot )|much |slightly |loads )?better|things (are|have)|turn(ed|ing) (a|the) corner"
)
#: A feeling said as felt now ("I'm still stressed", "I feel awful", "makes me anxious").
_FELT_NOW = re.compile(r"\b(i'?m|im|i am|i feel|i felt|feeling|feel|i was|makes me|made me|still|but|though|tho)\b")
#: How the good news feels, said with it ("it feels good", "so relieved").
_FEELS_GOOD = re.compile(r"\b(feels?|felt) (so |really |pretty |amazing|great|good|nice|lovely|brilliant|unreal)|relieved")
#: A time and nothing much else ("next tuesday", "probably tomorrow morning", "on monday i think"): when a plan is for.
_WHEN_ALONE = re.compile(
    r"((probably|maybe|hopefully|i think|i guess|um+|erm|ok|okay|so)\W+)*(?P<when>"
    r"(on |this |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)( (morning|afternoon|evening|night))?|"
    r"tomorrow( (morning|afternoon|evening|night))?|tonight|today|this (morning|afternoon|evening|week|weekend)|"
    r"next (week|time))( (then|probably|maybe|i think|i guess|hopefully|at the seminar|in class|at work))?\W*"
)

#: A sigh or groan as the whole message ("ugh", "*sigh*", "bleh", "argh ffs"): nothing told yet.
_SIGH = re.compile(r"\W*((u+g+h+|u+r+g+h+|a+r+g+h+|sigh+|s+i+g+h|bleh+|blah+|o+o+f+|pf+t*|hmph+|ffs|fml|gah+|grr+|u+f+)\W*)+")

#: Someone who sleeps by day ("i work nights and cant sleep in the day", "night shifts"): not asked about nights.
_SLEEPS_BY_DAY = re.compile(
    r"\b(work(ing)? nights|night ?shifts?|nights? at the|on nights|sleep (in|during) the day|day ?time sleep|"
    r"sleep(ing)? in the daytime)\b"
)
#: The end of a relationship ("she dumped me", "we split up", "after the breakup"), and words of a death.
_BREAKUP = re.compile(
    r"\b(dumped|broke up|broken up|break ?up|breakup|split up|split from|ended (it|things) with me|left me for)\b"
)
_DEATH = re.compile(r"\b(died|dead|death|passed away|passed on|funeral|put (down|to sleep)|lost (my|our) \w+ to)\b")
#: A step said back that is only the wish to keep a win going ("Keeping it going"), no step in itself.
_KEEP_IT_GOING = re.compile(r"keep(ing)? (it|this|that|things) (going|up)\b")
#: An answer that has no idea yet or says no ("not sure", "idk", "nothing really").
_NO_IDEA = re.compile(r"^(no|nope|nah|not really|nothing|idk|dunno|not sure|i don'?t know|no idea)\b")
#: Two themes said together that mean one thing, and the exercise made for it: lying awake going over things is
#: worry at night, which worry time (writing worries down for a set time, not at bedtime) is for.
_PAIR_EXERCISES = {("sleep", "worry"): "worry-time"}
#: How many earlier assistant messages count as "already said".
MEMORY_TURNS = 12


class _Citer:
    """Numbers passages in the order the reply first cites them."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def peek(self, doc_id: str) -> int:
        """The number ``doc_id`` has, or would get if cited next."""
        return next((c.n for c in self.citations if c.doc_id == doc_id), len(self.citations) + 1)

    def cite(self, hit: Hit) -> int:
        """The passage's number in this reply: a passage cited twice keeps its number; another section of the
        same document gets its own, so each number opens the passage its sentence is in."""
        for c in self.citations:
            if c.doc_id == hit.doc_id and c.section == hit.section:
                return c.n
        citation = Citation.of(len(self.citations) + 1, hit)
        self.citations.append(citation)
        return citation.n


@dataclass(frozen=True)
class _Turn(EngineRequest):
    """A request as one reply of the guide reads it, with what the person is talking about worked out once
    (GuideEngine._subjects_of): every ranked exercise and every article is weighed against it, and working it out
    again for each was the same answer many times over."""

    subjects: tuple[str, ...] = ()
    #: the person's earlier messages, normalised, oldest first (GuideEngine._earlier)
    earlier: tuple[str, ...] = ()


class ReviewedMatcher(Protocol):
    """Finds a clinician's approved reply for a message (``haven.reviews.ReviewedReplies``)."""

    def match(self, text: str): ...


#: On a waiting list for therapy ("waiting list for cbt", "waiting to start counselling").
_WAITING_FOR_THERAPY = re.compile(
    r"\b(waiting ?list|wait ?list|waiting (for|to (start|get|see|have)) (my |an? |the )?(therapy|counsel+ing|cbt|therapist|"
    r"counsel+or|psycholog\w+|talking therap\w+|assessment|referral|appointment))\b"
)
#: How long, said as a span ("6 months", "six weeks", "a year").
_HOW_LONG = re.compile(
    r"\b(\d+|a few|a couple of|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen) (weeks?|months?|years?)\b|"
    r"\b(a|over a) year\b"
)
#: Someone cared for, who cannot be asked to change: "tell them how it makes you feel" is not for them.
_CARED_FOR = re.compile(r"\b(dementia|alzheimer\w*|newborn|baby|toddler|two year old|2 year old|carer|caring for)\b")


#: A feared result that came back fine: relief, not an achievement to congratulate.
_RELIEF = re.compile(
    rf"\b({I.FEAR_LIFTED}|"
    r"(it was|it'?s|its) (just|only) (a|an) (cyst|infection|virus|sprain|bruise|muscle)|relieved|relief|"
    # "she said it's stress and too much coffee. all fine" (chat_heldout65, read: "You should be proud of that")
    r"(said|says|told me) (it'?s |its |it is |that it'?s )?(nothing (serious|to worry about|bad|wrong)|all (fine|good|clear))|"
    r"(said|says|told me) .{0,50}\ball (fine|good|clear|ok|okay))\b"
)


def _asks_about_a_thing(request) -> bool:
    """Whether the question asks about something by what it is about ("ok what was that thing about writing down the
    thought and looking at evidence"): the person asked, so it is answered from what the search found, even while
    they wanted to be listened to and whatever the talk's themes."""
    return request.understanding.intent == "question" and bool(I.THAT_THING.match(request.normalised))


def _last_reply(request) -> HistoryTurn | None:
    """Haven's last reply in the conversation, if any."""
    return next((t for t in reversed(request.history) if t.role == "assistant"), None)


#: What the one who died did or was, told in a talk about the loss ("she did all the birthday cards and now i forget
#: them", "we were married 46 years").
_WHAT_THEY_DID = re.compile(
    r"\b(she|he|they)( \w+)? (did|was|were|used to|always|would|made|loved|kept|knew|had|took care of|looked after)\b|"
    r"\b(we were|we'?d been) (married|together)\b"
)


#: Whether something suits the person's circumstances ("ok for someone on nights", "for people who sleep in the daytime").
_SUITS_ME = re.compile(
    r"\b(ok|okay|good|right|suitable|work|any good) for (someone|somebody|people|anyone|those|me) (who|on|with|that|if)\b|"
    r"\bfor (people|someone|somebody|those) (who|on|with) \w+|\bif (i|you) (work|sleep) (nights|days|in the day|shifts)\b"
)


#: A question why something keeps happening to the person ("why does this keep happening on trains").
#: "is that a normal thing, the checking?": asking whether something of theirs is normal, by "a normal thing".
_NORMAL_THING = re.compile(r"\b(is|isn'?t) (that|this|it) (a )?(normal|common|usual) thing\b")
#: Something not yet done or not ready for ("Not ready for another dog yet. Maybe in spring."): never met as more of
#: the good news just told ("That makes it all the more worth celebrating", chat_heldout57, read).
_NOT_YET = re.compile(r"\b(not ready|not yet|not there yet|too soon|too early)\b")
_NOT_CONTENT = frozenset(
    "like stuff thing things that this with your you before after about just what when where which them they then "
    "than have does work works".split()
)


#: On a waiting list for therapy, told beside a question about what Haven is ("I'm on a waitlist for one through my
#: GP", chat_heldout59, read).
_WAITING_FOR_THERAPY = re.compile(
    r"\b(wait ?list|waiting ?list|waiting for (a |my |an )?(therapist|therapy|counsell?or|counsell?ing|referral|"
    r"appointment|assessment)|on (a|the) list for)\b"
)


def _searched_exercise(request) -> str | None:
    """The exercise the library search ranked first for this message, if it found one."""
    return next((h.doc_id for h in request.hits if h.kind == "exercise"), None)


#: An answer that says the person does not know, and nothing else ("idk really", "dunno tbh", "not sure").
_NOT_KNOWING = re.compile(
    r"((ok|okay|hmm+|um+|erm+|honestly|tbh|ya|yeah|well|i mean)\s)*(idk|dunno|i dunno|i don'?t know|i do not know|not sure|"
    r"i'?m not sure|no idea|hard to say|who knows|not really sure|couldn'?t tell you|i can'?t say)"
    r"(\s(really|tbh|honestly|to be honest|either|tho|though|yet|lol|haha|man|mate))*\s?\??"
)


def _words_of(thing: str) -> set[str]:
    """The content words of a thing asked about by name, to see whether it is the exercise in play."""
    return {w for w in re.findall(r"[a-z]+", thing.lower()) if len(w) >= 4 and w not in _NOT_CONTENT}


#: A negation or a "but" in an answer: it may say the thing asked for is not there ("didn't stick to it").
_SAYS_NOT = re.compile(r"\b(not|no|never|nothing|didn'?t|don'?t|doesn'?t|can'?t|cant|won'?t|wont|isn'?t|but|though)\b")
#: A span of time said alone ("couple weeks", "a while now"): an answer to when, whatever was asked.
_ONLY_A_SPAN = re.compile(r"(a |about |like |maybe |for |a good )*(couple|few|several|\d+|a|one|two|three)( of)? (days?|weeks?|months?|years?|wks?)( now| ago)?|a (while|bit|long time)( now)?")
_WHY_MINE = re.compile(r"(why|how come)\b.{0,30}\b(this|it|i|me|my)\b")


class GuideEngine:
    """Scripted replies grounded in the retrieved passages. Build once; ``reply`` is pure."""

    name = "guide"

    def __init__(self, library: Library, reviewed: ReviewedMatcher | None = None) -> None:
        self.library = library
        self.reviewed = reviewed

    # --- the engine interface ----------------------------------------------------------------------

    def reply(self, request: EngineRequest) -> Draft:
        approved = self._clinician_reviewed(request)
        if approved is not None:
            return approved
        request = _Turn(
            **vars(request),
            subjects=tuple(self._subjects_of(request)),
            earlier=tuple(self._earlier(request)),
        )
        said = [t.text for t in request.history if t.role == "assistant"][-MEMORY_TURNS:]
        seed = "\x1e".join([request.text, *(t.text for t in request.history)])
        phraser = Phraser(seed, said, not_for_them=lambda s: passages.for_another_country(s, request.region))
        citer = _Citer()
        u = request.understanding
        compose = getattr(self, f"_{u.intent}", self._feeling)
        if (
            u.intent in ("feeling", "answer")
            and request.text.rstrip().endswith("?")
            and self._asks_about_cbt(request)
        ):
            compose = self._question  # "does it work for everyone?" after "how does CBT work?": not about work
        if u.mode == "listening" and u.intent in ("feeling", "answer", "acknowledgement"):
            compose = self._listening
        if u.intent in ("greeting", "feeling", "answer", "smalltalk") and self._first_word_of_a_wait(request):
            compose = self._waiting_for_therapy
        if u.intent in ("feeling", "answer") and self._checkup_answer_typed(request):
            compose = self._checkup_option
        if compose in (self._feeling, self._answer) and self._nerves_said_behind(request):
            compose = self._nerves_behind_a_win
        if (
            u.intent in ("feeling", "answer", "progress")  # "i feel a lot better now": over, not a win to build on
            and request.dialogue.mode == "in_the_moment"
            and I.MOMENT_OVER.search(request.normalised)
        ):
            compose = self._moment_over
        if u.intent in ("feeling", "answer") and not u.topics and _SIGH.fullmatch(request.normalised):
            compose = self._sigh
        # "terrified" alone can read as panic: with the excitement beside it, it is nerves about something ahead
        nerves_only = set(u.themes) <= {"panic", "worry"}
        if u.intent in ("feeling", "answer") and nerves_only and I.MIXED_NERVES.search(request.normalised):
            compose = self._mixed_nerves
        move = None if compose == self._checkup_option else self._move(request)
        if move is not None:
            paragraphs = self._follow_thread(request, phraser, move)
            return Draft(text=threads.cased_as_said("\n\n".join(paragraphs), request.text))
        paragraphs, suggested = compose(request, phraser, citer)
        text = "\n\n".join(p for p in paragraphs if p)
        return Draft(text=text, citations=tuple(citer.citations), suggested_exercises=tuple(suggested))

    def stream(self, request: EngineRequest) -> Iterator[str | Draft]:
        """The reply a few words at a time (for the page's typewriter), then the finished draft."""
        draft = self.reply(request)
        yield from re.findall(r"\S+\s*", draft.text)
        yield draft

    def _clinician_reviewed(self, request: EngineRequest) -> Draft | None:
        """A clinician's approved better reply to a message close enough to this one (triage ran before)."""
        if self.reviewed is None:
            return None
        match = self.reviewed.match(request.text)
        if match is None:
            return None
        note = f"A clinician-reviewed reply ({match.reviewer}, {match.reviewed_on:%d %b %Y})."
        return Draft(text=match.text, note=note)

    # --- pieces --------------------------------------------------------------------------------------

    def _holding(self, exercise_id: str, hits: tuple[Hit, ...], *quotes: str) -> Hit:
        """The passage of an exercise that holds every quoted piece (its real section), else its overview."""
        hit = passages.holding(self.library, exercise_id, *quotes, hits=hits)
        return hit or passages.section(self.library, exercise_id, "What it is for")

    def _source(self, doc_id: str) -> str:
        path = self.library.paths.get(doc_id)
        if path is None:
            return ""
        parts = path.parts
        return "/".join(parts[-2:])

    def _exercise_fields(self, ex: Exercise, n: int) -> dict[str, str]:
        purpose = passages.quotes(ex.purpose, 1)
        return {
            "title": ex.title,
            "n": str(n),
            "minutes": str(ex.duration_minutes),
            "summary": ex.summary.strip(),
            "purpose": purpose[0] if purpose else ex.summary.strip(),
            "when": ex.when_it_helps[0],
        }

    def _allowed(self, request, exercise_id: str, asked: bool = False) -> bool:
        """May this exercise be offered now? Never one declined, done or offered already in this conversation,
        nor one of a kind the person said no to; nothing at all while the person asked to be listened to, unless
        they now ask what to do ("no advice, I just needed to say it" ... "anyway how do people stop overthinking
        at night?": the answer is what they asked for).

        ``asked`` ("what could I do?"): one offered earlier and neither turned down nor tried may come back, since
        it was left for later rather than refused ("Say it clearly and kindly" after "my manager takes credit for my
        work", when the person then asks what they could even say)."""
        state, u = request.dialogue, request.understanding
        asks_how = u.intent == "question" and bool(_ASKS_HOW.search(request.normalised) or _asks_about_a_thing(request))
        if state.preference == "listen" and u.intent not in ("exercise_request", "accept") and not asks_how:
            return False
        if exercise_id in _NOT_OFFERED_UNASKED and exercise_id != u.named_exercise:
            return False
        avoid = {*state.avoid, *u.avoid}
        if "exercise" in avoid:
            return False
        used = state.turned_down_or_tried() if asked else state.used()
        if exercise_id in used and exercise_id != u.named_exercise:
            return False
        name = exercise_id.replace("-", " ")
        return not any(re.search(pattern, name) for kind, pattern in KINDS.items() if kind in avoid)

    def _exercise_lines(
        self,
        request,
        phraser: Phraser,
        citer: _Citer,
        limit: int,
        unlike: str | None = None,
        asked: bool = False,
        now: bool = False,
    ) -> tuple[list[str], list[str]]:
        """One to ``limit`` exercises from the hits (already ranked for this person), each a fresh line; unless
        ``asked`` ("what could I try?"), only exercises that fit what the person is talking about; ``now`` ("anything
        I can do right now to switch off?"), only short ones that can be done there and then.

        One, unless the person asked for options: a reply with a menu of buttons reads as a form."""
        limit = 3 if request.understanding.options else min(limit, 1)
        lines, chosen = [], []
        ranked = self._named_first(request, self._by_fit(request))
        earlier = self._left_for_later(request) if asked else []
        again = {h.doc_id for h in earlier}
        if asked:  # asked for something to do: the library's other exercises too, after what the search found
            # what the person named by their own word first ("what can i do about the checking?": urge surfing),
            # then what was left for later, then the rest of what the search found
            own = [h for h in ranked if h.kind == "exercise" and self._own_word_fits(request, h.doc_id)]
            firsts = {h.doc_id for h in own}
            ranked = [*own, *(h for h in earlier if h.doc_id not in firsts), *(
                h for h in ranked if h.doc_id not in again and h.doc_id not in firsts
            )]
            found = {h.doc_id for h in ranked}
            ranked += [
                passages.section(self.library, i, "What it is for")
                for i in sorted(self.library.exercises)
                if i not in found
            ]
        fitting = {h.doc_id for h in ranked if self._exercise_fits(request, h.doc_id)}
        # offered unasked, only what fits; asked for, what fits first and, if nothing does, what the search found
        strict = not asked or bool(fitting & {h.doc_id for h in ranked if self._allowed(request, h.doc_id, asked)})

        def fits(exercise_id: str) -> bool:
            named = request.understanding.named_exercise
            return not strict or exercise_id in fitting or exercise_id == named or exercise_id in again

        for hit in ranked:
            if hit.kind != "exercise" or hit.doc_id not in self.library.exercises:
                continue
            if not self._allowed(request, hit.doc_id, asked) or hit.doc_id in chosen:
                continue
            if not fits(hit.doc_id):
                continue
            if now and self.library.exercises[hit.doc_id].duration_minutes > _NOW_MINUTES:
                continue  # worry time or a sleep plan is for tomorrow, not for 3am
            if unlike and re.search(unlike, hit.doc_id.replace("-", " ")):
                continue  # not the same kind as the one that did not help
            ex = self.library.exercises[hit.doc_id]
            plain = self._exercise_fields(ex, 0)
            variants = (*P.EXERCISE_LINE_AGAIN, *P.EXERCISE_LINE) if ex.id in again else P.EXERCISE_LINE
            option = next((o for o in variants if phraser.fresh(o.format(**plain))), None)
            if option is None:
                continue
            source = self._line_source(ex, option, plain, request.hits)
            line = option.format(**self._exercise_fields(ex, citer.cite(source)))
            phraser.remember(line)
            lines.append(line)
            chosen.append(ex.id)
            if len(chosen) == limit:
                break
        return lines, chosen

    def _left_for_later(self, request) -> list[Hit]:
        """Exercises offered earlier in this conversation and neither turned down nor tried, latest first: when the
        person then asks what they could do, what was chosen for what they told first comes back before anything
        the bare question finds ("what would I even say?" after "my manager keeps taking credit for my work")."""
        state = request.dialogue
        refused = state.turned_down_or_tried()
        left = [i for i in reversed(state.ever_offered) if i not in refused]
        return [passages.section(self.library, i, "What it is for") for i in left if i in self.library.exercises]

    def _line_source(self, ex: Exercise, option: str, plain: dict[str, str], hits) -> Hit:
        """The passage an exercise line quotes: its summary or purpose ("What it is for"), a "when it helps"
        line, or only its length ("How to do it" says "About 4 minutes")."""
        quoted = [plain[f] for f in ("summary", "purpose", "when") if "{" + f + "}" in option]
        if quoted:
            return self._holding(ex.id, hits, *quoted)
        if "{minutes}" in option:
            return passages.section(self.library, ex.id, "How to do it")
        return self._holding(ex.id, hits)

    def _named_first(self, request, hits: list[Hit]) -> list[Hit]:
        """An exercise the person named ("my therapist asked me to do thought records") comes first, found or not."""
        named = request.understanding.named_exercise
        if named not in self.library.exercises or request.understanding.intent not in ("feeling", "answer"):
            return hits
        own = [h for h in hits if h.doc_id == named] or [passages.section(self.library, named, "What it is for")]
        return [*own, *(h for h in hits if h.doc_id != named)]

    def _by_fit(self, request) -> list[Hit]:
        """The hits with exercises ranked by how many things said their tags fit, retrieval's order otherwise.
        Why: the search weighs the words of this message, not what it is about ("6 twelve-hour shifts" found the
        sleep plan for burnout); several things at once ("lie there going over everything I haven't revised":
        sleep, worry, study) want the exercise that fits most of them; a message that names nothing is read with
        what the conversation has been about ("stayed in bed all weekend" in a talk about low mood)."""
        several = len(self._subjects(request)) >= 2  # one thing said: retrieval's order among what fits it

        def fit(hit: Hit) -> int:
            return self._exercise_fit(request, hit.doc_id) if several and hit.kind == "exercise" else 0

        ranked = [hit for _, hit in sorted(enumerate(request.hits), key=lambda pair: (-fit(pair[1]), pair[0]))]
        for pair, exercise_id in _PAIR_EXERCISES.items():  # two themes that mean one thing have their exercise
            if set(pair) <= set(request.understanding.themes) and exercise_id in self.library.exercises:
                own = passages.section(self.library, exercise_id, "What it is for")
                ranked = [own, *(h for h in ranked if h.doc_id != exercise_id)]
        return ranked

    def _psychoeducation(self, request, phraser: Phraser, citer: _Citer) -> str | None:
        """Up to two sentences that open a paragraph of one of the two best article passages, standing on their
        own and not said before, cited with that passage."""
        articles = [h for h in request.hits if h.kind == "article"][:3]  # further down is likely off the point
        articles = [h for h in articles if self._section_fits(request, h)]
        # steps for the moment are given whole, as steps (_settle), not as one line of background
        articles = [h for h in articles if not re.search(r"in the moment", h.section, re.I)]
        # "when to get more help" is background only when nothing else of a fitting article is at hand, and never
        # once the person said a doctor is involved ("Talk to a doctor if..." after "my GP put my tablets up")
        if self._doctor_known(request):
            articles = [h for h in articles if not _GET_HELP.search(h.section)]
        articles = sorted(articles, key=lambda h: bool(_GET_HELP.search(h.section)))
        fits = {h.doc_id: self._article_fit(request, h.doc_id) for h in articles}
        # several things said: what fits more of them, and more than one
        if len(request.understanding.themes) >= 2:
            articles = sorted((h for h in articles if fits[h.doc_id] >= 2), key=lambda h: -fits[h.doc_id])
        # the best fit first; within it, "when to get more help" last (it was: "Talk to a doctor..." for anger)
        articles = sorted(
            (h for h in articles if fits[h.doc_id]),
            key=lambda h: (-fits[h.doc_id], bool(_GET_HELP.search(h.section))),
        )[:2]
        hard = any(f not in P.POSITIVE_FEELINGS for f in request.understanding.feelings)
        for hit in self._before_getting_help(articles):
            snippets = passages.quotes(hit.passage, 2, skip_summary=hit.section == "Overview")
            # said to someone who is struggling, "some stress is part of life" belittles it
            if hard or request.dialogue.topics:
                snippets = [q for q in snippets if not _MAKES_LIGHT.search(q)]
            snippets = [q for q in snippets if not _TO_THE_READER.match(q)]
            if not hard:
                # "Still woke up once when the bin truck came past but got back off" was told "If shift work leaves you
                # exhausted for weeks, talk to a doctor" (chat_heldout63, read): a doctor only for what is hard
                snippets = [q for q in snippets if not _SEE_A_DOCTOR.search(q)]
            snippets = [q for q in (passages.for_their_country(q, request.region) for q in snippets) if q]
            text = self._cited_snippet(phraser, citer, hit, snippets, "psychoed", P.PSYCHOED_LEAD)
            if text:
                return text
        return None

    def _section_fits(self, request, hit) -> bool:
        """Whether a section written for one situation (``_SECTION_ONLY_WHEN``) has that situation said in this talk."""
        said = _SECTION_ONLY_WHEN.get((hit.doc_id, hit.section))
        return said is None or any(said.search(text) for text in (request.normalised, *self._earlier(request)))

    def _before_getting_help(self, articles) -> list[Hit]:
        """The article passages to quote from, with the article's own explaining sections before its "when to get
        more help": "i keep putting off my tax return" was first told "See a doctor or a counsellor if putting
        things off comes with low mood...", the section the search happened to find, before anything about
        putting things off itself (seen trying the chat, round 40)."""
        ordered: list[Hit] = []
        for hit in articles:
            if _GET_HELP.search(hit.section or ""):
                ordered += [
                    h
                    for h in passages.of_document(self.library, hit.doc_id)
                    if not _GET_HELP.search(h.section or "") and not re.search(r"in the moment|what helps", h.section, re.I)
                ][:2]
            ordered.append(hit)
        return ordered

    @staticmethod
    def _remembering(request, phraser: Phraser) -> str | None:
        """An answer later in a conversation about a loss ("She was the best dog I ever had", "I keep looking for
        her by the quad bike. Daft really."): taken in as part of grieving, not with "I hear you.". Names no one:
        the person may be speaking of someone else. None when every line was said."""
        pool = P.REFLECT_GRIEF_DAFT if _SELF_DOUBT.search(request.normalised) else P.REFLECT_GRIEF_ANSWER
        return phraser.pick("reflect-grief-answer", pool, required=False)

    @staticmethod
    def _doctor_known(request) -> bool:
        """True if the person said a doctor or other clinician is involved, in this message or earlier."""
        said = any(f[1] == "doctor" for f in request.understanding.facts)
        return said or request.dialogue.knows(None, "doctor")

    @staticmethod
    def _cited_snippet(phraser: Phraser, citer: _Citer, hit: Hit, snippets, slot: str, leads) -> str | None:
        """The first of ``snippets`` not said before and not crisis help (the safety layer's), in one of
        ``leads`` and cited with ``hit``; None when none is left."""
        for snippet in snippets:
            if not phraser.fresh(snippet) or _CRISIS_WORDS.search(snippet):
                continue
            text = phraser.pick(slot, leads, required=False, snippet=snippet, n=str(citer.peek(hit.doc_id)))
            if text:
                citer.cite(hit)
                return text
        return None

    def _tip(self, request, phraser: Phraser, citer: _Citer) -> str | None:
        """The item of a fitting article's list that speaks of what the person asked about, cited with its
        passage ("what can I do about the blushing" -> "Let the signs be there. Blushing and shaking rise and
        fall on their own."); None when no item names it."""
        words = {w[:5] for w in re.findall(r"[a-z]{5,}", request.normalised) if w not in _TIP_STOP}
        for hit in [h for h in request.hits if h.kind == "article"][:2]:
            if not self._article_fit(request, hit.doc_id):
                continue
            text = self._cited_snippet(phraser, citer, hit, passages.tips(hit.passage, words), "tip", P.TIP_LEAD)
            if text:
                return text
        return None

    @staticmethod
    def _earlier(request) -> list[str]:
        """The person's earlier messages, normalised, oldest first: worked out once for this reply (reply), since
        several readings of one reply look back at them."""
        if isinstance(request, _Turn):
            return list(request.earlier)
        return [normalise(t.text) for t in request.history if t.role == "user"]

    @staticmethod
    def _subjects(request) -> list[str]:
        """What the person is talking about, as worked out once for this reply (GuideEngine.reply)."""
        if isinstance(request, _Turn):
            return list(request.subjects)
        return GuideEngine._subjects_of(request)

    @staticmethod
    def _subjects_of(request) -> list[str]:
        """What the person is talking about: the hard feelings and themes of this message, else how they said they
        feel earlier ("not really, he's always busy" is still about the loneliness; the new job said in passing
        is not), else the last things the conversation was about."""
        u = request.understanding
        said = [t for t in u.topics if t not in P.POSITIVE_FEELINGS]
        earlier = request.dialogue.topics
        felt = [t for t in earlier if t in _FEELING_NAMES and t not in P.POSITIVE_FEELINGS][-2:]
        if said == ["family"]:
            # "she had a fall, she's 84. my brother lives in canada so it's all on me", in a talk about a mum in
            # hospital: the family of the one who is ill or cared for, still that (the family theme's best fit was
            # the break-up article's "Heartbreak can make your thoughts harsher", seen trying the chat, round 40)
            kept = [t for t in ("someone_ill", "caring", "grieving") if t in earlier]
            if kept:
                return [kept[-1]]
        if said:
            return said
        if earlier and felt and earlier.index(felt[-1]) < len(earlier) - 1 and earlier[-1] not in _FEELING_NAMES:
            if felt[-1] == "grieving" and earlier[-1] in ("family", "friends"):
                # "my dad died in march" then "my sister mostly...", "i just miss him": the family of the loss, still
                # the loss (it got the break-up article's "A break-up is a loss", the family theme's best fit); so too
                # "she was my best friend after my husband passed" of a dog that died, then "i keep expecting her at
                # the door" (it got the loneliness article's "your mind can go on high alert for rejection")
                return [felt[-1], earlier[-1]]
            if "grieving" in felt and earlier[-1] in ("family", "friends"):
                # the grief still, when tiredness came between ("Just tired after all the organising and the family in
                # from New York", after a granny's burial: the house gone quiet was then asked "What has been happening
                # at home?", chat_heldout59, read)
                return ["grieving"]
            return [earlier[-1]]  # the talk moved on from the loss to work: a joke about work is about work
        # "i did the phq-9 and got 16" ... "what should i do?": what the check-up taken measures (it got Spot the thinking
        # trap, Say it clearly and kindly and Worst, best and most likely, the nearest three to nothing)
        taken = [_CHECKUP_SUBJECT[c] for c in request.dialogue.facts.get("checkup", {}) if c in _CHECKUP_SUBJECT]
        return said or felt or list(earlier[-3:]) or taken

    def _exercise_fits(self, request, exercise_id: str) -> bool:
        """True if one of the exercise's tags fits what the person is talking about. Why: the search offers the
        nearest exercise whatever the message ("she came round last night" got 5-4-3-2-1 grounding, a breakup
        got "Unhooking from a thought"); offered unasked, an exercise that fits nothing said is worse than none."""
        return self._exercise_fit(request, exercise_id) > 0

    def _own_word_fits(self, request, exercise_id: str) -> bool:
        """Whether the person's own word for what they are asking about is one of the exercise's tags (never beside
        a loss, which is met as a loss)."""
        ex = self.library.exercises.get(exercise_id)
        return ex is not None and "grieving" not in self._subjects(request) and self._own_word(request, ex)

    def _exercise_fit(self, request, exercise_id: str) -> int:
        """How many of the things the person is talking about the exercise's tags fit, one more if a tag is the
        person's own word for it ("I keep getting urges to scroll my phone": urge surfing); 0 for none."""
        ex = self.library.exercises.get(exercise_id)
        if ex is None:
            return 0
        subjects = self._subjects(request)
        if "grieving" in subjects:  # a loss is met as a loss: not "Say it clearly and kindly" after a breakup
            return int(_names(ex.tags, _TAG_WORDS["grieving"]))
        needs = _ONLY_ABOUT.get(ex.id)
        if needs and not set(needs) & set(subjects + list(request.dialogue.topics)) and not self._own_word(request, ex):
            return 0
        return sum(_names(ex.tags, _TAG_WORDS.get(t, t)) for t in subjects) + self._own_word(request, ex)

    def _own_word(self, request, ex: Exercise) -> bool:
        """Whether one of the exercise's tags is a word of the message, or of the earlier message it names as known
        ("what can i do about the checking?" after "i keep checking her instagram")."""
        norm = request.normalised
        told = threads.told_before(norm, self._earlier(request)[-4:])
        if told:
            norm = f"{norm} {told}"
        # a whole tag, not its stem: "last night" is no cue for "night-time worry", "people keep saying" none for
        # "saying no"
        return any(
            re.search(rf"\b{re.escape(tag)}\b", norm)
            for tag in ex.tags
            if len(tag) >= 5 and tag not in _GENERAL_TAGS
        )

    def _article_fit(self, request, doc_id: str) -> int:
        """How well an article is about what the person is talking about: how many feelings or themes of this
        message (or, for one that names none, "it's to the whole department", of the conversation so far) its
        tags fit; 0 means it is beside the point. Why count: "I lie there going over everything I haven't
        revised" is sleep, worry and study at once, and the article about night-time worry fits two of them
        while one about perfectionism fits only the study. With nothing named in the message or the conversation, none fits: a lesson needs a subject."""
        topics = [t for t in self._subjects(request) if t in _ARTICLE_FITS]
        article = self.library.articles.get(doc_id)
        if article is None:
            return 1
        if _denies(request.normalised, article.meta.tags):
            return 0  # "I'm not depressed or anything, just running on empty": not the lesson on depression
        if not topics:  # nothing said of what it is about: no lesson ("kick us out" got one on anger)
            return 0
        said = _ARTICLE_ONLY_WHEN.get(doc_id)
        if said and not any(said.search(text) for text in (request.normalised, *self._earlier(request))):
            return 0  # its subject never said in this talk (a partner named is no break-up)
        subject = article.meta.tags[:_SUBJECT_TAGS]
        return sum(_names(article.meta.tags if t in _FEELING_NAMES else subject, _ARTICLE_FITS[t]) for t in topics)

    def _follow_up(self, request, phraser: Phraser, offered: bool = False) -> str:
        """One question Haven does not know the answer to: never a fact the person already gave; "them" said as
        her or him when the conversation is about one person ("What would you like her to understand?")."""
        question = self._open_question(request, phraser, offered)
        of_the_theme = any(question in asked for asked in P.FOLLOW_UP_THEME.values())
        if question in P.FOLLOW_UP_GENERAL or of_the_theme or _asked_already(request, question):
            # a question that could follow any message, one of a whole theme's, or one asked already: the person's
            # situation's own instead ("feeling really low since my breakup last month" was asked the relationship
            # theme's "What would you like them to understand?", which fits a row, not a breakup)
            question = self._situation_question(request, phraser) or question
        if re.search(r"\bthem\b", question):
            earlier = self._earlier(request)
            question = re.sub(r"\bthem\b", threads.object_pronoun(request.normalised, earlier), question)
        return question

    def _open_question(self, request, phraser: Phraser, offered: bool = False) -> str:
        """The follow-up question, before it is said of the person in play."""
        u, state = request.understanding, request.dialogue
        # in the first turns after the welcome, an answer that names no theme is about the focus Haven asked about
        # ("not great tbh" after "How have your nights been?"); later, a topic is followed only when it is said
        opening = state.focus is not None and state.turns < 3 and u.intent == "answer"
        pending_topic = state.pending.topic if opening and state.pending is not None else None
        themes = u.themes or ((pending_topic,) if pending_topic else ())
        feelings = list(u.feelings)
        # a partner who died ("since my husband passed"): never "What would you like him to understand?" or "What
        # happened between you most recently?", which the relationship itself would ask
        grief = "grieving" in (*u.feelings, *state.topics)
        if grief:
            themes = tuple(t for t in themes if t != "relationships")
        if not themes and not feelings and u.intent in ("answer", "feeling"):
            # a message that names nothing carries on what the conversation is about: asked about that, not "Is
            # there a moment today that stands out?" ("her name was Biscuit" in a talk about losing her)
            earlier = [t for t in reversed(state.topics) if not (grief and t == "relationships")]
            feelings = [t for t in earlier if t in P.FOLLOW_UP_FEELING and t not in P.POSITIVE_FEELINGS][:1]
            if earlier and earlier[0] in P.FOLLOW_UP_THEME and earlier[0] not in _FEELING_NAMES:
                feelings = []  # the most recent thing talked about is a theme: asked about that, not an older loss
            themes = () if feelings else tuple(t for t in earlier if t in P.FOLLOW_UP_THEME)[:1]
            if grief and themes in (("family",), ("friends",)) and "grieving" in P.FOLLOW_UP_FEELING:
                # the family of a loss is still the loss: "It's more that the house is quiet now. I used to go by her
                # every Sunday", after a granny's burial and the family in from abroad, was asked "What has been
                # happening at home?" (chat_heldout59, read)
                feelings, themes = ["grieving"], ()
        topic = next(iter(themes), None)
        known = {*((f[1]) for f in u.facts)}
        if any(threads.tells_what_happened(said) for said in (request.normalised, *self._earlier(request)[-2:])):
            # "my parents keep going on about it": not "What has been happening at home?"; nor after "they wouldn't
            # get their shoes on and we were late and i just yelled", one message before "i feel like a terrible mum"
            known.add("what_happened")
        if "self-criticism" in u.themes or (state.topics and state.topics[-1] == "self-criticism"):
            # "i feel like a terrible mum" is what the critical voice tells them: not asked, then or just after ("yeah
            # that's exactly it" after "everyone will think i'm useless" was asked it, seen trying the chat, round 40)
            known.add("verdict")

        said = " ".join([*self._earlier(request), request.normalised])
        sleeps_by_day = bool(_SLEEPS_BY_DAY.search(said))

        def unknown(questions) -> list[str]:
            return [
                q
                for q in questions
                if QUESTION_ASKS.get(q) not in known
                and not (sleeps_by_day and re.search(r"\bnights?\b", q))
                and not state.knows(topic, QUESTION_ASKS.get(q))
                and (offered or "one of these" not in q)
            ]

        if sleeps_by_day and {"sleep", "work"} & {*themes, *state.topics[-2:]}:
            # nights worked are why the days are for sleep: "I've tried blackout curtains already" was asked "What
            # would make this week at work a bit easier?"; asked about the day's sleep, each question once
            day_sleep = [q for q in P.FOLLOW_UP_DAY_SLEEP if phraser.fresh(q) and not _asked_already(request, q)]
            if re.search(r"\b(tried|already|too)\b", request.normalised):  # what was tried is being told
                day_sleep = [q for q in day_sleep if "tried" not in q]
            if day_sleep:
                return phraser.pick("follow-day-sleep", day_sleep)
            themes = tuple(t for t in themes if t != "work")  # and never "What part of work is weighing on you?"
        general = unknown(P.FOLLOW_UP_GENERAL)
        hard = [f for f in u.feelings if f not in P.POSITIVE_FEELINGS]
        if not hard:  # "she said I was selfish" is no cue for the body, nor for who else knows
            general = [q for q in general if q not in P.FOLLOW_UP_FEELING_ONLY] or general
        if u.intent == "acknowledgement":
            return phraser.pick("follow", general)
        if u.feelings and all(f in P.POSITIVE_FEELINGS for f in u.feelings):
            return phraser.pick("follow-positive", P.FOLLOW_UP_POSITIVE)
        options: list[str] = []
        for pair, questions in P.FOLLOW_UP_PAIR.items():  # the first pair said, in the dict's order (worry first)
            if set(pair) <= set(themes) and unknown(questions):
                options += unknown(questions)
                break
        if options:  # the pair's own questions first: "what is the next exam?" misses worry at night
            return phraser.pick("follow-pair", options, required=False) or phraser.pick("follow", general)
        for feeling in feelings:
            options += unknown(P.FOLLOW_UP_FEELING.get(feeling, ()))
        # the leading theme's questions only: "my dad has dementia and I'm his carer on top of my job" is asked
        # about the caring, not "What part of work is weighing on you most?"; and a feeling said leads its theme
        # ("moved here for uni and I don't know a single person" is asked about the loneliness, not the next exam)
        options = [q for q in options if phraser.fresh(q)] or next(
            (q for q in (unknown(P.FOLLOW_UP_THEME.get(t, ())) for t in themes) if q), []
        )
        question = phraser.pick("follow-theme", options, required=False) if options else None
        return question or phraser.pick("follow", general)

    @staticmethod
    def _grief_word(request, phraser: Phraser) -> str:
        """A loss met as the loss it is: a breakup is grieved too, but "I'm so sorry for your loss" said to
        "my girlfriend dumped me yesterday" speaks of a death."""
        if _BREAKUP.search(request.normalised) and not _DEATH.search(request.normalised):
            return phraser.pick("reflect-breakup", P.REFLECT_BREAKUP)
        if I.LOST_AT_WORK.search(request.normalised):  # "We lost a patient on Tuesday": not "someone you love"
            return phraser.pick("reflect-grief-work", P.REFLECT_GRIEF_AT_WORK)
        return phraser.pick("reflect-grief", P.REFLECT_GRIEF)

    def _reflection(self, request, phraser: Phraser) -> str:
        u = request.understanding
        about = next((P.THEME_ABOUT[t] for t in u.themes if t in P.THEME_ABOUT), "")
        if any(f in P.NO_ABOUT for f in u.feelings[:2]):
            about = ""  # "lonely about your studies" misreads "I moved cities for uni and I don't know anyone"
        if "grieving" in u.feelings:
            return self._grief_word(request, phraser)
        if not u.feelings and not u.themes and "grieving" in self._subjects(request):
            remembered = self._remembering(request, phraser)
            if remembered:
                return remembered
        fact = coming_up(u.facts, request.normalised)
        if fact:  # "Finals, with the first on Monday at 9: ..." what they told us, said back
            said = phraser.pick("reflect-fact", P.REFLECT_FACT, required=False, fact=fact)
            if said:
                return said
        for pair, options in P.REFLECT_PAIR.items():
            if set(pair) <= set(u.themes):
                said = phraser.pick("reflect-pair", options, required=False)
                if said:
                    return said
        if "anxious" in u.feelings and UPCOMING.search(request.normalised):
            said = phraser.pick(
                "reflect-ahead", P.REFLECT_AHEAD, required=False, feeling=P.FEELING_WORDS.get("anxious", "anxious")
            )
            if said:
                return said  # nerves about something to come, good or not: not celebrated, not a problem only
        fitting = self._situation_line(request, phraser)
        if fitting:
            return fitting  # what makes this situation hard (or good), not a line that could follow any message
        if u.feelings:
            words = [P.FEELING_WORDS.get(f, f) for f in u.feelings[:2]]
            feeling = " and ".join(words)
            if all(f in P.POSITIVE_FEELINGS for f in u.feelings):
                return phraser.pick("reflect-positive", P.REFLECT_POSITIVE, feeling=feeling)
            return phraser.pick("reflect", P.REFLECT_FEELING, feeling=feeling, about=about)
        light = self._light(request)
        if u.themes:
            theme = P.THEME_NOUNS.get(u.themes[0], u.themes[0])
            # what makes this area hard, not "Thanks for telling me about the situation at home.", when something hard
            # is said ("my granddaughter make me laugh so much" is no family trouble, chat_heldout56, read)
            hard_said = any(f not in P.POSITIVE_FEELINGS for f in u.feelings) or I.HARD_WORD.search(request.normalised)
            own = P.THEME_REFLECTIONS.get(u.themes[0], ()) if hard_said and not light else ()
            said = phraser.pick("reflect-theme-own", own, required=False) if own else None
            if said:
                return said
            options = P.REFLECT_THEME_LIGHT if light else P.REFLECT_THEME
            return phraser.pick("reflect-theme", options, theme=theme)
        if not any(t.role == "user" for t in request.history):
            return phraser.pick("reflect-first", P.REFLECT_FIRST)  # nothing asked yet: no "that helps me understand"
        return phraser.pick("reflect-general", P.REFLECT_LIGHT if light else P.REFLECT_GENERAL)

    def _situation(self, request) -> situations.Situation | None:
        """The everyday situation the message tells (haven.chat.situations), when its tone agrees with the
        message: a hard situation's line is not said to good news, nor a glad one beside a hard feeling or a "but"."""
        u = request.understanding
        if u.intent == "question" or I.QUESTION.search(request.normalised):
            return None  # "is impostor syndrome an actual diagnosis?" asks; it tells no situation of theirs
        pending = request.dialogue.pending
        if u.situation:
            found = situations.by_name(u.situation)
        elif u.intent in ("answer", "feeling", "venting") and pending is not None:
            found = situations.asked_about(pending.text)  # an answer to the situation's own question is more of it
            if found is not None and u.themes and u.feelings and not re.search(found.cue, request.normalised):
                # "i worry about everything. my mam's health, the job", asked about starting counselling after a
                # wait (chat_heldout65, read: asked what she hoped to get from the sessions): a worry of its own
                found = None
        else:
            found = None
        if found is None:
            return None
        hard = any(f not in P.POSITIVE_FEELINGS for f in u.feelings)
        if found.tone == "hard" and ((not hard and self._said_lightly(request)) or (pending and pending.about_good_news)):
            return None  # "I told my TL I can't keep covering the extra shifts", asked how a win came: no overload line
        if found.tone == "good" and (hard or threads.CONTRAST.search(request.normalised)):
            return None
        return found

    def _situation_line(self, request, phraser: Phraser) -> str | None:
        """A reflection that names what makes the person's situation hard (or good), not said before; None when
        no situation is clearly told or its lines are all said."""
        found = self._situation(request)
        if found is None:
            return None
        return phraser.pick(f"situation-{found.name}", found.reflections, required=False)

    def _situation_question(self, request, phraser: Phraser) -> str | None:
        """An open question that fits the person's situation whatever detail they gave, not asked before."""
        found = self._situation(request)
        if found is None:
            return None
        # never a fact already given: "i haven't told anyone" was asked "Who, if anyone, have you been able to talk to
        # about it?" in the same reply
        known = {f[1] for f in request.understanding.facts}
        questions = [
            q for q in found.questions
            if QUESTION_ASKS.get(q) not in known and not request.dialogue.knows(None, QUESTION_ASKS.get(q))
        ]
        return phraser.pick(f"situation-q-{found.name}", questions, required=False) if questions else None

    @staticmethod
    def _light(request) -> bool:
        """True when the message holds no trouble: no hard feeling, and good news, a plan, something said lightly
        ("its the right call", "the vet was lovely") or a fact with no hard word in it ("her nephew asked me to
        help clear her garden"). Why: the blind reading found "That sounds like a lot to hold." and "That sounds
        difficult, and..." after a plan, a decision the person was at peace with and a plain fact."""
        u, norm = request.understanding, request.normalised
        if any(f not in P.POSITIVE_FEELINGS for f in u.feelings):
            return False
        return GuideEngine._said_lightly(request) or not I.HARD_WORD.search(norm)

    @staticmethod
    def _said_lightly(request) -> bool:
        """Good news, a plan or something said lightly ("its the right call", "the vet was lovely"), with no hard
        feeling named."""
        u, norm = request.understanding, request.normalised
        if any(f not in P.POSITIVE_FEELINGS for f in u.feelings):
            return False
        said_lightly = I.LIGHT.search(norm) or I.GOOD_NEWS.search(norm) or I.MILESTONE.search(norm) or I.SMALL_JOY.search(norm)
        plan = I.plan_said(norm)
        return bool(said_lightly or plan)

    # --- the thread in play ------------------------------------------------------------------------------

    #: Intents a move in the thread can be: a question only when it asks what will happen ("will it happen again?").
    _THREAD_INTENTS = ("answer", "feeling", "acknowledgement", "question")

    def _move(self, request) -> threads.Move | None:
        """What this message does in the conversation in play (haven.chat.threads), when it carries it on."""
        u = request.understanding
        if (
            u.intent not in self._THREAD_INTENTS
            or u.named_document
            or u.condition
            or running(request.dialogue.run)
        ):
            return None  # (an exercise running in the chat reads its own answers)
        earlier = self._earlier(request)
        last = next((t.text for t in reversed(request.history) if t.role == "assistant"), "")
        move = threads.read(request.normalised, earlier, last, u.mode)
        if not threads.joined_clauses(request.text) and (move is None or move.kind in ("plan", "contrast")):
            # "I could bring her to the climbing wall, she used to open up on the drive home": the step is the clause
            # it is in, never the clauses after it run together; so too a contrast ("she's 3 months. i love her but i
            # feel like a robot" was said back as "So she's 3 months you love her, but ...")
            kind = "contrast" if move is not None and move.kind == "contrast" else "plan"
            move = self._kind_in_a_clause(request, earlier, last, kind)
        if move is None or (u.intent == "question" and move.kind != "ahead"):
            return None
        hard = [f for f in u.feelings if f not in P.POSITIVE_FEELINGS]
        if move.kind == "event" and (hard or I.MEMORY.search(request.normalised)):
            return None  # "my dad died and I can't stop crying", "my gran used to...": their own replies
        if move.kind == "plan" and hard:
            return None  # "i could talk to him but i'm scared": the feeling first
        if move.kind == "plan" and self._fear_answered(request):
            return None  # "What part of it worries you most?" "... and i'll go red": a fear, not a step
        asked = request.dialogue.pending
        if move.kind in ("pattern", "doubt") and not hard and asked is not None and asked.about_good_news:
            return None  # "I practised with my uncle every night for a week", how the win came: no habit to put up with
        if move.kind == "pattern" and not hard and "grieving" in request.dialogue.topics:
            return None  # "Walked her twice a day every day since I retired", of a dog just lost: a memory, not a trial
        if move.kind == "plan" and _KEEP_IT_GOING.match((move.said_back or "").lower()):
            return None  # "I want to keep it going, next up is...": a wish that names no step, read as an answer
        if move.kind == "plan" and move.gentle == "unsaid" and I.plan_said(request.normalised):
            return None  # a long plan the plan-in-passing reply meets with its time ("Before your first appointment...")
        if move.kind == "pattern" and (I.PLAN.search(request.normalised) or I.PLAN_MAYBE.search(request.normalised)):
            return None  # "reading it aloud a few times sounds sensible. I'll do that tonight": a plan, not a pattern
        if move.kind in ("doubt", "pattern") and threads.feeling_said_back(request.text):
            return None  # "i know i should be happy but it feels like everyone is moving on": how it feels first
        if move.kind == "doing" and u.mode != "in_the_moment" and not request.dialogue.ever_offered:
            return None  # "ok doing it" with nothing suggested to be doing
        return move

    @staticmethod
    def _kind_in_a_clause(request, earlier: list[str], last: str, kind: str) -> threads.Move | None:
        """A move of this kind (a step, a contrast) read from the one clause of the person's message that says it,
        by their own punctuation; None when no clause does."""
        for clause in threads.split_clauses(request.text):
            if not clause.strip():
                continue
            move = threads.read(normalise(clause), earlier, last, request.understanding.mode)
            if move is not None and move.kind == kind:
                return move
        return None

    def _follow_thread(self, request, phraser: Phraser, move: threads.Move) -> list[str]:
        """The reply in kind to a move in the thread: the detail said back in the person's terms, a doubt taken
        gently, and a question that follows it. No exercise and no library lesson: the person is telling their
        story, and a lesson here answers a message they did not send."""
        who = move.who or "someone close to you"
        them = {"she": "her", "he": "him"}.get(move.pronoun) or (
            "them" if move.kind == "someone" else move.who or "them"
        )
        # the one who did something ("How did they take it?"): "them" said as a subject reads wrong
        they = {"her": "she", "him": "he", "them": "they"}.get(them, them)
        fields = {"who": who, "pronoun": move.pronoun, "them": them, "they": they}
        pools = {
            "reported": (P.THREAD_REPORTED, P.THREAD_REPORTED_QUESTION),
            "reported_other": ((), P.THREAD_REPORTED_OTHER_QUESTION),
            "event": (P.THREAD_EVENT, P.THREAD_EVENT_QUESTION),
            "not_yet": (P.THREAD_NOT_YET, P.THREAD_NOT_YET_QUESTION),
            "alone": (P.THREAD_ALONE, P.THREAD_ALONE_QUESTION),
            "someone": (P.THREAD_SOMEONE, P.THREAD_SOMEONE_QUESTION),
            "told": (P.THREAD_TOLD, P.THREAD_TOLD_QUESTION),
            "pattern": (P.THREAD_PATTERN, P.THREAD_PATTERN_QUESTION),
            "contrast": (P.THREAD_CONTRAST, P.THREAD_CONTRAST_QUESTION),
            "coped": (P.THREAD_COPED, P.THREAD_COPED_QUESTION),
            "ahead": (P.THREAD_AHEAD, P.THREAD_AHEAD_QUESTION),
            "confirm": (P.THREAD_CONFIRM, P.THREAD_CONFIRM_QUESTION),
            "doing": (P.THREAD_DOING, ()),
        }
        if move.kind == "plan":
            return [self._plan_step(phraser, move, fields, request.normalised)]
        if move.kind == "doubt":
            pools["doubt"] = {
                "other": (P.THREAD_DOUBT_OTHER, P.THREAD_DOUBT_OTHER_QUESTION),
                "unliked": (P.THREAD_DOUBT_UNLIKED, P.THREAD_DOUBT_UNLIKED_QUESTION),
                "minimising": (P.THREAD_DOUBT_MINIMISING, P.THREAD_DOUBT_MINIMISING_QUESTION),
            }.get(move.gentle or "", (P.THREAD_DOUBT_SELF, P.THREAD_DOUBT_SELF_QUESTION))
        said, questions = pools[move.kind]
        if move.kind == "pattern" and (self._cannot_be_told(request) or not self._names_someone(request, move)):
            # "she asks the same thing twenty times a day" of a mother with dementia: not something to tell her
            questions = tuple(q for q in questions if "how it makes you feel" not in q)
        if move.kind == "pattern" and threads.says_own_response(request.normalised):
            # "every time i open it i just close the laptop and feel sick": what they do is just told, so it is not
            # asked ("How do you usually respond when it happens?" was, seen trying the chat, round 40)
            questions = tuple(q for q in questions if "usually respond" not in q)
        slot = f"thread-{move.kind}-{move.gentle or ''}"
        parts = []
        whole = move.kind in ("pattern", "event", "reported", "reported_other")  # said back from the whole message
        if (
            move.said_back
            and threads.sayable(move.said_back)
            and phraser.fresh(move.said_back)
            and (threads.joined_clauses(request.text) or not whole)
        ):
            phraser.remember(move.said_back)
            parts.append(threads.without_laughs(move.said_back))
        if said:
            parts.append(phraser.pick(slot, said, **fields))
        if move.kind == "ahead":  # "what helped" only when something did
            earlier = " ".join(self._earlier(request))
            helped = any(request.dialogue.done.values()) or outcome_of(earlier) == "helped" or "better" in earlier
            more = [m for m in P.THREAD_AHEAD_MORE if helped or "helped" not in m]
            parts.append(phraser.pick("thread-ahead-more", more, required=False))
        if questions:
            parts.append(
                phraser.pick(f"{slot}-q", questions, required=False, **fields) or self._follow_up(request, phraser)
            )
        return [" ".join(p[0].upper() + p[1:] for p in parts if p)]

    @staticmethod
    def _names_someone(request, move: threads.Move) -> bool:
        """Whether this message names the one who keeps doing it ("he does it every week", "my boss never..."):
        "Nearly every day" said to a check-up's question has no "her" to tell (chat_heldout26, read)."""
        norm = request.normalised
        who = re.escape(move.who) if move.who else None
        return bool(re.search(r"\b(he|she|they|him|her|them|his|their)\b", norm) or (who and re.search(rf"\b{who}\b", norm)))

    def _cannot_be_told(self, request) -> bool:
        """Whether the one whose habit wears the person down is someone they care for (dementia, a baby, a
        toddler): "have you been able to tell her how it makes you feel?" would ask the impossible."""
        said = " ".join([*self._earlier(request), request.normalised])
        return "caring" in request.dialogue.topics or bool(_CARED_FOR.search(said))

    @staticmethod
    def _after_a_plan(phraser: Phraser, norm: str) -> str:
        """What follows a plan the person made: a question about it, unless they are closing the talk. Why: "ok
        might ring them when im back on land. cheers" got "What might get in the way?" as they left; a thanks at
        the very end is a goodbye, a thanks in passing asks whether there is more."""
        if I.CLOSING_THANKS.search(norm) or (I.thanks_given(norm) and I.GOODBYE.search(norm)):
            return phraser.pick("goodbye", P.GOODBYE)  # "Ok I'll keep at it. Thanks, logging off": a goodbye
        if I.thanks_given(norm):
            return phraser.pick("thanks-q", P.THANKS_QUESTION)
        return phraser.pick("plan-q", P.PLAN_QUESTION)

    @staticmethod
    def _plan_step(phraser: Phraser, move: threads.Move, fields: dict[str, str], norm: str = "") -> str:
        """A step the person could take, welcomed in their own words ("Talking to him tonight sounds like a real
        step.") and a question about taking it. Why: read as a problem, "yeah i could talk to him tonight" got a
        lesson about loneliness and "ok i'll try practising in front of my sister" started an exercise. A thanks with
        the plan is met as after any plan (``_after_a_plan``): a goodbye when it ends the message."""
        said, questions = {
            "other": (P.THREAD_PLAN_OTHER, P.THREAD_PLAN_OTHER_QUESTION),
            "offered": (P.THREAD_PLAN_OTHER, P.THREAD_PLAN_OFFERED_QUESTION),
            "suits": (P.THREAD_PLAN_SUITS, P.THREAD_PLAN_SUITS_QUESTION),
            "as_said": (P.THREAD_PLAN_AS_SAID, P.THREAD_PLAN_QUESTION),
            "unsaid": (P.PLAN, P.THREAD_PLAN_QUESTION),
        }.get(move.gentle or "", (P.THREAD_PLAN, P.THREAD_PLAN_QUESTION))
        step = move.said_back or ""
        welcome = phraser.pick(f"thread-plan-{move.gentle}", said, step=step, **fields)
        if I.thanks_given(norm):  # "ok bet, 2 past papers a week. ty": the plan made and the talk closing
            return f"{welcome} {GuideEngine._after_a_plan(phraser, norm)}"
        question = phraser.pick(f"thread-plan-{move.gentle}-q", questions, **fields)
        return f"{welcome} {question}"

    # --- intents ---------------------------------------------------------------------------------------

    @staticmethod
    def _checkup_answer_typed(request) -> bool:
        """ "more than half the days", typed after Haven said where the check-up is: one of its answers, given here."""
        return checkups.option_typed(request.normalised) and any(
            "Check-ups page" in t.text for t in request.history if t.role == "assistant"
        )

    def _checkup_option(self, request, phraser, citer):
        """One of a check-up's answers typed in the chat: where they are counted, and an offer to talk the score over."""
        return [phraser.pick("checkup-option", P.CHECKUP_OPTION_TYPED)], []

    @staticmethod
    def _nerves_said_behind(request) -> bool:
        """Whether the message tells nerves as behind the person ("thanks. i was so nervous beforehand") right after
        Haven asked about their good news."""
        pending = request.dialogue.pending
        return pending is not None and pending.about_good_news and bool(I.NERVES_BEFORE.search(request.normalised))

    @staticmethod
    def _nerves_behind_a_win(request, phraser, citer):
        """ "thanks. i was so nervous beforehand", after Haven asked about their good news: the nerves are behind
        them, and what it took is said back, with a look at what went well. It was "That sounds hard, feeling
        anxious", Worry time and "When did you first notice feeling this way?" (seen trying the chat)."""
        said = f"{phraser.pick('nerves-behind', P.NERVES_BEHIND)} {P.NERVES_BEHIND_NOTE}"
        return [said, phraser.pick("follow-positive", P.FOLLOW_UP_POSITIVE)], []

    @staticmethod
    def _mixed_nerves(request, phraser, citer):
        """ "excited but also kind of terrified", about a new job on Monday: both feelings met as making sense, and a
        look ahead. It was "I'm hearing that you feel anxious", a line on CBT for panic disorder, the Fear ladder
        and "Who else knows how you've been feeling?" (seen trying the chat)."""
        asked = [q for q in P.MIXED_NERVES_QUESTION if not _asked_already(request, q)] or list(P.MIXED_NERVES_QUESTION)
        return [f"{phraser.pick('mixed-nerves', P.MIXED_NERVES)} {phraser.pick('mixed-nerves-q', asked)}"], []

    @staticmethod
    def _sigh(request, phraser, citer):
        """ "ugh", "sigh", "bleh" and nothing else: an open door. It was "Thank you for telling me that. What has been
        going through your mind about it?", thanks and an "it" for what had not been said (seen trying the chat)."""
        if request.dialogue.topics:  # "ugh" in the middle of a talk about a loss: no fresh "what's going on?"
            return [phraser.pick("sigh-midway", P.SIGH_MIDWAY)], []
        return [phraser.pick("sigh", P.SIGH)], []

    def _feeling(self, request, phraser, citer, opening: str | None = None):
        """Reflect, a little background, perhaps one exercise, one question (``opening``: the answer already
        said back, in place of the reflection)."""
        passing = self._in_passing(request, phraser)
        if passing is not None:
            return passing, []
        u = request.understanding
        if u.mode == "in_the_moment" and all(f in P.POSITIVE_FEELINGS for f in u.feelings):
            return [self._moment_word(request, phraser)], []  # "ok i walked out of the room", "bit better now"
        positive = bool(u.feelings) and all(f in P.POSITIVE_FEELINGS for f in u.feelings)
        if opening is None and not u.feelings and any(t.role == "user" for t in request.history):
            opening = self._said_back(request, phraser)  # a statement carrying the conversation on, in its words
        if opening is None and "grieving" not in u.feelings and not coming_up(u.facts, request.normalised):
            # "feels like going backwards": said back, not "It took something to put that into words."
            opening = self._in_their_words(request, phraser)
        said_back = opening is not None
        opening = opening or self._reflection(request, phraser)
        if self._validates(request) and not said_back:
            validation = phraser.pick("validate", P.VALIDATE, required=False)
            opening = f"{opening} {validation}" if validation else opening
        # said lightly ("it's the right call with the new job"): no lesson and no exercise for a trouble not had
        settled = not positive and self._said_lightly(request)
        psychoed = None if positive or settled else self._psychoeducation(request, phraser, citer)
        lines, chosen = (
            self._exercise_lines(request, phraser, citer, limit=1)
            if self._offer_now(request) and not settled
            else ([], [])
        )
        block = None
        if lines:
            leads = (
                P.EXERCISES_LEAD_POSITIVE
                if positive
                else P.EXERCISES_LEAD
                if len(lines) > 1
                else P.EXERCISE_LEAD_ONE
            )
            lead = phraser.pick("exercises", leads, required=False)  # every lead said: the line alone
            block = "\n".join([lead, *lines] if lead else lines)
        if settled:  # not "What part of work is weighing on you most?" after "the right call"
            question = phraser.pick("follow-light", P.FOLLOW_UP_LIGHT)
        else:
            question = self._follow_up(request, phraser, offered=len(lines) > 1)
        return [opening, psychoed, block, question], chosen

    @staticmethod
    def _validates(request) -> bool:
        """True when a line of validation ("Feelings like this can be loud, but they do shift.") goes after a
        reflection: for a hard feeling the person named, or to open a conversation; not after a fact said back
        (that shows it was heard), and not as a stock line after every message, which reads as a form letter ("It
        took something to put that into words." after a car failing its MOT)."""
        u = request.understanding
        if coming_up(u.facts, request.normalised):
            return False
        hard = any(f not in P.POSITIVE_FEELINGS for f in u.feelings)
        first = not any(t.role == "assistant" for t in request.history)
        # never after good news, a plan or a plain fact ("Reading a novel for book club where..." was told "You're
        # not the only one who has felt like this."): a conversation is opened with one only for a hard feeling
        return hard or (first and bool(u.feelings or u.themes) and I.HARD_WORD.search(request.normalised) is not None)

    def _in_passing(self, request, phraser: Phraser) -> list[str] | None:
        """A plan, a memory, or "I already do most of that", said without distress: answered in kind, with no
        lesson and no new exercise (None for anything else). Why: read as a problem, "I might do it before the
        2pm meeting" got "work has been hard lately" and a new exercise; these are the person moving on, or
        telling us who they are, and a reply that follows them is the one that shows it listened."""
        u = request.understanding
        if I.WEIGHED.search(request.normalised):  # the evidence for and against a thought, weighed in their words
            return [f"{phraser.pick('weighed', P.WEIGHED)} {phraser.pick('weighed-q', P.WEIGHED_QUESTION)}"]
        rated = I.BELIEF_RATED.search(request.normalised)
        if I.THOUGHT_NAMED.search(request.normalised) and not rated:
            # "Thought is 'if I make mistake they will think I am not senior material'": a thought record begun in their
            # own words, its next step asked (it got "I'm listening" and a lesson on mind reading, chat_heldout55, read)
            named = phraser.pick("thought-named", P.THOUGHT_NAMED)
            return [f"{named} {phraser.pick('thought-named-q', P.THOUGHT_NAMED_QUESTION)}"]
        just_before = self._earlier(request)[-2:] if rated else []
        if any(I.WEIGHED.search(earlier) for earlier in just_before):
            # "Now I think maybe 40 percent. Ok this helps little bit", after the evidence against was told: the thought
            # believed less, met as the shift it is (it was "step-by-step problem solving worked for you")
            lower = phraser.pick("belief-lower", P.BELIEF_LOWER)
            return [f"{lower} {phraser.pick('reframed-q', P.REFRAMED_QUESTION)}"]
        if any(I.THOUGHT_NAMED.search(earlier) for earlier in just_before):
            # "Maybe 70 percent I am believing it", just after the thought was named: on to the evidence
            believed = phraser.pick("belief-rated", P.BELIEF_RATED)
            return [f"{believed} {phraser.pick('belief-rated-q', P.BELIEF_RATED_QUESTION)}"]
        if I.REFRAMED.search(request.normalised):  # "Looking at it again... it is probably not about me at all"
            # before the feelings: "she was probably just tired" names her tiredness, not the person's
            return [f"{phraser.pick('reframed', P.REFRAMED)} {phraser.pick('reframed-q', P.REFRAMED_QUESTION)}"]
        if any(f not in P.POSITIVE_FEELINGS for f in u.feelings):
            return None
        norm = request.normalised
        plan = I.plan_said(norm) if not self._fear_answered(request) else None
        if plan and u.intent != "accept" and not I.CONTRAST.search(norm[plan.end() :]):
            if "grieving" in request.dialogue.topics and _FOR_THEM.search(norm):
                # "I'll plant something in the garden for her": a way to remember, not a task to plan around
                them = _FOR_THEM.search(norm).group(1)
                said = phraser.pick("remember", P.REMEMBER_PLAN, them=them)
                return [f"{said} {phraser.pick('remember-q', P.REMEMBER_QUESTION, them=them)}"]
            said = _plan_said_back(phraser, I.PLAN_WHEN.search(norm[plan.end() :].strip()))
            return [f"{said} {self._after_a_plan(phraser, norm)}"]
        # "she used to tell me everything", just after "my 15 year old won't talk to me anymore": the change said the
        # message before, so no warm memory ("That's a lovely thing to carry with you")
        changed = bool(I.CONTRAST.search(" ".join(self._earlier(request)[-1:])))
        if I.MEMORY.search(norm) and not (I.HURTFUL.search(norm) or I.CONTRAST.search(norm) or changed):
            return [f"{phraser.pick('memory', P.MEMORY)} {phraser.pick('memory-q', P.MEMORY_QUESTION)}"]
        if I.MAKES_SENSE.search(norm):  # "ok that makes sense", after an explanation
            return [
                f"{phraser.pick('makes-sense', P.MAKES_SENSE)} {phraser.pick('makes-sense-q', P.MAKES_SENSE_QUESTION)}"
            ]
        if I.AGREE.search(norm):  # "that's a good idea actually"
            return [f"{phraser.pick('agree', P.AGREE)} {phraser.pick('plan-q', P.PLAN_QUESTION)}"]
        if I.ALREADY.search(norm):
            return [f"{phraser.pick('already', P.ALREADY)} {phraser.pick('already-q', P.ALREADY_QUESTION)}"]
        return None

    def _rating_taken(self, request, phraser: Phraser, rating: str, pending) -> str:
        """ "5", said to "From 0 to 10, how stressed do you feel right now?": the number said back and, when it
        was asked before an exercise with a button, where to start it. Why: answered with another question
        ("What would you say to a friend?"), the person's number went nowhere."""
        said = phraser.pick("answer-rating", P.ANSWER_RATING, n=rating)
        exercise = self.library.exercises.get(pending.exercise or "") if pending.kind == "check_in" else None
        if exercise is None:
            return f"{said} {self._follow_up(request, phraser)}"
        return f"{said} {P.ANSWER_RATING_START.format(title=f'**{exercise.title}**')}"

    def _offer_now(self, request) -> bool:
        """An exercise fits when the last reply offered none and none was declined, or the person has raised
        something new: an offer every turn turns a conversation into a form."""
        state, u = request.dialogue, request.understanding
        # one open at a time: an exercise offered earlier in this talk, neither taken up nor turned down, is still
        # there (its button too); a second one for the same things is offered only for something new. Why: a nurse
        # on nights was offered the sleep plan, then Three good things, Progressive muscle relaxation and a body scan
        # over the next turns about the same daytime sleep (chat_heldout42, read)
        if not state.offered and not state.declined and not state.still_open:
            return True
        return bool(
            set(u.topics) - set(state.topics) - {"okay", "hopeful"}
        )  # after a "no", only for something new

    def _waiting_for_therapy(self, request, phraser, citer):
        """ "hi, i'm on a waiting list for therapy, 6 months apparently", as the first thing said: the wait heard,
        and what Haven is for until then (not therapy), not a bare "What's on your mind?"."""
        how_long = _HOW_LONG.search(request.normalised)
        if how_long:
            heard = phraser.pick("waiting", P.WAITING_FOR_THERAPY, wait=how_long.group(0).capitalize())
        else:
            heard = phraser.pick("waiting", P.WAITING_FOR_THERAPY_UNTIMED)
        question = phraser.pick("waiting-q", P.WAITING_FOR_THERAPY_QUESTION)
        return [f"{heard} {P.WAITING_FOR_THERAPY_ROLE}", question], []

    @staticmethod
    def _first_word_of_a_wait(request) -> bool:
        """The person's first message (Haven's opening hello may be before it) says they are waiting for therapy."""
        first = not any(t.role == "user" for t in request.history)
        return first and bool(_WAITING_FOR_THERAPY.search(request.normalised))

    def _greeting(self, request, phraser, citer):
        state = request.dialogue
        if I.NEW_HERE.search(request.normalised):
            # "My daughter put this on my phone for me. I'm not sure what I'm supposed to say to it": what Haven is and
            # that anything will do (it was "Hello again. How are you feeling today?", chat_heldout55, read)
            return [phraser.pick("new-here", P.NEW_HERE)], []
        met = bool(request.history) and not state.focus  # a recap or earlier turns: been here before
        hello = phraser.pick("greeting", [g for g in P.GREETING if met or "again" not in g])
        focus = P.FOCUS_OPENING.get(state.focus or "") if state.turns < 2 else None
        question = phraser.pick("greeting-focus", focus, required=False) if focus else None
        return [f"{hello} {question or phraser.pick('greeting-q', P.GREETING_QUESTION)}"], []

    def _thanks(self, request, phraser, citer):
        """ "Thanks": "glad that helped" only when the person said it helped."""
        if I.LUCK.search(request.normalised):  # "thanks, it's my turn now, wish me luck"
            return [phraser.pick("good-luck", P.GOOD_LUCK)], []
        helped = outcome_of(request.normalised) == "helped"
        options = [t for t in P.THANKS if helped or "helped" not in t]
        if helped:  # "the breathing helped actually, thanks": glad of it, by name, not only "You're welcome."
            kind = kind_of(request.normalised)
            # "thanks. that helped" after grounding's steps for right now: the grounding, by name
            steps = self._steps_just_given(request) if not kind else None
            what = f"the {kind}" if kind else (self._title(steps) if steps else "that")
            options = [t.format(what=what) for t in P.THANKS_HELPED]
            if kind or steps:
                pass  # what helped is named
            elif _ABOUT_THE_REPLY.search(request.normalised):
                options = list(P.THANKS_USEFUL)  # "thanks, that's helpful": what Haven said, not something tried
            elif not request.dialogue.done:
                # "thanks, that actually helps a bit" with no exercise tried here: the talk helped, and there is no
                # "It'll be there whenever you need it again" to say about it
                options = list(P.THANKS_TALK_HELPED)
        closing = I.CLOSING_THANKS.search(request.normalised) and len(request.normalised.split()) > 6
        if closing or _THANKS_FOR_THE_TALK.search(request.normalised):
            # "Thanks for everything", "Thank you for listening. It helped more than I expected": a thank-you for
            # the talk itself closes it, and is not asked "Would you like to keep going?" (chat_heldout25, read)
            # "Ok I will ask the pharmacist ... Thank you, very helpful": said on the way out, so no new question
            welcome = [t for t in options if "letting me know" not in t]
            return [f"{phraser.pick('thanks', welcome)} {phraser.pick('goodbye', P.GOODBYE)}"], []
        return [f"{phraser.pick('thanks', options)} {phraser.pick('thanks-q', P.THANKS_QUESTION)}"], []

    def _steps_just_given(self, request) -> str | None:
        """The exercise whose steps for right now the last reply gave (in the moment), if it did: "thanks. that
        helped" after them is about those steps, not the talk (it was "I'm really glad talking it through helps")."""
        if request.dialogue.mode != "in_the_moment":
            return None
        replies = [t for t in request.history if t.role == "assistant"][-4:]
        with_steps = next((t for t in reversed(replies) if t.suggested_exercises), None)
        offered = [e for e in (with_steps.suggested_exercises if with_steps else ()) if e in self.library.exercises]
        return offered[0] if len(offered) == 1 else None

    def _goodbye(self, request, phraser, citer):
        """Goodbye; going to bed gets a goodnight ("I think I just need to go to bed"), never a new exercise;
        going in to the thing they dreaded ("wish me luck") gets luck."""
        if I.LUCK.search(request.normalised):
            return [phraser.pick("good-luck", P.GOOD_LUCK)], []
        if I.BEDTIME.search(request.normalised):  # going to bed: the plan is welcomed
            return [phraser.pick("goodnight", P.GOODNIGHT)], []
        if re.search(r"\b(bed|sleep|night|nite|gn|nn|rest)\b", request.normalised):  # "night x": a goodbye
            return [phraser.pick("goodnight-bye", P.GOODNIGHT_BYE)], []
        if I.thanks_given(request.normalised):  # "Thanks heaps, chat soon": the thanks taken, then goodbye
            welcome = phraser.pick("thanks", [t for t in P.THANKS if "helped" not in t and "letting me know" not in t])
            return [f"{welcome} {phraser.pick('goodbye', P.GOODBYE)}"], []
        return [phraser.pick("goodbye", P.GOODBYE)], []

    def _acknowledgement(self, request, phraser, citer):
        if request.understanding.mode == "in_the_moment":
            return [phraser.pick("moment-close", P.MOMENT_CLOSE)], []
        last = _last_reply(request)
        if last and last.suggested_exercises and last.suggested_exercises[0] in self.library.exercises:
            title = self.library.exercises[last.suggested_exercises[0]].title
            nudge = phraser.pick("ack-exercise", P.ACKNOWLEDGE_EXERCISE, required=False, title=f"**{title}**")
            if nudge:
                return [nudge, self._follow_up(request, phraser)], []
        return [f"{phraser.pick('ack', P.ACKNOWLEDGE)} {self._follow_up(request, phraser)}"], []

    def _capabilities(self, request, phraser, citer):
        """What Haven can do, whether it is private, or what it is (not a person, not ChatGPT): asked about itself."""
        if I.DOING_IT_RIGHT.search(request.normalised):
            return [phraser.pick("doing-it-right", P.DOING_IT_RIGHT), phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []
        if I.PRIVACY.search(request.normalised):
            return [phraser.pick("privacy", P.PRIVACY), phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []
        if I.IS_IT_THERAPY.search(request.normalised):
            has_one = re.search(r"\bmy (therapist|counsell?or|psychologist|psychiatrist|cbt)\b", request.normalised)
            said = P.NOT_THERAPY_BESIDE if has_one else P.NOT_THERAPY
            if _WAITING_FOR_THERAPY.search(request.normalised):
                said = P.NOT_THERAPY_WAITING  # "I'm on a waitlist for one through my GP": what Haven is meanwhile
            elif I.YOU_ARE_NOT.search(request.normalised):
                said = P.NOT_THERAPY_CONFIRMED  # "you're not a therapist, right?": "That's right", not "No, ..."
            return [phraser.pick("not-therapy", said), phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []
        if I.OFFLINE.search(request.normalised):
            return [phraser.pick("offline", P.OFFLINE), phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []
        if I.WHAT_HAVEN_IS.search(request.normalised):
            who = re.search(r"\b(who|company|business|charity|free|open source)\b", request.normalised)
            said = P.WHO_MAKES_HAVEN if who and not I.CHATGPT_ASKED.search(request.normalised) else P.WHAT_HAVEN_IS
            return [phraser.pick("what-haven-is", said), phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []
        if I.MOOD_LOG.search(request.normalised):
            return [phraser.pick("mood-log", P.MOOD_LOG), phraser.pick("charts-q", P.CHARTS_QUESTION)], []
        if I.CHARTS.search(request.normalised):
            return [phraser.pick("charts", P.CHARTS), phraser.pick("charts-q", P.CHARTS_QUESTION)], []
        titles = [self.library.exercises[i].title.lower() for i in sorted(self.library.exercises)[:40]]
        # short titles read as examples in a sentence ("such as say it clearly and kindly and opposite action" did not)
        titles = [t for t in titles if len(t.split()) <= 3] or titles
        picks = phraser.order("cap-examples", titles)[:2] or ["box breathing"]
        about = phraser.pick("capabilities", P.CAPABILITIES, examples=" and ".join(picks))
        return [about, phraser.pick("capabilities-q", P.CAPABILITIES_QUESTION)], []

    def _offtopic(self, request, phraser, citer):
        """Kindly out of scope, then back to the thread: an aside ("also random but how do u say ... in french")
        in the middle of a conversation goes back to what the person was saying, and Haven's question stays open
        (``dialogue.pending_for``), so the answer that follows is read as its answer (good news kept going, a plan
        welcomed), not as a new first message. The question is not asked twice."""
        if aside_keeps_thread("offtopic", request.dialogue):
            return [f"{phraser.pick('offtopic', P.OFFTOPIC)} {phraser.pick('offtopic-back', P.OFFTOPIC_BACK)}"], []
        return [f"{phraser.pick('offtopic', P.OFFTOPIC)} {phraser.pick('offtopic-q', P.OFFTOPIC_QUESTION)}"], []

    def _human(self, request, phraser, citer):
        intro = phraser.pick("human", P.HUMAN_INTRO)
        how = P.HUMAN_HOW.get(request.region.upper(), P.HUMAN_HOW["default"])
        parts = [f"{intro} {how}"]
        phraser.remember(how, own=True)  # the library's line on finding help must not say it again
        article = next((h for h in request.hits if h.kind == "article" and "help" in h.title.lower()), None)
        found = self._finding_help_here(article, phraser, request.region) if article is not None else None
        if found is not None:
            hit, quote = found
            parts.append(f"{quote} [{citer.cite(hit)}]")
        if request.help_lines:
            parts.append("\n".join([P.HUMAN_LINES_LEAD, *(f"- {line}" for line in request.help_lines)]))
        parts.append(phraser.pick("human-q", P.HUMAN_QUESTION))
        return parts, []

    def _when_to_get_help(self, request, phraser: Phraser, citer: _Citer):
        """ "When should I see someone about it?": the signs the article on what they are talking about gives for
        getting more help (panic attacks that keep coming back, avoiding places), for their country, and a doctor as
        the first step; None when no article on it is at hand (the search's answer stands)."""
        searched = [h.doc_id for h in request.hits if h.kind == "article"][:3]
        fit = {doc_id: self._article_fit(request, doc_id) for doc_id in self.library.articles}
        # the conversation's subject, when the question alone found nothing on it ("about it" names nothing)
        subject = max(fit, key=fit.get, default=None)
        for doc_id in dict.fromkeys([*searched, *([subject] if subject else [])]):
            if not (fit[doc_id] if doc_id in fit else self._article_fit(request, doc_id)):
                continue
            for section in passages.of_document(self.library, doc_id):
                if not re.search(r"when to get (more )?help|signs it is time", section.section, re.I):
                    continue
                quotes = (passages.for_their_country(q, request.region) for q in passages.quotes(section.passage, 3))
                said = [q for q in quotes if q and phraser.fresh(q) and not _CRISIS_WORDS.search(q)]
                if said:
                    n = citer.cite(section)
                    lead = phraser.pick("when-help", P.WHEN_TO_GET_HELP_LEAD)
                    return [f"{lead} {said[0]} [{n}]", phraser.pick("when-help-q", P.WHEN_TO_GET_HELP_QUESTION)], []
        return None

    def _finding_help_here(self, article: Hit, phraser: Phraser, region: str) -> tuple[Hit, str] | None:
        """The first line on finding help that is for where the person is, from the passage the search found and
        then the article's other "Finding help" sections: "In England, you can refer yourself to NHS Talking
        Therapies" was told to someone in Cork, and the US's "primary care doctor" to someone in Lagos; the
        article's "In other countries, your family doctor or local health service" is for them."""
        others = [h for h in passages.of_document(self.library, article.doc_id) if h.section.startswith("Finding help")]
        for hit in [article, *(h for h in others if h.section != article.section)]:
            for quote in passages.quotes(hit.passage, 4, skip_summary=hit.section == "Overview"):
                quote = passages.for_their_country(quote, region)
                if quote and phraser.fresh(quote) and not phraser.echoed(quote):
                    return hit, quote
        return None

    def _exercise_request(self, request, phraser, citer):
        wanted = request.understanding.named_exercise or request.understanding.exercise  # "can we do one now?"
        if wanted not in self.library.exercises or request.understanding.options:
            return self._options(request, phraser, citer)
        ex = self.library.exercises[wanted]
        later = self._for_later(request, phraser, citer, ex)
        if later is not None:  # "ok i'll try urge surfing later. thanks": named, for later (it was started there)
            return later
        body = self._introduce(request, phraser, citer, ex, "request", P.REQUEST, caution=True)
        return [body, phraser.pick("request-q", P.REQUEST_QUESTION)], [ex.id]

    def _for_later(self, request, phraser, citer, ex: Exercise):
        """ "ok I'll try it tomorrow": a plan for then, with its button, not "Press Start" and "before we begin";
        None when no later time is said."""
        when = I.FOR_LATER.search(request.normalised)
        if not when:
            return None
        n = citer.cite(passages.section(self.library, ex.id, "What it is for"))
        said = phraser.pick("accept-later", P.ACCEPT_LATER, title=ex.title, n=str(n), when=_later_said_back(when.group(0)))
        return [said, phraser.pick("accept-later-q", P.ACCEPT_LATER_QUESTION)], [ex.id]

    def _introduce(self, request, phraser, citer, ex: Exercise, slot: str, leads, caution: bool = False) -> str:
        """ "Let's do Box breathing [1]. It takes about 4 minutes. <its summary>": each quote cited with the
        passage that holds it (the summary's "What it is for", a caution's "Take care")."""
        plain = self._exercise_fields(ex, 0)
        how = phraser.pick("request-how", P.REQUEST_HOW, required=False, **plain)
        quoted = [plain[f] for f in ("summary", "purpose") if how and plain[f] in how]
        n = citer.cite(self._holding(ex.id, request.hits, *quoted))
        first = phraser.pick(slot, leads, **self._exercise_fields(ex, n))
        said = phraser.first_fresh(ex.cautions[:1]) if caution else None
        if said:
            said = f"{said} [{citer.cite(passages.section(self.library, ex.id, 'Take care'))}]"
        start = phraser.pick("request-start", P.REQUEST_START, required=False)
        return " ".join(p for p in (first, how, said, start) if p)

    def _clarify(self, request, phraser, citer):
        """ "what does that actually mean?": Haven's last reply said another way, from what it stood on: the next
        sentences of the article passage it quoted that it did not say, or the exercise it suggested, explained;
        with neither, which part to say again (never a guess at what was meant)."""
        last = _last_reply(request)
        if last is None:
            return [phraser.pick("clarify-ask", P.CLARIFY_WHICH_PART)], []
        if I.FOR_EXAMPLE.search(request.normalised):  # "like what?": the suggestion's own examples
            examples = self._examples_suggested(request, phraser, citer, last)
            if examples is not None:
                return examples
        for doc_id, section in last.cited:
            if doc_id not in self.library.articles and doc_id not in self.library.exercises:
                continue
            hit = next((h for h in passages.of_document(self.library, doc_id) if h.section == section), None)
            said = [q for q in passages.quotes(hit.passage, 2) if phraser.fresh(q) and q not in last.text] if hit else []
            if said:
                lead = phraser.pick("clarify-lead", P.CLARIFY_LEAD)
                return [f"{lead} {said[0]} [{citer.cite(hit)}]", phraser.pick("clarify-q", P.CLARIFY_QUESTION)], []
        return self._explain_suggested(request, phraser, citer, last) or (
            [phraser.pick("clarify-ask", P.CLARIFY_WHICH_PART)],
            [],
        )

    def _examples_suggested(self, request, phraser, citer, last):
        """ "maybe. what sort of thing?", "like what?", just after an exercise was suggested: the sentences of what it
        is for, and of its steps' help, that give examples ("A short message, a wave to a neighbour or a few minutes
        on a call all count."), not said yet; None when the last reply suggested none or it has no examples left.
        Why: the question was read as a feeling ("Thanks, that helps me understand.") in a talk about retiring."""
        ex = self._first_suggested(last)
        if ex is None:
            return None
        texts = [ex.purpose, *(getattr(step, "help", None) or "" for step in ex.steps)]
        for text in texts:
            said = [
                sentence
                for paragraph in passages.paragraphs(text)
                for sentence in paragraph
                if _GIVES_EXAMPLES.search(sentence) and phraser.fresh(sentence) and sentence not in last.text
            ][:2]
            # only what a passage of the library holds, so the citation is exact (a step's help may not be in one)
            holding = passages.holding(self.library, ex.id, *said, hits=request.hits) if said else None
            if holding is not None:
                n = citer.cite(holding)
                return [f"{' '.join(said)} [{n}]", phraser.pick("explain-earlier-q", P.EXPLAIN_EARLIER_QUESTION)], []
        return None

    def _explain_suggested(self, request, phraser, citer, last):
        """The exercise Haven's last reply suggested, explained, unless that reply explained it already; None
        otherwise."""
        ex = self._first_suggested(last)
        if ex is not None and f"{ex.title}**:" not in last.text:  # explained just now: said the same again
            return self._explain_exercise(request, phraser, citer, ex, clarify=True)
        return None

    def _steps_of(self, ex: Exercise, phraser, citer):
        """How an exercise goes, in its own steps, cited, and whether to start it: for "how does that work?" asked
        just after what it is for was said. Why: "urge surfing? how does that work" (chat_heldout61, read) got "Sorry,
        I didn't say that very clearly. Which part would you like me to put another way?"."""
        steps = self._moment_steps(ex)[:5]
        n = citer.cite(passages.section(self.library, ex.id, "How to do it"))
        numbered = "\n".join(f"{i}. {step}" for i, step in enumerate(steps, start=1))
        lead = phraser.pick("steps-lead", P.STEPS_LEAD, title=ex.title, n=str(n))
        return [lead, numbered, phraser.pick("offer", P.EXPLAIN_EXERCISE_OFFER, title=ex.title)], [ex.id]

    def _first_suggested(self, last) -> Exercise | None:
        """The exercise Haven's last reply suggested first, if it is one of the library's."""
        return next((self.library.exercises[e] for e in last.suggested_exercises[:1] if e in self.library.exercises), None)

    @staticmethod
    def _purpose_opening(ex: Exercise, phraser) -> str | None:
        """The first two sentences of what an exercise is for, not said yet. With its title named just before,
        "This plan helps when sleep has become a struggle." stands: "this" is the exercise named."""
        paras = passages.paragraphs(ex.purpose)
        opening = paras[0][:2] if paras else []
        text = " ".join(opening)
        # the first sentences of the first paragraph have nothing before them to lean on ("too big" is no "too")
        if not opening or passages.TEASER.search(opening[-1]):
            return None
        return text if all(phraser.fresh(s) for s in opening) else None

    def _suits_them(self, request, phraser, citer, ex: Exercise):
        """Whether an exercise suits someone's circumstances, asked ("Is the sleep reset plan ok for someone on nights
        or is it only for normal hours?", "is there even a sleep plan for people who sleep in the daytime?"): the
        nearest section of the articles related to it (:meth:`_nearest_section`), quoted, with the exercise kept on
        offer unless offered already. None when the question does not ask that, or nothing fresh is left to quote.
        Why: both got the plan's summary again and "Would you like to give it a go?", when the library has a section
        on sleeping around shift work."""
        if not _SUITS_ME.search(request.normalised):
            return None
        article = self._nearest_section(request, ex)
        found = passages.quotes(article.passage, 2) if article else []
        # its list too: "Make your room as dark, quiet and cool as you can." when the opening was quoted already
        found += [i for i in passages.items(article.passage) if len(i.split()) >= 6] if article else []
        found = [q for q in found if phraser.fresh(q)][:2]
        if not found:
            return None
        n = citer.cite(article)
        answer = f"{' '.join(found)} [{n}]"
        if ex.id in request.dialogue.used():  # its button was offered already: not offered a second time
            return [answer, phraser.pick("explain-earlier-q", P.EXPLAIN_EARLIER_QUESTION)], []
        return [answer, phraser.pick("offer", P.EXPLAIN_EXERCISE_OFFER, title=ex.title)], [ex.id]

    def _nearest_section(self, request, ex: Exercise) -> Hit | None:
        """The section, of the articles that name the exercise as related, nearest in meaning to the question (the
        search, led by the exercise's own name, found only the plan itself and "When to get more help"). None
        without the embedding model or such an article. The overview and the sections that send elsewhere ("When to
        get more help") are left out: they answer no question about fit."""
        from haven.retrieval.embeddings import embed_one

        sections = [
            hit
            for doc_id, doc in self.library.articles.items()
            if ex.id in doc.meta.related_exercises
            for hit in passages.of_document(self.library, doc_id)
            if hit.section != "Overview" and not (hit.section or "").lower().startswith(("when to get", "getting more help"))
        ]
        if not sections:
            return None
        try:
            question = embed_one(request.normalised)
            near = [float(embed_one(f"{hit.section}. {hit.passage[:400]}") @ question) for hit in sections]
            # the question's words that only some sections share count too ("people who sleep in the daytime": the
            # shifts section says "Daytime sleep"; "sleep" and "night" are in every section and tell nothing)
            asked = _asked_words(request.normalised)
            words = [_words(hit.passage) & asked for hit in sections]
            rare = {w for w in asked if sum(w in ws for ws in words) <= len(sections) // 2}
            near = [n + self.shared_word_weight * len(ws & rare) for n, ws in zip(near, words, strict=True)]
        except Exception:  # noqa: BLE001 - no model here: the exercise is explained instead
            return None
        return sections[max(range(len(near)), key=near.__getitem__)]

    def _explain_exercise(self, request, phraser, citer, ex: Exercise, clarify: bool = False):
        """What an exercise is and what it is for, quoted and cited, and whether it appeals. Suggested in the last
        reply (its button is still there), it is not offered a second time, and its summary, said there, is not
        said again: the opening of what it is for is ("what's step-by-step problem solving?" right after it was
        suggested got the same summary twice). ``clarify``: asked to say the last reply another way."""
        last = _last_reply(request)
        earlier = clarify or bool(last and ex.id in last.suggested_exercises)
        # "What's the wind down thing you mentioned, is it long?": the length asked for, said
        length = f" It takes about {ex.duration_minutes} minutes." if _HOW_LONG_IS_IT.search(request.normalised) else ""
        if earlier and not phraser.fresh(ex.summary):
            said = self._purpose_opening(ex, phraser)
            if not said and _HOW_IT_GOES.search(request.normalised):
                return self._steps_of(ex, phraser, citer)
            if not said:
                return [phraser.pick("clarify-ask", P.CLARIFY_WHICH_PART)], []
            n = citer.cite(self._holding(ex.id, request.hits, said))
            lead = phraser.pick("clarify-lead", P.CLARIFY_LEAD) + " " if clarify else ""
            explain = f"{lead}Of **{ex.title}**, the library says: {said} [{n}]{length}"
            return [explain, phraser.pick("explain-earlier-q", P.EXPLAIN_EARLIER_QUESTION)], []
        purpose = [s for s in passages.quotes(ex.purpose, 3) if phraser.fresh(s)][:1]
        explain_text = f"{ex.summary} {' '.join(purpose)}".strip()
        n = citer.cite(self._holding(ex.id, request.hits, ex.summary, *purpose))
        explain = f"**{ex.title}**: {explain_text} [{n}]{length}"
        if earlier:
            return [explain, phraser.pick("explain-earlier-q", P.EXPLAIN_EARLIER_QUESTION)], []
        offer = phraser.pick("offer", P.EXPLAIN_EXERCISE_OFFER, title=ex.title)
        return [explain, offer], [ex.id]

    def _question(self, request, phraser, citer):
        pending = request.dialogue.pending
        read = checkups.in_context(request.normalised, request.dialogue.facts, pending.text if pending else None)
        if checkups.asked(read):  # a score, or what a check-up is for: Haven's own facts, plainly
            said = checkups.said_once(checkups.answer(read), phraser.fresh)  # "not a diagnosis" once
            ask = P.CHECKUP_SCORE_QUESTION if checkups.score_given(read) else P.CHECKUP_QUESTION
            return [said, phraser.pick("checkup-q", ask)], []
        care = I.CARE_INSTRUCTIONS.search(request.normalised)
        if care:  # "am I allowed to eat before the scan?": the hospital's to say, and where to find it
            thing = care.group("thing") or care.group("thing2")
            said = phraser.pick("care-instructions", P.CARE_INSTRUCTIONS, thing=thing)
            return [said, phraser.pick("care-instructions-q", P.CARE_INSTRUCTIONS_QUESTION, thing=thing)], []
        if checkups.taken(request.normalised):  # "i did the phq-9 yesterday": what it asks, then its score
            return [*checkups.ask_score(request.normalised), phraser.pick("checkup-ask", P.CHECKUP_ASK_SCORE)], []
        if len(request.normalised.split()) <= I.CLARIFY_WORDS and I.CLARIFY.search(request.normalised):
            return self._clarify(request, phraser, citer)  # "what does that actually mean?"
        if checkups.asked_about_score(request.normalised, request.dialogue.facts, pending.text if pending else None):
            said = checkups.said_once(checkups.answer_about_score(request.dialogue.facts), phraser.fresh)
            return [said, phraser.pick("checkup-worry-q", P.CHECKUP_WORRY_QUESTION)], []
        if request.understanding.condition:
            return self._condition(request, phraser, citer)
        if I.WHEN_TO_GET_HELP.search(request.normalised):
            said = self._when_to_get_help(request, phraser, citer)
            if said is not None:
                return said
        own_normal = self._asks_if_own_is_normal(request)  # "is that a normal thing, the checking?"
        named = request.understanding.named_document
        # "what's the breathing thing?" asks about an exercise by its kind, not what a word means: the term's
        # definition found nothing and said "That isn't something Haven's library covers" (seen trying the app)
        term = term_asked(request.normalised) if not named and not _asks_about_a_thing(request) else None
        if term and term not in _COMMON_TERMS:
            defined = self._define(request, phraser, citer, term)
            if defined is not None:
                return defined
        unknown = self._name_not_in_library(request) if not named and _asks_about_a_thing(request) else None
        if unknown and passages.defining(self.library, unknown.lower(), strict=True) is None:
            # "what's this STOP thing then" as a first message: a name the library has nowhere, said plainly with the
            # nearest exercise (or nothing), never an article passage that matched "stopped caring"
            said = self._exercise_answer(request, phraser, citer)
            if said is not None:
                return said
        # a thing named as an exercise is named ("the I-statement thing": the assertive exercise, tagged so)
        thing = thing_asked(request.normalised) if not own_normal and not self._exercise_by_name(request) else None
        if thing and not named:
            defined = self._defined_thing(request, phraser, citer, thing)
            if defined is not None:  # "what do you mean by wind-down routine?": the library's own definition
                return defined
            if len(thing.split()) >= 3:
                # "how does the doing stuff before you feel like it thing work?": a thing described, not a name (a name
                # the library lacks, "this STOP thing", is said plainly below): the exercise the search found for it
                named = self._searched_exercise_sharing(request, thing)
        if thing and named in self.library.exercises and not _words_of(thing) & self._known_words(self.library.exercises[named]):
            # "how does the doing stuff before you feel like it thing work?" just after the body scan was offered:
            # not the body scan, whose words it shares none of, but the exercise the search found for the question
            named = self._searched_exercise_sharing(request, thing)
        # asked of their own experience (own_normal): never an exercise's explanation for the answer
        if not named and not own_normal and I.ABOUT_THAT.match(request.normalised):
            # "what's that?" just after Step-by-step problem solving was suggested: that one, as understanding read
            # it from the offer (it explained Spot the thinking trap, which the search for "what's that?" found)
            named = request.understanding.exercise
        if not named and not own_normal:
            named = self._exercise_said_in(request)  # "how this activity scheduling works": by a tag of its own
        if named in self.library.exercises:
            suited = self._suits_them(request, phraser, citer, self.library.exercises[named])
            if suited is not None:  # "is the sleep reset plan ok for someone on nights?": the library on nights
                return suited
            return self._explain_exercise(request, phraser, citer, self.library.exercises[named])
        if not named and not own_normal:
            about = self._about_what_was_offered(request, phraser, citer)
            if about is not None:
                return about
        hits = request.hits
        if not named and (self._asks_about_cbt(request) or I.THOUGHT_OR_FEELING.search(request.normalised)):
            named = "what-is-cbt"  # "so is it just positive thinking?" after "how does CBT work?"; "a thought or a feeling?"
        if named in self.library.articles:  # every section of it, not only those the search happened to find
            found = {(h.doc_id, h.section) for h in hits}
            hits = (*hits, *(h for h in passages.of_document(self.library, named) if (h.doc_id, h.section) not in found))
        if named:  # the named document first, in it the section the question names, else one not quoted yet
            # the words of the question that name a part of the document, not the document itself ("a thinking trap"
            # names the article; "Catastrophising and all-or-nothing thinking" is not what was asked about)
            title = getattr(self.library.get(named), "title", "") or ""
            asked = _asked_words(request.normalised) - _words(title)

            def named_in_heading(hit) -> int:  # "is 'mind reading' a CBT thing?": "Jumping to conclusions: mind reading"
                return len(asked & _words(hit.section or ""))

            # "what does CBT even stand for?": what it is, from the overview, before whatever else the search found
            what_is = bool(I.WHAT_IS.search(request.normalised))

            def order(h):
                overview_first = what_is and h.section != "Overview"
                return (h.doc_id != named, -named_in_heading(h), overview_first, not self._has_fresh(phraser, h))

            hits = tuple(sorted(hits, key=order))
        # an article about what the person is talking about, when they named anything: "is there anything I can do
        # right now to switch off?" at 2am was answered with procrastination's "See a doctor..."
        asks_how = bool(_ASKS_HOW.search(request.normalised))  # "what helps with panic attacks?" names its article
        fitting = named or not self._subjects(request)
        # a message that names a theme may ask about something beside it: its own words find the passage
        asked = _asked_words(request.normalised) - _NOT_CONTENT if request.understanding.themes else set()
        articles = [
            h
            for h in hits
            if h.kind == "article" and (fitting or self._article_fit(request, h.doc_id) or _answers_in_words(h, asked))
        ]
        if asks_how and not named and I.FIRST_STEP.search(request.normalised):
            # "maybe. what would the first step be?" about a tax return put off: the article's list of what helps
            # now ("Try the 10-minute start"), before an exercise whose own first step is to describe the problem
            steps = self._helping_steps(articles, phraser, citer)
            if steps is not None:
                return steps
        if asks_how and not named:
            exercise = self._exercise_answer(request, phraser, citer)  # "how do people get over this, bit by bit?"
            if exercise is not None:
                return exercise
        if request.normalised.startswith(("why", "how come")):
            # "why does this keep happening on trains": the section that says why ("Why panic happens") before an
            # overview the search put first
            articles.sort(key=lambda h: not (h.section or "").lower().startswith("why"))
        if I.TO_READ.search(request.normalised):
            pointer = self._reading_pointer(request, articles, named, phraser, citer)
            if pointer is not None:  # "Is there something to read on carer burnout though?"
                return pointer
        article, quote = None, None
        if asks_how:
            steps = self._helping_steps(articles, phraser, citer)
            if steps is not None:  # "what do i do if it happens again": what helps, as the library lists it
                return steps
        fitting_quote = None if named else self._fitting_quote(request, articles, phraser)
        if fitting_quote is not None:
            article, quote = fitting_quote
        for candidate in articles if fitting_quote is None else ():  # the first with words to quote
            found = passages.quotes(candidate.passage, 3, skip_summary=candidate.section == "Overview")
            if not found:  # an overview that is all summary: its one paragraph is the answer
                found = passages.quotes(candidate.passage, 3)
            quote = next((q for q in found if phraser.fresh(q)), found[0] if found else None)
            if quote is not None:
                article = candidate
                break
        if article is None and own_normal:
            return self._normal(request, phraser, citer)
        if article is None:
            exercise = self._exercise_answer(request, phraser, citer, in_its_words=True)
            if exercise is not None:
                return exercise
            return [phraser.pick("not-in-library", P.NOT_IN_LIBRARY), self._follow_up(request, phraser)], []
        n = citer.cite(article)
        answer = f"{quote} [{n}]"
        phraser.remember(answer)
        if own_normal:  # "is that a normal thing, the checking?": yes said plainly, then what the library says
            answer = f"{phraser.pick('normal-short', P.IS_NORMAL_SHORT)} {answer}"
        if own_normal or I.OWN_EXPERIENCE.search(request.normalised) or _WHY_MINE.match(request.normalised):
            # "is it normal to feel...", "why does this keep happening on trains": their own experience, not curiosity
            return [answer, phraser.pick("explain-q", P.OWN_EXPERIENCE_FOLLOW_UP)], []
        return [answer, phraser.pick("explain-q", P.EXPLAIN_FOLLOW_UP)], []  # a plain answer, no exercise

    def _asks_if_own_is_normal(self, request) -> bool:
        """Whether the person asks if what they told is normal ("Is it normal to feel like this?", "is that a normal
        thing, the checking? feels daft"), naming no exercise or article of the library to explain."""
        norm = request.normalised
        if not (I.OWN_EXPERIENCE.search(norm) or _NORMAL_THING.search(norm)):
            return False
        return not request.understanding.named_document and not self._exercise_by_name(request)

    def _normal(self, request, phraser, citer):
        """ "Is it normal to feel like this?": yes, plainly, with what the library says about it when something fits,
        then a question about them. Why: it was "That isn't something Haven's library covers" to a homesick student
        comparing himself with Instagram, and the checking of a bank app was answered with urge surfing explained
        (chat_heldout57, read). Never a diagnosis: a question naming a condition is answered by _condition."""
        said = phraser.pick("normal", P.IS_NORMAL_YES)
        background = self._psychoeducation(request, phraser, citer)
        return [" ".join(p for p in (said, background) if p), phraser.pick("explain-q", P.OWN_EXPERIENCE_FOLLOW_UP)], []

    def _about_what_was_offered(self, request, phraser, citer):
        """A question about the exercise the last reply suggested, not named again ("So I'd write the worries down at
        night and only deal with them at a set time the next day?" just after worry time): its own sentence that
        answers it, cited; None when the last reply suggested no single exercise or none of its sentences fits.
        Why: that question was met with "That isn't something Haven's library covers" (chat_heldout29, read)."""
        if not _HOW_I_WOULD.match(request.normalised):
            return None  # "Is there something to read on carer burnout though?" asks for something else
        last = _last_reply(request)
        offered = [e for e in (last.suggested_exercises if last else ()) if e in self.library.exercises]
        if len(offered) != 1:
            return None
        found = passages.nearest_sentence(self.library, offered[0], _asked_words(request.normalised), phraser.fresh)
        if found is None:
            return None
        hit, sentence = found
        n = citer.cite(hit)
        answer = f"{phraser.pick('offered-lead', P.ABOUT_OFFERED_LEAD)} {sentence} [{n}]"
        phraser.remember(answer)
        return [answer, phraser.pick("offered-q", P.ABOUT_OFFERED_QUESTION)], []

    def _define(self, request, phraser, citer, term: str):
        """ "wats pomodoro": the library's own sentence that says what the word is, cited; if no passage names the
        word at all, said plainly, never a passage about something else; None when it is named but never defined."""
        found = passages.defining(self.library, term)
        if found is None and passages.mentions(self.library, term):
            return None  # named but never said what it is ("mindfulness"): the library is searched as for any question
        if found is None:
            return [phraser.pick("not-in-library", P.NOT_IN_LIBRARY), self._follow_up(request, phraser)], []
        hit, sentence = found
        n = citer.cite(hit)
        answer = f"{sentence} [{n}]"
        phraser.remember(answer)
        return [answer, phraser.pick("define-q", P.DEFINE_FOLLOW_UP)], []

    def _defined_thing(self, request, phraser, citer, thing: str):
        """The library's sentence that says what a thing asked about by name is, trying the name and then the name
        without its last words ("wind down routine", then "wind down"); None when no passage defines it. Why:
        "ok what is the wind down routine thing, do I do it straight after shift" explained the body scan, the
        exercise offered before, and "What do you mean by wind-down routine?" small steps back to doing
        (chat_heldout56 and 57, read)."""
        words = thing.split()
        for n in range(len(words), min(2, len(words)) - 1, -1):
            found = passages.defining(self.library, " ".join(words[:n]))
            if found is not None:
                hit, sentence = found
                answer = f"{sentence} [{citer.cite(hit)}]"
                phraser.remember(answer)
                return [answer, phraser.pick("define-q", P.DEFINE_FOLLOW_UP)], []
        return None

    def _reading_pointer(self, request, articles, named, phraser, citer):
        """Something to read, asked for: the article that fits best named by its title, where it is (the Library
        page) and its opening lines; None when no article fits. Why: "Is there something to read on carer burnout
        though? I could look at it on my lunch break." was answered with one sentence about burnout at work."""
        ranked = sorted(articles, key=lambda h: (h.doc_id != named, -self._article_fit(request, h.doc_id)))
        for hit in ranked:
            article = self.library.articles.get(hit.doc_id)
            overview = next(iter(passages.of_document(self.library, hit.doc_id)), None) if article else None
            found = passages.quotes(overview.passage, 2) if overview is not None else []
            if not found:
                continue
            n = citer.cite(overview)
            lead = phraser.pick("reading", P.READING_POINTER, title=article.meta.title)
            return [f"{lead} {' '.join(found)} [{n}]", phraser.pick("reading-q", P.READING_QUESTION)], []
        return None

    #: how near in meaning (cosine) a sentence of the library must be to the question to answer it over the first
    #: quote of the first article found, and by how much nearer than that first quote
    answer_fit, answer_margin = 0.35, 0.08
    #: what each word the question shares with a sentence (up to two) adds to its nearness
    shared_word_weight = 0.1

    def _fitting_quote(self, request, articles, phraser) -> tuple[Hit, str] | None:
        """The sentence of the articles found that answers the question itself, when one is clearly nearer to it in
        meaning and words than the first article's opening: "I take tea in the evening, two cups after dinner. Is that
        bad?" is answered with "Cut down on caffeine, especially after lunchtime..." from the sleep article's habits,
        not with its opening on sleep and mood. None without such a sentence (or without the embedding model): the
        first quote then answers, as before."""
        from haven.retrieval.embeddings import embed_one

        candidates = []
        for hit in articles[:3]:
            found = passages.quotes(hit.passage, 2, skip_summary=hit.section == "Overview")
            found += [item for item in passages.items(hit.passage) if len(item.split()) >= 6 and passages.stands_alone([item])]
            candidates += [(hit, quote) for quote in found if phraser.fresh(quote) and not _ABOUT_THE_PAGE.match(quote)]
        if len(candidates) < 2:
            return None
        try:
            question = embed_one(request.normalised)
            near = [float(embed_one(quote) @ question) for _, quote in candidates]
        except Exception:  # noqa: BLE001 - no model here: the first quote answers, as before
            return None
        # the question's own words count too: MiniLM put "Believing worry protects you" nearer to "what does
        # 'reassurance seeking' mean?" than the item that begins "Seeking reassurance"
        asked = _asked_words(request.normalised)
        near = [
            n + self.shared_word_weight * min(len(asked & _words(q)), 2)
            for n, (_, q) in zip(near, candidates, strict=True)
        ]
        best = max(range(len(near)), key=near.__getitem__)
        if near[best] < self.answer_fit or near[best] < near[0] + self.answer_margin:
            return None
        return candidates[best]

    def _helping_steps(self, articles, phraser, citer):
        """A question how to do something, answered with the list of what helps in the article the search found
        first ("What helps in the moment": name it, slow your breathing, ground yourself): the section of that kind
        the search found, else the article's first ("how do I stop procrastinating?" found only "What putting things
        off is"); None when it has none. Why: a "what helps" section is all list items, which a quote leaves out, so
        "what do I do if it happens again?" was answered with the one sentence after the list ("Afterwards, be kind
        to yourself")."""
        top = articles[0].doc_id if articles else None
        found = {(h.doc_id, h.section) for h in articles}
        rest = () if top is None else passages.of_document(self.library, top)
        ordered = (*articles, *(h for h in rest if (h.doc_id, h.section) not in found))
        for hit in ordered:  # in the article the search found first, its first section of that kind
            if hit.doc_id != top or not _HELPS_SECTION.search(hit.section or ""):
                continue
            steps = [item for item in passages.items(hit.passage) if phraser.fresh(item)][:3]
            if len(steps) < 2:
                continue
            n = citer.cite(hit)
            lead = phraser.pick("helps-lead", P.HELPING_STEPS_LEAD, section=hit.section.lower(), n=n)
            listed = "\n".join(f"- {step}" for step in steps)
            phraser.remember(listed)
            return [f"{lead}\n\n{listed}", phraser.pick("helps-q", P.HELPING_STEPS_QUESTION)], []
        return None

    def _exercise_answer(self, request, phraser, citer, in_its_words: bool = False):
        """A question no article answers but an exercise does ("what would facing it gradually even look like with a
        bridge?": the fear ladder), answered with what the exercise is and an offer of it; None when no exercise
        the search found fits what the person is talking about or may be offered. ``in_its_words``: only an exercise
        that shares a word of the question (its title, tags or summary), for a question nothing else answered ("What
        is this two minute rule you are telling?" was answered with the thinking trap exercise, which says nothing of
        it: chat_heldout66, read)."""
        recent = " ".join([*self._earlier(request)[-2:], request.normalised])
        said = {w[:5] for w in re.findall(r"[a-z]{5,}", recent)}

        def echoed(exercise_id: str) -> int:  # "avoiding it makes it worse" ... "facing it": the fear ladder's avoidance
            return sum(tag[:5] in said for tag in self.library.exercises[exercise_id].tags if len(tag) >= 5)

        state = request.dialogue
        asked_for = self._asked_as_it_helps(request)
        earlier = {e for e in state.ever_offered if e not in state.declined and state.done.get(e) is not False}
        # what the search found, and what was suggested earlier in this conversation ("facing it" is about it)
        suggested = [passages.section(self.library, e, "What it is for") for e in sorted(earlier)]
        about_a_thing = _asks_about_a_thing(request)
        found = [
            h
            for h in [*request.hits, *suggested]
            if h.kind == "exercise"
            and h.doc_id in self.library.exercises
            and (self._allowed(request, h.doc_id) or h.doc_id in earlier)
            and (self._exercise_fits(request, h.doc_id) or h.doc_id == asked_for or about_a_thing)
        ]
        # asked in the words an exercise is written for, that one first; then the one that echoes the talk most.
        # Asked about by what it is about ("what was that thing about writing down the thought"): one suggested in
        # this conversation whose name the question says ("that thing about small steps you mentioned"), then the
        # search's order
        asked_words = set(re.findall(r"[a-z]{4,}", request.normalised))

        def named_in_question(exercise_id: str) -> bool:
            title = self.library.exercises[exercise_id].title.lower()
            return exercise_id in earlier and bool(asked_words & set(re.findall(r"[a-z]{4,}", title)))

        # asked about by a name the library lacks ("what's this pomodoro thing"): no passage holds the name, so the
        # nearest is the one that fits the talk (problem solving, in a talk about putting things off), not the search's
        # first hit on the other words (the thinking trap)
        unknown_name = self._name_not_in_library(request) if about_a_thing else None
        if unknown_name and passages.defining(self.library, unknown_name.lower(), strict=True) is not None:
            # "what's this pomodoro thing": no exercise by that name, but the library says what it is ("A block of 25
            # minutes with a 5-minute break is often called the Pomodoro technique"): that, not the nearest exercise
            return self._define(request, phraser, citer, unknown_name.lower())
        unnamed = unknown_name is not None
        by_name = self._exercise_by_name(request) if about_a_thing and not unnamed else self._exercise_said_in(request)
        if by_name and by_name not in {h.doc_id for h in found} and self._allowed(request, by_name):
            # "What is that, the I-statement thing?": the exercise whose title or tags hold the name, though the
            # search put it lower than the words around it (it explained problem solving, chat_heldout51, read)
            found.insert(0, passages.section(self.library, by_name, "What it is for"))
        if about_a_thing and not unnamed:
            found = [h for h in found if h in request.hits or named_in_question(h.doc_id) or h.doc_id == by_name]
        if in_its_words:
            found = [h for h in found if self._shares_a_word(request.normalised, h.doc_id)]

        def order(h):
            if unnamed:
                return (h.doc_id not in earlier, -echoed(h.doc_id))
            if about_a_thing:
                return (h.doc_id != by_name, not named_in_question(h.doc_id))
            return (h.doc_id != asked_for, h.doc_id != by_name, -echoed(h.doc_id))

        for hit in sorted(found, key=order):
            ex = self.library.exercises[hit.doc_id]
            purpose = [q for q in passages.quotes(ex.purpose, 3) if phraser.fresh(q)][:1]
            # suggested before: its summary was said then ("So what do I do instead of googling when it starts?" got
            # it word for word again), so what it is for, with the exercise named as the one mentioned
            summary = [] if ex.id in earlier and purpose else [ex.summary.strip()]
            n = citer.cite(self._holding(ex.id, request.hits, *summary, *purpose))
            named = f"**{ex.title}**" if summary else f"**{ex.title}**, the one I mentioned"
            explain = f"{named}: {' '.join([*summary, *purpose])} [{n}]"
            if unknown_name:
                explain = phraser.pick("not-by-that-name", P.NOT_BY_THAT_NAME, name=unknown_name) + " " + explain
            if ex.id in earlier:  # suggested before: explained, its button is the earlier one (never offered twice)
                return [explain, phraser.pick("explain-earlier-q", P.EXPLAIN_EARLIER_QUESTION)], []
            return [explain, phraser.pick("offer", P.EXPLAIN_EXERCISE_OFFER, title=ex.title)], [ex.id]
        if unknown_name:  # "what's this STOP thing then", and nothing near: said plainly, not a passage that matched
            return [phraser.pick("not-by-that-name-none", P.NOT_BY_THAT_NAME_NOTHING_NEAR, name=unknown_name)], []
        return None

    #: "what's this STOP thing then": the name a question asks about a thing by
    _THING_NAMED = re.compile(
        r"\b(?:that|the|this) ([\w-]+(?: [\w-]+)?(?: rule)?) (?:thing|one|exercise|technique|idea|trick|method)\b|"
        r"\b(?:that|the|this) ([\w-]+(?: [\w-]+)? rule)\b"
    )

    _ORDINARY_NAMES = frozenset(
        "first second third last other next new old little small simple easy quick main same whole good best "
        "one two that this your my".split()
    )

    def _thing_named(self, request) -> str | None:
        """The name a question about a thing asks by ("STOP", "i statement", "two minute rule"), or None."""
        named = self._THING_NAMED.search(request.normalised)
        return (named.group(1) or named.group(2)) if named else None  # "the two minute rule": named with its word

    def _name_words(self, name: str) -> set[str]:
        """The words of an asked-for name that could name an exercise (not "the other", "first", nor "rule")."""
        return set(re.findall(r"[a-z0-9]+", name)) - self._ORDINARY_NAMES - {"rule"}

    def _shares_a_word(self, text: str, exercise_id: str) -> bool:
        """Whether a question names a content word (five letters or more) of an exercise's title, id, tags or summary."""
        ex = self.library.exercises[exercise_id]
        asked = {w for w in _words_of(text) if len(w) >= 5}  # not "down" of "calm down" and "break a problem down"
        return bool(asked & (set(re.findall(r"[a-z]+", ex.summary.lower())) | self._known_words(ex)))

    def _searched_exercise_sharing(self, request, thing: str) -> str | None:
        """The exercise the search ranked first for a thing described, when it shares a word of the description
        (its title, tags or summary). Why: "wdym break it into chunks tho like how small", of a study plan, was
        answered by explaining expressive writing, and "what is this two minute rule" by spot the thinking trap, the
        search's nearest exercises, which said nothing of either (chat_heldout66, read)."""
        found = _searched_exercise(request)
        return found if found in self.library.exercises and self._shares_a_word(thing, found) else None

    @staticmethod
    def _known_words(ex: Exercise) -> set[str]:
        """The words an exercise may be asked for by: its title, id and tags."""
        return set(re.findall(r"[a-z0-9]+", " ".join([ex.title, ex.id, *ex.tags]).lower()))

    def _exercise_by_name(self, request) -> str | None:
        """The exercise a question about a thing names by its title, id or tags ("the I-statement thing": the
        assertive exercise, tagged i-statement); of several, the one offered in this conversation or, when all are
        of the kind named ("the breathing thing"), the library's first; None otherwise."""
        name = self._thing_named(request)
        words = self._name_words(name) - {"i"} if name else set()
        if not words:
            return None
        matches = [ex.id for ex in self.library.exercises.values() if words <= self._known_words(ex)]
        return matches[0] if len(matches) == 1 else None

    def _exercise_said_in(self, request) -> str | None:
        """The exercise whose title, or a tag of two words or more, the question says ("Could you explain how this
        activity scheduling works?": small steps back to doing, tagged activity scheduling; it explained problem
        solving, chat_heldout51, read); None when none or several."""
        said = f" {request.normalised} "
        matches = {
            ex.id
            for ex in self.library.exercises.values()
            for name in (ex.title, *ex.tags)
            if len(name.split()) >= 2 and f" {name.lower()} " in said
        }
        return matches.pop() if len(matches) == 1 else None

    def _name_not_in_library(self, request) -> str | None:
        """The name a question asks about a thing by ("STOP"), when no exercise has it in its title, id or tags;
        None when it names one, or names nothing."""
        name = self._thing_named(request)
        words = self._name_words(name) if name else set()
        if not words:
            return None  # "what was the first one", "the other thing": no name asked by
        if any(words & self._known_words(ex) for ex in self.library.exercises.values()):
            return None
        original = re.search(re.escape(name), request.text, re.IGNORECASE)
        return original.group(0) if original else name

    #: how near (the search's score) a question must come to an exercise's "When it helps" examples to be asked in
    #: its words: "How do I say no to her without it blowing up" scores 1.0 on the assertive exercise's; a vaguer
    #: "how do people get over something like this?" 0.48 on journaling's, which is no answer to it
    said_as_it_helps = 0.75

    @staticmethod
    def _asked_as_it_helps(request) -> str | None:
        """The exercise the search found first by its "When it helps" examples, if any: the person asked in the
        words the exercise is written for ("How do I say no to her without it blowing up into a massive row?" and
        "I want to set a boundary without starting a fight"), whatever the talk's themes. Why: a sister, so a family
        theme the assertive exercise's tags do not name, left the question with "nothing on that in the library"."""
        first = request.hits[0] if request.hits else None
        if first is None or (first.section or "") != "When it helps" or first.score < GuideEngine.said_as_it_helps:
            return None
        return first.doc_id

    #: A question about CBT itself, in a conversation about it ("so is it just positive thinking?", "does it work?").
    _CBT_NAMED = re.compile(r"\b(cbt|cognitive behaviou?ral( therapy)?)\b")
    _ABOUT_IT = re.compile(r"\b(it|that|this|cbt|therapy|the therapy)\b")

    @staticmethod
    def _has_fresh(phraser: Phraser, hit: Hit) -> bool:
        """True if nothing of a passage has been quoted in this conversation yet."""
        said = passages.quotes(hit.passage, 3)  # a section quoted once is one already heard
        return hit.kind == "article" and bool(said) and all(phraser.fresh(q) for q in said)

    def _asks_about_cbt(self, request) -> bool:
        """True for a question that asks about CBT, by name or, in a conversation that named it, as "it". Why:
        the search for "so is it just positive thinking?" finds a thinking trap, not what CBT is."""
        norm = request.normalised
        if self._CBT_NAMED.search(norm):
            return True
        earlier = GuideEngine._earlier(request)[-2:]
        return bool(self._ABOUT_IT.search(norm)) and any(self._CBT_NAMED.search(e) for e in earlier)

    # --- shapes that follow the conversation --------------------------------------------------------------

    def _listening(self, request, phraser, citer):
        """Listening: name what was said back, and an open question. No exercise, no lesson, no citation."""
        u = request.understanding
        grieving = "grieving" in (*self._subjects(request), *request.dialogue.topics)
        remembered = _FOR_THEM.search(request.normalised) if grieving and I.plan_said(request.normalised) else None
        if remembered:
            # "we might plant a rowan in the garden for her", after "just wanted to talk about her": a way to
            # remember her, welcomed as one (it got "It sounds like there was so much joy in that")
            them = remembered.group(1)
            said = phraser.pick("remember", P.REMEMBER_PLAN, them=them)
            return [f"{said} {phraser.pick('remember-q', P.REMEMBER_QUESTION, them=them)}"], []
        own = None if "grieving" in u.feelings else self._in_their_words(request, phraser)
        if own:
            opening = own  # "It makes you feel like the villain.": their words first
        elif "grieving" in u.feelings:
            opening = self._grief_word(request, phraser)
        elif fitting := self._situation_line(request, phraser):
            opening = fitting
            question = self._situation_question(request, phraser)
            if question:
                return [f"{opening} {question}"], []
        elif u.feelings and not all(f in P.POSITIVE_FEELINGS for f in u.feelings):
            feeling = " and ".join(P.FEELING_WORDS.get(f, f) for f in u.feelings[:2])
            about = next((P.THEME_ABOUT[t] for t in u.themes if t in P.THEME_ABOUT), "")
            opening = phraser.pick("reflect", P.REFLECT_FEELING, feeling=feeling, about=about)
        elif "grieving" in self._subjects(request) and threads.FOND.search(request.normalised):
            # "she used to lie on her back with her legs in the air, it made us laugh every day": a loved memory
            memory = phraser.pick("listen-memory", P.LISTEN_MEMORY)
            return [f"{memory} {phraser.pick('listen-memory-q', P.LISTEN_MEMORY_QUESTION)}"], []
        elif "grieving" in (*self._subjects(request), *request.dialogue.topics) and _WHAT_THEY_DID.search(
            request.normalised
        ):
            missed = phraser.pick("listen-missed", P.LISTEN_MISSED)
            who = re.search(r"\b(she|he)\b", request.normalised)
            them = {"she": "her", "he": "him"}.get(who.group(1) if who else "", "them")
            return [f"{missed} {phraser.pick('listen-missed-q', P.LISTEN_MISSED_QUESTION, them=them)}"], []
        else:
            opening = self._said_back(request, phraser) or phraser.pick("listen-ack", self._in_tune(request, P.LISTEN_ACK))
        return [f"{opening} {phraser.pick('listen-q', self._in_tune(request, P.LISTEN_QUESTION))}"], []

    #: Said with relish or relief ("i cannot wait to see his face"): not met with "That sounds really hard."
    _UPBEAT = re.compile(r"\b(can'?t wait|cannot wait|excited|buzzing|looking forward|so happy|relieved|so glad)\b")

    def _in_tune(self, request, options):
        """The listening lines that fit the message's tone: none about how hard it is for something said with relish
        ("handing my notice in tomorrow and i cannot wait to see his face" was asked "What's been the hardest
        part?")."""
        u = request.understanding
        upbeat = self._UPBEAT.search(request.normalised) or (u.feelings and all(f in P.POSITIVE_FEELINGS for f in u.feelings))
        if not upbeat or any(f not in P.POSITIVE_FEELINGS for f in u.feelings):
            return options
        return [o for o in options if not re.search(r"\bhard|carry", o)] or options

    def _venting(self, request, phraser, citer):
        """ "Can you just listen?": yes, and nothing else."""
        if I.TALKING_HELPS.search(request.normalised):
            # "Honestly just typing it out helps a bit": glad of it, not "Of course", which answers a request
            glad = phraser.pick("listen-helps", P.LISTEN_HELPS)
            return [f"{glad} {phraser.pick('listen-helps-q', P.LISTEN_HELPS_QUESTION)}"], []
        if request.understanding.feelings or request.understanding.themes:
            lead = phraser.pick("listen-open", P.LISTEN_OPEN)
            rest, _ = self._listening(request, phraser, citer)
            return [f"{lead} {rest[0]}"], []
        if request.dialogue.turns and not _ABOUT_TO_SAY.search(request.normalised):
            # "I just needed to say it", after saying it: not "Tell me what's going on"
            opening, said = phraser.pick("listen-open", P.LISTEN_OPEN), phraser.pick("listen-said", P.LISTEN_SAID)
            return [f"{opening} {said} {phraser.pick('listen-q', P.LISTEN_QUESTION)}"], []
        return [f"{phraser.pick('listen-open', P.LISTEN_OPEN)} {phraser.pick('listen-start', P.LISTEN_START)}"], []

    def _progress(self, request, phraser, citer):
        """Good news: celebrate it and help the person keep the win, without turning it into a problem; said with
        joy ("I GOT IT!!": capitals, exclamation marks), met with joy."""
        joyful = re.search(r"!!|\b[A-Z]{2,}\b.*!", request.text) or re.search(
            r"\b(yay+|woo+|yess+|omg)\b", request.text, re.I
        )
        milestone = I.MILESTONE.search(request.normalised)
        if milestone:
            return [self._milestone(request, phraser, milestone)], []
        if "grieving" in request.dialogue.topics and not joyful:
            # "Went for the walk on my own this morning, same route. Met the lady with the spaniels, she'd heard and
            # gave me a hug", days after a dog was put to sleep (chat_heldout57, read: "Congratulations, that's a real
            # win ... How are you going to mark it?"): a step taken in grief, met gently
            glad = phraser.pick("grief-step", P.STEP_IN_GRIEF)
            return [f"{glad} {phraser.pick('grief-step-q', P.STEP_IN_GRIEF_QUESTION)}"], []
        if I.STEP_TAKEN.search(request.normalised) and not joyful:
            # "Booked the Wednesday class. And went for a 15 min walk today": a step of their own, told flatly,
            # noticed as theirs (not "a good chunk done ... a break before the next bit?", which is for work)
            glad = phraser.pick("step-taken", P.STEP_TAKEN)
            return [f"{glad} {phraser.pick('step-taken-q', P.STEP_TAKEN_QUESTION)}"], []
        if I.STEP_DONE.search(request.normalised):
            # "finished half of chapter 2!!": a step on the way, met at its size (no "brilliant news,
            # congratulations!"), and on to what keeps it going
            glad = phraser.pick("step-done", P.STEP_DONE)
            return [f"{glad} {phraser.pick('step-done-q', P.STEP_DONE_QUESTION)}"], []
        good_news, small_joy = I.GOOD_NEWS.search(request.normalised), I.SMALL_JOY.search(request.normalised)
        if I.DONE_AND_WELL.search(request.normalised) and not good_news:
            # "WENT. it was actually ok?? this girl liked my sketchbook", after a plan to go to the art club: a step
            # taken and gone well, the doing recognised (it was "I hear you. How much of the day does the worry take
            # up?", chat_heldout55, read); not "That sounds lovely", which is for a pleasure, not a thing dared
            glad = phraser.pick("done-well", P.DONE_AND_WELL)
            return [f"{glad} {phraser.pick('done-well-q', P.DONE_AND_WELL_QUESTION)}"], []
        if (small_joy and not good_news) or not (good_news or small_joy or joyful):
            # "the bakery still had my favourite cinnamon bun": a small good thing, enjoyed with them; no "You should be
            # proud of that", and a coffee with a sister is no news of hers to congratulate. So too good news no
            # pattern names, read by its meaning ("First one was lovely actually. One of the other volunteers is from
            # Galway!") or by the nearest example ("went for a walk. was alright"): glad at the size it was told
            glad = phraser.pick("small-joy", P.SMALL_JOY)
            return [f"{glad} {phraser.pick('small-joy-q', P.SMALL_JOY_QUESTION)}"], []
        someone = _SOMEONE_ELSES_NEWS.search(request.normalised)
        if someone and not re.search(r"\b(i|i'?m|i'?ve|me|we)\b", request.normalised[: someone.start()]):
            # "my daughter had her baby last night": their joy shared, not "You should be proud" or "what helped you"
            who = threads.to_you(someone.group("who"))
            cheer = phraser.pick("celebrate-other", P.CELEBRATE_OTHER, who=who)
            return [cheer, phraser.pick("celebrate-other-q", P.CELEBRATE_OTHER_QUESTION)], []
        if _RELIEF.search(request.normalised):
            # "Update: it was a cyst, nothing to worry about!! I cried in the car park with relief" (chat_heldout47,
            # read): a fear lifted, met as relief; not "congratulations, you must be over the moon"
            glad = phraser.pick("celebrate-relief", P.CELEBRATE_RELIEF)
            return [f"{glad} {phraser.pick('relief-q', P.RELIEF_QUESTION)}"], []
        if _EASING.search(request.normalised) and not joyful:
            # "it feels like things are turning": glad with them, and what is helping; no "How will you mark it?"
            glad = phraser.pick("celebrate-easing", P.CELEBRATE_EASING)
            return [f"{glad} {phraser.pick('easing-q', P.EASING_QUESTION)}"], []
        cheer = phraser.pick("celebrate", P.CELEBRATE_JOY if joyful else P.CELEBRATE)
        keep = phraser.pick("celebrate-keep", P.CELEBRATE_KEEP, required=False)
        told_how = _FEELS_GOOD.search(request.normalised)  # "it feels good": not then asked "How does it feel?"
        questions = [q for q in P.CELEBRATE_QUESTION if not (told_how and "feel" in q)]
        question = phraser.pick("celebrate-q", questions)
        return [" ".join(p for p in (cheer, keep) if p), question], []

    @staticmethod
    def _milestone(request, phraser: Phraser, milestone: re.Match) -> str:
        """A stretch of time kept up ("100 days without a cigarette today!!!"): met with joy, the span said back in
        the person's words, and a question that helps keep the win going (what carries them, what could test it).
        Said again right after a celebration ("22 years I smoked, never thought I'd get this far"), the size of it
        is recognised rather than a second "congratulations". Why: read as a feeling, it got "You're not the only one
        who has felt like this."
        """
        pending = request.dialogue.pending
        if pending is not None and pending.text in (*P.CELEBRATE_QUESTION, *P.MILESTONE_QUESTION):
            cheer = phraser.pick("celebrate-more", P.CELEBRATE_MILESTONE_MORE)
        elif milestone.group("span"):
            span = threads.to_you(milestone.group("span"))
            cheer = phraser.pick("celebrate-span", P.CELEBRATE_MILESTONE_SPAN, span=span[0].upper() + span[1:])
        else:
            cheer = phraser.pick("celebrate-milestone", P.CELEBRATE_MILESTONE)
        return f"{cheer} {phraser.pick('milestone-q', P.MILESTONE_QUESTION)}"

    def _smalltalk(self, request, phraser, citer):
        if I.ENGLISH_OK.search(request.normalised):  # "my english not so good, is ok?": welcomed, not a critic
            return [f"{phraser.pick('smalltalk-english', P.SMALLTALK_ENGLISH)} {phraser.pick('smalltalk-q', P.SMALLTALK_QUESTION)}"], []
        if re.search(r"\b(bot|chat ?bot|robot|ai|program|computer|real|human|person)\b", request.normalised):
            # "are you a real person?" is answered no, "is this just a chatbot?" yes: the same fact either way
            person = re.search(r"\b(real|human|person)\b", request.normalised)
            said = P.SMALLTALK_PERSON if person else P.SMALLTALK_BOT
            return [f"{phraser.pick('smalltalk-bot', said)} {phraser.pick('smalltalk-q', P.SMALLTALK_QUESTION)}"], []
        if I.FUNNY_STORY.search(request.normalised):  # a story told with a laugh: laughed with, nothing asked
            return [phraser.pick("smalltalk-funny", P.SMALLTALK_FUNNY)], []
        if I.GAMING.search(request.normalised):  # a game's boss, not a problem to solve
            return [f"{phraser.pick('smalltalk-game', P.SMALLTALK_GAME)} {phraser.pick('smalltalk-q', P.SMALLTALK_QUESTION)}"], []
        return [
            f"{phraser.pick('smalltalk', P.SMALLTALK)} {phraser.pick('smalltalk-q', P.SMALLTALK_QUESTION)}"
        ], []

    def _title(self, exercise_id: str | None) -> str:
        """An exercise's title as it reads inside a sentence: "box breathing", and "the thought record" for a title
        that names a thing ("Thank you for giving thought record a go" read as a slip)."""
        ex = self.library.exercises.get(exercise_id or "")
        if ex is None:
            return "it"
        if len(ex.title.split()) >= 4:  # a title said as a phrase ("Say it clearly and kindly"): named, not lowercased
            return f"**{ex.title}**"  # "Well done for giving say it clearly and kindly a go" read as broken English
        title = ex.title if ex.title[:2].isupper() else ex.title[0].lower() + ex.title[1:]
        if title.split()[-1] in _THING_TITLES and not title.startswith(("my ", "the ", "a ")):
            return f"the {title}"
        return title

    def _tried_name(self, request) -> str:
        """What the person tried, as it can be named back: the library exercise they named or pointed back at (by
        its kind, "the breathing thing", or "it" after an offer), else what they said in their own words ("the
        pomodoro timer"), else just "it". Never a library title they did not mention: "i tried the pomodoro timer
        thing" was thanked for "step-by-step problem solving", the exercise offered before."""
        u = request.understanding
        if u.exercise:
            return self._title(u.exercise)
        kind = kind_of(request.normalised)
        return I.own_thing(request.normalised) or (f"the {kind}" if kind else "it")

    def _tried(self, request, phraser, citer):
        """A follow-up on an exercise the person tried: glad if it helped, no blame if it did not."""
        u = request.understanding
        title = self._tried_name(request)
        if u.outcome == "helped":
            glad = phraser.pick("tried-helped", P.TRIED_HELPED, title=title)
            glad = glad[0].upper() + glad[1:]
            keep = phraser.pick("tried-keep", P.TRIED_HELPED_KEEP, required=False)
            if _SIGNED_OFF.search(request.normalised):
                # "yeah it helped, thanks. night": glad, then goodnight, not "What made it work this time?"
                night = re.search(r"\b(night|nite|gn|bed|sleep)\b", request.normalised)
                bye = phraser.pick("goodnight-bye", P.GOODNIGHT_BYE) if night else phraser.pick("goodbye", P.GOODBYE)
                return [" ".join(p for p in (glad, keep) if p), bye], []
            return [" ".join(p for p in (glad, keep) if p), phraser.pick("tried-q", P.TRIED_HELPED_QUESTION)], []
        if u.outcome == "not_helped":
            named = [p for p in P.TRIED_NOT if "{title}" in p] if title not in ("it", "that") else []
            sorry = phraser.pick("tried-not", named or P.TRIED_NOT, title=title)  # "melatonin", said back
            kind = next((p for p in KINDS.values() if re.search(p, (u.exercise or "").replace("-", " "))), None)
            # "the breathing one you suggested last time didn't really help": the kind named, with no exercise named,
            # is not offered again either (it got "Paced breathing" as the something different)
            kind = kind or KINDS.get(kind_of(request.normalised) or "")
            lines, chosen = self._exercise_lines(request, phraser, citer, limit=1, unlike=kind)
            block = (
                "\n".join(["If you'd like to try something different another time:", *lines]) if lines else None
            )
            told = len(request.normalised.split()) > 8  # "one tablet like it says on the box. It did nothing"
            questions = [q for q in P.TRIED_NOT_QUESTION if not (told and q.startswith("What happened"))]
            return [sorry, block, phraser.pick("tried-not-q", questions)], chosen
        thanks = phraser.pick("tried-unknown", P.TRIED_UNKNOWN, title=title)
        return [f"{thanks} {phraser.pick('tried-unknown-q', P.TRIED_UNKNOWN_QUESTION)}"], []

    def _decline(self, request, phraser, citer):
        """A refusal, respected: nothing offered in its place."""
        avoid = request.understanding.avoid
        if "exercise" in avoid:
            ok = phraser.pick("decline-all", P.DECLINE_ALL)
        elif avoid:
            ok = phraser.pick("decline-kind", P.DECLINE_KIND, kind=" or ".join(avoid))
        elif I.MAYBE.search(request.normalised):
            ok = phraser.pick("decline-maybe", P.DECLINE_MAYBE)  # "hmm maybe": neither pushed nor taken as a no
        else:
            ok = phraser.pick("decline", P.DECLINE)
        return [f"{ok} {phraser.pick('decline-q', P.DECLINE_QUESTION)}"], []

    def _accept(self, request, phraser, citer):
        """ "Yes, let's": the exercise that was offered, with its button."""
        exercise_id = request.understanding.exercise or next(iter(request.dialogue.offered), None)
        pending = request.dialogue.pending
        if exercise_id is None and pending is not None and pending.text in (*P.DEFINE_FOLLOW_UP, *P.HELPING_STEPS_QUESTION):
            # "ok i'll try that" just after "wats pomodoro" was answered, or after the library's list of what helps
            # ("ok i'll try that tomorrow morning"): the person's own plan to try it, its time said back
            when = I.PLAN_WHEN.search(request.normalised)
            said = _plan_said_back(phraser, when)
            # the time just said is not asked for ("Tomorrow morning sounds like a good time for it. When do you think
            # you'll give it a first go?")
            asks = [q for q in P.TRY_EXPLAINED_QUESTION if not (when and q.startswith("When"))]
            return [f"{said} {phraser.pick('try-explained-q', asks)}"], []
        if exercise_id is None:  # "I'll try that" when nothing was offered: no pretending something was
            said = phraser.pick("accept-nothing", P.ACCEPT_NOTHING)
            return [f"{said} {phraser.pick('accept-nothing-q', P.ACCEPT_NOTHING_QUESTION)}"], []
        if exercise_id not in self.library.exercises:
            return self._options(request, phraser, citer)
        ex = self.library.exercises[exercise_id]
        later = self._for_later(request, phraser, citer, ex)
        if later is not None:
            return later
        body = self._introduce(request, phraser, citer, ex, "accept", P.ACCEPT)
        question = self._also_said(request, phraser) or phraser.pick("request-q", P.REQUEST_QUESTION)
        return [body, question], [ex.id]

    @staticmethod
    def _also_said(request, phraser) -> str | None:
        """ "ok i'll try that. also i'm not sleeping great": the exercise accepted, and the other thing said beside it
        taken up with its theme's question, not "What made you want to try it today?" (the sleep went unheard, seen
        trying the chat). None when nothing else is said, or its questions were asked already."""
        also = _ALSO_SAID.search(request.normalised)
        themes = [t for t in request.understanding.themes if t in P.FOLLOW_UP_THEME and t in P.THEME_NOUNS]
        if not also or not themes:
            return None
        asked = [q for q in P.FOLLOW_UP_THEME[themes[0]] if not _asked_already(request, q) and phraser.fresh(q)]
        if not asked:
            return None
        return f"{P.ALSO_HEARD.format(noun=P.THEME_NOUNS[themes[0]])} {asked[0]}"

    def _options(self, request, phraser, citer):
        """ "What could I try?": a short choice of exercises that fit and were not used yet. When the message
        names what it is about ("what can I do about the blushing"), first what the library says helps with that,
        since the exercises alone may not speak to it; about the moment anger builds, its steps for the moment."""
        if _ABOUT_THE_MOMENT.search(request.normalised):
            settled = self._settle(request, phraser, citer, now=False)
            if settled is not None:
                return settled
        tip = None
        if request.understanding.topics:
            tip = self._tip(request, phraser, citer) or self._psychoeducation(request, phraser, citer)
        now = bool(I.NOW.search(request.normalised) or _ABOUT_THE_MOMENT.search(request.normalised))
        lines, chosen = self._exercise_lines(request, phraser, citer, limit=3, asked=True, now=now)
        if not lines:
            if tip:
                return [tip, self._follow_up(request, phraser)], []
            return [phraser.pick("not-in-library", P.NOT_IN_LIBRARY), self._follow_up(request, phraser)], []
        lead = phraser.pick("options", P.OPTIONS_LEAD if len(lines) > 1 else P.EXERCISE_LEAD_ONE)
        question = (
            "Which one feels right for you?"
            if len(lines) > 1
            else phraser.pick("offer", P.EXPLAIN_EXERCISE_OFFER, title=self.library.exercises[chosen[0]].title)
        )
        return [p for p in (tip, "\n".join([lead, *lines]), question) if p], chosen

    def _answer(self, request, phraser, citer):
        """An answer to Haven's own question: taken in, then the conversation goes on from it."""
        u = request.understanding
        hard = [f for f in u.feelings if f not in P.POSITIVE_FEELINGS]
        pending = request.dialogue.pending
        if u.mode == "in_the_moment" and not hard:  # mid-steps: "ok ok im trying", "a bit better. still shaky"
            return [self._moment_word(request, phraser)], []
        if not hard and outcome_of(request.normalised) == "helped":  # "just saying it out loud helped a bit"
            glad = phraser.pick("answer-helped", P.ANSWER_HELPED)
            return [f"{glad} {phraser.pick('follow-positive', P.FOLLOW_UP_POSITIVE)}"], []
        if not hard and _PLAN_AGAIN.search(request.normalised):  # "I'll try to remember it next time"
            return [
                f"{phraser.pick('answer-plan', P.ANSWER_PLAN)} {phraser.pick('thanks-q', P.THANKS_QUESTION)}"
            ], []
        when = _WHEN_ALONE.fullmatch(request.normalised)
        if not hard and when and pending is not None and pending.text in (*P.THREAD_PLAN_QUESTION, *P.PLAN_QUESTION):
            # "next tuesday", to "What would help you follow through?" after "i could try asking one question": the
            # day the plan is for, welcomed (it was "Thank you for telling me. What would feel like one small step
            # forward today?", a step asked for just after one was chosen)
            day = re.sub(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", lambda d: d.group(0).title(), when.group("when"))
            said = phraser.pick("plan-when", P.PLAN_WHEN, when=day[0].upper() + day[1:])
            return [f"{said} {phraser.pick('plan-when-q', P.PLAN_WHEN_QUESTION)}"], []
        celebrated = self._after_good_news(request, phraser, hard)
        if celebrated is not None:
            return [celebrated], []
        passing = self._in_passing(request, phraser)
        if passing is not None:
            return passing, []
        rating = next((f[2] for f in u.facts if f[1] == "rating"), None)
        number = re.fullmatch(
            r"(about |around |maybe |a )?(10|[0-9])( ?/ ?10| out of (10|ten))?", request.normalised
        )
        if number and pending is not None and pending.kind == "check_in":  # "5", before an exercise begins
            rating = number.group(2)
        if not hard and rating is not None and pending is not None and (pending.asks == "rating" or number):
            return [self._rating_taken(request, phraser, rating, pending)], []
        told = next((f for f in u.facts if f[1] in ("told", "support")), None)
        fitting = None
        if self._fear_answered(request):
            echo = self._in_their_words(request, phraser)  # what they fear, said back as their fear
        else:
            echo = (self._said_back(request, phraser) or self._in_their_words(request, phraser)) if not hard else None
        if echo:
            ack = echo
        elif told and re.search(r"no ?one|nobody|haven'?t|not told|didn'?t", told[2]):
            ack = phraser.pick("answer-told", P.ANSWER_TOLD_NO_ONE, required=False)
        elif _NOT_KNOWING.fullmatch(request.normalised):
            # "idk really", to an open question, was thanked: "Thanks, that helps me understand" (chat_heldout66, read)
            ack = phraser.pick("answer-not-knowing", P.ANSWER_NOT_KNOWING, required=False)
        elif not hard and "grieving" in request.dialogue.topics and (remembered := self._remembering(request, phraser)):
            # "Her name was Bess. Walked her twice a day every day since I retired." (chat_heldout57, read: "That
            # would wear anyone down"): a memory told in a talk about a loss, taken in as part of grieving
            ack = remembered
        elif fitting := self._situation_line(request, phraser):
            ack = fitting  # what makes their situation hard, not "Thank you for telling me." that fits any answer
        elif fitted := self._answer_to_its_question(request, phraser):
            return [fitted], []
        else:
            heard = sentence_key(request.text)
            acks = [a for a in P.ANSWER_ACK if _ack_words(a) not in heard]  # not its echo ("ok that makes sense")
            ack = phraser.pick("answer", acks, required=False)  # a parroted thanks is worse than none
        if u.feelings or u.themes or (len(request.text.split()) >= 6 and not told):  # more in it than a fact
            said = echo or fitting
            paragraphs, chosen = self._feeling(request, phraser, citer, opening=said)
            if not said and paragraphs[0].startswith(_TAKES_IT_IN):
                ack = (
                    None  # the reflection already takes the answer in ("Okay, that makes sense. I'm glad you...")
                )
            elif said:
                ack = None  # said back as the opening
            return [" ".join(p for p in (ack, paragraphs[0]) if p), *paragraphs[1:]], chosen
        return [" ".join(p for p in (ack, self._follow_up(request, phraser)) if p)], []

    def _answer_to_its_question(self, request, phraser: Phraser) -> str | None:
        """An answer to one of Haven's general questions (P.ANSWER_TO_QUESTION) that names nothing the understanding
        knows: taken in as an answer to that question, and carried on by that question's own next one. None when
        the question was another, the answer names a feeling or a theme (the fuller reply reads those), says no or
        does not know, or the next question was asked already."""
        u, pending = request.understanding, request.dialogue.pending
        fitting = P.ANSWER_TO_QUESTION.get(pending.text) if pending is not None else None
        if fitting is None or u.feelings or u.themes or _NO_IDEA.search(request.normalised):
            return None
        if SINCE.search(request.normalised) or _ONLY_A_SPAN.fullmatch(request.normalised):
            return None  # "couple weeks", to what helps (chat_heldout58, read: "Good to know what helps"): a time given
        if "hardest" not in pending.text and _SAYS_NOT.search(request.normalised):
            return None  # "made a timetable but didnt stick to it", to what helps: no help named, read as any answer
        acks, questions = fitting
        questions = [q for q in questions if not _asked_already(request, q) and phraser.fresh(q)]
        ack = phraser.pick("answer-to-q", acks, required=False)
        if not questions or ack is None:
            return None
        return f"{ack} {phraser.pick('answer-to-q-next', questions)}"

    def _after_good_news(self, request, phraser: Phraser, hard: list[str]) -> str | None:
        """An answer to Haven's question about the person's good news, kept on the good news: the win taken in
        once, then a look ahead; the way they will keep it going welcomed. None when the answer turns elsewhere
        (a "but", a hard feeling now), which is then read as any answer is.

        Why: "I practised loads with my dad" (how a driving test was passed) was asked "What has been happening at
        home?", and "i'll keep going to the gym before work, that helped my nerves" got a lesson on work anxiety.
        """
        pending = request.dialogue.pending
        norm = request.normalised
        if pending is None or (threads.CONTRAST.search(norm) and not _BUT_DID_IT.search(norm)):
            return None
        if _NOT_YET.search(norm):
            return None  # "Not ready for another dog yet. Maybe in spring.": no more of the win, something not yet
        if hard and outcome_of(norm) != "helped" and _FELT_NOW.search(norm):
            # "that helped my nerves" names a feeling eased; "she moved my deadlines" tells what helped, and a
            # stress read into the deadlines is not felt now. "I'm still stressed" is.
            return None
        if pending.text in P.RELIEF_QUESTION:  # "honestly so much lighter, going to get a cake"
            return phraser.pick("answer-relief", P.ANSWER_RELIEF)
        if pending.text in P.CELEBRATE_QUESTION + P.EASING_QUESTION:  # "fourth attempt haha"
            # asked about the win again, every answer drew the same praise: taken in once, then a look ahead
            kept = phraser.pick("answer-good-news", P.ANSWER_GOOD_NEWS)
            return f"{kept} {phraser.pick('celebrate-next-q', P.CELEBRATE_NEXT_QUESTION)}"
        if not pending.about_good_news:
            return None
        earlier = self._earlier(request)
        last = next((t.text for t in reversed(request.history) if t.role == "assistant"), "")
        step = self._kind_in_a_clause(request, earlier, last, "plan")
        if step is not None and _KEEP_IT_GOING.match((step.said_back or "").lower()):
            step = None  # "I want to keep it going, next up is my theory test": the wish itself, not a step
        if step is not None and step.gentle in ("own", "as_said"):
            fields = {"who": step.who or "", "pronoun": step.pronoun, "them": "them"}
            return self._plan_step(phraser, step, fields, norm)
        return self._looking_ahead(request, phraser)

    @staticmethod
    def _looking_ahead(request, phraser: Phraser) -> str | None:
        """An answer to "What would help you keep it going?" after good news: the next thing they named, taken as
        theirs to carry what worked into, and a first step asked for. Why: "ye i wanna keep it going for physics,
        mocks r in jan" was met with "that's a lot to have coming up" and a lesson on thinking traps. None when the
        answer says no or does not know yet."""
        norm = request.normalised
        if _NO_IDEA.search(norm):
            return None
        fact = coming_up(request.understanding.facts, norm)
        taken = phraser.pick("keep-going", P.KEEP_GOING_TAKEN)
        question = phraser.pick("keep-going-q", P.KEEP_GOING_QUESTION)
        return " ".join(p for p in (f"{fact}, then." if fact else None, taken, question) if p)

    @staticmethod
    def _moment_over(request, phraser, citer):
        """The moment over, told after the steps in the chat ("made it to work. that was awful but it passed faster
        than usual"): glad they are through, and what riding it out shows. Why: it was "You're doing it. One step at a
        time" as if still on the stopped train, then "Thank you for telling me that" (chat_heldout55, read)."""
        glad = phraser.pick("moment-over", P.MOMENT_OVER)
        return [f"{glad} {phraser.pick('moment-over-q', P.MOMENT_OVER_QUESTION)}"], []

    @staticmethod
    def _moment_word(request, phraser: Phraser) -> str:
        """A word back while the person is still in the steps for the moment: easing is met gently, trying is
        encouraged. Why: "ok ok im trying" in a panic in a shop was asked "What would feel like one small step
        forward today?", and "a bit better. still shaky" "What's been going well?"."""
        norm = request.normalised
        if outcome_of(norm) == "helped" or re.search(r"\b(better|calmer|easing|easier|slowing|slower|passing|settling)\b", norm):
            return phraser.pick("moment-easing", P.MOMENT_EASING)
        if _FEARED.search(norm):
            # "when there is turbulence I am sure we will fall from the sky": the fear itself, met, not "You're
            # doing it." as if nothing was said
            return phraser.pick("moment-fear", P.MOMENT_FEAR)
        return phraser.pick("moment-keep", P.MOMENT_KEEP_GOING)

    @staticmethod
    def _fear_answered(request) -> str | None:
        """What the person fears, when they told it in answer to Haven's question about worry ("... and i'll go
        red"): read as a fear, never as a plan (haven.chat.threads.fear_answered)."""
        asked = request.dialogue.pending
        return threads.fear_answered(request.text, asked.text if asked is not None else "")

    @staticmethod
    def _in_their_words(request, phraser: Phraser) -> str | None:
        """How the person said it feels, or what they fear, said back in their words ("It makes you feel like the
        villain.", "You're afraid you'll fail."), when they said it and it has not been said already; None
        otherwise."""
        own = (
            threads.feeling_said_back(request.text)
            or threads.fear_said_back(request.text)
            or GuideEngine._fear_answered(request)
        )
        own = threads.cased_as_said(threads.without_laughs(own), request.text) if own else None
        if own is None or not phraser.fresh(own):
            return None
        phraser.remember(own)
        return own

    @staticmethod
    def _said_back(request, phraser: Phraser) -> str | None:
        """The person's answer said back in their own terms (haven.chat.threads.said_back), when it has not
        been said already; None otherwise."""
        echo = threads.said_back(request.normalised) if threads.one_clause(request.text) else None
        echo = threads.cased_as_said(threads.without_laughs(echo), request.text) if echo else None
        if echo is None or not phraser.fresh(echo):
            return None
        phraser.remember(echo)
        return echo

    def _condition(self, request, phraser, citer):
        """ "Do I have anxiety?": never a diagnosis; what the check-ups and a doctor can do, and a passage."""
        u = request.understanding
        parts = [phraser.pick("condition", P.CONDITION, condition=u.condition or "a condition")]
        article = next((h for h in request.hits if h.kind == "article"), None)
        if article is not None:
            quote = next((q for q in passages.quotes(article.passage, 2) if phraser.fresh(q)), None)
            if quote:
                parts.append(f"{quote} [{citer.cite(article)}]")
        parts.append(P.CONDITION_CHECKUPS[0])
        parts.append(phraser.pick("condition-q", P.CONDITION_QUESTION))
        return parts, []

    def _settle_source(self, request) -> Hit | None:
        """The library's "what helps in the moment" steps for anger, when anger is what the person is talking
        about (in this message, or, for one that names no hard feeling, earlier); None otherwise."""
        u = request.understanding
        hard = [f for f in u.feelings if f not in P.POSITIVE_FEELINGS]
        feeling = next((f for f in (hard or request.dialogue.topics) if f in _SETTLE_FEELINGS), None)
        if feeling is None:
            return None
        for doc_id, article in self.library.articles.items():
            if not _names(article.meta.tags[:_SUBJECT_TAGS], _ARTICLE_FITS[feeling]):
                continue
            for hit in passages.of_document(self.library, doc_id):
                if re.search(r"in the moment", hit.section, re.I) and passages.items(hit.passage):
                    return hit
        return None

    def _settle(self, request, phraser, citer, now: bool):
        """Anger building: the library's short steps for the moment (pause, step away, a long breath out, cool
        water, come back later), numbered and cited, and a question about using them. Why: "what can I do in the
        moment when I feel it building up?" was offered values and worry time, which are for another day.
        None when they were given already in this conversation."""
        hit = self._settle_source(request)
        steps = passages.items(hit.passage)[:5] if hit is not None else []
        if not steps or not all(phraser.fresh(step) for step in steps):
            return None
        n = str(citer.peek(hit.doc_id))
        lead = phraser.pick("settle-now" if now else "settle", P.SETTLE_LEAD_NOW if now else P.SETTLE_LEAD, n=n)
        citer.cite(hit)
        for step in steps:
            phraser.remember(step)
        after = " ".join(next(iter(passages.paragraphs(hit.passage)), []))  # "When you are calmer, come back..."
        after = after if after and phraser.fresh(after) else ""
        close = (
            phraser.pick("settle-close", P.SETTLE_CLOSE_NOW)
            if now
            else phraser.pick("settle-q", P.SETTLE_QUESTION)
        )
        numbered = "\n".join(f"{i}. {step}" for i, step in enumerate(steps, start=1))
        return [lead, numbered, " ".join(p for p in (after, close) if p)], []

    #: Exercises that can be done in the chat, right now, in the order they are tried.
    MOMENT_EXERCISES = ("grounding-54321", "paced-breathing", "box-breathing", "tipp")

    def _in_the_moment(self, request, phraser, citer):
        """Right now: short numbered steps in the chat, cited, and no question about the past."""
        settled = self._settle(request, phraser, citer, now=True)
        if settled is not None:
            return settled
        state, u = request.dialogue, request.understanding
        avoid = {*state.avoid, *u.avoid}
        given = [e for e in self.MOMENT_EXERCISES if e in state.ever_offered or state.done.get(e) is False]
        choices = [
            e
            for e in self.MOMENT_EXERCISES
            if e in self.library.exercises
            and e not in given
            and e not in state.declined
            and not any(re.search(p, e.replace("-", " ")) for k, p in KINDS.items() if k in avoid)
        ]
        # what has helped this person before comes first: in the moment, the known thing is the easiest to do
        choices.sort(key=lambda e: request.helped_before.index(e) if e in request.helped_before else len(request.helped_before))
        why = self._why_the_body(request, phraser, citer)
        if not choices:
            return [*why, phraser.pick("moment-close", P.MOMENT_CLOSE)], []
        ex = self.library.exercises[choices[0]]
        n = citer.cite(passages.section(self.library, ex.id, "How to do it"))
        steps = self._moment_steps(ex)
        again = state.mode == "in_the_moment" and given
        options = P.MOMENT_AGAIN if again else P.MOMENT_LEAD
        lead = phraser.pick("moment-again" if again else "moment", options, title=ex.title, n=str(n))
        numbered = "\n".join(f"{i}. {step}" for i, step in enumerate(steps, start=1))
        body = self._check_the_body(request, phraser, citer)
        if I.HELP_NOW_BARE.search(request.normalised) and not again:
            body = [*body, phraser.pick("moment-danger", P.MOMENT_DANGER)]
        return [*why, lead, numbered, *body, phraser.pick("moment-close", P.MOMENT_CLOSE)], [ex.id]

    def _check_the_body(self, request, phraser: Phraser, citer: _Citer) -> list[str]:
        """When the person in the moment says they cannot breathe or names their chest, the library's line on
        getting urgent help if it may not be panic, cited, once; [] otherwise. Why: triage reads "my heart is going
        mad and i cant breathe right" as panic told in its body words and leaves the reply to the chat, and a
        breathing or heart problem can feel the same: the steps come with the way to check the body too."""
        if not _BREATHING_OR_CHEST.search(request.normalised) or _BODY_DOC not in self.library.articles:
            return []
        hit = next((h for h in passages.of_document(self.library, _BODY_DOC) if h.section == _BODY_SECTION), None)
        if hit is None:
            return []
        found = [q for q in passages.quotes(hit.passage, 4) if "not sure it is panic" in q]  # to "Call your local emergency number."
        if not found or not phraser.fresh(found[0]):
            return []
        phraser.remember(found[0])
        return [f"{found[0]} [{citer.cite(hit)}]"]

    def _why_the_body(self, request, phraser: Phraser, citer: _Citer) -> list[str]:
        """When the person asks, in the moment, why their body is doing this ("why is my body acting like a bear
        is chasing me"), the library's short answer first (the body's alarm, getting them ready to fight or run),
        cited; [] otherwise. Why: the question was passed over for steps alone, as if it had not been asked."""
        if not _WHY_THE_BODY.search(request.normalised) or _WHY_DOC not in self.library.articles:
            return []
        hit = next((h for h in passages.of_document(self.library, _WHY_DOC) if h.section == "Why anxiety happens"), None)
        quote = next(iter(passages.quotes(hit.passage, 2)), None) if hit is not None else None
        if quote is None or not phraser.fresh(quote):
            return []
        phraser.remember(quote)
        return [f"{quote} [{citer.cite(hit)}]"]

    @staticmethod
    def _moment_steps(ex: Exercise) -> list[str]:
        """The exercise's doing steps, without ratings or looking-back questions, at most six: a paced step with
        its counts in words (box breathing in the moment said "Follow the box" with no counts), and no words meant
        for the page's buttons ("When you are ready, go on.")."""
        from haven.chat.inchat import paced_in_words
        from haven.content.models import TimerStep

        steps = []
        for step in ex.steps:
            prompt = step.prompt.strip()
            if step.kind == "rating" or prompt.endswith("?"):
                continue
            said = paced_in_words(step) if isinstance(step, TimerStep) else _PAGE_WORDS.sub("", prompt).strip()
            if said:
                steps.append(said)
        return steps[:6]


#: Words a step says to the Exercises page's buttons, not to someone following steps in the chat.
_PAGE_WORDS = re.compile(r"\s*When you(?:'re| are) ready, (?:go on|press next|continue|carry on)\.?", re.I)

#: "why is my body acting like this", "why am I shaking": a question about the body's alarm, asked in the moment.
_WHY_THE_BODY = re.compile(
    r"\bwhy (is|does|do|am|are|won'?t|can'?t) (my )?(body|heart|hands?|i|it|stomach|legs?)\b"
)
_WHY_DOC = "anxiety-and-worry"
def _later_said_back(when: str) -> str:
    """A later time as Haven says it back: "6pm" -> "at 6pm", "after i close the shop" -> "after you close the shop"."""
    if when[0].isdigit():
        return f"at {when}"
    if when.startswith("after i "):
        return "after you " + when.removeprefix("after i ")
    return when


def _plan_said_back(phraser: Phraser, when: re.Match[str] | None) -> str:
    """A plan welcomed, with its time said back as the person wrote it when they gave one ("on saturday" -> "On
    Saturday sounds like a good time for it.")."""
    said = None
    if when:
        words = threads.as_written(_your(when.group(0)))
        said = phraser.pick("plan-when", P.PLAN_WHEN, required=False, when=words[0].upper() + words[1:])
    return said or phraser.pick("answer-plan", P.PLAN)


#: Breathing trouble or the chest named in the moment ("i cant breathe right", "my chest is so tight").
_BREATHING_OR_CHEST = re.compile(
    r"\b(can'?t|cannot|couldn'?t|can not|struggling to|hard to) (breathe|catch my breath|get (a|my) breath)|"
    r"\bchest\b|\bbreathless|short of breath|out of breath"
)
_BODY_DOC, _BODY_SECTION = "panic-attacks", "Check your body too"

#: Openings of a reflection that already take an answer in, so no thanks goes before them.
_TAKES_IT_IN = (
    "Thank",
    "I'm listening",
    "I hear",
    *(r.split(".")[0] for r in P.REFLECT_GENERAL),
    *(r.split(".")[0] for r in P.REFLECT_GRIEF_ANSWER + P.REFLECT_GRIEF_DAFT),  # answers in a talk about a loss
)


#: A question how the person would do the thing just suggested ("So I'd write the worries down at night...?",
#: "do I do it every day?", "what if I forget?"), not one that asks for something else.
_HOW_I_WOULD = re.compile(
    r"^((so|and|then|wait|ok|okay|right|hmm|um)\W* )*((do|would|should|can|could|shall|must) i\b|i'?d\b|i would\b|"
    r"(how|when|where|how often|how long) (do|would|should|can) i\b|what if i\b|(is|does|do) (it|that|this|you)\b)"
)
#: Words a "what is ...?" may name that are about the conversation or the library as a whole, answered the usual way.
_COMMON_TERMS = frozenset({"cbt", "this", "anxiety", "depression", "stress", "worry", "panic", "grief", "therapy"})
#: A "but" that ends on the win ("my heart was pounding but I said it"): no turn away from the good news.
_BUT_DID_IT = re.compile(
    r"\bbut (i|we) (still |actually |really |finally )?(said it|did it|went|managed|got through|kept going|stuck (with|to) it|"
    r"went anyway|did it anyway|said it anyway)\W*$"
)
#: Asking to be listened to before saying it ("I just need to get it out"), not after ("I just needed to say it").
_ABOUT_TO_SAY = re.compile(
    rf"\b(need|want) to (talk|vent|rant|get (it|this|that|it all|everything) out)\b|{I.A_MOAN_WANTED.pattern}"
)


def _ack_words(ack: str) -> str:
    """An acknowledgement's words without its lead-in ("Okay, that makes sense." -> "that makes sense")."""
    return re.sub(r"^(okay|ok|thanks) ", "", sentence_key(ack))


_YOURS = {
    "my": "your",
    "i": "you",
    "i'm": "you're",
    "me": "you",
    "mine": "yours",
    "myself": "yourself",
    "i'll": "you'll",
}


def _your(words: str) -> str:
    """The person's words said back to them ("before my lunch break" -> "before your lunch break")."""
    return " ".join(_YOURS.get(w, w) for w in words.split())

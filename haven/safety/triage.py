"""``triage(text, context)``: is this a crisis? Runs on every piece of a person's text before anything else.

Three levels: ``none``; ``concern`` (ambiguous or informational risk: an educational question, "I just want to
disappear for a while", a past crisis told as history), answered with a gentle check and help lines inline;
``crisis``, answered with the full crisis response and nothing else.

Three layers read each message, and any of them can raise the level; none can lower another's crisis:
  1. patterns (``patterns.yaml``): precise regular expressions over normalised text (emoji read as words,
     k*ll and s u i c i d e undone, typos fixed), with denials masked and narrow frames for weak mentions;
  2. languages (``languages.yaml``): curated crisis phrases in other languages, and "concern" for a message
     Haven cannot read that holds any risk signal;
  3. a learned model (``classifier.py``) over meaning and character n-grams, trained on labelled messages
     (``data/triage/``) with its thresholds chosen on a dev part and never on the held-out part.
A denial ("I'm not suicidal, but...") lowers nothing on its own: the rest of the message is still read.
A long message is read whole and in windows, so a risk in its last sentence is not diluted.

Conversation: ``context`` (earlier messages, oldest first; Haven's own start with "haven:") is replayed
through :mod:`haven.safety.conversation`, so a crisis two turns ago still holds, an answer is read with the
question it answers, and a person can correct a misfire in their own words.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from haven.safety.categories import CATEGORIES, LEGACY_CATEGORIES, LEVELS
from haven.safety.neighbours import looks_ordinary, nothing_near_was_risk, shares
from haven.safety.patterns import PatternHit, explained, frame_in, has_risk_cue, match, model_sentences, prepare

log = logging.getLogger(__name__)

Level = Literal["none", "concern", "crisis"]
#: A message is read whole and, when it has several sentences, in at most this many windows.
MAX_WINDOWS = 32
MAX_CHARS_PER_WINDOW = 2000
#: A frame that explained a message's risk words softens the learned layer's crisis to a check only below this:
#: a reading this sure stands whatever a frame said ("he's going to kill me when he gets home" reads 1.00, and the
#: idiom frame's "when he gets home" must not outweigh it). Chosen on dev: the dev crises a frame explained read
#: 0.98 and 1.00 (frames that misfired: "driving round" as a game's round, "the knife from the kitchen"), the
#: everyday messages of the dev conversations 0.70-0.76.
EXPLAINED_SURE = 0.9
#: The source of a reading of none where the learned layer read risk and its neighbours overruled it: the
#: conversation remembers that the learned layer has misread this person's talk (conversation.py).
OVERRULED = "neighbours"
#: Above this risk the learned layer is near-sure, and a suicide loss told beside it is still asked about: the
#: anniversary message read 0.76; "... and i keep thinking about doing the same" 1.00 (seen trying the chat, round 42).
GRIEF_RISK_CEILING = 0.95


@dataclass(frozen=True)
class Triage:
    """The outcome for one text: its level, the most urgent category, who is at risk, and why."""

    level: Level
    category: str | None
    evidence: str
    audience: str | None = None
    language: str | None = field(default=None, compare=False)
    #: which layer decided: "pattern", "language", "model" (the learned layer), or "" (nothing, or a denial)
    source: str = field(default="", compare=False)
    #: only the learned layer saw risk, with no risk word anywhere: a reading a person's own clear answer outweighs
    model_alone: bool = field(default=False, compare=False)
    #: the message tells a past attempt as history (past tense, placed in the past, nothing said to be back); when
    #: it is still read as a crisis, the person saying next that they are well now steps it down (conversation.py)
    told_as_history: bool = field(default=False, compare=False)
    #: the learned layer's crisis reading is at least ``EXPLAINED_SURE``: nothing said after it eases it by itself
    sure: bool = field(default=False, compare=False)
    #: the message tells a death by suicide as a loss in the past: the check-in opens with the loss, and asks about
    #: the person themselves, never "do you think they might be thinking about ending their life?"
    bereaved: bool = field(default=False, compare=False)

    @property
    def is_crisis(self) -> bool:
        return self.level == "crisis"

    @property
    def is_risk(self) -> bool:
        """Concern or crisis."""
        return self.level != "none"

    def to_dict(self) -> dict[str, str | None]:
        data = asdict(self)
        data.pop("language")
        data.pop("model_alone")
        data.pop("told_as_history")
        data.pop("sure")
        data.pop("bereaved")
        data.pop("source")
        return data


NONE_EMPTY = Triage("none", None, "")


def most_urgent(categories: Sequence[str]) -> str:
    """The most urgent of several categories (unknown names count as suicide, the commonest crisis)."""
    known = [LEGACY_CATEGORIES.get(c, c) for c in categories]
    return min(known, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else CATEGORIES.index("suicide"))


def worse(a: Triage, b: Triage) -> Triage:
    """The more serious of two readings (crisis over concern over none; on a tie, the first)."""
    return b if LEVELS.index(b.level) > LEVELS.index(a.level) else a


@dataclass(frozen=True)
class Reading:
    """Everything the layers saw in one message, before the levels are decided."""

    hits: tuple[PatternHit, ...]
    denials: tuple[str, ...]
    risk_cue: bool
    language: object | None  # haven.safety.languages.LanguageReading
    crisis: float  # the model's highest P(crisis) over the windows
    risk: float  # the model's highest P(concern or crisis)
    category: str | None  # the model's category for the most worrying window
    audience: str | None
    window: str  # the most worrying window
    history: bool = False  # the message places something in the past ("at 19", "years ago", "I'm 45 now")
    well_now: bool = False  # the person says they are well now ("I'm in a much better place", "years clean")
    risk_again: bool = False  # ...or that it is back ("thinking about it again", "the urges are back")
    #: the model's highest P(crisis) over the sentences that do not themselves tell history (1.0: not read)
    crisis_beside_history: float = 1.0
    #: ...and over the sentences that are not a question how to tell whether someone else is at risk (1.0: not read)
    crisis_beside_question: float = 1.0
    #: ...and over the sentences that do not tell good news (``good_news``: a hard talk that went well; 1.0: not read)
    crisis_beside_good_news: float = 1.0
    sentences: tuple[str, ...] = ()  # the prepared (normalised) sentences the patterns read
    #: for a crisis the model raised alone in English: the share of crises among the labelled training messages
    #: nearest to its window (``neighbours.py``); None when not asked or no opinion
    neighbour_crises: float | None = None
    #: for risk the model raised alone in English: the share of risk (crisis or concern) among the messages nearest
    #: to its window, labelled and read turns alike (``neighbours.py``); None when not asked or no opinion
    neighbour_risk: float | None = None
    #: a frame explained a risk word in the message (a mention fired and its frame cancelled it: "the overdose
    #: thresholds and antidotes for my toxicology exam", "mum's going to kill me when she sees the mess"; or a cue
    #: frame explained the word: knives beside a hunt's butchering); read only when the model alone reads a crisis
    explained: bool = False


def windows(sentences: list[str]) -> list[str]:
    """The pieces the model reads: the whole text, then each sentence (grouped when there are many).

    The last two sentences always stand alone: a risk said at the end of a long message ("...anyway, I've
    written the letters") must not be averaged away.
    """
    if not sentences:
        return []
    whole = " . ".join(sentences)[: MAX_CHARS_PER_WINDOW * 4]
    if len(sentences) == 1:
        return [whole]
    head, tail = sentences[:-2], sentences[-2:]
    room = MAX_WINDOWS - 1 - len(tail)
    if len(head) > room:
        size = -(-len(head) // room)
        head = [" . ".join(head[i:i + size]) for i in range(0, len(head), size)]
    return [whole, *(piece[:MAX_CHARS_PER_WINDOW] for piece in head + tail)]


def _language(text: str):
    from haven.safety.languages import read_language

    try:
        return read_language(text)
    except Exception:  # language identification must never cost a person the rest of triage
        log.exception("language identification failed")
        return None


def read(text: str, before: Sequence[str] = ()) -> Reading:
    """Run every layer over one message, on its own words (``before``: the person's messages just before it, whose
    cue frames may explain its risk words; nothing else of them is read here).

    The question a message answers is not fed to the model: read together, the question's words outweigh a
    two-word answer ("ok" to a breathing question read as risk). What an answer means to Haven's own check-in
    question is decided in ``conversation.py``; an exercise answer is read on its own words, so "Starting
    tonight" is a plan for sleep.
    """
    prepared = prepare(text)
    hits = tuple(match(prepared))
    language = _language(text)
    sentences = model_sentences(text)
    if getattr(language, "language", None) in (None, "en"):
        sentences = _courtesy_in_english(sentences)
    else:
        sentences = _besides_openers(sentences)
    sentences = _besides_checkup_options(sentences)
    pieces = windows(sentences)
    crisis = risk = 0.0
    category = audience = None
    window = ""
    if _only_sign_offs(prepared.sentences):
        pieces = []  # "goodbye", "ok night haven": leaving the chat, not saying goodbye to life
    elif _leaving_for_now(prepared.sentences):
        pieces = windows(_besides_thanks_and_goodbyes(sentences))
    elif _new_to_the_app(prepared.sentences):
        pieces = windows(_besides_doing_it_right(sentences))
    predictions = _predict(pieces)
    pieces, predictions = _the_idioms_read_as_idioms(pieces, predictions, language)
    history = _told_as_history(prepared.sentences)
    for piece, prediction in zip(pieces, predictions, strict=False):
        if prediction.risk > risk or (prediction.risk == risk and prediction.crisis > crisis):
            category, audience, window = prediction.category, prediction.audience, piece
        crisis, risk = max(crisis, prediction.crisis), max(risk, prediction.risk)
    said_before = tuple(s for message in before for s in prepare(message).sentences)
    framing = (*said_before, *prepared.sentences)
    risk_cue = any(has_risk_cue(s, message=framing) for s in prepared.sentences)
    neighbour_crises, neighbour_risk = _second_opinion(window, crisis, risk, hits, risk_cue, language)
    return Reading(
        hits=hits,
        denials=prepared.denials,
        risk_cue=risk_cue,
        language=language,
        crisis=crisis,
        risk=risk,
        category=category,
        audience=audience,
        window=window,
        history=history,
        # what a history is told with is read only when the message tells one: not on every message's hot path
        well_now=history and frame_in("well_now", prepared.sentences),
        risk_again=history and frame_in("risk_again", prepared.sentences),
        crisis_beside_history=_crisis_beside(pieces, predictions, "told_as_history") if history else 1.0,
        crisis_beside_question=(
            _crisis_beside(pieces, predictions, "how_to_tell") if frame_in("how_to_tell", prepared.sentences) else 1.0
        ),
        crisis_beside_good_news=(
            _crisis_beside(pieces, predictions, "good_news") if frame_in("good_news", prepared.sentences) else 1.0
        ),
        sentences=prepared.sentences,
        neighbour_crises=neighbour_crises,
        neighbour_risk=neighbour_risk,
        # read only where it can matter: the model alone reads a crisis (not on every message's hot path)
        explained=not hits and not risk_cue and crisis >= _thresholds().crisis and explained(prepared, before=said_before),
    )


def _second_opinion(
    window: str, crisis: float, risk: float, hits, risk_cue: bool, language
) -> tuple[float | None, float | None]:
    """The neighbours' share of crises (when the model alone reads a crisis) and of risk (when it reads at least a
    check-in), asked only where they can matter: no pattern, no risk word, a message that is English (or too short
    to tell)."""
    thresholds = _thresholds()
    if hits or risk_cue or not window or (crisis < thresholds.crisis and risk < thresholds.concern):
        return None, None
    if getattr(language, "language", None) not in (None, "en"):
        return None, None
    crisis_share, risk_share = shares(window)
    return (crisis_share if crisis >= thresholds.crisis else None), risk_share


def _crisis_beside(pieces: list[str], predictions, frame: str) -> float:
    """The model's highest P(crisis) over the sentences that do not hold the frame ``frame`` themselves.

    Why: "I tried to kill myself in sixth form. I'm in a much better place now" reads as a crisis when whole,
    because the first sentence alone does; what matters for a history (``told_as_history``), or for a question how
    to tell whether someone else is at risk (``how_to_tell``), is whether anything else in the message reads as a
    crisis. The whole-text window is left out when there are sentence windows; a one-sentence message has nothing
    beside it (0.0). 1.0 when the model did not run (nothing can then be stepped down)."""
    if len(predictions) != len(pieces) or not pieces:
        return 1.0
    own = list(zip(pieces, predictions, strict=True))
    if len(own) > 1:
        own = own[1:]
    return max((p.crisis for piece, p in own if not frame_in(frame, prepare(piece).sentences)), default=0.0)


#: Patterns of an attempt, an overdose or self-harm that, said as done, may be history ("I tried to take my life at
#: 19", "in Poland when I was sixteen I tried to hang myself", "as a teenager I used to burn myself").
_PAST_EVENT_PATTERNS = frozenset(
    {"attempt", "take_life", "kill_self", "overdosed", "overdose_word", "noose_hang", "hurting_self"}
)
_PAST_TENSE = ("tried", "attempted", "took", "taken", "overdosed")
#: Self-harm told with a verb whose past looks like its present ("I hurt myself", "I cut myself"), or a plain past.
_HURT_IN_HISTORY = re.compile(r"(?:hurt|cut|harmed|burned|burnt|injured) ")
#: The words just before a hit that tell it as an attempt made ("since I tried to", "after trying to"), and just
#: after an overdose that say it was taken ("the overdose I took in 2018").
_TRIED_BEFORE = re.compile(r"\b(?:tried|attempted|after trying|after attempting|since trying) (?:to )?$")
_AFTER_BEFORE = re.compile(r"\b(?:after|since|from) $")  # "in hospital after trying to end my life"
_TAKEN_AFTER = re.compile(r"^ (?:i|that i|which i) (?:took|had|was given)\b")
#: Self-harm told as a habit of the past, just before the hit: "when I was a teenager I used to burn myself".
_USED_TO_BEFORE = re.compile(r"\bused to $")


def _told_as_history(sentences: Sequence[str]) -> bool:
    return frame_in("told_as_history", sentences)


def _history_only(reading: Reading, thresholds) -> bool:
    """A past attempt or overdose told as history: a gentle check, not the card.

    Every pattern hit is a past attempt or overdose in the past tense, the message places it in the past, and
    nothing says it is back ("thinking about it again", "the urges are back"). Then either the model reads the
    whole as history too (P(crisis) under the mention floor), or the person says they are well now and nothing
    beside the history reads as a crisis ("...in sixth form. I'm in a much better place now"). An attempt last
    night has no history words, so it stays a crisis."""
    if not _past_events_only(reading):
        return False
    if reading.crisis < thresholds.mention_floor:
        return True
    # something else is said beside the history ("My late wife found me. I never told a soul until yesterday."),
    # and the model reads none of it as a crisis: what the message tells is the history
    told_with_more = reading.well_now or len(reading.sentences) > 1
    return told_with_more and reading.crisis_beside_history < thresholds.mention_floor


def _past_events_only(reading: Reading) -> bool:
    """Every pattern hit is a past attempt or overdose in the past tense, the message places it in the past, and
    nothing in it says the thoughts are back."""
    past = [hit for hit in reading.hits if hit.pattern.id in _PAST_EVENT_PATTERNS]
    return (
        reading.history
        and not reading.risk_again
        and bool(past)
        and all(hit in past or _within(hit, past) for hit in reading.hits)
        and any(_said_as_done(hit) for hit in past)
    )


def _said_as_done(hit: PatternHit) -> bool:
    """A hit told as something done, not wanted: a past-tense word in it ("I took an overdose"), an attempt just
    before it ("since I tried to hang myself"), a taking just after it ("the overdose I took in 2018") or a habit
    of the past ("I used to burn myself")."""
    if any(word in hit.matched.split() for word in _PAST_TENSE):
        return True
    if _HURT_IN_HISTORY.match(hit.matched) and frame_in("told_as_history", [hit.sentence]):
        # "hurt" and "cut" are past and present alike: "when I was younger I hurt myself" is told as done by the
        # history in its own sentence ("I hurt myself" alone, or "last night", is not)
        return not frame_in("recent_time", [hit.sentence])
    before, after = hit.sentence[: hit.span[0]], hit.sentence[hit.span[1] :]
    tried = hit.matched.startswith(("trying", "attempting")) and _AFTER_BEFORE.search(before)
    return bool(tried or _TRIED_BEFORE.search(before) or _TAKEN_AFTER.search(after) or _USED_TO_BEFORE.search(before))


def _within(hit: PatternHit, others: Sequence[PatternHit]) -> bool:
    """A hit whose words are part of another's, in the same place: "end my life" inside "tried to end my life" is
    the attempt told, not a second thing said ("...and now I want to end my life" is)."""
    return any(
        hit.sentence == other.sentence and other.span[0] <= hit.span[0] and hit.span[1] <= other.span[1]
        for other in others
    )


def _told_in_the_past(reading: Reading) -> bool:
    """A crisis read from a message that tells an attempt as history: placed in the past, every sentence with a
    pattern hit in the past tense, nothing said to be back or recent. Only ever used to let the person's next
    words ("that was years ago, I'm really well") step the held crisis down; it never lowers this reading."""
    if not (reading.history and reading.hits) or reading.risk_again:
        return False
    told = [s for s in reading.sentences if any(h.matched in s for h in reading.hits)]
    risky = [s for s in reading.sentences if s in told or has_risk_cue(s)]  # "I told my grandson yesterday" is not
    in_the_past = all(frame_in("past_tense", [s]) for s in told)
    return bool(told) and in_the_past and not frame_in("recent_time", risky)


#: A question about what therapy is or how it works ("What exactly is cognitive behavioural therapy, and how is it
#: different from simply talking to a friend?").
_ABOUT_THERAPY = re.compile(
    r"^(?:so |and |but |ok |okay )?(?:what|how|why|does|do|is|can|could|would)\b.*\b(?:cbt|cognitive behaviou?ral therapy|"
    r"therapy|therapies|counsel+ing|talking therap\w*|a therapist|psychotherapy)\b"
)


def _asks_about_therapy(reading: Reading) -> bool:
    """Whether the learned layer's concern comes from a question about therapy itself, with no risk word in it: the
    check-in ("are you thinking about ending your life?") to someone asking how CBT differs from talking to a
    friend answers nothing they said (chat_heldout25, read). A risk word beside it ("can CBT help when you want to
    die") is read as ever."""
    return not reading.risk_cue and all(_ABOUT_THERAPY.search(s) for s in reading.sentences if s.strip())


#: A check-up's score spoken of ("it says my score is 13", "I scored 11 on the GAD-7").
_ABOUT_A_SCORE = re.compile(
    r"\b(?:my |the |a |that )?score (?:is|was|of|came|says|said)\b|\bscored\b|\b(?:phq|gad|who) ?-? ?[957]\b"
)


_SHORT_QUESTION = re.compile(r"^(?:so |and |but |ok |okay )?(?:what|is|am|does|do|should|how|why|can|could|will|would)\b(?: \w+){0,6}$")


def _asks_about_a_score(reading: Reading) -> bool:
    """Whether the learned layer's concern is about a check-up score, with no risk word in the message: "So it says
    my score is 13. What does that mean? Am I sick?" got "are you thinking about ending your life?" and the card
    after it (chat_heldout26, read). The score is answered by the chat from the check-up's own bands; a risk word
    beside it ("my score is 20 and I want to die") is read as ever."""
    sentences = [s for s in reading.sentences if s.strip()]
    about_it = any(_ABOUT_A_SCORE.search(s) for s in sentences)
    # nothing else said beside the score but short questions about it ("what does that mean", "am i sick"): a score
    # with more of the person's own words beside it is read as ever
    return not reading.risk_cue and about_it and all(_ABOUT_A_SCORE.search(s) or _SHORT_QUESTION.match(s) for s in sentences)


def _psychosis_without_its_words(reading: Reading) -> bool:
    """A psychosis check-in asks "are you hearing or seeing things that frighten you?"; the learned layer's psychosis
    concern with nothing of that kind in the message ("urges to scroll my phone all night") asks it of no one."""
    from haven.safety.patterns import load_pattern_book

    return reading.category == "psychosis" and not load_pattern_book().frames["psychosis_words"].search(
        " ".join(reading.window.lower().split())
    )


def _someone_elses_eating(reading: Reading) -> bool:
    """An eating-disorder check-in asks "how have eating and food been for you lately?"; the learned layer's
    concern of that kind, where every eating word is someone else eating the person's food ("my flatmate keeps eating
    my food and then acts like i'm being petty"), asks it of no one."""
    if reading.category != "eating_disorder":
        return False
    return _their_food_eaten(reading)


def _a_pet_grieved(reading: Reading) -> bool:
    """The learned layer's concern, with no risk word, in a message that tells a pet's death ("my dog died this
    morning. 14 years. i feel like i've lost a limb", read 0.66 risk): grief for a pet is met as grief. Every labelled
    message that tells one with no risk word is none; a risk word beside it ("since my dog died i have nothing
    left. ive written notes") or the model's crisis keeps its reading."""
    from haven.safety.patterns import frame_in

    return not reading.risk_cue and frame_in("pet_died", reading.sentences)


def _a_pastime_left(reading: Reading) -> bool:
    """The learned layer's concern, with no risk word, in a message that tells a pastime left behind ("i used to
    paint before she came. haven't touched it", a new mother, read 0.71 risk): "haven't touched it" sounds to the
    model like clean time from self-harm, but the thing untouched is the paint. A risk word beside it ("i used to cut
    every night. haven't touched it in 8 months") or the model's crisis keeps its reading."""
    from haven.safety.patterns import frame_in

    return not reading.risk_cue and frame_in("hobby_left", reading.sentences)


def _asks_about_an_exercise(reading: Reading) -> bool:
    """The learned layer's reading, with no risk word, of a question about an exercise: how many rounds ("So I
    breathe in for 4 and out for 6, how many times should I do it?", 0.73) or how it helps ("how does doing stuff
    help if I don't feel like doing it?", 0.67). "how would cutting help" has a risk word and is read as ever."""
    from haven.safety.patterns import frame_in

    # the question may follow the exercise in a sentence of its own: "So what, mi just breathe and count? That really
    # work?" (0.95, chat_heldout45, read), so the message is read whole too
    whole = [*reading.sentences, " ".join(reading.sentences)]
    return not reading.risk_cue and frame_in("exercise_question", whole)


def _medication_kept_to(reading: Reading) -> bool:
    """Whether the message tells of medication taken as prescribed or kept for someone in the person's care."""
    from haven.safety.patterns import frame_in

    return frame_in("as_prescribed", reading.sentences) or frame_in("their_medication_cared_for", reading.sentences)


def _baby_asleep_on_them(reading: Reading) -> bool:
    """The learned layer's reading, with no risk word, of a baby or small child asleep on the person ("he's asleep on
    my chest so I can't move"): being pinned by a contact nap, not held down."""
    return not reading.risk_cue and frame_in("baby_asleep_on_me", reading.sentences)


def _asks_where_words_go(reading: Reading) -> bool:
    """A question about Haven's keeping of what is typed ("where does what I type go? Is it stored on a server
    somewhere?"), with no risk word: answered by the chat, never met with the card (it read 0.69) or a check-in
    (0.72 risk, chat_heldout45, read)."""
    return not reading.risk_cue and frame_in("privacy_question", reading.sentences)


def _grief_for_a_suicide(reading: Reading) -> bool:
    """The learned layer's reading, with no risk word or pattern, of the guilt that follows a loss ("i keep thinking i
    should have seen it coming", 0.90 crisis, read as harm to others after a friend's suicide was told): the guilt of
    grief. A risk word or a pattern beside it keeps the reading, and the conversation still reads what follows."""
    from haven.safety.patterns import frame_in

    if reading.risk_cue or reading.hits:
        return False  # "my friend took her own life last year and i want to join her": a pattern's reading stands
    return frame_in("survivors_guilt", reading.sentences)


def _only_not_sure_why_here(reading: Reading) -> bool:
    """Whether the message says only that the person is not sure why they are writing (a greeting before it at
    most), in any language Haven reads, with no risk word or pattern: the learned layer reads other languages
    through an English encoder, and the English of it reads none."""
    return _only_said_as(reading, "not_sure_why_here")


def _only_unsure_of_the_app(reading: Reading) -> bool:
    """Whether the message says only that the person hopes they are using Haven right (a greeting, or who put it on
    their phone, beside it at most), with no risk word or pattern: "hi, I hope I am doing this right" read 0.94, and
    a first-timer's hello was met with the crisis card. The chat answers it, with how to begin."""
    return _only_said_as(reading, "unsure_of_the_app")


def _only_said_as(reading: Reading, frame_name: str) -> bool:
    """Whether every sentence of the message is the frame ``frame_name`` of patterns.yaml, with no risk word or
    pattern anywhere in it: an opening that says nothing else."""
    from haven.safety.patterns import load_pattern_book

    frame = load_pattern_book().frames[frame_name]
    said = [s for s in reading.sentences if s.strip()]
    return bool(said) and not reading.risk_cue and not reading.hits and all(frame.search(s.strip()) for s in said)


def _a_suicide_loss_told(reading: Reading) -> bool:
    """The learned layer's reading, with no risk word or pattern, of a death by suicide told as a loss in the past
    ("my best friend took her own life last year and the anniversary is next week", 0.76 risk, read as a worried
    friend and asked "do you think they might be thinking about ending their life?"). The labelled messages like it
    are concern (someone bereaved by suicide is asked, gently); it is asked about the person themselves, opening
    with the loss. Below ``GRIEF_RISK_CEILING`` only: "my brother killed himself two years ago. i think about it
    every day" (0.99) may be the act thought about, and is read as ever."""
    from haven.safety.patterns import frame_in

    if reading.risk_cue or reading.hits or reading.risk >= GRIEF_RISK_CEILING:
        return False
    return frame_in("suicide_loss_told", reading.sentences)


def _asks_to_be_heard(reading: Reading) -> bool:
    """The learned layer's reading, with no risk word, of a message asking only to be listened to ("I think I just
    need to get it out, I don't want tips right now", 0.66): the chat listens. A risk word beside it keeps it."""
    from haven.safety.patterns import frame_in

    return not reading.risk_cue and not reading.denials and frame_in("wants_to_be_heard", reading.sentences)


def _only_asks_about_haven(sentences: tuple[str, ...]) -> bool:
    """Whether every sentence of the message asks what Haven is, who made it or whether it is a person."""
    from haven.safety.patterns import load_pattern_book

    asks = load_pattern_book().frames["haven_question"]
    return bool(sentences) and all(asks.search(sentence) for sentence in sentences)


def _only_asks_for_a_step(sentences: tuple[str, ...]) -> bool:
    """Whether the message only asks for the first or next step ("maybe. what would the first step be?"), with at
    most a filler sentence such as "maybe" or "ok" beside it."""
    from haven.safety.patterns import load_pattern_book

    frames = load_pattern_book().frames
    asked = [s for s in sentences if not frames["filler_only"].fullmatch(s.strip(" .,!?"))]
    return bool(asked) and all(frames["step_question"].search(s.strip(" .,!?")) for s in asked)


def _their_food_eaten(reading: Reading) -> bool:
    """Every eating word in the most worrying window is someone else eating the person's food ("and he ate my
    halloumi. labelled halloumi. with my NAME on it")."""
    from haven.safety.patterns import load_pattern_book

    frames = load_pattern_book().frames
    window = " ".join(reading.window.lower().split())
    return bool(frames["food_taken"].search(window)) and not frames["eating_words"].search(
        frames["food_taken"].sub(" ", window)
    )


def _leaving_for_now(sentences: Sequence[str]) -> bool:
    """The message says the person is leaving the chat and coming back ("Thank you dear that was a nice chat.
    Callum will be pleased I used it. Bye bye for now"), or that the chat helped as they sign off
    (``_helped_and_signing_off``), or leaving for an everyday job ("Right, I'd best get the
    kettle on before the post comes. Ta-ra."), with nothing that makes it final ("thank you for everything") and no
    risk word anywhere.

    Why: the learned layer read thanks and a goodbye together as a farewell to life (0.96 after a talk about a
    friend's funeral, 0.73 from a 92-year-old after a first chat). Saying they will be back is the opposite of a
    farewell, so the learned layer reads only what the message says besides its thanks and goodbye
    (:func:`_besides_thanks_and_goodbyes`); patterns and languages read all of it."""
    coming_back = frame_in("returning", sentences) or frame_in("errand_leaving", sentences)
    if not (coming_back or _helped_and_signing_off(sentences)) or frame_in("final_farewell", sentences):
        return False
    return not any(has_risk_cue(s) for s in sentences)


def _helped_and_signing_off(sentences: Sequence[str]) -> bool:
    """The person says the chat helped them now ("I feel a bit lighter", "that really helped") and signs off, with
    no intent, decision or means anywhere: the calm of someone who has decided ("I feel lighter now I've made up my
    mind") is read as ever, and so is anything final (``final_farewell``)."""
    from haven.safety.patterns import load_pattern_book

    book = load_pattern_book()
    leaving = [s for s in sentences if book.sign_off.fullmatch(s.strip())]
    said = [s for s in sentences if s not in leaving]
    decided = any(book.intent_beside_frame.search(s) or _DECIDED.search(s) for s in said)
    return bool(leaving) and frame_in("helped_now", said) and not decided


#: A decision made, said beside a calm goodbye: a warning sign, never read as the chat having helped.
_DECIDED = re.compile(
    r"\b(?:decided|decision|made my mind up|made up my mind|my mind is made up|sorted everything|all sorted|know what (?:to do|i (?:have|need|want|am going|m going) to do|ill do|i will do)|found (?:a|the|my) (?:way|answer|way out)|(?:it|this|everything|all)(?: will| is going to|ll| s going to) (?:all )?be (?:over|fine|better|easier) soon|no more|(?:im|i am) ready|at peace)\b"
)


def _courtesy_in_english(sentences: list[str]) -> list[str]:
    """An English message's thanks and hellos in other languages, said in English for the learned layer ("merci!
    honestly didnt think that would work" is read as "thanks! honestly..."): patterns and languages read the words
    as they were written. Only for a message the language reader calls English, so a message in French keeps its
    "merci pour tout"."""
    from haven.safety.patterns import load_pattern_book

    courtesy = load_pattern_book().frames["foreign_courtesy"]
    return [courtesy.sub(lambda m: "hi" if _HELLO.fullmatch(m.group(0)) else "thanks", s) for s in sentences]


def _the_idioms_read_as_idioms(pieces: list[str], predictions: list, language) -> tuple[list[str], list]:
    """The learned layer's reading of a message in another language read again with that language's everyday
    figures of speech cut out ("me moría por volver a comer salmorejo", "ich sterbe vor Hunger"), kept only when it
    reads lower: the encoder is English, and read 0.78 as a crisis what was a longing for cold soup
    (risk_conversations_heldout56, read). Cut words can leave the rest reading higher ("me muero de hambre y en casa
    no hay nada" without its idiom is "nothing at home"), so the cut reading never raises a message; patterns and
    curated phrases read every word, idioms masked, as ever."""
    code = getattr(language, "language", None)
    if code in (None, "en") or not pieces:
        return pieces, predictions
    from haven.safety.languages import without_idioms

    cut = [without_idioms(piece, code) for piece in pieces]
    if cut == pieces:
        return pieces, predictions
    kept = [piece for piece in cut if piece.strip()]
    again = _predict(kept) if kept else []
    highest = max((p.risk for p in predictions), default=0.0)
    if max((p.risk for p in again), default=0.0) < highest:
        return kept, again
    return pieces, predictions


def _besides_openers(sentences: list[str]) -> list[str]:
    """A message in another language without its sentences that only open a first conversation ("hola, no sé muy bien
    por qué escribo esto", "Guten Abend. Ich schreibe zum ersten Mal hier."): the learned layer read such openers as
    crises, through an English encoder, and the card then held everything after it (risk conversation sets, read).
    Only whole sentences go; patterns and curated phrases still read every word."""
    from haven.safety.patterns import load_pattern_book

    opening = load_pattern_book().frames["opening_words_other_languages"]
    return [sentence for sentence in sentences if not opening.fullmatch(sentence)]


def _besides_checkup_options(sentences: list[str]) -> list[str]:
    """The sentences besides an answer option of a check-up said on its own ("More than half the days - I wake at 4
    and can't get back off", the PHQ-9 answered in the chat), when something else is said.

    Why: the learned layer never learned the options as answers; read together with the rest they made a crisis
    (0.68) that neither part is alone, and it then held the rest of a 70-year-old's questionnaire
    (risk_conversations_heldout31, read). Patterns and languages read every word; an option said alone is read as
    ever, and so is everything said beside it ("Nearly every day. I think about ending it")."""
    from haven.safety.patterns import load_pattern_book

    option = load_pattern_book().frames["checkup_option"]
    rest = [s for s in sentences if not option.fullmatch(s.strip(" .,!?-"))]
    return rest if rest and len(rest) < len(sentences) else sentences


#: The hellos among patterns.yaml's ``foreign_courtesy`` (the rest are thanks).
_HELLO = re.compile(r"(?:hola|bonjour|salut|ciao|hallo|namaste|kia ora)")


def _besides_thanks_and_goodbyes(sentences: Sequence[str]) -> list[str]:
    from haven.safety.patterns import load_pattern_book

    book = load_pattern_book()
    return [
        s for s in sentences if not (book.sign_off.fullmatch(s.strip()) or book.frames["gratitude"].match(s.strip()))
    ]


def _new_to_the_app(sentences: Sequence[str]) -> bool:
    """The message is someone new to Haven hoping they are using it right ("Morning. My daughter set this up on the
    tablet for me, I hope I'm doing it right"), with no risk word anywhere.

    Why: the learned layer read "I hope I'm doing it right" as a crisis (0.88 and 0.98 from people in their nineties on
    their first morning, the crisis then held the whole conversation). Beside the app or the device named, it is about
    using the app, so the learned layer reads the message without those words; patterns and languages read all of
    it, and a risk word anywhere ("I hope I'm doing it right, I've tied the rope") keeps it whole."""
    if not (frame_in("doing_it_right", sentences) and frame_in("new_to_the_app", sentences)):
        return False
    from haven.safety.patterns import load_pattern_book

    device = load_pattern_book().frames["new_to_the_app"]  # "on the tablet" is the device, not a pill
    return not any(has_risk_cue(" ".join(device.sub(" ", s).split())) for s in sentences)


def _besides_doing_it_right(sentences: Sequence[str]) -> list[str]:
    from haven.safety.patterns import load_pattern_book

    doing_it_right = load_pattern_book().frames["doing_it_right"]
    kept = [" ".join(doing_it_right.sub(" ", s.lower()).split()) for s in sentences]
    return [s for s in kept if s]


def _only_sign_offs(sentences: Sequence[str]) -> bool:
    from haven.safety.patterns import load_pattern_book

    book = load_pattern_book()
    # "right off to get some kip. ta ra" read 0.79 (chat_heldout39, read): going to bed is leaving for the night too
    to_bed = book.frames["off_to_bed"]
    return bool(sentences) and all(book.sign_off.fullmatch(s.strip()) or to_bed.match(s.strip()) for s in sentences)


def _predict(pieces: list[str]):
    """The model's predictions, or none when it cannot run (patterns and languages still stand)."""
    if not pieces:
        return []
    from haven.safety.classifier import current_model

    try:
        return current_model().predict(pieces)
    except Exception:  # a missing model or embedding failure must never stop triage: patterns still run
        log.exception("the triage model could not run; patterns only")
        return []


def _question_to_learn(reading: Reading, thresholds) -> bool:
    """Whether a message the patterns read as a crisis is a question to learn (the model's audience ``learning``)
    that the model reads well below a crisis (under ``mention_floor``), with no means asked about.

    Why: every such message among the labelled train and dev messages (23, all labelled concern: "what are the main
    warning signs someone might be thinking about suicide", "what should you say when someone tells you they want
    to die") was raised to a crisis by a strong pattern naming the topic. A question about means ("how many", "a
    lethal dose") keeps the crisis whatever the audience."""
    if reading.audience != "learning" or reading.crisis >= thresholds.mention_floor:
        return False
    return not _asks_means(reading)


def _asks_how_to_tell(reading: Reading) -> bool:
    """Every pattern hit is in a question how to tell whether someone else is at risk, and no sentence asks about
    means (what else the message says is read by the caller). Why: worried parents and friends asking what the
    signs are were given the full card, which then held the whole conversation, for a question the check-in about
    the other person answers better."""
    asked = {hit.sentence for hit in reading.hits}
    if not asked or not all(frame_in("how_to_tell", [sentence]) for sentence in asked):
        return False
    return not _asks_means(reading)


def _asks_means(reading: Reading) -> bool:
    """Whether any sentence of the message asks about means ("how many", "a lethal dose"): that keeps a crisis
    whatever else the message is."""
    from haven.safety.conversation import asks_about_means

    return any(asks_about_means(sentence) for sentence in reading.sentences)


#: The patterns of a threat said in words alone (no weapon, place, time or plan: those have patterns of their own).
_BARE_THREATS = frozenset({"harm_others", "kill_person_direct"})


def _threat_over_a_petty_thing(reading: Reading) -> bool:
    """Whether the only patterns are a bare threat and the message names the everyday thing it is about (a meal
    eaten, a spoiler, the washing up): exasperation, most often, asked about rather than assumed. A weapon, a time,
    a place or harm done beside it (``threat_made_real``: "tonight with a knife, he ate my dinner") keeps the card,
    and so does a sure reading of the learned layer."""
    if not reading.hits or any(hit.pattern.id not in _BARE_THREATS for hit in reading.hits):
        return False
    return frame_in("petty_thing", reading.sentences) and not frame_in("threat_made_real", reading.sentences)


def _kill_me_over_a_mishap(reading: Reading) -> bool:
    """Whether the only pattern is "kill me now" said alone and the message tells the everyday mishap it is about
    (a spreadsheet crashed, hours of work lost): most often exasperation, asked about with a check-in rather than
    assumed with the card that would hold. A sure reading of the learned layer keeps the card (the caller)."""
    if not reading.hits or any(hit.pattern.id != "kill_me_alone" for hit in reading.hits):
        return False
    return frame_in("everyday_mishap", reading.sentences)


def _pattern_evidence(hits: Sequence[PatternHit]) -> str:
    seen: dict[str, str] = {}
    for hit in hits:
        seen.setdefault(hit.pattern.id, hit.matched)
    return "; ".join(f'pattern {pid}: "{words}"' for pid, words in seen.items())


def decide(reading: Reading, thresholds=None) -> Triage:
    """The level, category and audience from what the layers saw (``thresholds`` from the model's file).

    Quiet signs (``strength: quiet`` in patterns.yaml: food cut right down, feeling unreal for weeks, signals
    through the walls) are set aside first: they can only lift a reading of ``none`` to a gentle check, so a
    crisis that the rest of the message holds is decided exactly as it would be without them."""
    if thresholds is None:
        thresholds = _thresholds()
    outcome = _decide_with_quiet_signs(reading, thresholds)
    if outcome.is_crisis and _told_in_the_past(reading):
        return replace(outcome, told_as_history=True)
    return outcome


def _decide_with_quiet_signs(reading: Reading, thresholds) -> Triage:
    quiet = tuple(hit for hit in reading.hits if hit.pattern.strength == "quiet")
    if not quiet:
        return _decide(reading, thresholds)
    outcome = _decide(replace(reading, hits=tuple(h for h in reading.hits if h not in quiet)), thresholds)
    if outcome.level != "none":
        return outcome
    category = most_urgent([hit.pattern.category for hit in quiet])
    why = _pattern_evidence(quiet) + ", a quiet sign" + (f"; {outcome.evidence}" if outcome.evidence else "")
    return Triage("concern", category, why, reading.audience or "self", outcome.language, "pattern")


def _decide(reading: Reading, thresholds) -> Triage:
    """``decide`` for the crisis-capable layers: patterns that can raise a crisis, languages, the model."""
    lang = reading.language
    lang_level = getattr(lang, "level", "none")
    language = getattr(lang, "language", None)
    audience = reading.audience or "self"
    model_says = f"model {reading.crisis:.2f} crisis / {reading.risk:.2f} risk"
    if reading.hits:
        category = most_urgent([hit.pattern.category for hit in reading.hits])
        strong = any(hit.pattern.strength == "strong" for hit in reading.hits)
        learning = reading.audience == "learning" and reading.crisis < thresholds.crisis
        # the floor is for bare words ("suicide", "overdose" in a question); a mention of a state ("I felt
        # suicidal all weekend") stays a crisis unless one of its frames explained it
        bare_words = all(hit.pattern.id.endswith(("_word", "_words")) for hit in reading.hits)
        if _question_to_learn(reading, thresholds):
            # "what are some warning signs that someone might be thinking about suicide?" for a school project: a
            # strong pattern names the topic, the model reads a question to learn and no crisis; a check-in that
            # asks directly, not the card that would then hold over the rest of the project
            why = _pattern_evidence(reading.hits) + f", a question to learn; {model_says}"
            return Triage("concern", category, why, audience, language, "pattern")
        if _asks_how_to_tell(reading) and reading.crisis_beside_question < thresholds.mention_floor:
            # "how would I know if my 15 year old is self-harming?": someone worried about another person, asking
            # what to look for; the check-in about them, with the lines inline, not the card that then holds
            why = _pattern_evidence(reading.hits) + f", a question how to tell; {model_says}"
            who = audience if audience in ("learning", "third_party") else "third_party"
            return Triage("concern", category, why, who, language, "pattern")
        if _history_only(reading, thresholds):
            why = _pattern_evidence(reading.hits) + f", told as history; {model_says}"
            return Triage("concern", category, why, audience, language, "pattern", told_as_history=True)
        if _threat_over_a_petty_thing(reading) and reading.crisis < EXPLAINED_SURE:
            # "I swear I'm going to murder my flatmate, she's eaten my leftover lasagne AGAIN" (risk_conversations_
            # heldout54, read): a threat in words alone, with the everyday thing it is about told beside it. A
            # check-in that asks, with the lines inline, not the card that would hold over the note on the fridge
            why = _pattern_evidence(reading.hits) + ", a threat over an everyday thing"
            return Triage("concern", category, why, audience, language, "pattern")
        if _kill_me_over_a_mishap(reading) and reading.crisis < EXPLAINED_SURE:
            # "excel just crashed and I lost two hours of formulas. kill me now" (risk_conversations_heldout62, read)
            why = _pattern_evidence(reading.hits) + ", said over an everyday mishap"
            return Triage("concern", category, why, audience, language, "pattern")
        if strong or not bare_words or (reading.crisis >= thresholds.mention_floor and not learning):
            return Triage("crisis", category, _pattern_evidence(reading.hits), audience, language, "pattern")
        # only weak mentions, and the model reads a question to learn, or history: a check, not the card
        why = _pattern_evidence(reading.hits) + f"; {model_says}"
        return Triage("concern", category, why, audience, language, "pattern")
    if lang_level == "crisis":
        why = f"{language}: {lang.evidence}"
        return Triage("crisis", lang.category or "suicide", why, audience, language, "language")
    if reading.crisis >= thresholds.crisis or (reading.risk_cue and reading.crisis >= thresholds.crisis_with_cue):
        if reading.denials and not reading.risk_cue:
            # "I'm not suicidal, just tired": the model reads the denied word; with nothing risky left once the
            # denial is set aside, the denial lowers the crisis one step, to a check (it never erases it)
            why = f'{model_says}, denied: ' + "; ".join(reading.denials)
            return Triage("concern", reading.category, why, audience, language, "model")
        if (
            not reading.risk_cue
            and reading.category in ("medical_emergency", "eating_disorder")
            and frame_in("racing_heart", reading.sentences)
        ):
            # "ok so im in the toilets at school and my heart is going mad and i cant breathe right": panic told in its
            # body words, the breathing explained by the racing heart beside it; the learned layer read an eating
            # disorder (0.79), and before the frame read the heart the card held the grounding that followed
            # (chat_heldout41, read). The chat gives the steps for the moment, with the library's line on getting
            # urgent help if it may not be panic; "I can't breathe" alone, or beside pills taken, keeps the card. So
            # too with no risk word at all: "help im on the tube and its stuck in a tunnel and my heart is going mad"
            # (0.75, chat_heldout45, read) held the card over the breathing that followed
            return Triage("none", None, f"{model_says}, but panic told in its body words", None, language)
        if _asks_where_words_go(reading):
            # "Is my data stored anywhere? I don't want my company to see any of this" read 0.69: a question about
            # Haven itself, which the chat answers plainly (chat_heldout28, read). Read before a frame's explaining,
            # which would ask: "Is this thing private? My grandson put it on the tablet for me" (chat_heldout47, read)
            return Triage("none", None, f"{model_says}, but a question about where their data is kept", None, language)
        if not reading.risk_cue and reading.crisis < EXPLAINED_SURE and len(reading.sentences) <= 2 and frame_in("goodbye_for_an_errand", reading.sentences):
            # "I'll say goodbye now, the dog wants out" read 0.77: a sign-off with the day's reason for going, no other
            # risk word (chat_heldout63, read: the card on an old man's goodbye after a talk about retiring)
            return Triage("none", None, f"{model_says}, but a goodbye for the day's errand", None, language)
        if not reading.risk_cue and reading.explained and reading.crisis < EXPLAINED_SURE and _medication_kept_to(reading):
            # "Her tablets are sorted at least, I do the dosette box every Sunday and she takes them with breakfast"
            # (a daughter caring for her mother, chat_heldout61, read, 0.69): medication taken as it should be, or
            # kept for someone in the person's care, is what care looks like, not means; a check there reads as
            # suspicion. A risk word no frame explains ("I've got all her tablets") is read as ever.
            return Triage("none", None, f"{model_says}, but medication kept to as it should be", None, language)
        if not reading.risk_cue and reading.explained and reading.crisis < EXPLAINED_SURE:
            # the model alone, in a message whose only risk words a frame explained (an exam on overdoses, a
            # bungee jump off a bridge, "mum's going to kill me when she sees the mess"): the frame that cancelled
            # the pattern makes the model's reading a possible misread too, met with a check-in that asks
            # directly, not the card that would then hold. A risk word no frame explains keeps the crisis.
            why = f"{model_says}, but a frame explained its risk words"
            return Triage("concern", reading.category, why, audience, language, "model", model_alone=True)
        if reading.history and reading.well_now and not reading.risk_again and (
            reading.crisis_beside_history < thresholds.mention_floor
        ):
            # "they're from when I used to cut at school. I'm 29 now and haven't done it since I was seventeen": a
            # past told as past, the person well now, nothing else in the message read as a crisis
            why = f"{model_says}, told as history"
            return Triage("concern", reading.category, why, audience, language, "model", told_as_history=True)
        if not reading.risk_cue and reading.category in ("medical_emergency", "eating_disorder") and _their_food_eaten(
            reading
        ):
            # "and he ate my halloumi. labelled halloumi." read 0.72 medical: a flatmate ate their food, no one is ill
            return Triage("none", None, f"{model_says}, but someone else ate their food", None, language)
        if not reading.risk_cue and frame_in("nothing_to_lose_trying", [" . ".join(reading.sentences)]):
            # "I'll try it so. Nothing to lose" read 0.82: a go given, not a life with nothing left (chat_heldout64, read)
            return Triage("none", None, f"{model_says}, but giving something a go", None, language)
        if not reading.risk_cue and frame_in("took_it_as_news", reading.sentences):
            # "apologised to the young fella too. he took it alright" read 0.95 as pills taken: how someone took an
            # apology or news, with no risk word (chat_heldout65, read: the card held a builder's goodbye)
            return Triage("none", None, f"{model_says}, but how someone took the news", None, language)
        if not reading.risk_cue and len(reading.sentences) == 1 and frame_in("goodnight_only", reading.sentences):
            # "gonna say goodnight" read 0.80, near "going to say goodbye": a bedtime sign-off and nothing else, no
            # risk word (chat_heldout29, read: it raised the card at the end of a talk about a dog put to sleep)
            return Triage("none", None, f"{model_says}, but only a goodnight", None, language)
        if not reading.risk_cue and reading.crisis_beside_good_news < thresholds.mention_floor:
            # "so i did it. i came out to my mum and dad" read 0.93 as danger at home, though neither sentence alone
            # reads as risk: good news told (a hard talk that went well, a test passed, coming out), with no risk
            # word and nothing else in the message read as a crisis, is met as good news, not with the card that
            # would then hold over "they were actually really supportive!!" (seen trying the chat, round 38)
            return Triage("none", None, f"{model_says}, but good news told", None, language)
        if not reading.risk_cue and _only_asks_about_haven(reading.sentences):
            # "Wait, what exactly is Haven? Are you AI? Who made you?" read 0.92: nothing but questions about Haven
            # itself, which the chat answers (chat_heldout31, read: the card then held the rest of the conversation)
            return Triage("none", None, f"{model_says}, but only questions about Haven", None, language)
        if _baby_asleep_on_them(reading):
            # "he's asleep on my chest right now so i cant move anyway 😅" read 0.95 as danger at home: a newborn
            # napping on a parent, no risk word (chat_heldout49, read: the abuse card held the rest of her night)
            return Triage("none", None, f"{model_says}, but a baby asleep on them", None, language)
        if _asks_about_an_exercise(reading):
            # "So I breathe in for 4 and out for 6, how many times should I do it?" read 0.73: how many rounds of the
            # breathing just offered, no risk word (chat_heldout43, read: it was asked about eating)
            return Triage("none", None, f"{model_says}, but a question about an exercise", None, language)
        if _only_not_sure_why_here(reading):
            # "hola, ni sé por qué estoy escribiendo esto" read 0.79 through the English encoder: an opening that
            # says only that the person is not sure why they are writing, which in English reads none
            return Triage("none", None, f"{model_says}, but only not sure why they are writing", None, language)
        if _only_unsure_of_the_app(reading):
            return Triage("none", None, f"{model_says}, but only unsure they are using Haven right", None, language)
        if _a_suicide_loss_told(reading):
            why = f"{model_says}, but a death by suicide told as a loss"
            return Triage("concern", "suicide", why, "self", language, "model", model_alone=True, bereaved=True)
        if _grief_for_a_suicide(reading):
            # "i keep thinking i should have seen it coming" read 0.90 after a friend's suicide was told: the guilt of
            # grief with no risk word, met by the chat as grief, never the card that would hold over the memories
            return Triage("none", None, f"{model_says}, but grief told", None, language)
        if _asks_to_be_heard(reading):
            # "I think I just need to get it out, I don't want tips right now" read 0.66, just after a carer told of her
            # mother's dementia (chat_heldout43, read): asking to be listened to, with no risk word; the chat listens
            return Triage("none", None, f"{model_says}, but asking to be heard", None, language)
        if not reading.risk_cue and _only_asks_for_a_step(reading.sentences):
            # "maybe. what would the first step be?" read 0.81 in a talk about a tax return put off: a question for the
            # next step of what is being talked about, with no risk word; in a conversation where risk is open, the
            # conversation's state still reads it with what came before (seen trying the chat, round 40)
            return Triage("none", None, f"{model_says}, but only a question for the next step", None, language)
        told = next(
            (f for f in ("arranging_a_funeral", "care_home", "temper") if frame_in(f, reading.sentences)), None
        )
        if not reading.risk_cue and told:
            # "The undertaker needs the coffin chosen by Friday, and I've got to write the eulogy" (0.96), "someone who
            # won't tell me to put her in a home" (0.96, a carer of a mother with dementia): someone else's funeral or
            # care, with no risk word; a check-in that asks, not the card that would then hold. So too a temper told
            # as losing it ("some bloke cuts me off and i lose it", 0.91, chat_heldout42, read)
            why = f"{model_says}, but {told.replace('_', ' ')}"
            return Triage("concern", reading.category, why, audience, language, "model", model_alone=True)
        if not reading.risk_cue and looks_ordinary(reading.neighbour_crises) and _asks_about_a_score(reading):
            # "So it says my score is 13. What does that mean? Am I sick?": a question about a check-up, nothing
            # like it among the labelled crises, no risk word; the chat answers it from the check-up's bands
            return Triage("none", None, f"{model_says}, but a question about a check-up score", None, language)
        if (
            not reading.risk_cue
            and looks_ordinary(reading.neighbour_crises)
            and nothing_near_was_risk(reading.neighbour_risk)
        ):
            # the model alone, and nothing near it carried risk at all, labelled or in the conversations read ("Maybe 3
            # or 4 hours. Then I wake up by 1pm and my head is heavy", a night nurse's sleep, 0.70): everyday talk the
            # learned layer misread, answered by the chat (two-fold by set on the read sets: no turn wanting help lost)
            why = f"{model_says}, but nothing near it, labelled or read, carried risk"
            return Triage("none", None, why, None, language, OVERRULED)
        if not reading.risk_cue and looks_ordinary(reading.neighbour_crises):
            # the model alone, and nothing said like this among the labelled messages was a crisis: a possible
            # misread, met with a check-in that asks directly rather than the card that would then hold
            why = f"{model_says}, but {reading.neighbour_crises:.0%} of the nearest labelled messages are crises"
            return Triage("concern", reading.category, why, audience, language, "model", model_alone=True)
        why = f'{model_says}: "{reading.window[:120]}"'
        sure = reading.crisis >= EXPLAINED_SURE
        return Triage(
            "crisis", reading.category, why, audience, language, "model", model_alone=not reading.risk_cue, sure=sure
        )
    # nothing near it, labelled or read, carried risk ("ok maybe the breathing one. he's asleep on my chest")
    overruled = reading.risk >= thresholds.concern and not reading.risk_cue and nothing_near_was_risk(reading.neighbour_risk)
    model_concern = (
        reading.risk >= thresholds.concern
        and not overruled
        and not _psychosis_without_its_words(reading)
        and not _someone_elses_eating(reading)
        and not _a_pet_grieved(reading)
        and not _a_pastime_left(reading)
        and not _asks_to_be_heard(reading)
        and not _only_not_sure_why_here(reading)
        and not _only_unsure_of_the_app(reading)
        and not _grief_for_a_suicide(reading)
        and not _asks_about_an_exercise(reading)
        and not _baby_asleep_on_them(reading)
        and not _asks_about_therapy(reading)
        and not _asks_about_a_score(reading)
        and not _asks_where_words_go(reading)
    )
    if model_concern and _a_suicide_loss_told(reading):
        # asked about the person themselves, opening with the loss (never as a worry about "them")
        why = f"{model_says}, a death by suicide told as a loss"
        return Triage("concern", "suicide", why, "self", language, "model", model_alone=True, bereaved=True)
    if model_concern or lang_level == "concern":
        category = reading.category if model_concern else (lang.category or "suicide")
        why = model_says if model_concern else f"{language}: {lang.evidence}"
        source = "model" if model_concern else "language"
        alone = model_concern and not reading.risk_cue
        return Triage("concern", category, why, audience, language, source, model_alone=alone)
    if reading.denials and reading.risk_cue:
        # "I'm not suicidal, I just..." with a risk word left over: a denial lowers, it never erases
        return Triage("concern", reading.category or "suicide", "denied, with risk words: " + "; ".join(reading.denials), audience, language)
    if reading.denials:
        return Triage("none", None, "denied: " + "; ".join(reading.denials), None, language)
    if overruled and lang_level == "none":
        why = f"{model_says}, but nothing near it, labelled or read, carried risk"
        return Triage("none", None, why, None, language, OVERRULED)
    return Triage("none", None, "", None, language)


@dataclass(frozen=True)
class _Fallback:
    crisis: float = 0.5
    concern: float = 0.35
    mention_floor: float = 0.0
    crisis_with_cue: float = 0.5


def _thresholds():
    from haven.safety.classifier import current_model

    try:
        return current_model().thresholds
    except Exception:
        return _Fallback()


def read_message(text: str | None) -> Triage:
    """Triage one message on its own words: no conversation state."""
    if text is None or not text.strip():
        return NONE_EMPTY
    return decide(read(text))


def triage(text: str | None, context: Sequence[str] | None = None) -> Triage:
    """Triage a person's text (chat message, journal entry, exercise answer, PHQ-9 item 9).

    ``context``: earlier messages of the same conversation, oldest first; Haven's own messages start with
    "haven:" (an exercise answer's context is the step's question; "haven exercise:" marks a step of grounding or
    box breathing in the chat, where "I don't want to do this anymore" stops the exercise). Without context the
    message is read alone.
    """
    if not context:
        return read_message(text)
    from haven.safety.conversation import assess, replay_with_step

    state, question, step = replay_with_step(context)
    return assess(text or "", state, question, step).triage

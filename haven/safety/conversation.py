"""Risk across a conversation: a crisis is not forgotten one turn later, and a misread can be corrected.

The state, kept with each conversation, moves like this:

    clear / concern --crisis--> crisis --"I'm safe"--> checking --"yes, I'm safe"--> clear
                                  |  \\__ anything else: the crisis response again (``held``), never an exercise
                                  \\__ "I'm not going to hurt anyone, I'm just annoyed" --> concern (a gentle check)

- While a crisis holds, every reply comes from the crisis response, whatever the person writes; a question
  about means ("how many would be enough?") is recognised so the reply can decline it kindly.
- "I'm safe" is checked once more before Haven goes back to ordinary conversation.
- A correction steps down to ``concern``, never to the same card again, and only when the rest of the message
  holds no risk of its own ("I'm not suicidal. I just have the rope in the garage" stays a crisis).
- An answer is read with the question it answers: "yes" (or "not sure") to "are you thinking about ending
  your life?" is a crisis, and so is "no" (or "I don't know") to "are you safe right now?"; "Starting tonight"
  to "Which change will you try first?" is not.
- After an overdose or in an emergency, "I feel fine" is not safety: help has to be on its way or with them.
- After a concern, a next message that brings risk words, means or a time of its own is also read together
  with the last few, so risk spread over several short messages is seen as a whole; a plain reply is not,
  so one misread never grows into a crisis by re-reading its own words.

The phrases live in ``conversation.yaml``; this module holds the moves. It is used by the chat service (with
the state stored per conversation) and by ``triage(text, context)`` (with the state replayed from context).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from haven.safety.languages import detect_language
from haven.safety.patterns import model_sentences
from haven.safety.triage import Triage, most_urgent, read_message, worse
from haven.yaml_files import read_yaml

CONVERSATION_FILE = Path(__file__).with_name("conversation.yaml")
HAVEN_PREFIXES = ("haven:", "assistant:", "bot:", "haven exercise:")
#: Haven's words that are a step of an exercise in the chat (grounding, box breathing), in a triage context.
EXERCISE_PREFIX = "haven exercise:"
#: Earlier person messages read together with a message that follows a concern.
RECENT_MESSAGES = 3
#: How many messages after a concern (or after a crisis ends) are still read together with the ones before.
WATCH = 3

StateLevel = Literal["clear", "concern", "crisis", "checking"]
ReplyKind = Literal["normal", "concern", "crisis", "held", "check", "back", "step_down"]


@dataclass(frozen=True)
class RiskState:
    """Where a conversation stands on risk. Stored with the conversation as a plain dict."""

    level: StateLevel = "clear"
    category: str | None = None
    audience: str | None = None
    held: int = 0  # replies given while this crisis held
    recent: tuple[str, ...] = field(default=())  # the last few person messages, for reading them together
    watch: int = 0  # messages still read together with the ones before, after a concern or a crisis ended
    corrected: str | None = None  # the category the person said was a misread, remembered while ``watch`` lasts
    #: what raised the crisis that holds: "pattern", "model", "language", "answer"; while a watch lasts after the
    #: learned layer alone was asked about ("asked") or carried past ("carried_on"), that instead
    source: str | None = None
    history: bool = False  # the crisis was raised by a past attempt told as history (triage's told_as_history)
    #: the crisis was raised by the learned layer alone, with no risk word, and nothing said since has brought risk
    #: words or a pattern's reading: the person saying it was a misread is then asked once more, not held
    model_alone: bool = False
    #: the crisis was raised by the learned layer's reading (no pattern, below its sure level), perhaps beside a risk
    #: word, and nothing said since has brought risk: the person carrying on with their own story is asked once
    #: (``_carried_on``). "I've locked myself in the cellar" read 0.97, and "he's banging on the hatch" is no story.
    model_read: bool = False

    @property
    def holds_crisis(self) -> bool:
        return self.level in ("crisis", "checking")

    def to_dict(self) -> dict:
        return asdict(self)

    def carried_over(self) -> RiskState | None:
        """What a new conversation starts with when this one ended while a crisis held: Haven's first words
        ask whether the person is safe now, so the state is "checking" (a clear yes goes back to ordinary
        talk; anything else keeps the crisis). None when nothing is held."""
        if not self.holds_crisis:
            return None
        return RiskState(
            "checking", self.category, self.audience, self.held, source=self.source, model_read=self.model_read
        )

    @classmethod
    def from_dict(cls, data: dict | None) -> RiskState:
        """A stored state; anything unreadable is treated as clear rather than blocking the chat."""
        if not data:
            return cls()
        try:
            return cls(
                level=data.get("level", "clear"),
                category=data.get("category"),
                audience=data.get("audience"),
                held=int(data.get("held", 0)),
                recent=tuple(data.get("recent", ()))[-RECENT_MESSAGES:],
                watch=int(data.get("watch", 0)),
                corrected=data.get("corrected"),
                source=data.get("source"),
                history=bool(data.get("history", False)),
                model_alone=bool(data.get("model_alone", False)),
                model_read=bool(data.get("model_read", False)),
            )
        except (TypeError, ValueError):
            return cls()


@dataclass(frozen=True)
class Assessment:
    """One message read in its conversation: its triage, the state after it, and the kind of reply it needs."""

    triage: Triage
    state: RiskState
    reply: ReplyKind
    asked_for_means: bool = False
    #: a "check" the learned reader of safe claims heard, not the phrases: asked without "I'm glad", lines kept
    tentative: bool = False
    #: a "check" after the person said the crisis card misread them (``_misread_told``): sorry, lines kept
    misread: bool = False
    #: a "check" after the person carried on with their own story past the card (``_carried_on``): lines kept
    carried_on: bool = False
    #: a "concern" right after another: the check-in is asked once more in other words, not repeated
    again: bool = False
    #: "held": the person said a plain no to "are you safe right now?", or said in words they are not safe: the
    #: emergency number first
    not_safe: bool = False
    #: "held": the person said they will reach a line or someone now ("ok i'll text them"): the step met
    reaching_out: bool = False


@dataclass(frozen=True)
class _Phrases:
    risk_question: re.Pattern[str]
    safety_question: re.Pattern[str]
    answer_yes: re.Pattern[str]
    answer_no: re.Pattern[str]
    not_now: re.Pattern[str]
    unsure: re.Pattern[str]
    firm_yes: re.Pattern[str]
    safe_feeling: re.Pattern[str]
    help_sought: re.Pattern[str]
    help_arrived: re.Pattern[str]
    help_before: re.Pattern[str]
    means_at_hand: re.Pattern[str]
    affairs_in_order: re.Pattern[str]
    reaching_out: re.Pattern[str]
    not_safe: re.Pattern[str]
    not_acting: re.Pattern[str]
    doubts_safety: re.Pattern[str]
    not_safety: re.Pattern[str]
    fine_said_again: re.Pattern[str]
    brushed_off: re.Pattern[str]
    away_from_harm: re.Pattern[str]
    correction: re.Pattern[str]
    laughed_off: re.Pattern[str]
    misread: re.Pattern[str]
    weary: re.Pattern[str]
    joke_only: re.Pattern[str]
    unsaid: re.Pattern[str]
    stop_exercise: re.Pattern[str]
    step_answer: re.Pattern[str]
    coping_step: re.Pattern[str]
    offered: re.Pattern[str]
    turned_down: re.Pattern[str]
    means: re.Pattern[str]
    no_then_safe: re.Pattern[str]
    no_then_fine: re.Pattern[str]
    still_risky: re.Pattern[str]
    timing: re.Pattern[str]
    turned_away: re.Pattern[str]
    hurt_named: re.Pattern[str]


@lru_cache(maxsize=1)
def _phrases(path: Path = CONVERSATION_FILE) -> _Phrases:
    data = read_yaml(path)
    return _Phrases(**{name: re.compile(_alternatives(data[name])) for name in _Phrases.__dataclass_fields__})


def _alternatives(phrase: str | list[str]) -> str:
    """A phrase written as one expression, or as a list of shapes (one per line, each with its own comment),
    read as alternatives."""
    return phrase if isinstance(phrase, str) else "|".join(f"(?:{shape})" for shape in phrase)


def _plain(text: str | None) -> str:
    return " ".join(model_sentences(text or ""))


def is_haven(message: str) -> bool:
    return message.strip().lower().startswith(HAVEN_PREFIXES)


def _strip_speaker(message: str) -> str:
    return message.split(":", 1)[1].strip() if is_haven(message) else message


@dataclass(frozen=True)
class _Answer:
    """What a message says back to Haven's last question, if it asked one."""

    risk_question: bool  # Haven asked about thoughts of suicide or harm
    safety_question: bool  # Haven asked whether the person (or someone) is safe
    yes: bool
    no: bool
    unsure: bool
    firm_yes: bool

    @property
    def risk_admitted(self) -> bool:
        """Yes, or not sure, to "are you thinking about ending your life?"."""
        return self.risk_question and not self.safety_question and (self.yes or self.unsure) and not self.no

    @property
    def unsafe(self) -> bool:
        """No, or not sure, to "are you safe right now?"."""
        return self.safety_question and (self.no or self.unsure) and not self.firm_yes

    @property
    def safe(self) -> bool:
        return self.safety_question and self.firm_yes and not self.unsure and not self.no


_QUESTION_SENTENCE = re.compile(r"[^.!?\n]*\?")


def _asked(question: str | None) -> str:
    """What Haven asked: the sentences of its last words that end in a question mark (all of them when none do).

    Haven's step-down says what it had feared before asking "How are you doing right now?"; an answer to that
    question must not be read as an answer to the fear it named ("I was worried you might need medical help")."""
    asked = " ".join(_QUESTION_SENTENCE.findall(question or ""))
    return _plain(asked or question)


def _answer(words: str, question: str | None, phrases: _Phrases, checking: bool = False) -> _Answer:
    """``checking``: Haven's own check once more, after the person said they were safe."""
    asked = _asked(question)
    waved_off = phrases.no_then_safe.search(words) or (checking and phrases.no_then_fine.search(words))
    safe_asked = bool(question) and bool(phrases.safety_question.search(asked))
    return _Answer(
        risk_question=bool(question) and bool(phrases.risk_question.search(asked)),
        safety_question=safe_asked,
        yes=bool(phrases.answer_yes.search(words)),
        # "No, honestly, don't worry, I'm safe now" (and, at the check once more, "nah I'm good thanks"): the no
        # waves the worry away; doubt beside it keeps it a no
        no=(
            bool(phrases.answer_no.search(words) or (safe_asked and phrases.not_now.search(words)))
            and not (waved_off and not phrases.doubts_safety.search(words))
        ),
        unsure=bool(phrases.unsure.search(words)),
        firm_yes=bool(phrases.firm_yes.search(words)),
    )


#: What Haven's own check-in question was about, for the category of a "yes" or a "no" to it.
_QUESTION_CATEGORIES = (
    (re.compile(r"\bat home\b"), "danger_at_home"),
    (re.compile(r"\bhurt (?:someone|anyone)|anyone (?:is )?in danger\b"), "harm_to_others"),
    (re.compile(r"\btaken something|medical help\b"), "medical_emergency"),
    (re.compile(r"\bhearing or seeing\b"), "psychosis"),
)


def _question_category(question: str | None) -> str | None:
    asked = _asked(question)
    return next((category for pattern, category in _QUESTION_CATEGORIES if pattern.search(asked)), None)


def _remember(state: RiskState, text: str) -> tuple[str, ...]:
    return (*state.recent, text)[-RECENT_MESSAGES:]


def _rest(words: str, *patterns: re.Pattern[str]) -> str:
    for pattern in patterns:
        words = pattern.sub(" ", words)
    return " ".join(words.split())


def _still_risky(rest: str, model: bool = True) -> bool:
    """Whether what is left of a message, once its safety or correction words are taken out, holds risk.

    Denials are masked first ("I was joking, I'm not suicidal" leaves nothing); then a crisis reading, or
    means or a plan named (``still_risky``), keeps the crisis ("...I've got them all counted out").
    """
    from haven.safety.patterns import DENIED, prepare

    sentences = [" ".join(s.replace(DENIED.strip(), " ").split()) for s in prepare(rest).sentences]
    rest = " . ".join(s for s in sentences if s)
    if len(rest.split()) < 2:
        return False
    # a means word a frame in the same words explains is no means at hand: "not like THAT, i'm a prep cook ... their
    # knives are scary sharp" (risk_conversations_heldout46, read) held the card over the rest of a kitchen story
    phrases = _phrases()
    means = phrases.still_risky.search(rest) and _unexplained_risk_word(rest, phrases, _explained(rest))
    return bool(means) or (model and read_message(rest).is_crisis)


def assess(
    text: str, state: RiskState | None = None, question: str | None = None, exercise_step: bool = False
) -> Assessment:
    """Read one message given the conversation's state and the question it answers (Haven's last words).

    ``exercise_step``: the question is a step of grounding or box breathing running in the chat, so words
    that stop the exercise are read as stopping it (never while a crisis holds)."""
    state = state or RiskState()
    phrases = _phrases()
    words = _plain(text)
    alone = read_message(text)
    recent = _remember(state, text)
    answer = _answer(words, question, phrases, checking=state.level == "checking")
    if answer.unsure and _a_hedge_in_a_story(words, state, alone, phrases):
        answer = replace(answer, unsure=False)
    if state.holds_crisis:
        return _while_crisis(words, state, alone, recent, answer, phrases, asks="?" in text)
    if exercise_step and question and alone.is_risk and _stops_exercise(words, phrases):
        verdict = Triage("none", None, "stopping the exercise in the chat: " + words[:120])
        return Assessment(verdict, _calm(state, recent), "normal")
    if exercise_step and question and _answered_the_step(text, words, state, alone, phrases):
        # "held it. now out" to box breathing's "Hold for 4" read alone is a crisis (the learned layer says 0.95):
        # said to the step, in the step's words, it is the breathing
        verdict = Triage("none", None, "an answer to the exercise step in the chat; read alone: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    if exercise_step and question and _concern_at_a_step(words, _plain(question), state, alone, phrases):
        # "what would I tell a friend? probably that everyone gets stuck sometimes", to the thought check's "what would
        # you say to a friend who had this thought?": the learned layer read a worried friend (0.74 risk)
        verdict = Triage("none", None, "an answer to the exercise step in the chat; read alone: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    corrects = bool(phrases.correction.search(words))
    if corrects and state.level == "concern" and not _still_risky(_rest(words, phrases.correction)):
        category = state.category or alone.category
        verdict = Triage("concern", category, "the person corrected a misread: " + words[:120], state.audience)
        return Assessment(verdict, RiskState("clear", watch=WATCH, corrected=category), "step_down")
    if answer.risk_admitted and _yes_to_another_question(words, state, alone, phrases):
        # "Yes we talked this morning, he said he understands. We are fine", to "are you thinking about ending your
        # life?" that the learned layer's reading alone raised over a new mother's row about a bottle steriliser
        # (chat_heldout48, read): the card then held her talk about his fat cheeks. Asked once more, plainly, with
        # the lines kept; a yes to that, or risk said, is the card
        category = _question_category(question) or state.category or "suicide"
        checking = RiskState(
            "checking", category, state.audience or "self", 0, recent, source=ASKED, model_alone=True, model_read=True
        )
        verdict = Triage("concern", category, "a yes with a story of its own after a check-in: " + words[:120])
        return Assessment(verdict, checking, "check", tentative=True)
    if ((answer.risk_admitted and not _told_as_past(words)) or answer.unsafe) and not alone.is_crisis:
        category = _question_category(question) or state.category or alone.category or "suicide"
        why = "yes to Haven's check-in question" if answer.risk_admitted else "not sure they are safe"
        verdict = Triage("crisis", category, why, state.audience or "self")
        return Assessment(
            verdict, RiskState("crisis", category, verdict.audience, 0, recent, source="answer"), "crisis"
        )
    if _clear_no(answer) and (alone.level == "concern" or (alone.is_crisis and alone.model_alone)):
        # a clear "no" to Haven's own check-in: asking the same question again would not listen, and it outweighs a
        # learned-only reading with no risk word ("no, nothing like that now, I just wanted you to know"); patterns
        # and risk words still raise it, and the next few messages are still read together with this one
        verdict = Triage("none", None, "a clear no to Haven's check-in question: " + alone.evidence)
        return Assessment(verdict, RiskState("clear", recent=recent, watch=WATCH), "normal")
    if alone.is_crisis and _same_misread(alone, state, words):
        # the person said a moment ago that this kind of reading was a misread ("that's not what I meant"); the
        # learned layer reading the same again is checked gently, not answered with the card they just corrected
        verdict = replace(alone, level="concern", evidence="after the person's correction: " + alone.evidence)
        return Assessment(
            verdict,
            RiskState("concern", alone.category, alone.audience, 0, recent, WATCH, state.corrected),
            "concern",
        )
    step = _said_of_a_coping_step(words, state, question, alone, phrases)
    if step:
        # "thanks, that's really helpful. I'll do it again tonight" after box breathing helped: "it" is the exercise
        verdict = Triage("none", None, f'"it" is {step}, said just before; read so: ' + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    if _turned_down_an_offer(words, state, question, alone, phrases):
        # "not tonight, I'm wiped" to "Would you like to try box breathing now?": a no thanks, read without it
        verdict = Triage("none", None, "turned down what Haven offered; read without that: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    framed = _framed_just_before(text, state, alone, phrases)
    if framed is not None:
        # "had to bait the whole roof space, that poison is nasty stuff" after "three houses with rats and one with a
        # wasp nest": the job said a message before explains the poison; a check-in that asks, not the card that holds
        concern = RiskState("concern", framed.category, framed.audience, 0, recent, WATCH, state.corrected)
        return Assessment(framed, concern, "concern")
    if _breath_in_a_panic_told_just_before(words, state, alone):
        # "i can't breathe properly", the message after "i'm in the supermarket and i think i'm having a panic
        # attack": the panic's own breathing, read with the panic it follows; the chat stays with the steps for the
        # moment and the library's line on getting urgent help if it may not be panic (it got the poison line)
        verdict = Triage("none", None, "breathing hard in a panic told a message before: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    if alone.is_crisis and _help_with_them_just_after(words, state, alone, phrases):
        # "Aoife's here with me, she's staying the night and she's put my tablets in her car", just after "I'm safe
        # now, I'm home" ended a crisis: the learned layer read the tablets (0.99) and the card came back
        # (risk_conversations_heldout52, read). Help with them is the safety already said; the watch goes on
        verdict = Triage("none", None, "help with them, just after a crisis ended; read alone: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    if alone.is_risk and _easing_in_a_panic(words, state, alone, phrases):
        # "ok now is better. 2 more stops", two messages after "i am on the tube now and my heart is going very
        # fast, i think it is panic again" (chat_heldout48, read): the learned layer alone read 0.70, and the
        # check-in asked about ending their life in the middle of the breathing. Easing, said as it comes
        verdict = Triage("none", None, "easing, in a panic told just before; read alone: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    if alone.is_risk and _missing_a_pet_told_before(words, state, alone):
        # "The house is so quiet. I keep expecting her at the door when I come in", two messages after "We had our old
        # dog Biscuit put to sleep at the vet on Friday" (chat_heldout65, read: the learned layer alone read 0.88 as
        # harm to others, and asked whether she might hurt someone): missing a pet, told as grief
        verdict = Triage("none", None, "missing a pet whose death was told just before; read alone: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    again = _again_after_carrying_on(words, state, alone, phrases)
    unsupported = again or _unsupported_first_reading(text, words, state, alone, phrases)
    if alone.is_crisis and not answer.unsafe and unsupported:
        # "...when I said something she rolled her eyes and slammed her door in my face", two messages into a story
        # about a flatmate: the learned layer read danger at home (0.79) and no word of risk backs it. Asked about
        # (the check-in with the lines), not assumed: the card would have answered every message after it
        verdict = replace(alone, level="concern", evidence="asked, not assumed: " + alone.evidence)
        # the watch remembers that the learned layer alone was asked about: if the person goes on past the check-in,
        # its next unsupported reading is asked about again, not carded (:func:`_again_after_carrying_on`)
        source = CARRIED_ON if again else ASKED
        concern = RiskState("concern", alone.category, alone.audience, 0, recent, WATCH, state.corrected, source=source)
        return Assessment(verdict, concern, "concern", again=state.level == "concern")
    if alone.is_crisis:
        if _a_foreign_guess_after_words(alone, state):
            # "ce matin je me suis évanouie dans la douche et là mon coeur bat super vite", a message after "ça fait 4
            # jours que je mange presque rien" set an eating concern in words: the learned layer, reading French
            # through an English encoder, guessed harm to others and the card gave its lines (risk_conversations_
            # heldout59, read). Its guess at a category does not move one words set (as while a crisis holds)
            alone = replace(alone, category=state.category, source=state.source)
        crisis = RiskState(
            "crisis",
            alone.category,
            alone.audience,
            0,
            recent,
            source=alone.source,
            history=alone.told_as_history,
            model_alone=alone.model_alone,
            model_read=alone.source == "model" and not (alone.sure or alone.told_as_history),
        )
        return Assessment(alone, crisis, "crisis")
    watching = state.level == "concern" or state.watch > 0
    read_on = watching and not answer.no and not corrects and len(recent) > 1 and _a_fragment(words)
    explained = _explained(text) if read_on else frozenset()
    if read_on and _adds_risk(words, alone, phrases, explained):
        together = read_message(" . ".join(recent))
        if together.is_risk and _unexplained_risk_word(words, phrases, explained) and not together.is_crisis:
            # "I just want to disappear for a while" ... "like for good": the new words carry the risk
            together = replace(together, level="crisis", evidence=f'"{words[:60]}" after a concern')
        # just after a misread was corrected, the learned layer reading the next messages together ("my palms are
        # sweating just thinking about it", "any tips for not chickening out on the platform?", after "it's a bungee
        # jump", 0.77, risk_conversations_heldout48, read) needs a risk word of the new message's own to be a crisis
        model_only = together.source == "model" and not _risk_words(words, phrases, explained)
        if together.is_crisis and not _same_misread(together, state, words) and not (state.corrected and model_only):
            verdict = replace(together, evidence="read with the messages before it: " + together.evidence)
            crisis = RiskState("crisis", verdict.category, verdict.audience, 0, recent, source=together.source)
            return Assessment(verdict, crisis, "crisis")
    if alone.level == "concern" and _asked_just_now(words, state, alone, phrases):
        verdict = Triage("none", None, "checked in a moment ago; the learned layer alone again: " + alone.evidence)
        return Assessment(verdict, _calm(state, recent), "normal")
    if alone.level == "concern":
        concern = RiskState(
            "concern",
            alone.category,
            alone.audience,
            0,
            recent,
            WATCH,
            state.corrected,
            source=alone.source,
            model_alone=alone.model_alone,
        )
        return Assessment(alone, concern, "concern", again=state.level == "concern")
    return Assessment(alone, _calm(state, recent), "normal")


def _read_in_another_language(alone: Triage) -> bool:
    """Whether the learned layer decided a message in a language other than English: it reads through an English
    encoder, so its guess at a category there is weak."""
    return alone.source == "model" and alone.language not in (None, "en")


def _a_foreign_guess_after_words(alone: Triage, state: RiskState) -> bool:
    """Whether a crisis the learned layer alone raised, in a language other than English, follows a check-in whose
    category words set (a pattern or a curated phrase): its guess at a category is then no reason to move it."""
    set_by_words = state.level == "concern" and state.source in ("pattern", "language") and bool(state.category)
    return _read_in_another_language(alone) and set_by_words


#: A hedge that qualifies a statement of its own ("maybe that is the problem", "maybe they're just a rubbish driver"),
#: not a "maybe" said to Haven's question; or one that softens how something went or felt ("kitchen done!! wrapped all
#: the glasses in nan's old tea towels, felt kinda nice", after a check-in the learned layer raised over a moving plan
#: in a grief talk: chat_heldout66, read, where "kinda" was read as not sure and the card held the rest).
_HEDGED_STATEMENT = re.compile(
    r"\b(?:maybe|probably|perhaps|i guess|i think) (?:that|thats|it|its|this|they|theyre|he|hes|she|shes|the|my|we|you)"
    r"\b(?: \w+){2,}|"
    r"\b(?:felt|feels|was|is|its|went|looks|looked|seemed|sounds) (?:kinda|kind of|sort of|sorta|quite|pretty|a bit) "
    r"(?:nice|good|great|lovely|fun|funny|ok|okay|alright|fine|well|calm\w*|peaceful|satisfying|productive|easy|easier|"
    r"useful|helpful|weird|strange|odd|normal|silly|cosy|cozy|sweet|emotional|special|cathartic|therapeutic)\b"
)
#: The fewest words a message with a hedge of its own has: "maybe" with a few words is an answer ("maybe a bit")
HEDGED_STORY_WORDS = 8


def _a_hedge_in_a_story(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether the "maybe" of a message after a check-in that the learned layer raised (no pattern, no risk word
    said as risk) qualifies a statement of the person's own story, so it is no unsure answer to the check-in.

    Why: "I usually scroll my phone until I drop off, maybe that is the problem", a night nurse after a check-in the
    learned layer raised over a generator and the sun through the curtains, was read as "not sure" to "are you
    hearing or seeing things that frighten you?", and the card held the rest of her sleep talk; so did a driver's
    "what, like thinking maybe they're just a rubbish driver not doing it at me?" (chat_heldout51, read). Only with
    no yes or no, enough words, nothing read as risk on its own, and no risk word unexplained."""
    if state.level != "concern" or state.source not in (ASKED, CARRIED_ON, "model") or state.corrected:
        return False
    if alone.is_risk or len(words.split()) < HEDGED_STORY_WORDS:
        return False
    if phrases.answer_yes.search(words) or phrases.answer_no.search(words) or phrases.doubts_safety.search(words):
        return False
    if not _HEDGED_STATEMENT.search(words):
        return False
    return not (_risk_words(words, phrases, _explained(words)) or _still_risky(words))


def _yes_to_another_question(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether a plain "yes" to a check-in only the learned layer raised (no word of risk from the person) goes on
    with a story of its own that reads as no risk: four words or more after the yes, none of them risk words,
    thoughts kept or time ("yes, I think about it every day" is a yes). People answer the question they heard, and
    a check-in about suicide, put to someone who never spoke of it, is heard as something else."""
    learned_alone = state.source in (ASKED, CARRIED_ON) or (state.source == "model" and state.model_alone)
    if not (state.level == "concern" and learned_alone and not state.corrected) or alone.is_risk:
        return False
    said = phrases.answer_yes.match(words)
    if said is None:
        return False
    rest = words[said.end():].strip()
    thinking = _STILL_THINKING.search(_FEELING_BETTER.sub(" ", rest))
    if len(rest.split()) < YES_STORY_WORDS or thinking or phrases.unsure.search(words):
        return False
    # a time said is the story's own ("we talked this morning"); a time to come is in _STILL_THINKING
    return not (_risk_words(rest, phrases, _explained(rest), times=False) or _still_risky(rest))


#: Feeling better, said after a "yes": no thought or feeling of risk kept ("Yes. Feeling little better after telling", of a
#: manager who took credit for his work, after a check-in the learned layer alone raised: chat_heldout64, read, where
#: "feeling" read as the thoughts kept and the card held his talk about "I" statements)
_FEELING_BETTER = re.compile(
    r"\b(?:feel|feeling|felt)(?: (?:a|a bit|bit|a little|little|a lot|lot|much|way|so much))? (?:better|calmer|lighter|"
    r"relieved|less \w+)\b"
)
#: Words after a "yes" that a story of its own has (fewer is the yes itself: "yes. every day")
YES_STORY_WORDS = 4
#: A yes that goes on with the thoughts or how often they come: a yes
_STILL_THINKING = re.compile(
    r"\b(?:think|thinking|thought|thoughts|feel|feeling|felt|want|wanted|wish|urges?)\b|"
    r"\b(?:sometimes|often|every (?:day|night)|all the time|a lot|lately|recently|constantly|again)\b|"
    r"\b(?:going to|gonna|plan\w*|tonight|tomorrow|this weekend|soon|do it|end it|decided)\b|"
    # "yes, I have been having them for a while", "yes, they would manage fine": the thoughts, or life without them
    r"\b(?:having|had|have|get|getting|got) (?:them|these|those)\b|"
    r"\bfor (?:a while|weeks|months|years|ages|a long time)\b|"
    r"\b(?:would|will|could|d|wd) (?:be|manage|cope|do|get on) (?:fine|better|ok|okay|alright|well)\b|"
    r"\bwithout me\b|\bbetter off\b"
)


def _framed_just_before(text: str, state: RiskState, alone: Triage, phrases: _Phrases) -> Triage | None:
    """The learned layer's crisis read again with the person's message just before it as the frame of its risk
    words (a job, a garden, a game said a turn earlier), when that makes it the check-in a frame in the same message
    would (triage's ``explained``); None otherwise. Only for the first risk of a calm conversation read by the learned
    layer alone, and only with a message before that holds no risk words of its own: the frame explains words, it
    never lowers a pattern's reading, a sure reading of the learned layer, or words said with a wish, an intent or
    means beside them (``intent_beside_frame``)."""
    from haven.safety.triage import decide, read

    if not (alone.is_crisis and _the_models_first_risk(alone, state)) or not state.recent:
        return None
    before = state.recent[-1]
    # risk words the message before explains itself are the frame at work ("this boss in elden ring has killed me
    # like 60 times", then "he does the grab and just one-shots me", read 0.73 as harm to others, heldout56, read)
    if _risk_words(_plain(before), phrases, _explained(_plain(before))):
        return None
    again = decide(read(text, before=(before,)))
    if again.level != "concern":
        return None
    return replace(again, evidence="a frame in the message before explained its risk words; " + again.evidence)


def _missing_a_pet_told_before(words: str, state: RiskState, alone: Triage) -> bool:
    """Whether a reading of the learned layer alone (no risk word, no pattern) comes in a calm conversation in which
    a pet's death was told a few messages before, with no wish or intent in the message itself ("I want to be with
    her now" keeps its reading)."""
    from haven.safety.patterns import frame_in, load_pattern_book, prepare

    if not alone.model_alone or alone.source != "model" or state.level != "clear" or state.watch:
        return False
    if load_pattern_book().intent_beside_frame.search(words):
        return False
    return any(frame_in("pet_died", prepare(message).sentences) for message in state.recent[-RECENT_MESSAGES:])


def _breath_in_a_panic_told_just_before(words: str, state: RiskState, alone: Triage) -> bool:
    """Whether a crisis read only from "can't breathe" follows, in a calm conversation, a message that told a panic
    attack happening now, with nothing taken, swollen or turning blue said (``breath_in_panic``). "i took some pills
    and i can't breathe", or "my lips are going blue", keep the card."""
    from haven.safety.patterns import frame_in, match, prepare

    if not (alone.is_crisis and alone.source == "pattern" and alone.category == "medical_emergency"):
        return False
    if state.level != "clear" or not state.recent or not frame_in("panic_now", prepare(state.recent[-1]).sentences):
        return False
    said = prepare(words)
    only_breath = {hit.pattern.id for hit in match(said)} == {"cant_breathe"}  # the patterns' own hits, not their evidence text
    return only_breath and frame_in("breath_in_panic", said.sentences)


def _easing_in_a_panic(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether the learned layer alone (no risk word) reads risk in a message that says a panic is easing ("ok now
    is better", "its passing", "bit calmer now"), within three messages of one that told a panic happening now, in
    a calm conversation. Risk words, means or a pattern's reading keep it."""
    from haven.safety.patterns import frame_in, prepare

    if not (alone.source == "model" and alone.model_alone and state.level == "clear" and state.recent):
        return False
    panic_told = any(
        frame_in("panic_now", told) or frame_in("racing_heart", told)
        for told in (prepare(said).sentences for said in state.recent)
    )
    return panic_told and bool(_EASING.search(words)) and not _risk_words(words, phrases, _explained(words))


#: A panic easing, said as it comes
_EASING = re.compile(
    r"\b(?:better|calmer|calming|passing|passed|easing|eased|settl\w*|slowing|slowed|helped|helping|"
    r"(?:ok|okay|alright) now)\b"
)


def _help_with_them_just_after(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether a message just after a crisis or a check-in ended (the watch runs, nothing corrected) tells help with
    the person (``help_sought``, ``help_arrived``: someone with them, means taken away by someone else) and nothing
    else of risk, and only the learned layer reads a crisis in it. A pattern's reading, means still at hand or not
    feeling safe keep the card."""
    if not (state.level == "clear" and state.watch > 0 and not state.corrected and alone.source == "model"):
        return False
    if not (phrases.help_sought.search(words) or phrases.help_arrived.search(words)):
        return False
    if phrases.not_safe.search(words) or phrases.doubts_safety.search(words):
        return False
    # the learned layer reads other languages through an English encoder: beside help told in the person's own
    # language ("Ella se llevó las pastillas a su casa y mañana me acompaña al centro de salud", 0.85, the friend
    # who came took the pills home; risk_conversations_heldout54, read), what is left is read for means, not by it
    english = alone.language in (None, "en")
    return not _still_risky(_rest(words, phrases.help_sought, phrases.help_arrived), model=english)


def _told_as_past(words: str) -> bool:
    """Whether a "yes" to Haven's question about thoughts of suicide goes on to place them in the past and say the
    person is well now ("yeah it's a long time ago. I'm in a good place now", after an attempt told as history): an
    agreement with what was said, not thoughts now. Anything that says they are back keeps the yes."""
    from haven.safety.patterns import frame_in, prepare

    sentences = prepare(words).sentences
    told = frame_in("told_as_history", sentences) or bool(_LONG_AGO.search(words))
    return told and frame_in("well_now", sentences) and not frame_in("risk_again", sentences)


#: "it's a long time ago", "that was ages ago": the past, as a reply says it.
_LONG_AGO = re.compile(r"\b(?:a long time ago|long time ago|ages ago|a long while ago|years back)\b")


def _the_models_first_risk(alone: Triage, state: RiskState) -> bool:
    """Whether the message is the first risk of a calm conversation, read by the learned layer alone (no pattern, no
    language's phrase; no concern, watch or correction so far): the only reading Haven's last words may explain
    away (a coping step "it" stands for, an offer turned down)."""
    return (
        alone.is_risk
        and alone.source == "model"
        and state.level == "clear"
        and not state.watch
        and not state.corrected
    )


def _again_after_carrying_on(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether the learned layer alone reads a crisis again (no pattern, no risk word, English), soon after the
    person carried on with their story past a card it alone had raised and the check after it, or past a check-in
    that asked about its unsupported reading (with at least one ordinary message since).

    Why: the person has twice gone on with what they came to say; the same layer's next unsupported reading ("Ah. I
    did not know it stays in the body that long", a night nurse told how long caffeine lasts, 0.9, chat_heldout45,
    read) is asked about with the check-in, which asks directly and whose "yes" or "not sure" is a crisis, not
    answered with the card again. A pattern, a risk word or another language's phrase raises the card as ever."""
    model_asked = state.source == ASKED or (state.source == "model" and state.model_alone)
    past_the_check_in = model_asked and state.level == "clear"
    return (
        (state.source == CARRIED_ON or past_the_check_in)
        and state.watch > 0
        and alone.source == "model"
        and alone.model_alone
        and alone.language in (None, "en")
        and not _risk_words(words, phrases)
    )


def _unsupported_first_reading(text: str, words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether a crisis is the learned layer's reading alone, below its sure level, of a message with no risk word,
    means or time, as the first risk in a conversation that has been calm for at least one message: a reading
    nothing the person said backs, which is asked about with the check-in (concern), not answered with the card.

    Why: the card holds every reply after it until the person says they are safe, and people who were never in
    danger do not say that, they go on with their story; on the everyday conversations read so far (dev), 48 of
    the learned layer's first crises were of this kind and all were misreads, against 3 real crises, which are now
    read by words of their own (a stockpile of a named drug, a farewell's "this'll be the last one", a parent
    afraid of shaking a baby in Portuguese). The check-in still shows the help lines and asks; a "no" or "not
    really" to it, a risk word next, or the learned layer's crisis again on the next message raises the card.
    Never on a first message (a conversation opened with it is more likely meant), a past attempt told as
    history (its own path), a message one of whose sentences the learned layer is sure of read alone
    ("I'm going to take all of it and be done" at the end of a long message about the children), or a message in
    another language, where "no risk word" says nothing: the words are English ("Não como nada há quatro dias...
    ontem desmaiei no duche", risk_conversations_heldout27, read, is a crisis with none of them)."""
    first = _the_models_first_risk(alone, state) or _after_the_models_own_concern(alone, state)
    if not (first and state.recent and alone.model_alone and alone.language in (None, "en")):
        return False
    # a sure reading is asked about too when the conversation had been calm for a while (three ordinary messages
    # read before it): "There's a men's shed in the town alright, I've been meaning to go this long time" (0.96, no
    # risk word), five messages into a widower's talk about loneliness, held the card to his goodbye
    calm_for_a_while = len(state.recent) >= RECENT_MESSAGES and state.level == "clear" and not state.watch
    if (alone.sure and not calm_for_a_while) or alone.told_as_history or _risk_words(words, phrases):
        return False
    return not _a_sentence_sure(text) or _overruled_before(state)


def _overruled_before(state: RiskState) -> bool:
    """Whether the learned layer read risk in one of the last few messages and its neighbours overruled it (nothing
    near it, labelled or read, carried risk): it has misread this person's talk once already, so its next reading
    with no risk word is asked about, as after its own check-in (``_again_after_carrying_on``). The night nurse's
    sleep was answered, and then "Ah. I did not know it stays in the body that long" (0.95, of coffee) would have
    held the card over the rest of her talk (chat_heldout45, read)."""
    from haven.safety.triage import OVERRULED

    return any(read_message(message).source == OVERRULED for message in state.recent)


def _after_the_models_own_concern(alone: Triage, state: RiskState) -> bool:
    """Whether the message follows, within the watch, a check-in that the learned layer's own concern raised (no
    pattern, no risk word), and was no yes or "not sure" to it (those are read before): a second unsupported reading
    is asked about again, not turned into the card. "what do I even say to him? I was out of order too" (read 0.39
    crisis, a concern), then "yeah. say sorry for the shouting, not for the rule. that I can do." (0.67) raised the
    card over a father's row with his son (chat_heldout32, read)."""
    return (
        alone.source == "model"
        and (state.level == "concern" or (state.level == "clear" and state.watch > 0))
        and state.source == "model"
        and state.model_alone
        and not state.corrected
    )


def _a_sentence_sure(text: str) -> bool:
    """Whether the learned layer, reading one sentence of a longer message on its own, is sure of a crisis in it."""
    from haven.safety.patterns import prepare

    sentences = prepare(text).sentences
    return len(sentences) > 1 and any(read_message(s).sure for s in sentences)


#: "it", "that", "this": the words that may stand for a coping step named just before.
_BACK_REFERENCE = re.compile(r"\b(?:it|that|this)\b")


def _said_of_a_coping_step(
    words: str, state: RiskState, question: str | None, alone: Triage, phrases: _Phrases
) -> str | None:
    """The coping step that "it" stands for, when a risk reading of the learned layer alone comes from "it".

    "I'll do it again tonight" read alone is self-harm (the learned layer says 0.77); after "I did the box breathing
    and it helped", or Haven's "That's the whole exercise. Did it help?", it is box breathing. The message is read
    again with the step named in place of "it", and only that reading's calm counts. Never in a conversation with
    risk so far (a concern, a watch, a correction, risk words in the message before), never beside a pattern's
    or a language's reading, and never with risk words of the message's own besides a time ("tonight"): "I'll do it
    again tonight, I've still got the blades" stays a crisis.
    """
    if not _the_models_first_risk(alone, state):
        return None
    if not _BACK_REFERENCE.search(words) or _risk_words(_rest(words, phrases.timing), phrases):
        return None
    before = _plain(state.recent[-1]) if state.recent else ""
    if before and _risk_words(before, phrases):
        return None
    # the step may have been named a message or two before, in the person's own words: "What is this worry time you
    # talking about?", "So mi write it down and deal with it at 6 o'clock?", then "Mi do it last night. Mi still worry
    # but not so long. Slept better" (chat_heldout43, read: 0.81, asked about ending their life)
    earlier = [_plain(m) for m in reversed(state.recent[:-1])]
    for said in (before, _plain(question), *earlier):
        if said in earlier and _risk_words(said, phrases):
            return None
        named = phrases.coping_step.search(said)
        if named:
            step = named.group(0)
            resolved = _BACK_REFERENCE.sub(step, words)
            return step if not read_message(resolved).is_risk else None
    return None


def _turned_down_an_offer(
    words: str, state: RiskState, question: str | None, alone: Triage, phrases: _Phrases
) -> bool:
    """Whether a risk reading of the learned layer alone comes from turning down what Haven just offered.

    "not tonight, I'm wiped" read alone is a crisis (the learned layer says 0.82: "tonight" and "wiped"); as the
    answer to "Would you like to try box breathing now?" it is a no thanks. The message is read again without its
    turning down, and only that reading's calm counts. Never in a conversation with risk so far, never beside a
    pattern's or a language's reading, and never with risk words of the message's own besides a time: "not tonight,
    I've got the pills ready" stays a crisis."""
    if not _the_models_first_risk(alone, state):
        return False
    if not (question and phrases.offered.search(_plain(question))):
        return False
    declined = phrases.turned_down.search(words)
    if declined is None or _risk_words(_rest(words, phrases.timing), phrases):
        return False
    rest = words[declined.end() :].strip(" ,.!;:-")
    return not rest or not read_message(rest).is_risk


def _answered_the_step(text: str, words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether a risk reading of the learned layer alone comes from answering a step of grounding or box breathing.

    The learned layer never learned the breath's words ("held it. now out" reads 0.95 crisis, and in chat_heldout26
    that one misread held the card over the rest of a teenager's conversation about a test). Only the first risk of a
    calm conversation, read by the learned layer alone; only in the step's own words (``step_answer``: the breath,
    its counts, the senses); never with a risk word, means or a time of the message's own ("i can see the pills on
    the table" stays a crisis); and the message is read again without the step's words, and only that reading's
    calm counts ("I can hear the train coming. I'm going to step in front of it" stays a crisis)."""
    if not _the_models_first_risk(alone, state) or _risk_words(words, phrases):
        return False
    said = text.lower()  # read with its punctuation, as the learned layer read it
    rest = phrases.step_answer.sub(" ", said)
    return rest != said and not read_message(rest).is_risk


def _concern_at_a_step(words: str, asked: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether a check-in about someone else comes only from the step's own words: the thought check asks "what would
    you say to a friend who had this thought?", and the learned layer read the answer ("what would I tell a friend?
    probably that everyone gets stuck sometimes") as a worried friend (0.74 risk). Only the learned layer's concern,
    about a third party, in a calm conversation, with the friend named in both the step and the answer and no risk
    word, means or time of the answer's own; a concern about the person themselves ("i'm so tired of everything",
    said to a grounding step) is asked about as ever."""
    return (
        alone.level == "concern"
        and alone.source == "model"
        and alone.audience == "third_party"
        and bool(_FRIEND.search(asked))
        and bool(_FRIEND.search(words))
        and state.level == "clear"
        and not state.watch
        and not state.corrected
        and not _risk_words(words, phrases)
    )


#: The friend a thought check asks about ("what would you say to a friend who had this thought?").
_FRIEND = re.compile(r"\b(?:a friend|friend|friends|mate)\b")


def _asked_just_now(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether Haven checked in a moment ago (its question unanswered, or the watch after a concern still runs)
    and this concern is the learned layer's alone, with no risk word, means or time: asking the same
    question again would not listen ("thanks for letting me rant, I feel a bit lighter" got it twice in three
    turns). Risk words, patterns and crises are read as ever, and so is the message with the ones before."""
    if _risk_words(words, phrases) or alone.source != "model":
        return False
    if state.level in ("clear", "concern") and state.watch > 0:
        return True
    # or the learned layer was overruled a moment ago (nothing near its reading carried risk), which is no less a
    # sign that it misreads this talk: "Is there something on self-criticism? I think I do it a lot" (0.96 risk), a
    # carer's question two messages after her story was answered (chat_heldout28, read; before the neighbours'
    # risk share, a check-in on the story was what kept the question from a second one)
    return state.level == "clear" and alone.model_alone and alone.language in (None, "en") and _overruled_before(state)


def _calm(state: RiskState, recent: tuple[str, ...]) -> RiskState:
    """The state after an ordinary message: the watch counts down, and a correction is remembered while it lasts."""
    watch = max(0, state.watch - 1)
    if not watch:
        return RiskState("clear", recent=recent)
    # while the watch lasts, what raised the concern is kept (never a crisis: a held one is read by _while_crisis): a
    # later reading of the learned layer alone is weighed against a concern it raised itself
    # (``_after_the_models_own_concern``)
    return RiskState(
        "clear", recent=recent, watch=watch, corrected=state.corrected, source=state.source, model_alone=state.model_alone
    )


def _same_misread(alone: Triage, state: RiskState, words: str) -> bool:
    """Whether a crisis reading repeats one the person corrected within the last few messages: the learned layer
    alone, in the category they corrected. A pattern (a plan, means, a method named), another category, or a
    question about means ("how many propranolol would a person need to take", after a "no, nothing like that") is
    a crisis whatever was corrected before, and so is the correction taken back ("fine it wasn't a joke").

    Another category guessed by the learned layer alone, below its sure level, in a message with no risk word, means
    or time of its own, counts as the same misread too: "should I do it at his place or mine", two messages after
    "I mean ending it with Jake" (risk_conversations_heldout68, read), read 0.67 as harm to others and held the card
    over the break-up being planned. Its guess at a category is the weakest part of such a reading."""
    if not (state.watch > 0 and state.corrected is not None and alone.source == "model"):
        return False
    phrases = _phrases()
    if asks_about_means(words) or phrases.unsaid.search(words):
        return False
    if alone.category == state.corrected:
        return True
    return alone.model_alone and not alone.sure and not _risk_words(words, phrases)


def _clear_no(answer: _Answer) -> bool:
    """No, without a maybe, to Haven's question about thoughts of suicide or harm."""
    return answer.risk_question and answer.no and not answer.unsure and not answer.yes


def _adds_risk(words: str, alone: Triage, phrases: _Phrases, explained: frozenset[str]) -> bool:
    """Whether a message after a concern brings risk words of its own, so reading it with the messages before
    may raise a crisis.

    Risk spread over short messages ("got the pills", "like for good", "I think this weekend") always carries
    such words; a plain next turn ("maybe I could just stay for an hour", after nerves about a party read as a
    concern) does not, and reading it together would only re-read the earlier message's words, turning one
    misread into a crisis that then holds the whole conversation. A concern the learned layer reads alone in a
    message with no risk word, means or time of its own ("most of them would sooner chew their own arm off than
    see a GP", after a past attempt told as history) brings nothing either: read together, only the earlier
    message's words would speak.
    """
    if alone.is_crisis or (alone.is_risk and alone.source != "model"):
        return True
    return _risk_words(words, phrases, explained)


def _risk_words(
    words: str, phrases: _Phrases, explained: frozenset[str] = frozenset(), times: bool = True
) -> bool:
    """Whether a message holds risk words, means or a time of its own, by the phrases and the patterns' cues;
    ``explained``: words a frame in the message explains (``_explained``), not counted; ``times``: False where a
    time said belongs to the person's own story ("the cake I made for the party tomorrow", "we talked this
    morning"), so only words and means count."""
    if times:
        words = _NOT_A_TIME.sub(" ", words)
    return (
        _unexplained_risk_word(words, phrases, explained)
        or _means_asked(words, phrases)
        or _pattern_cue(words)
        or (times and bool(phrases.timing.search(words)))
    )


def _explained(text: str) -> frozenset[str]:
    """The risk words a frame in the message explains, as the patterns read it: "tablets" in "Her GP and the memory
    clinic know everything, she's on her tablets and they're reviewing them next month"."""
    from haven.safety.patterns import explained_cues, prepare

    return explained_cues(prepare(text))


def _unexplained_risk_word(words: str, phrases: _Phrases, explained: frozenset[str]) -> bool:
    """Whether the message holds a word of ``still_risky`` that no frame in it explains. After a concern, such a
    word read with the messages before raises the card ("I just want to disappear" ... "like for good"); a carer's
    "she's on her tablets and they're reviewing them", after a check-in about her mother, raised it instead
    (chat_heldout31, read). ``explained``: the words a frame explains (``_explained``), read once per message."""
    return _unexplained(phrases.still_risky, words, explained)


def _unexplained(words_of: re.Pattern[str], words: str, explained: frozenset[str]) -> bool:
    """Whether the message holds a word of ``words_of`` that no frame in it explains (``explained``)."""
    return any(found.group(0) not in explained for found in words_of.finditer(words))


#: The longest message read as a fragment that carries on the risk of the messages before ("like for good").
FRAGMENT_WORDS = 10


def _a_fragment(words: str) -> bool:
    """Whether a message after a concern is short enough to be a piece of what was said before ("I just want to
    disappear for a while" ... "like for good", "I'm ready", "got the pills already", "I think this weekend"), and so
    is read together with the messages before it.

    A longer message tells its own story, and its own reading decides: "My instructor says I'm ready but the minute I
    get in the car with the examiner my hands go all shaky", after nerves about a driving test read as a concern,
    raised the card on "ready" (chat_heldout32, read), and "Thank you dear. I've a hospital appointment for my eyes on
    Thursday" raised it on "Thursday" by re-reading a message asked about already. On the sets read so far (dev), 38
    of the 40 crises raised by reading together were of messages over ten words, none of them wanting the card; the two
    it rightly raised were "like for good"."""
    return len(words.split()) <= FRAGMENT_WORDS


def _pattern_cue(words: str) -> bool:
    """Whether a sentence of the message holds a risk word of the patterns that no frame in the message explains."""
    from haven.safety.patterns import has_risk_cue, prepare

    sentences = prepare(words).sentences
    return any(has_risk_cue(s, message=sentences) for s in sentences)


#: A time turned down, not named for a plan: "Not tonight, thank you. Maybe another time." (said to Haven's question
#: after a concern, it was read with the messages before and raised the self-harm card; chat_heldout24, read).
_NOT_A_TIME = re.compile(
    r"\bnot (?:right )?(?:tonight|today|tomorrow|now|this (?:weekend|week|evening|morning|afternoon))\b"
)


def _stepped_down(category: str, audience: str, why: str) -> Assessment:
    """A held crisis stepped down to a gentle check (the person's own words said it was a misread, or history):
    a concern that watches the next messages, remembering which category was stepped down."""
    verdict = Triage("concern", category, why, audience)
    return Assessment(verdict, RiskState("concern", category, audience, 0, (), WATCH, category), "step_down")


#: A panic attack named as such, and as one the person has had before.
_PANIC_NAMED = re.compile(r"\b(?:panic attacks?|a panic|panicking|anxiety attacks?)\b")
_PANIC_BEFORE = re.compile(
    r"\b(?:before|again|always|since|for years|a lot|all the time|used to|every time|get them|get these|had them|"
    r"had these|(?:happens?|happened) (?:to me )?(?:a lot|sometimes|often|before))\b"
)
#: What makes breathlessness more than panic, in any message of the crisis: something taken, an allergy, the chest or
#: an arm, numbness, blue lips, a collapse. With any of them the card holds as ever.
_MORE_THAN_PANIC = re.compile(
    r"\b(?:took|taken|swallow\w*|pills?|tablets?|overdos\w*|drank|drunk|bleach|fumes|gas|smoke|allerg\w*|sting|stung|"
    r"nuts?|chest|arm|jaw|numb\w*|blue|collaps\w*|faint\w*|unconscious|passed out|swell\w*|swollen|bleed\w*)\b"
)


def _a_panic_they_know(words: str, state: RiskState, recent: tuple[str, ...]) -> bool:
    """Whether a medical card raised over breathlessness or a racing heart is answered with a panic attack the person
    knows ("it's a panic attack, I've had them before"), with nothing in the conversation that makes it more."""
    if state.level != "crisis" or state.category != "medical_emergency":
        return False
    if not (_PANIC_NAMED.search(words) and _PANIC_BEFORE.search(words)):
        return False
    return not any(_MORE_THAN_PANIC.search(_plain(message)) for message in (*recent, words))


def _history_settled(words: str, state: RiskState, alone: Triage) -> bool:
    """The crisis that holds came from a past attempt told as history, and this message says it is history or
    that the person is well now, with nothing risky of its own (a new crisis reading counts only if it is the
    same history told again, or the learned layer's alone with no risk word, as with a clear no)."""
    if not (state.history and state.level == "crisis"):
        return False
    if alone.is_crisis and not (alone.told_as_history or alone.model_alone):
        return False
    from haven.safety.patterns import frame_in, prepare

    sentences = prepare(words).sentences
    settled = frame_in("well_now", sentences) or frame_in("told_as_history", sentences)
    return settled and not frame_in("risk_again", sentences) and not _still_risky(words, model=False)


def _stops_exercise(words: str, phrases: _Phrases) -> bool:
    """Whether a message said to an exercise step only stops the exercise: stopping words, and nothing left
    once they are taken out that reads as risk (by the phrases, the patterns or the model)."""
    if not phrases.stop_exercise.search(words):
        return False
    rest = _rest(words, phrases.stop_exercise)
    return not _still_risky(rest) and not read_message(rest).is_risk


@dataclass(frozen=True)
class _SafeClaim:
    """What a message while a crisis holds says about being safe now."""

    says_safe: bool  # enough for Haven's one safety check
    confirmed: bool  # enough, at that check, to go back to ordinary talk
    learned: bool = False  # heard by the learned reader alone (safe_claims.py): a tentative check, never back


def _safe_claim(words: str, state: RiskState, answer: _Answer, phrases: _Phrases) -> _SafeClaim:
    """Whether the person says they are safe, or that help has come, in a way that counts for this crisis.

    - Help with them (``help_sought``, ``help_arrived``) counts beside a soft "I think" ("im calmer i think", mum
      there), never beside doubt about being safe ("not sure I'm safe").
    - After an overdose or in an emergency "I feel fine" is not safety: help has to be with them.
    - For harm to others, the person feeling fine is not the other person's safety ("I'm safe, it's him who wants to
      worry", a hammer on the seat) unless the weapon is put away or they keep away (``away_from_harm``); once the
      safety check is reached, their "yes" to it counts.
    - Putting it off, a sudden calm or the means kept (``not_safety``), and means or a plan named beside the claim
      (``still_risky``), keep the crisis whatever else is said; so does "fine" said again to end the asking ("I said
      I'm fine", ``fine_said_again``) unless help is named beside it.
    - The learned layer's reading of what is left holds back only the way back to ordinary talk, never the check: a
      person saying they are safe names the risk as they put it down ("aye i'm alright, not doing owt tonight", "I
      will not jump, I promise"), which it reads as a crisis, and the card said again would not listen. The check
      asks once more. Help on its way is taken at its word.
    - When none of the phrases hear a claim, the learned reader of safe claims may (``safe_claims.py``: help come
      in words no list holds), within the same vetoes (:func:`learned_claim_may_count`), and only as far as a
      tentative check while the crisis is held; never beside affairs put in order (``affairs_in_order``: "left a
      letter in his drawer with the bank details ... Everything's squared away, he won't have to sort a thing", a
      widower's words, were heard as safety and asked about as if said, heldout60, read).
    - At Haven's own check, a firm "yes" to it goes back to ordinary talk when the learned reader hears the rest as
      help come or means put away, even where means are named ("the tablets are with him") or the triage model
      reads the rest as risk: the "yes" is the person's own; the reader never goes back without it.
    """
    category = state.category or "suicide"
    sought_now = phrases.help_sought.search(words) and not phrases.help_before.search(words)
    got_help = bool(sought_now or phrases.help_arrived.search(words))
    # for harm to others, keeping away is the safety said ("alright. I'm not going. nobody's getting hurt tonight",
    # risk_conversations_heldout46, read): it leads to the check, as "I'm safe" does; without it, the person feeling
    # fine is not the other person's safety
    keeps_away = category == "harm_to_others" and bool(phrases.away_from_harm.search(words))
    others_unsafe = category == "harm_to_others" and not keeps_away
    feeling_counts = category != "medical_emergency" and not others_unsafe
    answer_counts = not (others_unsafe and state.level == "crisis")
    feels_safe = (bool(phrases.safe_feeling.search(words)) or keeps_away) and feeling_counts
    says_safe = (got_help and not phrases.doubts_safety.search(words)) or (
        (feels_safe or (answer.safe and answer_counts)) and not answer.unsure
    )
    if phrases.not_safety.search(words) or (phrases.fine_said_again.search(words) and not got_help):
        return _SafeClaim(False, False)
    if phrases.brushed_off.search(words) and not got_help and _means_named_before(state, phrases):
        # "I'll be fine.", after "I've been saving up my heart tablets" and "I'm alright, don't fuss."
        # (risk_conversations_heldout48, read): the worry waved off with the tablets still saved is no safety
        return _SafeClaim(False, False)

    def learned() -> bool:
        return _learned_claim(words, category, answer, phrases)

    # at Haven's own check, a firm "yes" to it with what the learned reader hears as help come or means put away
    # ("yes. Rob's here, he's locked the gun in his car"): the yes is the person's own, the reader only hears that
    # what is named beside it is not a danger kept (after an overdose or in an emergency, means named beside the yes
    # count only with help named: "yes I feel fine, it was only the paracetamol" is no safety)
    yes_at_check = state.level == "checking" and answer.safe
    rest = _rest(words, phrases.safe_feeling, phrases.help_sought, phrases.help_arrived)
    if keeps_away:  # the weapon named as put away is no weapon kept
        rest = _rest(rest, phrases.away_from_harm)
    if says_safe and _still_risky(rest, model=False):
        confirmed = yes_at_check and (category != "medical_emergency" or got_help) and learned()
        return _SafeClaim(confirmed, confirmed)
    if not says_safe:
        # "I think I'm safe now, talking helped" (risk_conversations_heldout50, read): safety said softly, with no
        # doubt, means or plan beside it, is asked about once (the check, lines kept), as the learned reader's
        # claims are; it never goes back to ordinary talk without a firm answer to the check
        soft = feels_safe and answer.unsure and not answer.no and not phrases.doubts_safety.search(words)
        soft = soft and not _still_risky(rest, model=False)
        return (
            _SafeClaim(True, False, learned=True)
            if state.level == "crisis" and (soft or learned())
            else _SafeClaim(False, False)
        )
    # the learned layer reads other languages through an English encoder: "ele dormiu no peito do pai" (he fell asleep
    # on his father's chest) read as a crisis and kept a mother's "sim. não vou machucar meu filho" from counting
    # (heldout20, read); there only words (means, a plan) keep the crisis
    english = detect_language(words) in (None, "en")
    return _SafeClaim(True, got_help or not _still_risky(rest, model=english) or (yes_at_check and learned()))


def _learned_claim(words: str, category: str, answer: _Answer, phrases: _Phrases) -> bool:
    from haven.safety.safe_claims import learned_says_safe

    return not answer.no and _may_count_learned(words, category, phrases) and learned_says_safe(words)


def _may_count_learned(words: str, category: str, phrases: _Phrases) -> bool:
    """Where the learned reader's safe claim may count at all: never beside doubt about being safe, a question
    about means, putting it off or the means kept (``not_safety``), affairs put in order (``affairs_in_order``),
    nor, for harm to others, short of the weapon put away or keeping away from the other person."""
    if category == "harm_to_others" and not phrases.away_from_harm.search(words):
        return False
    vetoes = (phrases.doubts_safety, phrases.means, phrases.not_safety, phrases.affairs_in_order)
    return not any(veto.search(words) for veto in vetoes)


#: What an exercise is counted in: "Yes I will try that breathing. How many times I do it?" asked how often to
#: breathe, and was refused as a question about means while a misread crisis held (chat_heldout51, read).
_EXERCISE_COUNTS = re.compile(
    r"\b(?:breath\w*|exercise|inhale|exhale|in and out|counting|grounding|wind ?down|worry time|stretch\w*|walk\w*|"
    r"journal\w*|write|writing)\b"
)


def _means_asked(words: str, phrases: _Phrases) -> bool:
    """Whether words ask about means (the ``means`` phrases), but not "how many" or "how long" of an exercise, said
    with no means named anywhere in them."""
    for found in phrases.means.finditer(words):
        counts = found.group(0).startswith("how ") and _EXERCISE_COUNTS.search(words)
        if counts and not phrases.means_at_hand.search(words) and not phrases.still_risky.search(words):
            continue
        return True
    return False


def asks_about_means(words: str) -> bool:
    """Whether words ask about means ("how many", "a lethal dose", "which bridge"), by the ``means`` phrases."""
    return _means_asked(words, _phrases())


def learned_claim_may_count(text: str, category: str | None) -> bool:
    """:func:`_may_count_learned` for one message, as training applies it when choosing the threshold."""
    return _may_count_learned(_plain(text), category or "suicide", _phrases())


def _while_crisis(
    words: str,
    state: RiskState,
    alone: Triage,
    recent: tuple[str, ...],
    answer: _Answer,
    phrases: _Phrases,
    asks: bool = False,
) -> Assessment:
    """A message while a crisis holds: it holds until the person says they are safe and confirms it."""
    category = state.category or "suicide"
    audience = state.audience or "self"
    claim = _safe_claim(words, state, answer, phrases)
    corrects = bool(phrases.correction.search(words)) and not _still_risky(_rest(words, phrases.correction))
    if corrects and not state.model_alone and not phrases.correction.search(_rest(words, phrases.weary)):
        corrects = False  # tiredness alone, after risk in words, is no correction: it is a warning sign
    if _grievance_told(words, state, alone, phrases):
        corrects = True
    if _laughed_off(words, state, alone, phrases):
        if _means_named_before(state, phrases):
            # "I've got the pills ready" ... "haha no I meant my vitamins": means named, then laughed off; asked
            # about once with the lines kept, not stepped down
            why = "a crisis with means named, then laughed off; checking once: "
            return _checking_once(state, recent, why + words[:120], model_read=False, misread=True)
        corrects = True
    # an overdose or poisoning named in words is not undone by "I'm just stressed": help has to be with them
    emergency_named = category == "medical_emergency" and state.source == "pattern"
    if _history_settled(words, state, alone) and not answer.unsafe:
        # "I took an overdose at nineteen" was held as a crisis; "that was fifteen years ago, I'm really well" says
        # it is history: a gentle step down (the next messages are still read together), not a safety check
        return _stepped_down(category, audience, "told as history, and well now: " + words[:120])
    if _a_panic_they_know(words, state, recent):
        # "yeah this has happened before, its a panic attack i think, had them since first year", after "cant breathe
        # properly" raised the medical card on a bus (chat_heldout66, read: the card then held her breathing, her
        # grounding and her goodbye): asked once, with the lines kept, then back to the panic she is riding out
        why = "a panic attack they know, told after a breathing scare; checking once: "
        return _checking_once(state, recent, why + words[:120], model_read=True)
    if corrects and emergency_named and state.level == "crisis" and not _nothing_explained(words, phrases):
        # "i took all my pills" ... "OMG no sorry that came out wrong!! I mean I remembered to take all my morning
        # ones for once, thyroid, iron and vitamin D" (risk_conversations_heldout52, read): held, the card answered
        # a pill organiser for the rest of the talk. An overdose named is never simply stepped down: the safety
        # check, asked once with the lines kept
        why = "an overdose named, then put right with what was meant; checking once: " + words[:120]
        return _checking_once(state, recent, why, model_read=False, misread=True)
    if corrects and state.level == "crisis" and _joke_after_harm_done(words, state, phrases):
        # "cut again last night. deeper than usual" ... "lol jk. anyway got any good lofi playlists": a disclosure
        # taken back as a joke. Not a step down: the safety check, asked once with the lines kept
        why = "self-harm told as done, then called a joke; checking once: " + words[:120]
        return _checking_once(state, recent, why, model_read=False, misread=True)
    if (
        corrects
        and state.level == "crisis"
        and not emergency_named
        and _nothing_explained(words, phrases)
        and _means_named_before(state, phrases)
    ):
        # "i want to die, i have the pills ready" ... "lol jk": a wish with means beside it, called a joke with nothing
        # said of what was meant, is asked about once, the lines kept, rather than stepped down. A correction that
        # says what was meant ("I'm finally clearing the loft, the rope's to lower the old water tank down") steps
        # down as ever
        why = "a crisis with means or a plan named, then called a joke with nothing explained; checking once: "
        return _checking_once(state, recent, why + words[:120], model_read=False, misread=True)
    if corrects and state.level == "crisis" and not answer.unsafe and not emergency_named:
        return _stepped_down(category, audience, "the person corrected a misread: " + words[:120])
    if _misread_told(words, state, alone, answer, phrases):
        # not a step down: someone in danger says "no, I'm fine" too. A check that keeps the lines, asked once;
        # a firm yes to it goes back to ordinary talk, as after any crisis
        why = "said the crisis card misread them; checking once: " + words[:120]
        return _checking_once(state, recent, why, misread=True)
    if state.level == "checking" and claim.confirmed and not answer.no:
        verdict = Triage("none", None, "confirmed safe after a crisis earlier in this conversation")
        return Assessment(verdict, RiskState("clear", watch=WATCH), "back")
    if _carried_on(words, state, alone, answer, phrases, asks):
        if state.level == "crisis":
            # the carer's "Honestly numb. I just made her lunch and said yes mom, she'll be here soon" raised a
            # worried friend's card (the learned layer's reading, 0.85), and then "I haven't had a full day off since
            # May" was met with the card again, as was every turn after it: asked once, with the lines kept
            why = "carried on with their own story past a crisis only the learned layer's reading raised; checking once: "
            return _checking_once(state, recent, why + words[:120], carried_on=True, model_read=True)
        # asked once already, and the person carried on again: back to their story, the next messages still read
        # together with these (the help lines stay one tap away on every page)
        verdict = Triage("none", None, "carried on with their own story after Haven's check: " + words[:120])
        return Assessment(verdict, RiskState("clear", recent=recent, watch=WATCH, source=CARRIED_ON), "normal")
    if state.level == "crisis" and _not_acting_on_an_urge(words, state, phrases):
        # "no i'm not going to, i just keep thinking about it", after an urge to cut told: not acting on it is the
        # safety said (the "no" is to the act, not to being safe); the check asks once more, as after "I'm safe"
        return _checking_once(state, recent, "said they will not act on the urge; checking once more")
    if state.level == "crisis" and claim.says_safe and not answer.no:
        return _checking_once(state, recent, "said they are safe; checking once more", tentative=claim.learned)
    # the learned layer reads other languages through an English encoder, so its guess at a category there is no
    # reason to move one that words set: "j'écris avec la tablette de ma fille", locked in the bathroom from a violent
    # husband, read as tablets taken, after which "Je suis en sécurité maintenant" no longer counted
    # (risk_conversations_heldout46, read); "arrêtez avec vos numéros, il est dans la pièce d'à côté" read as suicide
    # and the held reply gave suicide lines instead of the domestic-abuse ones (heldout56, read). In English, and for
    # a crisis the learned layer itself raised, any reading moves it, as ever: an eating disorder said after a
    # model-read danger at home. A crisis it raised just after a check-in whose category words set keeps that
    # category and its source (``_a_foreign_guess_after_words``), so it counts here as set by words
    foreign = _read_in_another_language(alone)
    foreign_guess = foreign and (not state.model_alone or state.source != "model")
    device_misread = foreign and alone.category == "medical_emergency" and category == "danger_at_home"
    if alone.is_crisis and not device_misread and not foreign_guess:
        category = most_urgent([category, alone.category or category])
    verdict = worse(
        Triage("crisis", category, "a crisis earlier in this conversation still holds", audience), alone
    )
    if verdict is alone:
        verdict = replace(alone, category=category)
    means = _means_asked(words, phrases)
    source = "pattern" if alone.is_crisis and alone.source == "pattern" else state.source
    # a held message with risk of its own (a word, means, a time, a pattern's reading) makes the crisis more than
    # a reading of the learned layer alone, and a later "that's not what I meant" is then read as ever; the learned
    # layer reading the person's next ordinary words the same way ("Thank you dear, that is very clear") adds nothing
    # (a risk word a frame explains adds nothing: "I take my blood pressure tablet in the morning as the GP
    # prescribed", from a night nurse the learned layer misread, chat_heldout47, read)
    still_alone = (
        state.model_alone
        and (not alone.is_risk or alone.source == "model")
        and not _risk_words(words, phrases, _explained(words))
    )
    model_read = state.model_read and not _brings_risk(words, alone, phrases)
    held = RiskState(
        "crisis",
        category,
        audience,
        state.held + 1,
        recent,
        source=source,
        model_alone=still_alone,
        model_read=model_read,
    )
    # "no i'm not safe", "no", "I don't feel safe": said plainly, not a "maybe" in a story ("a sunflower maybe", about
    # a tattoo over old scars, is no answer that the person is unsafe; the crisis still holds)
    not_safe = (answer.safety_question and answer.no and not answer.firm_yes) or bool(phrases.not_safe.search(words))
    reaching = not not_safe and not means and bool(phrases.reaching_out.search(words))
    if not asks and _new_danger_told(words, alone, state, phrases):
        # "I took the big knife from the kitchen and I'm waiting for them to come back", after voices saying the
        # neighbours poison the water (risk_conversations_heldout52, read): the held reply spoke to the first
        # danger; a new one told in words gets its own card, its steps and its lines. The crisis still holds
        return Assessment(replace(alone, evidence=_NEW_DANGER + alone.evidence), held, "crisis", means)
    return Assessment(verdict, held, "held", means, not_safe=not_safe, reaching_out=reaching)


_NEW_DANGER = "a new danger while a crisis holds: "


def _new_danger_told(words: str, alone: Triage, state: RiskState, phrases: _Phrases) -> bool:
    """Whether a message read while a crisis holds tells, on its own and in words (a strong pattern or a curated
    phrase, never the learned layer's guess nor a mere mention), a crisis of a less urgent category than the one
    held, which the held reply (worded for the most urgent) would not speak to, and says no help, safety, correction
    or means question beside it: "she took the blades n were sat on the landing" names blades, and is help arrived
    (on the replay of the read sets the first version carded nine such turns)."""
    from haven.safety.patterns import match, prepare

    held = state.category or "suicide"
    if not (alone.is_crisis and alone.category is not None):
        return False
    if most_urgent([held, alone.category]) != held:
        return False  # more urgent: the crisis takes it, and the held reply speaks to it ("I already took the pills")
    if _means_asked(words, phrases):
        return False  # a means question has its own held reply
    if alone.category == state.category:
        # the same danger, told further in words the conversation had not said yet: a plan, a time, means at hand
        # ("maine pankhe pe dupatta baandh diya hai, aaj raat", "the rope's already hanging in the cellar") after a
        # wish to die, is an escalation the held reply ("I'm still here with you") would not meet
        strong = _escalation_told(words, alone, state)
    elif alone.source == "pattern":
        hits = match(prepare(words))
        strong = any(h.pattern.strength == "strong" and h.pattern.category == alone.category for h in hits)
    else:
        strong = alone.source == "language"
    besides = (
        phrases.help_sought,
        phrases.help_arrived,
        phrases.safe_feeling,
        phrases.correction,
        phrases.reaching_out,
        phrases.laughed_off,
    )
    return strong and not any(said.search(words) for said in besides) and not _DENIED_OR_IN_CARE.search(words)


#: A wish to be dead or gone said again, in other words ("but I still want to die", "nobody would miss me"): the
#: crisis that holds, met by the held reply; an escalation is a plan, a time, means, a goodbye or an act.
_WISHES = frozenset(
    "want_to_die wish_dead better_off_dead nothing_to_get_up_for life_feels_pointless burden_on_them better_without_me "
    "burden no_reason_to_live nothing_to_live_for whats_the_point tired_of_living dont_want_to_live "
    "dont_want_to_be_here live_or_die want_out feel_a_burden disappear disappear_forever easier_if_gone "
    "no_longer_a_burden disappointed_still_here es_want_die es_passive".split()
)


def _escalation_told(words: str, alone: Triage, state: RiskState) -> bool:
    """Whether a message of the crisis that holds says in words something of it no earlier message of the talk said:
    a strong pattern (a plan, a time, means at hand, an act begun) that none of the last few messages fired, or a
    curated phrase in another language that none of them matched."""
    from haven.safety.languages import match_phrases
    from haven.safety.patterns import match, prepare

    if alone.source == "pattern":
        said = {h.pattern.id for h in match(prepare(words)) if h.pattern.strength == "strong"} - _WISHES
        before = {h.pattern.id for message in state.recent for h in match(prepare(message))}
    elif alone.source == "language":
        said = {h.phrase.id for h in match_phrases(words) if h.phrase.level == "crisis" and not h.phrase.passive}
        before = {h.phrase.id for message in state.recent for h in match_phrases(message)}
    else:
        return False
    return bool(said - before)


#: A danger denied ("I didn't want to die, I just wanted it to stop hurting", "sim. não vou machucar meu filho") or
#: care already with the person ("my sister's driving me behind the ambulance"): no new card
_DENIED_OR_IN_CARE = re.compile(
    r"\b(didnt|did not|dont want|do not want|not going to|wont|will not|never|nao vou|nao quero|nem queria|no voy a|"
    r"no quiero|je ne vais pas|ich werde nicht|ik ga niet|ambulance|paramedics?|resus|a and e|hospital|999|911|112)\b"
)


def _checking_once(
    state: RiskState, recent: tuple[str, ...], why: str, model_read: bool | None = None, **kind: bool
) -> Assessment:
    """The safety check, asked once with the lines kept, for the crisis that holds (its category and audience): after
    "I'm safe", after "you misread me", after self-harm called a joke, after the person carried on with their own
    story. A firm yes to it goes back to ordinary talk. ``model_read`` (the crisis's own, unless given): the check
    follows a crisis only the learned layer's reading raised, and the person carrying on with their story after it
    goes back to that story (:func:`_carried_on`), however the check came about (the card's "I'm safe to continue" or
    "That's not what I meant", or a new conversation opened while it held)."""
    model_read = state.model_read if model_read is None else model_read
    category, audience = state.category or "suicide", state.audience or "self"
    verdict = Triage("concern", category, why, audience)
    checking = RiskState(
        "checking",
        category,
        audience,
        state.held + 1,
        recent,
        source=state.source,
        model_alone=state.model_alone,
        model_read=model_read,
    )
    return Assessment(verdict, checking, "check", **kind)


def _brings_risk(words: str, alone: Triage, phrases: _Phrases) -> bool:
    """Whether a message while a crisis holds brings risk of its own: read as risk by any layer, a question about
    means, or a pattern's risk cue (tablets, letters, a method). The crisis then no longer rests on the learned
    layer's first reading alone, and carrying on never eases it. Words that are risk only sometimes ("leave notes
    lol", "a huge fight", "today") do not end that; they only keep this message from easing it (:func:`_carried_on`).
    """
    return alone.is_risk or _means_asked(words, phrases) or _pattern_cue(words)


#: The source of the calm after a person carried on past a card and its check (:func:`_again_after_carrying_on`).
CARRIED_ON = "carried_on"
#: The source of a check-in that asked about the learned layer's unsupported reading, kept while the watch lasts.
ASKED = "asked"
#: Fewer words than this is not carrying on with a story: "ok", "thanks", "later" after the card may be taking it in.
CARRIED_ON_WORDS = 5


def _carried_on(
    words: str, state: RiskState, alone: Triage, answer: _Answer, phrases: _Phrases, asks: bool = False
) -> bool:
    """Whether a message while a crisis holds carries on the person's own story past a card nothing but the learned
    layer's reading raised (no pattern), with nothing said since that brings risk (``state.model_read``), and
    this message has none either, reads as no risk at all, answers no question with a no or a maybe, doubts nothing,
    asks nothing, and does not turn away ("anyway", "never mind", "I'm fine", "I need to go": warning signs after a
    crisis, so they keep the card); after a worried friend's card, it speaks of the person's own day, not of "her".

    Why: on read everyday conversations a caregiver, an angry flatmate and a parent of a toddler met the crisis card
    for every turn after one misread, since only "I'm safe" or "you misread me" lets it go and people who were never
    in danger do not say either: they go on telling what they came to tell. The first such message gets the check
    asked once with the lines kept; a second goes back to their story. Never after a medical emergency (unless only
    guessed, :func:`_a_guessed_emergency`), harm to or from others, danger at home or psychosis
    (``_NEVER_CARRIED_PAST``). Chosen on the read risk conversations (dev): the first
    version, without the questions, the categories and the friend's "her", let go of 22 turns a clinician held."""
    never = state.category in _NEVER_CARRIED_PAST and not _a_guessed_emergency(state)
    if not state.model_read or alone.is_risk or never:
        return False
    if answer.no or answer.unsure or answer.unsafe or len(words.split()) < CARRIED_ON_WORDS:
        return False
    # a question is not carrying on while the card is up; once the check has been asked and the person carried on
    # past it, a question of their own story with no means in it is the story going on ("I take coffee around 5am
    # to finish the shift, is that the problem?", a night nurse, chat_heldout45, read)
    asked_past_check = state.level == "checking" and not asks_about_means(words)
    if ((asks or _ASKS.search(words)) and not asked_past_check) or (
        state.audience == "third_party" and _ANOTHER_PERSON.search(words)
    ):
        return False
    turned = phrases.turned_away, phrases.hurt_named, phrases.doubts_safety, phrases.not_safety, phrases.weary
    return not any(phrase.search(words) for phrase in turned) and not _risk_words(words, phrases)


def _a_guessed_emergency(state: RiskState) -> bool:
    """Whether a medical emergency is only the learned layer's guess at a category: read by it alone, so with no
    pills, tablets, poison or other means named since it rose (they are risk words, which end ``model_alone``).
    "Maybe 3 or 4 hours. Then I wake up by 1pm and my head is heavy", a night nurse on her sleep, read 0.70 as an
    emergency (chat_heldout45, read) and the card held her whole talk about blackout curtains; with nothing taken or
    named, her story speaks to it as any other's."""
    return state.category == "medical_emergency" and state.source == "model" and state.model_alone


#: Crises whose danger a person's own story does not speak to: help has to be with someone after an overdose, and
#: harm to or from others, danger at home, or what someone is hearing and seeing, is not undone by talk of the day
#: ("what time do you think they go to sleep", "you're one of them aren't you", "he's banging on the hatch. my phone's
#: on 8 percent" were held turns of read risk conversations).
_NEVER_CARRIED_PAST = ("medical_emergency", "harm_to_others", "danger_at_home", "psychosis")
#: A question is not carrying on: after a crisis it is often about it ("should I just drive round?", "ok so roughly
#: what number though, ballpark", "if I have some orange juice will it undo everything").
_ASKS = re.compile(
    r"^(?:ok |so |and |but )*(?:what|how|when|where|which|who|why|should|shall|can|could|would|will|is|are|do|does|did)\b"
    r"|\b(?:arent|isnt|wont|dont|didnt) (?:you|they|it|i)$|\bballpark\b|\b(?:will|would|does|did|is|can|could) it\b"
)
#: After a worried friend's card, talk of "her" or "them" is about the person at risk ("her flatmate says her door's
#: locked"), not the friend's own day.
_ANOTHER_PERSON = re.compile(r"\b(?:she|shes|her|hers|he|hes|him|his|they|theyre|them|their)\b")


#: The most words a correction may have besides its correction and joke words and still explain nothing ("lol jk",
#: "jajaja no no, tranqui", "forget it i was joking").
BARE_CORRECTION_WORDS = 3


#: A laugh: "no" alone is no laughing it off ("no u dont get it its REAL", after voices telling someone to burn the
#: house, risk_conversations_heldout50, read).
_LAUGH = re.compile(r"\b(?:lo+l|lmf?ao+|haha\w*|hah?|hehe|omg|oops)\b")
#: Crises a laugh never undoes: at home someone may be reading over a shoulder; what someone hears and sees is real
#: to them.
_NEVER_LAUGHED_OFF = ("danger_at_home", "psychosis")
#: The fewest words a laughed-off misread must say of what was meant ("my husband ate the birthday cake").
LAUGHED_OFF_WORDS = 5


def _laughed_off(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether the first message after a crisis card laughs it off and says what was meant: "omg no
    haha my husband ate half of our daughter's birthday cake at midnight" after "I'm going to kill him", "Ha, the
    antibiotics! Ten day course for a chest infection" after "took the last of my pills this morning".

    Why: people put right a misread the way they would with a friend, a laugh or a no and then what they meant, and
    the ``correction`` phrases ("I didn't mean it", "I was joking") do not hold that shape; the card then held over a
    birthday cake and a chest infection (risk_conversations_heldout50, read). Only the first message after the card
    (a laugh later in a crisis is no correction; after a check-in, a no is read as the answer it is), only with a
    laugh ("no u dont get it its REAL" is no correction), and only when what follows is an explanation: enough
    words, read as no risk on its own, with no risk word, means, turning away or doubt about being safe. An overdose
    named, a danger at home or what someone hears and sees is never laughed off this way, and self-harm told as done
    keeps its own path (:func:`_joke_after_harm_done`)."""
    opening = phrases.laughed_off.match(words)
    first_after = state.level == "crisis" and state.held == 0
    laugh = _LAUGH.search(opening.group(0)) if opening else None
    if not (laugh and first_after) or state.category in _NEVER_LAUGHED_OFF:
        return False
    if laugh.group(0) in ("ha", "hah") and detect_language(words) not in (None, "en"):
        return False  # "ha il fucile da caccia in casa" (Italian: he has a hunting rifle at home) laughs at nothing
    if state.category == "medical_emergency" and state.source == "pattern":
        return False
    rest = words[opening.end():].strip()
    # what follows the laugh is what is read: "lmaooo no sorry. my little brother ate the top off the birthday cake
    # ... with his HANDS" read whole as a check-in's worth (0.63), its explanation alone as nothing (heldout56, read)
    if len(rest.split()) < LAUGHED_OFF_WORDS or (alone.is_risk and read_message(rest).is_risk):
        return False
    vetoes = (phrases.turned_away, phrases.doubts_safety, phrases.not_safety, phrases.joke_only)
    # means asked about are among the risk words of what follows the laugh
    if any(veto.search(words) for veto in vetoes) or _risk_words(rest, phrases, _explained(rest)):
        return False
    return not _still_risky(rest)


def _grievance_told(words: str, state: RiskState, alone: Triage, phrases: _Phrases) -> bool:
    """Whether the first message after a card that only a bare threat raised ("I'm going to KILL him": a mention of
    harm to someone, no weapon, plan or place) tells the everyday grievance behind it, with no laugh: "my husband ate
    a massive slice of the cake I made for our daughter's 5th birthday party tomorrow" (risk_conversations_heldout52,
    read; the card then held the buttercream rescue). Read by the patterns' ``petty_grievance`` frame; never beside
    a risk word, means, turning away or doubt about being safe, nor when the message reads as risk on its own."""
    from haven.safety.patterns import frame_in, match, prepare

    first_after = state.level == "crisis" and state.held == 0 and state.category == "harm_to_others"
    if not (first_after and state.source == "pattern" and state.recent) or alone.is_risk:
        return False
    raised = match(prepare(state.recent[-1]))  # the message that raised the card
    if not raised or any(hit.pattern.strength != "mention" for hit in raised):
        return False
    if not frame_in("petty_grievance", prepare(words).sentences) or len(words.split()) < LAUGHED_OFF_WORDS:
        return False
    vetoes = (phrases.turned_away, phrases.doubts_safety, phrases.not_safety)
    if any(veto.search(words) for veto in vetoes) or _PAYBACK.search(words):
        return False
    # a time is the grievance's own here ("the cake I made for the party tomorrow"); a plan or means is not
    return not (_risk_words(words, phrases, _explained(words), times=False) or _still_risky(words))


#: Revenge said beside a grievance ("tomorrow I'll make him pay"): the threat goes on, it is no explanation
_PAYBACK = re.compile(
    r"\b(?:make (?:him|her|them) pay|get (?:him|her|them) back|teach (?:him|her|them) a lesson|revenge|get even|"
    r"(?:hes|shes|theyre|he is|she is|they are) (?:going to|gonna) (?:get it|regret)|sort (?:him|her|them) out)\b"
)


def _nothing_explained(words: str, phrases: _Phrases) -> bool:
    """Whether a correction says nothing of what was meant: only the correction, a joke and a word or two."""
    rest = _rest(words, phrases.correction, phrases.joke_only, phrases.turned_away)
    return len(rest.split()) <= BARE_CORRECTION_WORDS


def _not_acting_on_an_urge(words: str, state: RiskState, phrases: _Phrases) -> bool:
    """Whether the person says they will not act on a self-harm urge, with nothing risky after it, and no means
    were named ("i have the blades here" ... "no i'm not going to" holds: the means are still at hand)."""
    if state.category != "self_harm" or not phrases.not_acting.search(words):
        return False
    return not _means_named_before(state, phrases) and not _still_risky(_rest(words, phrases.not_acting))


def _means_named_before(state: RiskState, phrases: _Phrases) -> bool:
    """Whether the messages before this one, read while the crisis rose, named means or a plan the person has
    (``means_at_hand``), in words no frame explains; never for a crisis the learned layer raised alone."""
    if state.model_alone:
        return False
    for message in state.recent:
        plain = _plain(message)
        if _unexplained(phrases.means_at_hand, plain, _explained(plain)):
            return True
    return False


def _joke_after_harm_done(words: str, state: RiskState, phrases: _Phrases) -> bool:
    """Whether a correction that only says "it was a joke" follows self-harm read with risk words in it (a pattern,
    or the learned layer beside "cut", "burn", "blood"): an act told as done is seldom a joke, and "lol jk" is how a
    disclosure is often taken back. A joke after a threat or a wish ("I'll throw myself out the window lol jk") is
    still a step down, as ever, and so is one after self-harm the learned layer read with no risk word at all."""
    return state.category == "self_harm" and not state.model_alone and bool(phrases.joke_only.search(words))


def _misread_told(words: str, state: RiskState, alone: Triage, answer: _Answer, phrases: _Phrases) -> bool:
    """Whether a person meeting the crisis card says, in their own words, that Haven misread them ("what? no I'm
    fine, I'm at my brother's wedding", "I only wanted to say hello", "I was talking about my IBS"), and Haven has
    nothing but that reading to hold on to.

    Only a crisis the learned layer raised alone, with no risk word in it or in anything said since, is read this
    way: a greeting from a 93-year-old or a wedding toast read as a crisis otherwise held the whole conversation,
    since "no, I'm fine" answers the card's own "are you safe right now?" with a no. It leads to one check, not a
    step down: a person giving their things away says "no, I'm fine honestly" too, so the lines stay and only a
    firm yes to "are you safe right now?" goes back. A message with risk of its own (a word, means, a time, a
    goodbye, a pattern's reading) or doubt about being safe keeps the card; so does harm to others short of the
    weapon put away, danger at home and any medical emergency. A crisis a pattern or a risk word raised is corrected only by the
    stricter ``correction`` phrases.
    """
    if not (state.level == "crisis" and state.model_alone and phrases.misread.search(words)):
        return False
    # the patterns do not know every weapon or poison ("parked outside his house with a claw hammer on the
    # passenger seat" reads as the learned layer's alone): harm to others counts only with the weapon put away or
    # keeping away, as for the learned reader of safe claims; danger at home and emergencies never this way
    if state.category in ("medical_emergency", "danger_at_home"):
        return False  # after an overdose help must be on its way; at home, someone may be reading over a shoulder
    if state.category == "harm_to_others" and not phrases.away_from_harm.search(words):
        return False
    # the learned layer alone may read the reply too ("I'm sorry, I don't understand. I only wanted to say
    # hello" reads 0.88): it is the reading being questioned, so only a pattern or a language's phrase counts
    if alone.is_risk and alone.source not in ("", "model"):
        return False
    if answer.unsure or phrases.doubts_safety.search(words) or _risk_words(words, phrases):  # means among them
        return False
    return not _still_risky(_rest(words, phrases.misread, phrases.correction), model=False)


def replay(context: Sequence[str]) -> tuple[RiskState, str | None]:
    """The state after earlier messages (oldest first), and Haven's last words if they end the context.

    Haven's own messages (starting "haven:") are not triaged; each is the question the next message answers.
    """
    state, question, _ = replay_with_step(context)
    return state, question


def replay_with_step(context: Sequence[str]) -> tuple[RiskState, str | None, bool]:
    """As :func:`replay`, and whether Haven's last words are a step of an exercise in the chat ("haven
    exercise: Name four things you can feel")."""
    step = False
    state, question = RiskState(), None
    for message in context:
        if not isinstance(message, str) or not message.strip():
            continue
        if is_haven(message):
            question = _strip_speaker(message)
            step = message.strip().lower().startswith(EXERCISE_PREFIX)
            continue
        state = assess(message, state, question, step).state
        question, step = None, False
    return state, question, step
